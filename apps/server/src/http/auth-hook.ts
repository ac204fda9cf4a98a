import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pickLang } from '@opsdesk/contracts';
import { sessionAlive } from '@opsdesk/domain';
import {
  actorOf,
  findSessionPrincipal,
  findTokenPrincipal,
  touchSession,
  touchToken,
} from '../modules/auth/auth.repository.js';
import { currentPolicy } from '../modules/security-policy/security-policy.service.js';
import { sha256 } from '../lib/secrets.js';
import { AppError } from './app-error.js';
import type { Principal } from './context.js';

export const SESSION_COOKIE = 'opsdesk_session';
export const CSRF_HEADER = 'x-csrf-token';
/** last_seen_at is written at most once a minute per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Anonymous entry points: they never act with the session, so a stale cookie must not block them. */
const CSRF_EXEMPT = new Set(['/api/v1/auth/login', '/api/v1/setup']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function fromBearer(request: FastifyRequest, token: string): Promise<Principal | null> {
  const { db, now } = request.server.deps;
  const row = await findTokenPrincipal(db, sha256(token));
  const t = now();
  if (!row || row.user.disabled || row.token.revokedAt || (row.token.expiresAt && row.token.expiresAt <= t))
    return null;
  if (!row.token.lastUsedAt || t.getTime() - row.token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await touchToken(db, row.token.id, t);
  }
  return {
    actor: actorOf(row),
    displayName: row.user.displayName,
    username: row.user.username,
    locale: row.user.locale,
    via: 'token',
    sessionId: null,
    csrfToken: null,
    sessionCreatedAt: null,
  };
}

async function fromCookie(request: FastifyRequest, cookie: string): Promise<Principal | null> {
  const { db, now } = request.server.deps;
  const row = await findSessionPrincipal(db, sha256(cookie));
  if (!row) return null;
  const t = now();
  const policy = await currentPolicy(db);
  const state = sessionAlive(
    {
      createdAt: row.session.createdAt.getTime(),
      lastSeenAt: row.session.lastSeenAt.getTime(),
      revoked: row.session.revokedAt !== null,
    },
    t.getTime(),
    policy,
  );
  if (!state.alive) {
    request.authProblem = state.reason === 'revoked' ? 'UNAUTHENTICATED' : 'SESSION_EXPIRED';
    return null;
  }
  if (row.user.disabled) return null;
  if (t.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await touchSession(db, row.session.id, t);
  return {
    actor: actorOf(row),
    displayName: row.user.displayName,
    username: row.user.username,
    locale: row.user.locale,
    via: 'session',
    sessionId: row.session.id,
    csrfToken: row.session.csrfToken,
    sessionCreatedAt: row.session.createdAt,
  };
}

/**
 * Resolves who is calling, once per API request: a personal API token (`Authorization: Bearer`)
 * or the session cookie. Cookie-authenticated writes must carry the session's CSRF token.
 * Disabled users, revoked or expired sessions and tokens resolve to nobody.
 */
export function registerAuthHook(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('authProblem', null);
  app.decorateRequest('lang', 'zh-CN');

  app.addHook('onRequest', async (request) => {
    request.lang = pickLang(request.headers['accept-language']);
    if (!request.url.startsWith('/api/')) return;
    const auth = request.headers.authorization;
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      request.principal = m?.[1] ? await fromBearer(request, m[1]) : null;
      if (!request.principal) request.authProblem = 'UNAUTHENTICATED';
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    request.principal = await fromCookie(request, cookie);
    if (
      request.principal &&
      UNSAFE.has(request.method) &&
      !CSRF_EXEMPT.has(request.url.split('?')[0] ?? '')
    ) {
      const sent = request.headers[CSRF_HEADER];
      if (
        typeof sent !== 'string' ||
        !request.principal.csrfToken ||
        !same(sent, request.principal.csrfToken)
      ) {
        throw new AppError('CSRF_FAILED');
      }
    }
  });
}
