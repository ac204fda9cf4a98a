import {
  AvailabilityPutSchema,
  AvailabilitySchema,
  IdParams,
  OkSchema,
  RequesterList,
  RequesterLookupQuery,
  TicketViewCreateSchema,
  TicketViewList,
  TicketViewSchema,
  TicketViewUpdateSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import {
  createView,
  deleteView,
  lookupRequesters,
  myAvailability,
  myViews,
  setAvailability,
  updateView,
} from './workspace.service.js';
import type { ViewRow } from './workspace.service.js';

const tags = ['agent workspace'];
const presentView = (v: ViewRow) => ({
  id: v.id,
  name: v.name,
  query: v.query as Record<string, string>,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
});
const presentAvailability = (a: { away: boolean; awayUntil: Date | null; note: string | null }) => ({
  away: a.away,
  awayUntil: a.awayUntil?.toISOString() ?? null,
  note: a.note,
});

export async function workspaceRoutes(app: ZodApp) {
  app.get(
    '/ticket-views',
    { schema: { tags, summary: 'My saved ticket views', response: { 200: TicketViewList } } },
    async (req) => ({ items: (await myViews(ctx(req))).map(presentView) }),
  );
  app.post(
    '/ticket-views',
    {
      schema: {
        tags,
        summary: 'Save a view (the list query as parameters)',
        body: TicketViewCreateSchema,
        response: { 201: TicketViewSchema },
      },
    },
    async (req, reply) => reply.code(201).send(presentView(await createView(ctx(req), req.body))),
  );
  app.patch(
    '/ticket-views/:id',
    {
      schema: {
        tags,
        summary: 'Rename or change a saved view',
        params: IdParams,
        body: TicketViewUpdateSchema,
        response: { 200: TicketViewSchema },
      },
    },
    async (req) => presentView(await updateView(ctx(req), req.params.id, req.body)),
  );
  app.delete(
    '/ticket-views/:id',
    { schema: { tags, summary: 'Delete a saved view', params: IdParams, response: { 200: OkSchema } } },
    async (req) => {
      await deleteView(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/me/availability',
    { schema: { tags, summary: 'Whether I am away', response: { 200: AvailabilitySchema } } },
    async (req) => presentAvailability(await myAvailability(ctx(req))),
  );
  app.put(
    '/me/availability',
    {
      schema: {
        tags,
        summary: 'Mark myself away (routing skips me) or back',
        body: AvailabilityPutSchema,
        response: { 200: AvailabilitySchema },
      },
    },
    async (req) => presentAvailability(await setAvailability(ctx(req), req.body)),
  );
  app.get(
    '/projects/:id/requesters',
    {
      schema: {
        tags,
        summary: "Phone logging: find a caller among the project customer's contacts",
        params: IdParams,
        querystring: RequesterLookupQuery,
        response: { 200: RequesterList },
      },
    },
    async (req) => ({
      items: await lookupRequesters(ctx(req), req.params.id, req.query),
    }),
  );
}
