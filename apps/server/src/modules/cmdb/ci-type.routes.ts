import {
  CiTypeCreateSchema,
  CiTypeListQuery,
  CiTypePage,
  CiTypeSchema,
  CiTypeUpdateSchema,
  IdParams,
  OkSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentCiType } from './ci-type.presenter.js';
import { createCiType, deleteCiType, getCiType, listCiTypesFor, updateCiType } from './ci-type.service.js';

const tags = ['cmdb'];

export async function ciTypeRoutes(app: ZodApp) {
  app.get(
    '/ci-types',
    {
      schema: {
        tags,
        summary: 'List CI types (built-in and custom) with their attributes',
        querystring: CiTypeListQuery,
        response: { 200: CiTypePage },
      },
    },
    async (req) => {
      const c = ctx(req);
      const page = await listCiTypesFor(c, req.query);
      return { ...page, items: page.items.map((r) => presentCiType(r, c.actor)) };
    },
  );

  app.post(
    '/ci-types',
    {
      schema: {
        tags,
        summary: 'Create a custom CI type (admin)',
        body: CiTypeCreateSchema,
        response: { 201: CiTypeSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(presentCiType(await createCiType(c, req.body), c.actor));
    },
  );

  app.get(
    '/ci-types/:id',
    { schema: { tags, summary: 'Get a CI type', params: IdParams, response: { 200: CiTypeSchema } } },
    async (req) => {
      const c = ctx(req);
      return presentCiType(await getCiType(c, req.params.id), c.actor);
    },
  );

  app.patch(
    '/ci-types/:id',
    {
      schema: {
        tags,
        summary: "Edit a CI type's labels or attributes (admin); attribute changes make a new version",
        params: IdParams,
        body: CiTypeUpdateSchema,
        response: { 200: CiTypeSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentCiType(await updateCiType(c, req.params.id, req.body), c.actor);
    },
  );

  app.delete(
    '/ci-types/:id',
    {
      schema: {
        tags,
        summary: 'Delete an unused custom CI type (admin)',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deleteCiType(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
}
