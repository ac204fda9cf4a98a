import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { isProjectManager, projectAbilities } from '@opsdesk/domain';
import type { BreachReasonSchema, SlaBreachListQuery, TicketTaskCompleteSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import { slaBreaches, ticketTasks, tickets } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { staffDeskProject } from '../service-desk/desk-config.service.js';
import { recordTicketEvent } from '../tickets/ticket.history.js';
import { findVisibleProject } from '../tickets/ticket.lookups.js';

/** The project's managers (and the admin) explain breaches and close emergency-plan tasks. */
const canManage = (ctx: Ctx, projectId: string) =>
  isProjectManager(ctx.actor, projectId) || projectAbilities(ctx.actor, projectId).update;

const breachColumns = {
  breach: slaBreaches,
  ticketNumber: tickets.number,
  ticketTitle: tickets.title,
};

/** A project's breaches, newest first (index sla_breaches_project_idx), optionally only those without a reason. */
export async function breachesOf(ctx: Ctx, projectId: string, q: z.output<typeof SlaBreachListQuery>) {
  await staffDeskProject(ctx, projectId);
  let after: [string, string] | null = null;
  if (q.cursor) {
    try {
      after = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as [string, string];
    } catch {
      throw AppError.field('cursor', 'rule.invalidCursor');
    }
    if (!Array.isArray(after) || after.length !== 2) throw AppError.field('cursor', 'rule.invalidCursor');
  }
  const rows = await ctx.db
    .select(breachColumns)
    .from(slaBreaches)
    .innerJoin(tickets, eq(tickets.id, slaBreaches.ticketId))
    .where(
      and(
        eq(slaBreaches.projectId, projectId),
        q.unexplained === 'true' ? isNull(slaBreaches.reasonCode) : undefined,
        after
          ? sql`(${slaBreaches.breachedAt}, ${slaBreaches.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(slaBreaches.breachedAt), desc(slaBreaches.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const manage = canManage(ctx, projectId);
  return {
    items: items.map((r) => ({ ...r, canExplain: manage })),
    nextCursor:
      rows.length > q.limit && last
        ? Buffer.from(JSON.stringify([last.breach.breachedAt.toISOString(), last.breach.id])).toString(
            'base64url',
          )
        : null,
  };
}

export async function explainBreach(ctx: Ctx, id: string, input: z.output<typeof BreachReasonSchema>) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(slaBreaches).where(eq(slaBreaches.id, id)).for('update');
    if (!before || ctx.actor.kind !== 'staff' || !(await findVisibleProject(tx, ctx.actor, before.projectId)))
      throw AppError.notFound();
    if (!canManage(ctx, before.projectId)) throw AppError.forbidden();
    const [after] = await tx
      .update(slaBreaches)
      .set({
        reasonCode: input.reasonCode,
        reasonText: input.reasonText ?? null,
        reasonBy: ctx.actor.userId,
        reasonAt: ctx.now,
      })
      .where(eq(slaBreaches.id, id))
      .returning();
    await recordTicketEvent(
      tx,
      ctx,
      before.ticketId,
      'breach_explained',
      { metric: before.metric, reasonCode: input.reasonCode },
      'internal',
    );
    await recordAudit(tx, ctx, {
      action: 'slaBreach.explain',
      objectType: 'sla_breach',
      objectId: id,
      changes: changesOf(before, after!, ['reasonAt', 'reasonBy']),
    });
    const [t] = await tx
      .select({ number: tickets.number, title: tickets.title })
      .from(tickets)
      .where(eq(tickets.id, before.ticketId));
    return { breach: after!, ticketNumber: t!.number, ticketTitle: t!.title, canExplain: true };
  });
}

export async function tasksOf(ctx: Ctx, projectId: string) {
  await staffDeskProject(ctx, projectId);
  return ctx.db
    .select({ task: ticketTasks, ticketNumber: tickets.number })
    .from(ticketTasks)
    .innerJoin(tickets, eq(tickets.id, ticketTasks.ticketId))
    .where(eq(ticketTasks.projectId, projectId))
    .orderBy(desc(ticketTasks.dueAt), desc(ticketTasks.id))
    .limit(500);
}

export async function completeTask(ctx: Ctx, id: string, input: z.output<typeof TicketTaskCompleteSchema>) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(ticketTasks).where(eq(ticketTasks.id, id)).for('update');
    if (!before || ctx.actor.kind !== 'staff' || !(await findVisibleProject(tx, ctx.actor, before.projectId)))
      throw AppError.notFound();
    if (!canManage(ctx, before.projectId)) throw AppError.forbidden();
    if (before.status === 'done') throw new AppError('CONFLICT');
    const [after] = await tx
      .update(ticketTasks)
      .set({ status: 'done', note: input.note, doneAt: ctx.now, doneBy: ctx.actor.userId })
      .where(eq(ticketTasks.id, id))
      .returning();
    await recordTicketEvent(tx, ctx, before.ticketId, 'emergency_plan_submitted', { taskId: id }, 'internal');
    await recordAudit(tx, ctx, {
      action: 'ticketTask.complete',
      objectType: 'ticket_task',
      objectId: id,
      changes: changesOf(before, after!),
    });
    const [t] = await tx
      .select({ number: tickets.number })
      .from(tickets)
      .where(eq(tickets.id, before.ticketId));
    return { task: after!, ticketNumber: t!.number };
  });
}
