import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '@opsdesk/domain';
import type { Lang } from '@opsdesk/contracts';
import type pg from 'pg';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { AppError } from './app-error.js';
import type { JobQueue } from '../jobs/job-system.js';

/** What the whole app shares: built once in buildApp, reachable as `app.deps`. */
export interface Deps {
  config: Config;
  pool: pg.Pool;
  db: Db;
  /** The clock. Tests move it; nothing else reads Date.now() for business time. */
  now: () => Date;
  /** Enqueues background work (pg-boss; inline in tests). */
  jobs: JobQueue;
}

/** The signed-in user behind a request. */
export interface Principal {
  actor: Actor;
  displayName: string;
  username: string | null;
  locale: Lang | null;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
  sessionCreatedAt: Date | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
  }
  interface FastifyRequest {
    lang: Lang;
    principal: Principal | null;
    /** Why a presented credential was not accepted (for a precise 401). */
    authProblem: 'SESSION_EXPIRED' | 'UNAUTHENTICATED' | null;
  }
}

/** The Fastify instance routes are written against: typed by the zod schemas they declare. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Who did it, from where: what every audit row and every service needs. */
export interface Ctx {
  db: Db;
  deps: Deps;
  actor: Actor;
  actorName: string;
  /** How the caller signed in: a browser session or a personal API token. */
  credential: 'session' | 'token';
  requestId: string;
  ip: string | null;
  lang: Lang;
  now: Date;
}

/** Context of an anonymous request (login, first-run setup). */
export type AnonCtx = Omit<Ctx, 'actor' | 'actorName' | 'credential'> & {
  actor: null;
  actorName: string | null;
};

export function anonCtx(request: FastifyRequest): AnonCtx {
  const deps = request.server.deps;
  return {
    db: deps.db,
    deps,
    actor: null,
    actorName: null,
    requestId: String(request.id),
    ip: request.ip ?? null,
    lang: request.lang,
    now: deps.now(),
  };
}

/** The context of a signed-in request; 401 when there is no valid credential. */
export function ctx(request: FastifyRequest): Ctx {
  const p = request.principal;
  if (!p) throw new AppError(request.authProblem ?? 'UNAUTHENTICATED');
  const deps = request.server.deps;
  return {
    db: deps.db,
    deps,
    actor: p.actor,
    actorName: p.displayName,
    credential: p.via,
    requestId: String(request.id),
    ip: request.ip ?? null,
    lang: request.lang,
    now: deps.now(),
  };
}
