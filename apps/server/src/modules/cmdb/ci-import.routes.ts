import {
  CiExportQuery,
  CiImportListQuery,
  CiImportPage,
  CiImportQuery,
  CiImportSchema,
  CiTemplateQuery,
  IdParams,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { contentDisposition, uploadRoutes, uploadedFile } from '../../http/files.js';
import { exportCis, templateFor } from './ci-export.js';
import { getImport, listImports, startImport } from './ci-import.service.js';
import type { ImportRow } from './ci-import.repository.js';

const tags = ['cmdb'];

export function presentImport(r: ImportRow) {
  return {
    id: r.id,
    projectId: r.projectId,
    typeId: r.typeId,
    fileName: r.fileName,
    format: r.format,
    dryRun: r.dryRun,
    status: r.status,
    totalRows: r.totalRows,
    processedRows: r.processedRows,
    created: r.createdCount,
    updated: r.updatedCount,
    unchanged: r.unchangedCount,
    errorCount: r.errorCount,
    errors: r.errors,
    resultAttachmentId: r.resultAttachmentId,
    failure: r.failure,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt ? r.startedAt.toISOString() : null,
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
  };
}

export async function ciImportRoutes(app: ZodApp) {
  await uploadRoutes(app, app.deps.config.uploadLimit, (zapp) => {
    zapp.post(
      '/cis/import',
      {
        schema: {
          tags,
          summary:
            'Import CIs from .xlsx or .csv (multipart field "file"): a dry run by default; large files run as a job (202)',
          querystring: CiImportQuery,
          consumes: ['multipart/form-data'],
          response: { 200: CiImportSchema, 202: CiImportSchema },
        },
      },
      async (req, reply) => {
        const c = ctx(req);
        const part = await uploadedFile(req);
        const file = part ? { fileName: part.filename, buffer: await part.toBuffer() } : null;
        const { record, queued } = await startImport(c, req.query, file);
        return reply.code(queued ? 202 : 200).send(presentImport(record));
      },
    );
  });

  app.get(
    '/cis/imports',
    {
      schema: {
        tags,
        summary: 'Imports of the projects in scope, newest first',
        querystring: CiImportListQuery,
        response: { 200: CiImportPage },
      },
    },
    async (req) => {
      const page = await listImports(ctx(req), req.query);
      return { ...page, items: page.items.map(presentImport) };
    },
  );

  app.get(
    '/cis/imports/:id',
    {
      schema: {
        tags,
        summary: 'An import with its progress, counts, errors and result file',
        params: IdParams,
        response: { 200: CiImportSchema },
      },
    },
    async (req) => {
      return presentImport(await getImport(ctx(req), req.params.id));
    },
  );

  app.get(
    '/cis/export',
    {
      schema: {
        tags,
        summary: 'Export the filtered CI list as .xlsx or CSV (Chinese headers by default)',
        querystring: CiExportQuery,
      },
    },
    async (req, reply) => {
      const file = await exportCis(ctx(req), req.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'no-store')
        .send(file.stream);
    },
  );

  app.get(
    '/ci-types/:id/template',
    {
      schema: {
        tags,
        summary: 'The import template of a CI type (.xlsx with drop-downs and notes, or CSV)',
        params: IdParams,
        querystring: CiTemplateQuery,
      },
    },
    async (req, reply) => {
      const file = await templateFor(ctx(req), req.params.id, req.query.format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.fileName))
        .send(file.body);
    },
  );
}
