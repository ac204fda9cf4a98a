import {
  IdParams,
  ModeSuggestionSchema,
  OkSchema,
  ServiceModeRuleCreateSchema,
  ServiceModeRuleList,
  ServiceModeRuleSchema,
  ServiceModeRuleUpdateSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentModeSuggestion, presentRule } from './service-mode.presenter.js';
import {
  createModeRule,
  deleteModeRule,
  listModeRules,
  projectSuggestion,
  updateModeRule,
} from './service-mode.service.js';

const tags = ['service-modes'];

/** Service-mode rules (服务模式) as data the admin edits, and the suggestion for a project. */
export async function serviceModeRoutes(app: ZodApp) {
  app.get(
    '/service-mode-rules',
    {
      schema: {
        tags,
        summary: 'The service-mode rules in evaluation order (staff)',
        response: { 200: ServiceModeRuleList },
      },
    },
    async (req) => {
      const c = ctx(req);
      return { items: (await listModeRules(c)).map((r) => presentRule(r, c.actor)) };
    },
  );

  app.post(
    '/service-mode-rules',
    {
      schema: {
        tags,
        summary: 'Add a rule (admin); the whole list must stay valid',
        body: ServiceModeRuleCreateSchema,
        response: { 201: ServiceModeRuleSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(presentRule(await createModeRule(c, req.body), c.actor));
    },
  );

  app.patch(
    '/service-mode-rules/:id',
    {
      schema: {
        tags,
        summary: 'Edit or move a rule (admin)',
        params: IdParams,
        body: ServiceModeRuleUpdateSchema,
        response: { 200: ServiceModeRuleSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentRule(await updateModeRule(c, req.params.id, req.body), c.actor);
    },
  );

  app.delete(
    '/service-mode-rules/:id',
    {
      schema: {
        tags,
        summary: 'Remove a rule (admin); the last one stays',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deleteModeRule(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/projects/:id/mode-suggestion',
    {
      schema: {
        tags,
        summary:
          'The service mode the rules suggest for a project, with the reason and the facts it rests on (staff)',
        params: IdParams,
        response: { 200: ModeSuggestionSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentModeSuggestion(await projectSuggestion(c, req.params.id), c.lang);
    },
  );
}
