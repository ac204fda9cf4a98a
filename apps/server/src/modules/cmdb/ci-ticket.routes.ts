import {
  CiTicketListQuery,
  CiTicketPage,
  CiTicketParams,
  IdParams,
  OkSchema,
  TicketCiListQuery,
  TicketCiPage,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentCi } from './ci.presenter.js';
import { cisOfTicket, linkTicket, ticketsOfCi, unlinkTicket } from './ci-ticket.service.js';

const tags = ['cmdb'];

export async function ciTicketRoutes(app: ZodApp) {
  app.get(
    '/cis/:id/tickets',
    {
      schema: {
        tags,
        summary: 'The tickets that name this CI as affected, newest first',
        params: IdParams,
        querystring: CiTicketListQuery,
        response: { 200: CiTicketPage },
      },
    },
    async (req) => {
      const page = await ticketsOfCi(ctx(req), req.params.id, req.query);
      return {
        ...page,
        items: page.items.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          addedAt: r.addedAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/tickets/:id/cis',
    {
      schema: {
        tags,
        summary:
          'The CIs this ticket names as affected, in the order they were named (those in your CMDB scope)',
        params: IdParams,
        querystring: TicketCiListQuery,
        response: { 200: TicketCiPage },
      },
    },
    async (req) => {
      const c = ctx(req);
      const { items, nextCursor, link } = await cisOfTicket(c, req.params.id, req.query);
      return {
        items: items.map((r) => ({ ci: presentCi(r, c.actor), addedAt: r.addedAt.toISOString() })),
        nextCursor,
        abilities: { link },
      };
    },
  );

  app.put(
    '/cis/:id/tickets/:ticketId',
    {
      schema: {
        tags,
        summary: 'Name this CI as affected by a ticket of its project (staff)',
        params: CiTicketParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await linkTicket(ctx(req), req.params.id, req.params.ticketId);
      return { ok: true as const };
    },
  );

  app.delete(
    '/cis/:id/tickets/:ticketId',
    {
      schema: {
        tags,
        summary: 'Remove this CI from the affected CIs of a ticket (staff)',
        params: CiTicketParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await unlinkTicket(ctx(req), req.params.id, req.params.ticketId);
      return { ok: true as const };
    },
  );
}
