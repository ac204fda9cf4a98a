import {
  AttachmentContentQuery,
  AttachmentList,
  AttachmentOwnerQuery,
  AttachmentSchema,
  AttachmentUploadQuery,
  IdParams,
  OkSchema,
} from '@opsdesk/contracts';
import { ALLOWED_TYPES } from '@opsdesk/domain';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { contentDisposition, uploadRoutes, uploadedFile } from '../../http/files.js';
import { presentAttachment } from './attachment.presenter.js';
import { deleteAttachment, listAttachments, openAttachment, uploadAttachment } from './attachment.service.js';

const tags = ['attachments'];

export async function attachmentRoutes(app: ZodApp) {
  // One byte over the limit reaches the service, which refuses the file as too large.
  await uploadRoutes(app, app.deps.config.uploadLimit + 1, (zapp) => {
    zapp.post(
      '/attachments',
      {
        schema: {
          tags,
          summary: 'Upload one file (multipart field "file") to an object',
          querystring: AttachmentUploadQuery,
          consumes: ['multipart/form-data'],
          response: { 201: AttachmentSchema },
        },
      },
      async (req, reply) => {
        const c = ctx(req);
        const part = await uploadedFile(req);
        const row = await uploadAttachment(
          c,
          req.query,
          part ? { fileName: part.filename, stream: part.file } : null,
        );
        return reply.code(201).send(presentAttachment(row, { canWrite: true }));
      },
    );
  });

  app.get(
    '/attachments',
    {
      schema: {
        tags,
        summary: "List an object's attachments",
        querystring: AttachmentOwnerQuery,
        response: { 200: AttachmentList },
      },
    },
    async (req) => {
      const { access, rows } = await listAttachments(ctx(req), req.query.ownerType, req.query.ownerId);
      return { items: rows.map((r) => presentAttachment(r, access)) };
    },
  );

  app.get(
    '/attachments/:id/content',
    {
      schema: {
        tags,
        summary: 'Download a file (never rendered as HTML)',
        params: IdParams,
        querystring: AttachmentContentQuery,
      },
    },
    async (req, reply) => {
      const { row, stream } = await openAttachment(ctx(req), req.params.id);
      const inline =
        req.query.inline !== undefined && ALLOWED_TYPES.some((t) => t.mime === row.contentType && t.inline);
      return reply
        .header('content-type', row.contentType)
        .header('content-length', String(row.sizeBytes))
        .header('content-disposition', contentDisposition(row.fileName, inline ? 'inline' : 'attachment'))
        .header(
          'content-security-policy',
          "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        )
        .header('cache-control', 'private, max-age=0, must-revalidate')
        .send(stream);
    },
  );

  app.delete(
    '/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Remove an attachment from its object',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deleteAttachment(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
}
