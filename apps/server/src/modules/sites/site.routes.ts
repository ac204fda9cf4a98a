import {
  IdParams,
  OkSchema,
  SiteCreateSchema,
  SiteListQuery,
  SitePage,
  SiteSchema,
  SiteUpdateSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentSite } from './site.presenter.js';
import { createSite, deleteSite, getSite, listSitesFor, updateSite } from './site.service.js';

const tags = ['sites'];

export async function siteRoutes(app: ZodApp) {
  app.get(
    '/sites',
    {
      schema: {
        tags,
        summary: 'List sites of the customers in scope',
        querystring: SiteListQuery,
        response: { 200: SitePage },
      },
    },
    async (req) => {
      const c = ctx(req);
      const page = await listSitesFor(c, req.query);
      return { ...page, items: page.items.map((r) => presentSite(r, c.actor)) };
    },
  );

  app.post(
    '/sites',
    {
      schema: {
        tags,
        summary: 'Create a site of a customer',
        body: SiteCreateSchema,
        response: { 201: SiteSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(presentSite(await createSite(c, req.body), c.actor));
    },
  );

  app.get(
    '/sites/:id',
    { schema: { tags, summary: 'Get a site', params: IdParams, response: { 200: SiteSchema } } },
    async (req) => {
      const c = ctx(req);
      return presentSite(await getSite(c, req.params.id), c.actor);
    },
  );

  app.patch(
    '/sites/:id',
    {
      schema: {
        tags,
        summary: 'Update a site (its customer cannot change)',
        params: IdParams,
        body: SiteUpdateSchema,
        response: { 200: SiteSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentSite(await updateSite(c, req.params.id, req.body), c.actor);
    },
  );

  app.delete(
    '/sites/:id',
    { schema: { tags, summary: 'Delete a site', params: IdParams, response: { 200: OkSchema } } },
    async (req) => {
      await deleteSite(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
}
