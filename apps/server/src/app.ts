import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import pino from 'pino';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
} from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger, LoggerOptions } from 'pino';
import { randomUUID } from 'node:crypto';
import { registerAuthHook } from './http/auth-hook.js';
import type { Deps } from './http/context.js';
import { registerErrorHandling } from './http/error-handler.js';
import { MODULE_ROUTES } from './http/routes.js';
import { validatorCompiler } from './http/validator.js';

export interface BuildOptions {
  logger?: boolean | LoggerOptions;
  loggerInstance?: Logger;
}

/** Builds the HTTP app on shared dependencies. Starting, stopping and jobs live in server.ts. */
export async function buildApp(deps: Deps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: (options.loggerInstance ??
      pino(
        options.logger && typeof options.logger === 'object' ? options.logger : { level: 'silent' },
      )) as FastifyBaseLogger,
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    ajv: undefined,
  });
  app.decorate('deps', deps);
  // The API speaks JSON (and multipart for uploads, registered by the attachments module).
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  registerAuthHook(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'opsdesk API',
        description:
          'IT operations service management (运维服务管理平台). Errors use one envelope: `{ error: { code, message, requestId, details } }`.',
        version: '1',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'opsdesk_session',
            description: 'Browser session; writes need X-CSRF-Token',
          },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.pool.query('SELECT 1');
      return { ok: true };
    } catch {
      return reply.code(503).send({ ok: false });
    }
  });

  await app.register(
    async (api) => {
      const zapp = api.withTypeProvider<ZodTypeProvider>();
      for (const routes of MODULE_ROUTES) await routes(zapp);
    },
    { prefix: '/api/v1' },
  );

  const webDist = deps.config.webDist;
  if (webDist && existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
    // The SPA: every non-API GET that is not a file serves index.html.
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
    app.get('/', { schema: { hide: true } }, (_req, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  }

  return app;
}
