import type { z } from 'zod';
import {
  BreachReasonSchema,
  IdParams,
  OkSchema,
  SlaBreachListQuery,
  SlaBreachPage,
  SlaBreachSchema,
  SlaPolicyCreateSchema,
  SlaPolicyList,
  SlaPolicySchema,
  SlaPolicyUpdateSchema,
  TicketSlaSchema,
  TicketTaskCompleteSchema,
  TicketTaskList,
  TicketTaskSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import type { slaBreaches, ticketTasks } from '../../db/schema/index.js';
import { breachesOf, completeTask, explainBreach, tasksOf } from './sla.breach.service.js';
import { ticketSla } from './sla.explain.service.js';
import { createPolicy, deletePolicy, getPolicy, policiesOf, updatePolicy } from './sla.policy.service.js';
import type { SlaPolicyRow } from './sla.policy.repository.js';

const tags = ['sla'];
type Policy = z.infer<typeof SlaPolicySchema>;

const presentPolicy = (p: SlaPolicyRow): Policy => ({
  id: p.id,
  projectId: p.projectId,
  name: p.name,
  kind: p.kind as Policy['kind'],
  categoryId: p.categoryId,
  calendarId: p.calendarId,
  targets: p.targets as Policy['targets'],
  escalations: p.escalations.map((e) => ({
    threshold: e.threshold,
    notify: e.notify,
    reassignGroupId: e.reassignGroupId ?? null,
    raisePriority: e.raisePriority ?? false,
  })),
  active: p.active,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});
const presentBreach = (r: {
  breach: typeof slaBreaches.$inferSelect;
  ticketNumber: string;
  ticketTitle: string;
  canExplain: boolean;
}) => ({
  id: r.breach.id,
  ticketId: r.breach.ticketId,
  ticketNumber: r.ticketNumber,
  ticketTitle: r.ticketTitle,
  metric: r.breach.metric,
  breachedAt: r.breach.breachedAt.toISOString(),
  reasonCode: r.breach.reasonCode,
  reasonText: r.breach.reasonText,
  reasonAt: r.breach.reasonAt?.toISOString() ?? null,
  canExplain: r.canExplain,
});
const presentTask = (r: { task: typeof ticketTasks.$inferSelect; ticketNumber: string }) => ({
  id: r.task.id,
  ticketId: r.task.ticketId,
  ticketNumber: r.ticketNumber,
  projectId: r.task.projectId,
  type: r.task.type,
  assigneeId: r.task.assigneeId,
  dueAt: r.task.dueAt.toISOString(),
  status: r.task.status,
  note: r.task.note,
  createdAt: r.task.createdAt.toISOString(),
  doneAt: r.task.doneAt?.toISOString() ?? null,
});

export async function slaRoutes(app: ZodApp) {
  app.get(
    '/tickets/:id/sla',
    {
      schema: {
        tags,
        summary: "The ticket's SLA clocks, explained interval by interval",
        params: IdParams,
        response: { 200: TicketSlaSchema },
      },
    },
    async (req) => ticketSla(ctx(req), req.params.id),
  );

  app.get(
    '/projects/:id/sla-policies',
    {
      schema: {
        tags,
        summary: "The project's SLA policies",
        params: IdParams,
        response: { 200: SlaPolicyList },
      },
    },
    async (req) => ({
      items: (await policiesOf(ctx(req), req.params.id)).map(presentPolicy),
    }),
  );
  app.post(
    '/projects/:id/sla-policies',
    {
      schema: {
        tags,
        summary: 'Add an SLA policy (project managers)',
        params: IdParams,
        body: SlaPolicyCreateSchema,
        response: { 201: SlaPolicySchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentPolicy(await createPolicy(ctx(req), req.params.id, req.body))),
  );
  app.get(
    '/sla-policies/:id',
    { schema: { tags, summary: 'An SLA policy', params: IdParams, response: { 200: SlaPolicySchema } } },
    async (req) => presentPolicy(await getPolicy(ctx(req), req.params.id)),
  );
  app.patch(
    '/sla-policies/:id',
    {
      schema: {
        tags,
        summary: 'Change an SLA policy',
        params: IdParams,
        body: SlaPolicyUpdateSchema,
        response: { 200: SlaPolicySchema },
      },
    },
    async (req) => presentPolicy(await updatePolicy(ctx(req), req.params.id, req.body)),
  );
  app.delete(
    '/sla-policies/:id',
    { schema: { tags, summary: 'Remove an SLA policy', params: IdParams, response: { 200: OkSchema } } },
    async (req) => {
      await deletePolicy(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/projects/:id/sla-breaches',
    {
      schema: {
        tags,
        summary: 'Breaches, newest first',
        params: IdParams,
        querystring: SlaBreachListQuery,
        response: { 200: SlaBreachPage },
      },
    },
    async (req) => {
      const page = await breachesOf(ctx(req), req.params.id, req.query);
      return { items: page.items.map(presentBreach), nextCursor: page.nextCursor };
    },
  );
  app.put(
    '/sla-breaches/:id/reason',
    {
      schema: {
        tags,
        summary: 'The project manager records why a target was missed',
        params: IdParams,
        body: BreachReasonSchema,
        response: { 200: SlaBreachSchema },
      },
    },
    async (req) => presentBreach(await explainBreach(ctx(req), req.params.id, req.body)),
  );

  app.get(
    '/projects/:id/ticket-tasks',
    {
      schema: {
        tags,
        summary: 'Emergency-plan tasks raised by the 12-hour rule',
        params: IdParams,
        response: { 200: TicketTaskList },
      },
    },
    async (req) => ({
      items: (await tasksOf(ctx(req), req.params.id)).map(presentTask),
    }),
  );
  app.post(
    '/ticket-tasks/:id/complete',
    {
      schema: {
        tags,
        summary: 'Mark the emergency plan as submitted',
        params: IdParams,
        body: TicketTaskCompleteSchema,
        response: { 200: TicketTaskSchema },
      },
    },
    async (req) => presentTask(await completeTask(ctx(req), req.params.id, req.body)),
  );
}
