import multipart from '@fastify/multipart';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodApp } from './context.js';

// Files over HTTP: uploads (multipart, in a plugin of their own) and downloads (the file name).

/**
 * Upload routes: registered inside a plugin of their own where multipart parsing exists (one
 * file and a few fields, at most `fileSize` bytes); the rest of the API stays JSON-only.
 */
export async function uploadRoutes(
  app: ZodApp,
  fileSize: number,
  routes: (scoped: ZodApp) => void | Promise<void>,
): Promise<void> {
  await app.register(async (scoped) => {
    await scoped.register(multipart, { limits: { files: 1, fields: 5, fileSize, parts: 6 } });
    await routes(scoped as unknown as ZodApp);
  });
}

/** The request's file part, or null when the body is not multipart or carries no file. */
export async function uploadedFile(req: FastifyRequest): Promise<MultipartFile | null> {
  return req.isMultipart() ? ((await req.file()) ?? null) : null;
}

/**
 * A `Content-Disposition` header for a file of any name (RFC 6266): an ASCII fallback for old
 * clients, then the UTF-8 name (Chinese file names survive). `inline` lets a browser show it.
 */
export function contentDisposition(fileName: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
