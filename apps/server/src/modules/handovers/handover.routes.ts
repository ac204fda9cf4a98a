import {
  CustomerManagerAssignSchema,
  HandoverCreateSchema,
  HandoverSchema,
  HandoverUpdateSchema,
  HandoverViewList,
  HandoverViewQuery,
  IdParams,
  ModeDecisionSchema,
  SubcontractorDecisionSchema,
} from '@opsdesk/contracts';
import type { FastifyRequest } from 'fastify';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { assignCustomerManager, decideMode, decideSubcontractor } from './handover-decision.service.js';
import { presentHandover, presentViewItem } from './handover.presenter.js';
import { createHandover, getHandover, handoverView, updateHandover } from './handover.service.js';

const tags = ['handovers'];
const one = { params: IdParams, response: { 200: HandoverSchema } };

/** The service handover of a project (服务交接, 运维服务项目服务管理程序 §4) and the views across projects. */
export async function handoverRoutes(app: ZodApp) {
  const send = (req: FastifyRequest, r: Awaited<ReturnType<typeof getHandover>>) => {
    const c = ctx(req);
    return presentHandover(r.view, r.suggestion, c.actor, c.lang, c.now);
  };

  app.get(
    '/projects/:id/handover',
    {
      schema: {
        tags,
        summary: "A project's handover, with the mode the rules suggest and why (staff)",
        ...one,
      },
    },
    async (req) => send(req, await getHandover(ctx(req), req.params.id)),
  );

  app.post(
    '/projects/:id/handover',
    {
      schema: {
        tags,
        summary: 'Open the handover: its date (T−30 start follows) and people (project managers)',
        params: IdParams,
        body: HandoverCreateSchema,
        response: { 201: HandoverSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(send(req, await createHandover(ctx(req), req.params.id, req.body))),
  );

  app.patch(
    '/projects/:id/handover',
    {
      schema: {
        tags,
        summary: "Move the handover's date or change its people (project managers)",
        ...one,
        body: HandoverUpdateSchema,
      },
    },
    async (req) => send(req, await updateHandover(ctx(req), req.params.id, req.body)),
  );

  app.post(
    '/projects/:id/handover/decide',
    {
      schema: {
        tags,
        summary: 'Record the agreed service mode and why (regional or division manager)',
        ...one,
        body: ModeDecisionSchema,
      },
    },
    async (req) => send(req, await decideMode(ctx(req), req.params.id, req.body)),
  );

  app.post(
    '/projects/:id/handover/customer-manager',
    {
      schema: {
        tags,
        summary: 'Name the customer manager (the branch service lead)',
        ...one,
        body: CustomerManagerAssignSchema,
      },
    },
    async (req) => send(req, await assignCustomerManager(ctx(req), req.params.id, req.body)),
  );

  app.post(
    '/projects/:id/handover/subcontractor-decision',
    {
      schema: {
        tags,
        summary: 'Decide whether a subcontractor is needed (the customer manager)',
        ...one,
        body: SubcontractorDecisionSchema,
      },
    },
    async (req) => send(req, await decideSubcontractor(ctx(req), req.params.id, req.body)),
  );

  app.get(
    '/handovers',
    {
      schema: {
        tags,
        summary:
          'Across projects: handovers starting within 30 days, handovers overdue, projects whose mode lacks its customer manager',
        querystring: HandoverViewQuery,
        response: { 200: HandoverViewList },
      },
    },
    async (req) => {
      const c = ctx(req);
      return { items: (await handoverView(c, req.query)).map((r) => presentViewItem(r, c.lang, c.now)) };
    },
  );
}
