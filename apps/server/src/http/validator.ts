import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

/**
 * Validates requests with the route's zod schema. Issues keep their input so a missing field can be
 * told from a wrong one; the error handler localises them into field errors.
 */
export class RequestValidationError extends Error {
  statusCode = 400;
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('request validation failed');
    this.name = 'RequestValidationError';
  }
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    return result.success
      ? { value: result.data }
      : { error: new RequestValidationError(result.error.issues) };
  };
