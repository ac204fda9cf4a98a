import {
  IdParams,
  OkSchema,
  PasswordResetSchema,
  UserCreateSchema,
  UserListQuery,
  UserPage,
  UserRolesSchema,
  UserSchema,
  UserUpdateSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentUser } from './user.presenter.js';
import { resetPassword, setGlobalRoles, unlockUser } from './user-account.service.js';
import { createUser, getUser, listUsersFor, updateUser } from './user.service.js';

const tags = ['users'];

export async function userRoutes(app: ZodApp) {
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'List the users the caller may see',
        querystring: UserListQuery,
        response: { 200: UserPage },
      },
    },
    async (req) => {
      const c = ctx(req);
      const page = await listUsersFor(c, req.query);
      return { ...page, items: page.items.map((r) => presentUser(r, c.actor)) };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user (admin)',
        body: UserCreateSchema,
        response: { 201: UserSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(presentUser(await createUser(c, req.body), c.actor));
    },
  );

  app.get(
    '/users/:id',
    { schema: { tags, summary: 'Get a user', params: IdParams, response: { 200: UserSchema } } },
    async (req) => {
      const c = ctx(req);
      return presentUser(await getUser(c, req.params.id), c.actor);
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Update a user; `disabled` disables or enables the account (admin)',
        params: IdParams,
        body: UserUpdateSchema,
        response: { 200: UserSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentUser(await updateUser(c, req.params.id, req.body), c.actor);
    },
  );

  app.put(
    '/users/:id/roles',
    {
      schema: {
        tags,
        summary: "Set a user's global role (security admin only)",
        params: IdParams,
        body: UserRolesSchema,
        response: { 200: UserSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentUser(await setGlobalRoles(c, req.params.id, req.body.globalRoles), c.actor);
    },
  );

  app.post(
    '/users/:id/password',
    {
      schema: {
        tags,
        summary: "Reset another user's password (admin); ends their sessions",
        params: IdParams,
        body: PasswordResetSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await resetPassword(ctx(req), req.params.id, req.body.password);
      return { ok: true as const };
    },
  );

  app.post(
    '/users/:id/unlock',
    {
      schema: {
        tags,
        summary: 'Clear a sign-in lockout (admin)',
        params: IdParams,
        response: { 200: UserSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentUser(await unlockUser(c, req.params.id), c.actor);
    },
  );
}
