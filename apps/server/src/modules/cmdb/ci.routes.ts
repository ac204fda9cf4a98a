import {
  CiAsOfQuery,
  CiAsOfSchema,
  CiCreateSchema,
  CiGraphQuery,
  CiGraphSchema,
  CiHistoryPage,
  CiHistoryQuery,
  CiImpactQuery,
  CiImpactSchema,
  CiListQuery,
  CiPage,
  CiRelationCreateSchema,
  CiRelationListQuery,
  CiRelationPage,
  CiRelationSchema,
  CiSchema,
  CiUpdateSchema,
  IdParams,
  OkSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentCi, presentHistory, presentNode, presentRelation } from './ci.presenter.js';
import { createCi, deleteCiFor, getCi, listCisFor, restoreCiFor, updateCiFor } from './ci.service.js';
import { ciAsOf, historyOf } from './ci-history.service.js';
import { createRelation, deleteRelation, graphOf, impactOfCi, listRelationsFor } from './ci-graph.service.js';

const tags = ['cmdb'];

export async function ciRoutes(app: ZodApp) {
  app.get(
    '/cis',
    {
      schema: {
        tags,
        summary: 'List configuration items in scope',
        querystring: CiListQuery,
        response: { 200: CiPage },
      },
    },
    async (req) => {
      const c = ctx(req);
      const page = await listCisFor(c, req.query);
      return { ...page, items: page.items.map((r) => presentCi(r, c.actor)) };
    },
  );

  app.post(
    '/cis',
    {
      schema: {
        tags,
        summary: 'Create a configuration item',
        body: CiCreateSchema,
        response: { 201: CiSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(presentCi(await createCi(c, req.body), c.actor));
    },
  );

  app.get(
    '/cis/:id',
    {
      schema: {
        tags,
        summary: 'Get a configuration item (deleted ones too)',
        params: IdParams,
        response: { 200: CiSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentCi(await getCi(c, req.params.id), c.actor);
    },
  );

  app.patch(
    '/cis/:id',
    {
      schema: {
        tags,
        summary: 'Update a configuration item; attributes are merged (null removes)',
        params: IdParams,
        body: CiUpdateSchema,
        response: { 200: CiSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentCi(await updateCiFor(c, req.params.id, req.body), c.actor);
    },
  );

  app.delete(
    '/cis/:id',
    {
      schema: {
        tags,
        summary: 'Delete a configuration item (soft: history is kept, relations end)',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deleteCiFor(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/cis/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore a deleted configuration item',
        params: IdParams,
        response: { 200: CiSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentCi(await restoreCiFor(c, req.params.id), c.actor);
    },
  );

  app.get(
    '/cis/:id/history',
    {
      schema: {
        tags,
        summary: 'The timeline of every change of a CI, newest first',
        params: IdParams,
        querystring: CiHistoryQuery,
        response: { 200: CiHistoryPage },
      },
    },
    async (req) => {
      const page = await historyOf(ctx(req), req.params.id, req.query);
      return { ...page, items: page.items.map(presentHistory) };
    },
  );

  app.get(
    '/cis/:id/as-of',
    {
      schema: {
        tags,
        summary: 'What the CI looked like at the end of a date, with its relations then',
        params: IdParams,
        querystring: CiAsOfQuery,
        response: { 200: CiAsOfSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      const past = await ciAsOf(c, req.params.id, req.query.date);
      return {
        date: past.date,
        existed: past.ci !== null,
        ci: past.ci ? presentCi(past.ci, c.actor, true) : null,
        relations: past.relations.map((r) => ({
          ...presentRelation(r, c.actor),
          abilities: { delete: false },
        })),
      };
    },
  );

  app.get(
    '/cis/:id/graph',
    {
      schema: {
        tags,
        summary: 'The neighbourhood of a CI: CIs within `depth` relations, and the relations among them',
        params: IdParams,
        querystring: CiGraphQuery,
        response: { 200: CiGraphSchema },
      },
    },
    async (req) => {
      const g = await graphOf(ctx(req), req.params.id, req.query.depth);
      return { ...g, nodes: g.nodes.map((n) => ({ ...presentNode(n.row), depth: n.depth })) };
    },
  );

  app.get(
    '/cis/:id/impact',
    {
      schema: {
        tags,
        summary:
          'Impact analysis: the CIs and business services an outage or change of this CI would hit, with paths',
        params: IdParams,
        querystring: CiImpactQuery,
        response: { 200: CiImpactSchema },
      },
    },
    async (req) => {
      const r = await impactOfCi(ctx(req), req.params.id, req.query.depth);
      const items = r.items.map((i) => ({ ci: presentNode(i.ci), depth: i.depth, path: i.path }));
      return {
        root: presentNode(r.root),
        depth: r.depth,
        items,
        businessServices: items
          .filter((i) => i.ci.type.category === 'business_service')
          .map((i) => ({ ...i.ci, depth: i.depth })),
        truncated: r.truncated,
      };
    },
  );

  app.get(
    '/ci-relations',
    {
      schema: {
        tags,
        summary: "A CI's relations, newest first",
        querystring: CiRelationListQuery,
        response: { 200: CiRelationPage },
      },
    },
    async (req) => {
      const c = ctx(req);
      const page = await listRelationsFor(c, req.query);
      return { ...page, items: page.items.map((r) => presentRelation(r, c.actor)) };
    },
  );

  app.post(
    '/ci-relations',
    {
      schema: {
        tags,
        summary: 'Relate two CIs of one project: from —type→ to',
        body: CiRelationCreateSchema,
        response: { 201: CiRelationSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(presentRelation(await createRelation(c, req.body), c.actor));
    },
  );

  app.delete(
    '/ci-relations/:id',
    {
      schema: {
        tags,
        summary: 'End a relation (kept in history)',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deleteRelation(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
}
