import type { ErrorCode } from '@opsdesk/contracts';

/** A field problem named by an opsdesk rule key (`rule.*`), localised when the response is sent. */
export interface FieldProblem {
  path: string;
  rule: string;
  params?: Record<string, unknown>;
}

/**
 * An expected business failure. Services throw it; the error handler turns it into the one
 * envelope with the status from ERROR_STATUS. Anything else thrown is a bug (500).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
    /** Placeholders of the code's message, e.g. `{ until }` for ACCOUNT_LOCKED. */
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldProblem[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }

  static notFound(): AppError {
    return new AppError('NOT_FOUND');
  }

  static forbidden(): AppError {
    return new AppError('FORBIDDEN');
  }

  static validation(fields: FieldProblem[]): AppError {
    return new AppError('VALIDATION_FAILED', {}, {}, fields);
  }

  static field(path: string, rule: string, params?: Record<string, unknown>): AppError {
    return AppError.validation([{ path, rule, ...(params ? { params } : {}) }]);
  }
}
