import { IdParams, OkSchema, TokenCreateSchema, TokenCreatedSchema, TokenList } from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentToken } from './token.presenter.js';
import { createToken, listTokensFor, revokeToken } from './token.service.js';

const tags = ['tokens'];

export async function tokenRoutes(app: ZodApp) {
  app.get(
    '/tokens',
    { schema: { tags, summary: 'List my personal API tokens', response: { 200: TokenList } } },
    async (req) => {
      const c = ctx(req);
      return { items: (await listTokensFor(c)).map((r) => presentToken(r, c.actor)) };
    },
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token; the secret is shown only in this response',
        body: TokenCreateSchema,
        response: { 201: TokenCreatedSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      const { token, secret } = await createToken(c, req.body);
      // The secret must not linger in any cache between here and the user.
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ ...presentToken(token, c.actor), token: secret });
    },
  );

  app.delete(
    '/tokens/:id',
    { schema: { tags, summary: 'Revoke one of my tokens', params: IdParams, response: { 200: OkSchema } } },
    async (req) => {
      await revokeToken(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
}
