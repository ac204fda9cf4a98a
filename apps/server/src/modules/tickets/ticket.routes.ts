import {
  CommentCreateSchema,
  CommentList,
  CommentSchema,
  IdParams,
  TicketCreateSchema,
  TicketHistory,
  TicketListQuery,
  TicketPage,
  TicketSchema,
  TicketUpdateSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import type { Ctx } from '../../http/context.js';
import { addComment, listComments } from './ticket.comment.service.js';
import { raiseTicket } from './ticket.create.service.js';
import { presentComment, presentTicket, presentTicketItem } from './ticket.presenter.js';
import { releaseTicketNumbers } from './ticket.numbers.js';
import { ticketDetail, ticketHistory, ticketPage } from './ticket.read.service.js';
import { updateTicket } from './ticket.update.service.js';
import './ticket.attachments.js';

const tags = ['tickets'];

export const detailOf = async (c: Ctx, id: string) => presentTicket(await ticketDetail(c, id), c.lang);

export async function ticketRoutes(app: ZodApp) {
  // The node's unused ticket numbers go back to their counters once its requests have drained.
  app.addHook('onClose', async (instance) => {
    await releaseTicketNumbers(instance.deps).catch((err: unknown) =>
      instance.log.warn({ err }, 'ticket numbers not given back'),
    );
  });
  app.post(
    '/tickets',
    {
      schema: {
        tags,
        summary: 'Raise a ticket (staff for a caller, or a customer contact for themselves)',
        body: TicketCreateSchema,
        response: { 201: TicketSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      const { row, detail } = await raiseTicket(c, req.body);
      return reply.code(201).send(detail ? presentTicket(detail, c.lang) : await detailOf(c, row.id));
    },
  );

  app.get(
    '/tickets',
    {
      schema: {
        tags,
        summary:
          'Tickets in scope: queues (mine, my_groups, unassigned, breaching_soon, all), filters, full-text `q`, keyset cursor',
        querystring: TicketListQuery,
        response: { 200: TicketPage },
      },
    },
    async (req) => {
      const c = ctx(req);
      const page = await ticketPage(c, req.query);
      return {
        items: page.items.map((v) => presentTicketItem(v, page.defs.get(v.ticket.kind), c.lang)),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/tickets/:id',
    {
      schema: {
        tags,
        summary: 'A ticket with the actions the caller may take',
        params: IdParams,
        response: { 200: TicketSchema },
      },
    },
    async (req) => detailOf(ctx(req), req.params.id),
  );

  app.patch(
    '/tickets/:id',
    {
      schema: {
        tags,
        summary: 'Change fields (priority follows the matrix)',
        params: IdParams,
        body: TicketUpdateSchema,
        response: { 200: TicketSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      await updateTicket(c, req.params.id, req.body);
      return detailOf(c, req.params.id);
    },
  );

  app.get(
    '/tickets/:id/history',
    {
      schema: {
        tags,
        summary: "The ticket's history (internal entries for staff only)",
        params: IdParams,
        response: { 200: TicketHistory },
      },
    },
    async (req) => {
      const rows = await ticketHistory(ctx(req), req.params.id);
      return {
        items: rows.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          actor: { id: e.actorId, name: e.actorName },
          type: e.type,
          data: e.data,
        })),
      };
    },
  );

  app.get(
    '/tickets/:id/comments',
    {
      schema: {
        tags,
        summary: 'Replies, and internal notes for staff',
        params: IdParams,
        response: { 200: CommentList },
      },
    },
    async (req) => ({
      items: (await listComments(ctx(req), req.params.id)).map(presentComment),
    }),
  );

  app.post(
    '/tickets/:id/comments',
    {
      schema: {
        tags,
        summary: 'Reply publicly or add an internal note, with time spent',
        params: IdParams,
        body: CommentCreateSchema,
        response: { 201: CommentSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(presentComment(await addComment(c, req.params.id, req.body)));
    },
  );
}
