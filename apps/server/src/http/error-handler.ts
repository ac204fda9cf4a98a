import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_STATUS, errorMessage, issuesToFieldErrors, ruleMessage } from '@opsdesk/contracts';
import type { ErrorCode, FieldError } from '@opsdesk/contracts';
import { AppError } from './app-error.js';
import { fromPgError } from './pg-errors.js';
import { RequestValidationError } from './validator.js';

/** Fastify's own request errors, by code, mapped onto ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_REQUEST',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_RATE_LIMIT: 'RATE_LIMITED',
};

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  options: {
    details?: Record<string, unknown>;
    params?: Record<string, unknown>;
    fields?: FieldError[];
  } = {},
) {
  const details: Record<string, unknown> = { ...(options.details ?? {}) };
  if (options.fields?.length) details.fields = options.fields;
  return reply
    .code(ERROR_STATUS[code])
    .header('cache-control', 'no-store')
    .send({
      error: {
        code,
        message: errorMessage(code, request.lang, options.params),
        requestId: String(request.id),
        ...(Object.keys(details).length ? { details } : {}),
      },
    });
}

function appErrorFields(err: AppError, request: FastifyRequest): FieldError[] {
  return err.fields.map((f) => ({
    path: f.path,
    code: f.rule.replace(/^rule\./, ''),
    message: ruleMessage(f.rule, request.lang, f.params) ?? f.rule,
  }));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => sendError(request, reply, 'NOT_FOUND'));

  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof AppError) {
      return sendError(request, reply, error.code, {
        details: error.details,
        params: error.params,
        fields: appErrorFields(error, request),
      });
    }
    if (error instanceof RequestValidationError) {
      const where = (error as unknown as { validationContext?: string }).validationContext;
      return sendError(request, reply, 'VALIDATION_FAILED', {
        details: where ? { in: where } : {},
        fields: issuesToFieldErrors(error.issues, request.lang),
      });
    }
    const pg = fromPgError(error, request.method === 'DELETE' ? 'delete' : 'write');
    if (pg) {
      return sendError(request, reply, pg.code, { details: pg.details, fields: appErrorFields(pg, request) });
    }
    const fe = error as FastifyError;
    const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
    if (mapped) return sendError(request, reply, mapped);
    if (
      error instanceof SyntaxError ||
      (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500)
    ) {
      const status = fe.statusCode ?? 400;
      const code: ErrorCode =
        status === 404
          ? 'NOT_FOUND'
          : status === 413
            ? 'PAYLOAD_TOO_LARGE'
            : status === 415
              ? 'UNSUPPORTED_MEDIA_TYPE'
              : status === 429
                ? 'RATE_LIMITED'
                : 'MALFORMED_REQUEST';
      return sendError(request, reply, code);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL');
  });
}
