import {
  EmptyBody,
  IdParams,
  TenderAwardSchema,
  TenderCreateSchema,
  TenderList,
  TenderSchema,
  TenderUpdateSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentTender } from './tender.presenter.js';
import {
  awardTender,
  createTender,
  getTender,
  listTenders,
  publishTender,
  updateTender,
} from './tender.service.js';

const tags = ['tenders'];
const one = { params: IdParams, response: { 200: TenderSchema } };

/** Subcontractor tender requests of a project: draft → published → awarded (staff). */
export async function tenderRoutes(app: ZodApp) {
  app.get(
    '/projects/:id/tenders',
    {
      schema: {
        tags,
        summary: "A project's subcontractor tender requests",
        params: IdParams,
        response: { 200: TenderList },
      },
    },
    async (req) => {
      const c = ctx(req);
      return { items: (await listTenders(c, req.params.id)).map((t) => presentTender(t, c.actor)) };
    },
  );

  app.post(
    '/projects/:id/tenders',
    {
      schema: {
        tags,
        summary: 'Draft a tender request (customer manager, project managers)',
        params: IdParams,
        body: TenderCreateSchema,
        response: { 201: TenderSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(presentTender(await createTender(c, req.params.id, req.body), c.actor));
    },
  );

  app.get('/tenders/:id', { schema: { tags, summary: 'Get a tender request', ...one } }, async (req) => {
    const c = ctx(req);
    return presentTender(await getTender(c, req.params.id), c.actor);
  });

  app.patch(
    '/tenders/:id',
    { schema: { tags, summary: 'Edit a draft tender request', ...one, body: TenderUpdateSchema } },
    async (req) => {
      const c = ctx(req);
      return presentTender(await updateTender(c, req.params.id, req.body), c.actor);
    },
  );

  app.post(
    '/tenders/:id/publish',
    { schema: { tags, summary: 'Publish a draft tender request', ...one, body: EmptyBody } },
    async (req) => {
      const c = ctx(req);
      return presentTender(await publishTender(c, req.params.id), c.actor);
    },
  );

  app.post(
    '/tenders/:id/award',
    {
      schema: {
        tags,
        summary: 'Award a published tender; the subcontractor is engaged on the project',
        ...one,
        body: TenderAwardSchema,
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentTender(await awardTender(c, req.params.id, req.body), c.actor);
    },
  );
}
