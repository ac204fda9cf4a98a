import { DEFAULT_LANG, ERROR_MESSAGES, errorMessage } from '@opsdesk/contracts';
import type { ErrorCode, FieldError, Lang } from '@opsdesk/contracts';

/**
 * The one way the web app talks to the API: same-origin fetch with the session cookie, JSON both
 * ways (files go up as multipart with `api.upload`), `Accept-Language` on every call,
 * `X-CSRF-Token` on every write, and every failure turned into an {@link ApiError} carrying the
 * envelope's code, fields and request id.
 */

export const API_BASE = '/api/v1';

/** An API failure. `code` is one of the contract's error codes, never a parsed message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  readonly requestId: string | null;
  /** The envelope's `details` (e.g. `attemptsLeft`, `lockedUntil`), without `fields`. */
  readonly details: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: ErrorCode;
    message: string;
    fields?: FieldError[];
    requestId?: string | null;
    details?: Record<string, unknown>;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId ?? null;
    this.details = init.details ?? {};
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

// ── Client state: kept in memory, set by the session and the language switch ─────────────────
let csrfToken: string | null = null;
let language: Lang = DEFAULT_LANG;
let onAuthLost: ((code: 'SESSION_EXPIRED' | 'UNAUTHENTICATED') => void) | null = null;

/** The session's CSRF token, from `GET /me` or the login response. Never persisted. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function hasCsrfToken(): boolean {
  return csrfToken !== null;
}
export function setApiLanguage(lang: Lang): void {
  language = lang;
}
export function getApiLanguage(): Lang {
  return language;
}
/** Called once per lost session (401 SESSION_EXPIRED or UNAUTHENTICATED) so the app can go to /login. */
export function setAuthLostHandler(handler: typeof onAuthLost): void {
  onAuthLost = handler;
}

// ── Requests ──────────────────────────────────────────────────────────────────────────────────
export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  query?: QueryParams | undefined;
  /** Sent as JSON; a FormData is sent as multipart as it is (the browser sets the boundary). */
  body?: unknown;
  signal?: AbortSignal | undefined;
  /**
   * Whether a 401 session loss sends the user to the login page. Off for the login call itself,
   * whose 401 (INVALID_CREDENTIALS) is the answer the form shows.
   */
  authRedirect?: boolean;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether `code` is one of the contract's error codes (ERROR_MESSAGES has one entry per code). */
function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_MESSAGES, code);
}

/** `?a=1&b=x`, leaving out undefined, null and empty values. */
export function toQueryString(query: QueryParams | undefined): string {
  if (!query) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    sp.append(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'MALFORMED_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    case 502:
    case 503:
    case 504:
      return 'UNAVAILABLE';
    default:
      return 'INTERNAL';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseFields(v: unknown): FieldError[] {
  if (!Array.isArray(v)) return [];
  return v.filter(
    (f): f is FieldError =>
      isRecord(f) &&
      typeof f.path === 'string' &&
      typeof f.code === 'string' &&
      typeof f.message === 'string',
  );
}

/**
 * Turns a failed response into an ApiError. The envelope is
 * `{ error: { code, message, requestId, details: { fields: [{ path, code, message }] } } }`;
 * anything else (a proxy's HTML page, an empty body) gets a code from the status and the
 * contract's message in the current language.
 */
export function errorFromResponse(status: number, body: unknown, headerRequestId: string | null): ApiError {
  const err = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (err && isErrorCode(err.code)) {
    const code = err.code;
    const { fields, ...details } = isRecord(err.details) ? err.details : {};
    return new ApiError({
      status,
      code,
      message: typeof err.message === 'string' && err.message ? err.message : errorMessage(code, language),
      fields: parseFields(fields),
      requestId: typeof err.requestId === 'string' ? err.requestId : headerRequestId,
      details,
    });
  }
  const code = codeForStatus(status);
  return new ApiError({ status, code, message: errorMessage(code, language), requestId: headerRequestId });
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

let authLostReported = false;
/** Re-arms the session-loss report after a successful sign-in. */
export function resetAuthLost(): void {
  authLostReported = false;
}

/**
 * Sends one request. The response type is the caller's claim, made from the contract
 * (`z.infer<typeof CustomerPage>`); responses are not re-validated in the browser.
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  const init: RequestInit = { method, credentials: 'same-origin', headers, signal: options.signal ?? null };
  if (options.body instanceof FormData) {
    init.body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (WRITE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}${toQueryString(options.query)}`, init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'UNAVAILABLE', message: errorMessage('UNAVAILABLE', language) });
  }
  const body = await readJson(res);
  if (res.ok) return body as T;

  const error = errorFromResponse(res.status, body, res.headers.get('x-request-id'));
  if (
    error.status === 401 &&
    (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED') &&
    options.authRedirect !== false
  ) {
    if (!authLostReported) {
      authLostReported = true;
      onAuthLost?.(error.code);
    }
  }
  throw error;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** POSTs a multipart form (files): the same CSRF header, language and error envelope as JSON writes. */
  upload: <T>(path: string, form: FormData, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body: form }),
};

/** Encodes one path segment (ids come from URLs the user can edit). */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
