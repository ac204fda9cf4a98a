import {
  IdParams,
  InspectionPlanCreateSchema,
  InspectionPlanListQuery,
  InspectionPlanPage,
  InspectionPlanSchema,
  InspectionPlanUpdateSchema,
  OkSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { archivePlan, createPlan, listPlans, planDetail, updatePlan } from './plan.service.js';

const tags = ['inspections'];

export async function planRoutes(app: ZodApp) {
  app.get(
    '/projects/:id/inspection-plans',
    {
      schema: {
        tags,
        summary: "A project's inspection plans (巡检计划) (staff)",
        params: IdParams,
        querystring: InspectionPlanListQuery,
        response: { 200: InspectionPlanPage },
      },
    },
    async (req) => listPlans(ctx(req), req.params.id, req.query),
  );

  app.post(
    '/projects/:id/inspection-plans',
    {
      schema: {
        tags,
        summary:
          'Create a plan: templates, CIs (a list, or a filter on type/site/tags evaluated per task), schedule (monthly, weekly, quarterly, cron), assignee or team, due window. The tasks already due are generated at once (project managers, technical lead).',
        params: IdParams,
        body: InspectionPlanCreateSchema,
        response: { 201: InspectionPlanSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      const id = await createPlan(c, req.params.id, req.body);
      return reply.code(201).send(await planDetail(c, id));
    },
  );

  app.get(
    '/inspection-plans/:id',
    {
      schema: {
        tags,
        summary: 'An inspection plan (staff)',
        params: IdParams,
        response: { 200: InspectionPlanSchema },
      },
    },
    async (req) => planDetail(ctx(req), req.params.id),
  );

  app.patch(
    '/inspection-plans/:id',
    {
      schema: {
        tags,
        summary:
          'Change a plan (pause with active=false); generated tasks keep their CIs and template versions (project managers, technical lead)',
        params: IdParams,
        body: InspectionPlanUpdateSchema,
        response: { 200: InspectionPlanSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      await updatePlan(c, req.params.id, req.body);
      return planDetail(c, req.params.id);
    },
  );

  app.delete(
    '/inspection-plans/:id',
    {
      schema: {
        tags,
        summary: 'Archive a plan: no more tasks; the generated ones stay (project managers, technical lead)',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await archivePlan(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
}
