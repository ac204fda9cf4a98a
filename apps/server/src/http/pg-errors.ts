import { AppError } from './app-error.js';

/**
 * Turns PostgreSQL constraint violations into field errors. Services check what they can first;
 * this is the backstop for races (two creates of the same name) and keeps them 4xx, never 500.
 */
const CONSTRAINT_FIELDS = new Map<string, string>();

/** Names the request field that a unique/check/foreign-key constraint guards. */
export function constraintField(constraint: string, path: string): void {
  CONSTRAINT_FIELDS.set(constraint, path);
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

interface PgError {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

function isPgError(err: unknown): err is PgError & Error {
  return (
    err instanceof Error &&
    typeof (err as PgError).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((err as PgError).code ?? '')
  );
}

function fieldOf(e: PgError): string {
  if (e.constraint && CONSTRAINT_FIELDS.has(e.constraint)) return CONSTRAINT_FIELDS.get(e.constraint)!;
  if (e.column) return camel(e.column);
  // <table>_<column>_key / _fkey / _check
  const m =
    e.constraint && e.table
      ? e.constraint.slice(e.table.length + 1).replace(/_(key|fkey|check|idx)$/, '')
      : '';
  return m ? camel(m) : '';
}

/** An AppError for a known PostgreSQL failure, or null when it is a real bug. */
export function fromPgError(e: unknown, op: 'write' | 'delete' = 'write'): AppError | null {
  // Drizzle wraps the driver's error in `cause`.
  const err = isPgError(e) ? e : e instanceof Error && isPgError(e.cause) ? e.cause : null;
  if (!err) return null;
  switch (err.code) {
    case '23505':
      return AppError.field(fieldOf(err), 'rule.unique');
    case '23503':
    case '23001': // ON DELETE RESTRICT
      return op === 'delete' ? new AppError('IN_USE') : AppError.field(fieldOf(err), 'rule.unknownReference');
    case '23514':
    case '23502':
      return AppError.field(fieldOf(err), 'rule.invalidValue');
    case '22001':
      return AppError.field(fieldOf(err), 'rule.tooLong');
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return new AppError('MALFORMED_REQUEST');
    case '40001':
    case '40P01':
      return new AppError('CONFLICT');
    case '57014':
    case '53300':
      return new AppError('UNAVAILABLE');
    default:
      return null;
  }
}
