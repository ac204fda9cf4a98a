import {
  IdParams,
  OkSchema,
  SubcontractorCreateSchema,
  SubcontractorListQuery,
  SubcontractorPage,
  SubcontractorSchema,
  SubcontractorUpdateSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentSubcontractor } from './subcontractor.presenter.js';
import {
  createSubcontractor,
  deleteSubcontractor,
  getSubcontractor,
  listSubcontractorsFor,
  updateSubcontractor,
} from './subcontractor.service.js';

const tags = ['subcontractors'];

export async function subcontractorRoutes(app: ZodApp) {
  app.get(
    '/subcontractors',
    {
      schema: {
        tags,
        summary: 'List subcontractors in scope',
        querystring: SubcontractorListQuery,
        response: { 200: SubcontractorPage },
      },
    },
    async (req) => {
      const c = ctx(req);
      const page = await listSubcontractorsFor(c, req.query);
      return { ...page, items: page.items.map((r) => presentSubcontractor(r, c.actor)) };
    },
  );

  app.post(
    '/subcontractors',
    {
      schema: {
        tags,
        summary: 'Create a subcontractor',
        body: SubcontractorCreateSchema,
        response: { 201: SubcontractorSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(presentSubcontractor(await createSubcontractor(c, req.body), c.actor));
    },
  );

  app.get(
    '/subcontractors/:id',
    {
      schema: {
        tags,
        summary: 'Get a subcontractor',
        params: IdParams,
        response: { 200: SubcontractorSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentSubcontractor(await getSubcontractor(c, req.params.id), c.actor);
    },
  );

  app.patch(
    '/subcontractors/:id',
    {
      schema: {
        tags,
        summary: 'Update a subcontractor',
        params: IdParams,
        body: SubcontractorUpdateSchema,
        response: { 200: SubcontractorSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentSubcontractor(await updateSubcontractor(c, req.params.id, req.body), c.actor);
    },
  );

  app.delete(
    '/subcontractors/:id',
    {
      schema: {
        tags,
        summary: 'Delete a subcontractor not engaged on any project and without users',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deleteSubcontractor(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
}
