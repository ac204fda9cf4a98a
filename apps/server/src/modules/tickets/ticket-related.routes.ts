import {
  IdParams,
  LinkCreateSchema,
  LinkParams,
  MergeSchema,
  OkSchema,
  RatingSchema,
  TicketSchema,
  WatcherCreateSchema,
  WatcherParams,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import {
  addLink,
  addWatcher,
  mergeTicket,
  rateTicket,
  removeLink,
  removeWatcher,
} from './ticket.related.service.js';
import { detailOf } from './ticket.routes.js';

const tags = ['tickets'];

export async function ticketRelatedRoutes(app: ZodApp) {
  app.post(
    '/tickets/:id/watchers',
    {
      schema: {
        tags,
        summary: 'Watch a ticket (oneself), or add a watcher (staff working it)',
        params: IdParams,
        body: WatcherCreateSchema,
        response: { 200: TicketSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      await addWatcher(c, req.params.id, req.body.userId);
      return detailOf(c, req.params.id);
    },
  );
  app.delete(
    '/tickets/:id/watchers/:userId',
    {
      schema: {
        tags,
        summary: 'Stop watching, or remove a watcher',
        params: WatcherParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await removeWatcher(ctx(req), req.params.id, req.params.userId);
      return { ok: true as const };
    },
  );
  app.post(
    '/tickets/:id/links',
    {
      schema: {
        tags,
        summary: 'Link a related or duplicate ticket',
        params: IdParams,
        body: LinkCreateSchema,
        response: { 200: TicketSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      await addLink(c, req.params.id, req.body);
      return detailOf(c, req.params.id);
    },
  );
  app.delete(
    '/tickets/:id/links/:linkId',
    { schema: { tags, summary: 'Remove a link', params: LinkParams, response: { 200: OkSchema } } },
    async (req) => {
      await removeLink(ctx(req), req.params.id, req.params.linkId);
      return { ok: true as const };
    },
  );
  app.post(
    '/tickets/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge this duplicate into another ticket of the project',
        params: IdParams,
        body: MergeSchema,
        response: { 200: TicketSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      await mergeTicket(c, req.params.id, req.body);
      return detailOf(c, req.params.id);
    },
  );
  app.post(
    '/tickets/:id/rating',
    {
      schema: {
        tags,
        summary: 'The requester rates a closed ticket (1–5, comment)',
        params: IdParams,
        body: RatingSchema,
        response: { 200: TicketSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      await rateTicket(c, req.params.id, req.body);
      return detailOf(c, req.params.id);
    },
  );
}
