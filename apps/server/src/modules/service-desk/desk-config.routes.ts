import type { z } from 'zod';
import {
  DeskSettingsPutSchema,
  DeskSettingsSchema,
  IdParams,
  OkSchema,
  RoutingRuleCreateSchema,
  RoutingRuleList,
  RoutingRuleSchema,
  RoutingRuleUpdateSchema,
  TicketCategoryCreateSchema,
  TicketCategoryList,
  TicketCategorySchema,
  TicketCategoryUpdateSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import {
  categoriesOf,
  createCategory,
  createRule,
  deleteRule,
  rulesOf,
  settingsOf,
  updateCategory,
  updateRule,
  updateSettings,
} from './desk-config.service.js';
import type { CategoryRow, RoutingRuleRow } from './desk.repository.js';

const tags = ['service desk configuration'];

const presentCategory = (r: CategoryRow) => ({
  id: r.id,
  projectId: r.projectId,
  parentId: r.parentId,
  name: r.name,
  position: r.position,
  active: r.active,
});
const presentRule = (r: RoutingRuleRow) => ({
  id: r.id,
  projectId: r.projectId,
  name: r.name,
  position: r.position,
  kinds: r.kinds as z.infer<typeof RoutingRuleSchema>['kinds'],
  categoryId: r.categoryId,
  channels: r.channels as z.infer<typeof RoutingRuleSchema>['channels'],
  keywords: r.keywords,
  businessStopped: r.businessStopped,
  groupId: r.groupId,
  active: r.active,
});
const presentSettings = (s: Awaited<ReturnType<typeof settingsOf>>) => ({
  projectId: s.projectId,
  priorityMatrix: {
    cells: s.priorityMatrix.cells.map((row) => [...row]),
    businessStoppedPriority: s.priorityMatrix.businessStoppedPriority,
  },
  serviceCalendarId: s.serviceCalendarId,
  canUpdate: s.canUpdate,
});

export async function deskConfigRoutes(app: ZodApp) {
  app.get(
    '/projects/:id/ticket-categories',
    {
      schema: {
        tags,
        summary: "The project's category tree (flat, with parents)",
        params: IdParams,
        response: { 200: TicketCategoryList },
      },
    },
    async (req) => ({
      items: (await categoriesOf(ctx(req), req.params.id)).map(presentCategory),
    }),
  );
  app.post(
    '/projects/:id/ticket-categories',
    {
      schema: {
        tags,
        summary: 'Add a category (project managers)',
        params: IdParams,
        body: TicketCategoryCreateSchema,
        response: { 201: TicketCategorySchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentCategory(await createCategory(ctx(req), req.params.id, req.body))),
  );
  app.patch(
    '/ticket-categories/:id',
    {
      schema: {
        tags,
        summary: 'Rename, move or retire a category',
        params: IdParams,
        body: TicketCategoryUpdateSchema,
        response: { 200: TicketCategorySchema },
      },
    },
    async (req) => presentCategory(await updateCategory(ctx(req), req.params.id, req.body)),
  );

  app.get(
    '/projects/:id/service-desk-settings',
    {
      schema: {
        tags,
        summary: 'Priority matrix and service hours',
        params: IdParams,
        response: { 200: DeskSettingsSchema },
      },
    },
    async (req) => presentSettings(await settingsOf(ctx(req), req.params.id)),
  );
  app.put(
    '/projects/:id/service-desk-settings',
    {
      schema: {
        tags,
        summary: 'Set the priority matrix and service hours',
        params: IdParams,
        body: DeskSettingsPutSchema,
        response: { 200: DeskSettingsSchema },
      },
    },
    async (req) => presentSettings(await updateSettings(ctx(req), req.params.id, req.body)),
  );

  app.get(
    '/projects/:id/routing-rules',
    {
      schema: {
        tags,
        summary: 'Routing rules, in order',
        params: IdParams,
        response: { 200: RoutingRuleList },
      },
    },
    async (req) => ({
      items: (await rulesOf(ctx(req), req.params.id)).map(presentRule),
    }),
  );
  app.post(
    '/projects/:id/routing-rules',
    {
      schema: {
        tags,
        summary: 'Add a routing rule',
        params: IdParams,
        body: RoutingRuleCreateSchema,
        response: { 201: RoutingRuleSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentRule(await createRule(ctx(req), req.params.id, req.body))),
  );
  app.patch(
    '/routing-rules/:id',
    {
      schema: {
        tags,
        summary: 'Change a routing rule',
        params: IdParams,
        body: RoutingRuleUpdateSchema,
        response: { 200: RoutingRuleSchema },
      },
    },
    async (req) => presentRule(await updateRule(ctx(req), req.params.id, req.body)),
  );
  app.delete(
    '/routing-rules/:id',
    { schema: { tags, summary: 'Remove a routing rule', params: IdParams, response: { 200: OkSchema } } },
    async (req) => {
      await deleteRule(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
}
