import { z } from 'zod';
import {
  LoginSchema,
  MeSchema,
  OkSchema,
  PasswordChangeSchema,
  SetupSchema,
  SetupStatusSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { anonCtx, ctx } from '../../http/context.js';
import { SESSION_COOKIE } from '../../http/auth-hook.js';
import { AppError } from '../../http/app-error.js';
import { currentPolicy } from '../security-policy/security-policy.service.js';
import { presentMe } from './auth.presenter.js';
import { changeOwnPassword, login, logout, setupFirstAdmin, setupNeeded } from './auth.service.js';

export async function authRoutes(app: ZodApp) {
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: app.deps.config.cookieSecure,
  };

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password',
        body: LoginSchema,
        response: { 200: MeSchema },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const result = await login(
        anonCtx(req),
        req.body.username,
        req.body.password,
        req.headers['user-agent'] ?? null,
      );
      reply.setCookie(SESSION_COOKIE, result.sessionToken, cookieOptions);
      return presentMe(result.principal, await currentPolicy(req.server.deps.db));
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out: ends this session', response: { 200: OkSchema } } },
    async (req, reply) => {
      const c = ctx(req);
      await logout(c, req.principal?.sessionId ?? null);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, with abilities and CSRF token',
        response: { 200: MeSchema },
      },
    },
    async (req) => {
      ctx(req);
      return presentMe(req.principal!, await currentPolicy(req.server.deps.db));
    },
  );

  app.post(
    '/me/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my password',
        body: PasswordChangeSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await changeOwnPassword(ctx(req), req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );

  app.get(
    '/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Whether first-run setup is needed',
        response: { 200: SetupStatusSchema },
      },
    },
    async (req) => ({ needed: await setupNeeded(req.server.deps.db) }),
  );

  app.post(
    '/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'First run: create the first admin',
        body: SetupSchema,
        response: { 201: z.object({ ok: z.literal(true) }) },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      if (!(await setupNeeded(req.server.deps.db))) throw new AppError('SETUP_DONE');
      await setupFirstAdmin(anonCtx(req), req.body);
      return reply.code(201).send({ ok: true as const });
    },
  );
}
