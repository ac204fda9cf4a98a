import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { inspectionAbilities } from '@opsdesk/domain';
import type {
  FindingIncidentSchema,
  FindingResolveSchema,
  FindingWorkOrderSchema,
  InspectionFindingListQuery,
} from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { cis, inspectionFindings, inspectionTasks } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { keyset } from '../../http/pagination.js';
import { recordAudit } from '../audit/audit.record.js';
import { kickMail } from '../tickets/ticket.create.service.js';
import { whoId } from '../tickets/ticket.history.js';
import { onTicketTransition } from '../tickets/ticket.transition.js';
import { findFinding, findingVisible, presentFindings } from './finding.repository.js';
import type { FindingRow } from './finding.repository.js';
import { incidentText, raiseIncident } from './submit.service.js';
import { insertWorkOrder, prepareWorkOrder } from './work-order.service.js';

// A finding follows the ticket it became: closing that ticket resolves it (cancelling does not).
onTicketTransition('field-work.findings', async ({ tx, who }, ch) => {
  if (
    ch.after.stateCategory !== 'final' ||
    ch.after.state !== 'closed' ||
    ch.before.stateCategory === 'final'
  )
    return;
  const resolved = await tx
    .update(inspectionFindings)
    .set({
      status: 'resolved',
      resolution: 'ticket_closed',
      resolvedAt: who.now,
      resolvedBy: whoId(who),
      resolutionNote: ch.after.number,
      updatedAt: who.now,
    })
    .where(
      and(
        eq(inspectionFindings.status, 'open'),
        or(eq(inspectionFindings.incidentId, ch.after.id), eq(inspectionFindings.workOrderId, ch.after.id)),
      ),
    )
    .returning({ id: inspectionFindings.id });
  for (const f of resolved)
    await recordAudit(tx, who, {
      action: 'inspection_finding.resolve',
      objectType: 'inspection_finding',
      objectId: f.id,
      detail: { resolution: 'ticket_closed', ticketId: ch.after.id, number: ch.after.number },
    });
});

export async function listFindings(ctx: Ctx, q: z.output<typeof InspectionFindingListQuery>) {
  const ks = keyset<FindingRow>(
    q,
    { createdAt: { column: inspectionFindings.createdAt } },
    inspectionFindings.id,
    {
      defaultSort: '-createdAt',
      rowKey: (r) => r.createdAt,
      rowId: (r) => r.id,
    },
  );
  const rows = await ctx.db
    .select()
    .from(inspectionFindings)
    .where(
      and(
        findingVisible(ctx.actor),
        q.projectId ? eq(inspectionFindings.projectId, q.projectId) : undefined,
        q.ciId ? eq(inspectionFindings.ciId, q.ciId) : undefined,
        q.taskId
          ? or(
              eq(inspectionFindings.raisedTaskId, q.taskId),
              eq(inspectionFindings.lastTaskId, q.taskId),
              eq(inspectionFindings.resolvedTaskId, q.taskId),
            )
          : undefined,
        q.status ? eq(inspectionFindings.status, q.status) : undefined,
        q.severity?.length ? inArray(inspectionFindings.severity, q.severity) : undefined,
        q.q
          ? sql`(${inspectionFindings.title}->>'zh-CN' ILIKE ${containsPattern(q.q)} OR ${inspectionFindings.ciId} IN (SELECT c.id FROM cis c WHERE c.name ILIKE ${containsPattern(q.q)}))`
          : undefined,
        ks.where,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const page = ks.page(rows);
  return {
    items: await presentFindings(ctx.db, ctx.actor, ctx.lang, page.items),
    nextCursor: page.nextCursor,
  };
}

export async function findingDetail(ctx: Ctx, id: string, db: DbOrTx = ctx.db) {
  const f = await findFinding(db, ctx.actor, id);
  if (!f) throw AppError.notFound();
  return (await presentFindings(db, ctx.actor, ctx.lang, [f]))[0]!;
}

/** The finding locked for a conversion or resolution by the project's staff, still open. */
async function lockOpenFinding(tx: DbOrTx, ctx: Ctx, id: string): Promise<FindingRow> {
  const f = await findFinding(tx, ctx.actor, id, true);
  if (!f) throw AppError.notFound();
  if (!inspectionAbilities(ctx.actor, f.projectId).manageFindings) throw AppError.forbidden();
  if (f.status !== 'open')
    throw new AppError('CONFLICT', { status: f.status }, {}, [
      { path: 'status', rule: 'rule.inspection.finding.resolved' },
    ]);
  return f;
}

const converted = (kind: 'incident' | 'work_order', lang: Ctx['lang']) =>
  new AppError('CONFLICT', { disposition: kind }, {}, [
    {
      path: 'id',
      rule: 'rule.inspection.finding.converted',
      params: {
        kind:
          kind === 'incident'
            ? lang === 'zh-CN'
              ? '事件'
              : 'incident'
            : lang === 'zh-CN'
              ? '工单'
              : 'work order',
      },
    },
  ]);

async function contextOf(db: DbOrTx, f: FindingRow) {
  const [task] = await db
    .select({ title: inspectionTasks.title, scheduledDate: inspectionTasks.scheduledDate })
    .from(inspectionTasks)
    .where(eq(inspectionTasks.id, f.raisedTaskId));
  const [ci] = await db.select({ name: cis.name, siteId: cis.siteId }).from(cis).where(eq(cis.id, f.ciId));
  return { task: task!, ciName: ci?.name ?? '', siteId: ci?.siteId ?? null };
}

/** Raises an incident for a finding kept open (the CI linked, the reading quoted). */
export async function findingToIncident(ctx: Ctx, id: string, input: z.output<typeof FindingIncidentSchema>) {
  await ctx.db.transaction(async (tx) => {
    const f = await lockOpenFinding(tx, ctx, id);
    if (f.incidentId) throw converted('incident', ctx.lang);
    const { task, ciName } = await contextOf(tx, f);
    await raiseIncident(tx, ctx, f, ciName, task, input);
  });
  await kickMail(ctx);
}

/**
 * A work order for a finding: on the finding's CI and its site, as the child of the finding's
 * incident when it has one, quoting the reading.
 */
export async function findingToWorkOrder(
  ctx: Ctx,
  id: string,
  input: z.output<typeof FindingWorkOrderSchema>,
): Promise<string> {
  const peek = await findFinding(ctx.db, ctx.actor, id);
  if (!peek) throw AppError.notFound();
  if (!inspectionAbilities(ctx.actor, peek.projectId).manageFindings) throw AppError.forbidden();
  if (peek.workOrderId) throw converted('work_order', ctx.lang);
  const { task, ciName, siteId } = await contextOf(ctx.db, peek);
  const text = incidentText(ciName, peek.title, peek.quote, task);
  const prepared = await prepareWorkOrder(ctx, {
    ...input,
    projectId: peek.projectId,
    title: input.title ?? text.title,
    description: input.description ?? text.description,
    parentId: peek.incidentId,
    ciIds: [peek.ciId],
    siteId: input.siteId === undefined ? siteId : input.siteId,
  });
  const woId = await ctx.db.transaction(async (tx) => {
    const f = await lockOpenFinding(tx, ctx, id);
    if (f.workOrderId) throw converted('work_order', ctx.lang);
    const wo = await insertWorkOrder(tx, ctx, prepared, { findingId: f.id });
    await tx
      .update(inspectionFindings)
      .set({ workOrderId: wo.id, updatedAt: ctx.now })
      .where(eq(inspectionFindings.id, f.id));
    await recordAudit(tx, ctx, {
      action: 'inspection_finding.work_order',
      objectType: 'inspection_finding',
      objectId: f.id,
      detail: { ticketId: wo.id, number: wo.number },
    });
    return wo.id;
  });
  await kickMail(ctx);
  return woId;
}

/** Resolves a finding by hand, with a note (fixed on the spot, accepted risk, CI replaced …). */
export async function resolveFinding(ctx: Ctx, id: string, input: z.output<typeof FindingResolveSchema>) {
  await ctx.db.transaction(async (tx) => {
    await lockOpenFinding(tx, ctx, id);
    await tx
      .update(inspectionFindings)
      .set({
        status: 'resolved',
        resolution: 'manual',
        resolutionNote: input.note,
        resolvedAt: ctx.now,
        resolvedBy: ctx.actor.userId,
        updatedAt: ctx.now,
      })
      .where(eq(inspectionFindings.id, id));
    await recordAudit(tx, ctx, {
      action: 'inspection_finding.resolve',
      objectType: 'inspection_finding',
      objectId: id,
      detail: { resolution: 'manual', note: input.note },
    });
  });
}
