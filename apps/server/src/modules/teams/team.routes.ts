import {
  IdParams,
  OkSchema,
  TeamCreateSchema,
  TeamListQuery,
  TeamPage,
  TeamSchema,
  TeamUpdateSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentTeam } from './team.presenter.js';
import { createTeam, deleteTeam, getTeam, listTeamsFor, updateTeam } from './team.service.js';

const tags = ['teams'];

export async function teamRoutes(app: ZodApp) {
  app.get(
    '/teams',
    {
      schema: {
        tags,
        summary: 'List teams (staff only)',
        querystring: TeamListQuery,
        response: { 200: TeamPage },
      },
    },
    async (req) => {
      const c = ctx(req);
      const page = await listTeamsFor(c, req.query);
      return { ...page, items: page.items.map((r) => presentTeam(r, c.actor)) };
    },
  );

  app.post(
    '/teams',
    {
      schema: {
        tags,
        summary: 'Create a team of staff',
        body: TeamCreateSchema,
        response: { 201: TeamSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(presentTeam(await createTeam(c, req.body), c.actor));
    },
  );

  app.get(
    '/teams/:id',
    {
      schema: {
        tags,
        summary: 'Get a team with its members',
        params: IdParams,
        response: { 200: TeamSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentTeam(await getTeam(c, req.params.id), c.actor);
    },
  );

  app.patch(
    '/teams/:id',
    {
      schema: {
        tags,
        summary: 'Update a team; memberIds, when given, replaces the whole membership',
        params: IdParams,
        body: TeamUpdateSchema,
        response: { 200: TeamSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentTeam(await updateTeam(c, req.params.id, req.body), c.actor);
    },
  );

  app.delete(
    '/teams/:id',
    { schema: { tags, summary: 'Delete a team', params: IdParams, response: { 200: OkSchema } } },
    async (req) => {
      await deleteTeam(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
}
