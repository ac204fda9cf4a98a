import {
  ChecklistTemplateCreateSchema,
  ChecklistTemplateList,
  ChecklistTemplateSchema,
  ChecklistTemplateUpdateSchema,
  IdParams,
  LifecycleSchema,
  OkSchema,
  PhaseActionBody,
  PhaseActionParams,
  ProjectTaskCreateSchema,
  ProjectTaskListQuery,
  ProjectTaskPage,
  ProjectTaskSchema,
  ProjectTaskViewQuery,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import {
  createTemplate,
  deleteTemplate,
  listTemplates,
  updateTemplate,
} from './checklist-template.service.js';
import { presentLifecycle, presentTask, presentTemplate } from './lifecycle.presenter.js';
import { applyPhaseAction, getLifecycle } from './lifecycle.service.js';
import { createTask, listTasksOf, taskView } from './task.service.js';
import { taskRoutes } from './task.routes.js';

const tags = ['lifecycle'];

/** The delivery lifecycle of projects: phases, checklists and their tasks, and the templates. */
export async function lifecycleRoutes(app: ZodApp) {
  app.get(
    '/projects/:id/lifecycle',
    {
      schema: {
        tags,
        summary: "A project's phase, the actions possible and its task counts",
        params: IdParams,
        response: { 200: LifecycleSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      const { project, counts } = await getLifecycle(c, req.params.id);
      return presentLifecycle(project, counts, c.actor);
    },
  );

  app.post(
    '/projects/:id/lifecycle/:action',
    {
      schema: {
        tags,
        summary:
          'Move a project to its next phase (start, implement, begin_closing, close, renew), generating its checklist',
        description:
          'start → the start checklist, due 3 weeks after the service start; implement → the monthly items; begin_closing → the closing checklist (also automatic 2 weeks before the end date).',
        params: PhaseActionParams,
        body: PhaseActionBody,
        response: { 200: LifecycleSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      const { project, counts } = await applyPhaseAction(c, req.params.id, req.params.action, req.body.note);
      return presentLifecycle(project, counts, c.actor);
    },
  );

  app.get(
    '/projects/:id/tasks',
    {
      schema: {
        tags,
        summary: "A project's lifecycle tasks (checklists, approvals, handover and quality tasks)",
        params: IdParams,
        querystring: ProjectTaskListQuery,
        response: { 200: ProjectTaskPage },
      },
    },
    async (req) => {
      const c = ctx(req);
      const page = await listTasksOf(c, req.params.id, req.query);
      return { ...page, items: page.items.map((t) => presentTask(t, c.actor, c.lang, c.now)) };
    },
  );

  app.post(
    '/projects/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Add a task to a project by hand',
        params: IdParams,
        body: ProjectTaskCreateSchema,
        response: { 201: ProjectTaskSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply
        .code(201)
        .send(presentTask(await createTask(c, req.params.id, req.body), c.actor, c.lang, c.now));
    },
  );

  app.get(
    '/project-tasks',
    {
      schema: {
        tags,
        summary: 'Tasks across projects: overdue, mine, awaiting approval, due within 7 days',
        querystring: ProjectTaskViewQuery,
        response: { 200: ProjectTaskPage },
      },
    },
    async (req) => {
      const c = ctx(req);
      const page = await taskView(c, req.query);
      return { ...page, items: page.items.map((t) => presentTask(t, c.actor, c.lang, c.now)) };
    },
  );

  await taskRoutes(app);

  app.get(
    '/checklist-templates',
    {
      schema: {
        tags,
        summary: 'Checklist templates of the lifecycle (staff)',
        response: { 200: ChecklistTemplateList },
      },
    },
    async (req) => {
      const c = ctx(req);
      return { items: (await listTemplates(c)).map((r) => presentTemplate(r, c.actor)) };
    },
  );
  app.post(
    '/checklist-templates',
    {
      schema: {
        tags,
        summary: 'Add a checklist template (admin)',
        body: ChecklistTemplateCreateSchema,
        response: { 201: ChecklistTemplateSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(presentTemplate(await createTemplate(c, req.body), c.actor));
    },
  );
  app.patch(
    '/checklist-templates/:id',
    {
      schema: {
        tags,
        summary: 'Edit a checklist template (admin)',
        params: IdParams,
        body: ChecklistTemplateUpdateSchema,
        response: { 200: ChecklistTemplateSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentTemplate(await updateTemplate(c, req.params.id, req.body), c.actor);
    },
  );
  app.delete(
    '/checklist-templates/:id',
    {
      schema: {
        tags,
        summary: 'Remove a checklist template (admin); generated tasks stay',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deleteTemplate(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
}
