import { systemCtx } from '../../jobs/system-ctx.js';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import {
  MS_PER_DAY,
  coveredCiTypes,
  cronPeriod,
  formatDate,
  instant,
  parseDate,
  schedulePeriodsBetween,
  taskWindow,
} from '@opsdesk/domain';
import type { InspectionPeriod } from '@opsdesk/domain';
import type { DbOrTx, Tx } from '../../db/client.js';
import { inspectionPlans, inspectionTaskCis, inspectionTasks, users } from '../../db/schema/index.js';
import type { AnonCtx, Ctx, Deps } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.record.js';
import { MAIL_JOB } from '../mail/mail.outbox.js';
import { notify } from '../notifications/notification.service.js';
import { queueMail } from '../mail/mail.outbox.js';

import { groupMemberIds } from '../tickets/ticket.lookups.js';
import { cronOccurrences, parseCron } from './inspection.cron.js';
import { currentVersions } from './template.repository.js';

/**
 * Generating inspection tasks (docs/decisions/0400, following 0005 and 0101). A plan records how
 * far it has generated (`generated_through`) and when its next period falls due (`next_run_at`,
 * indexed). The sweep claims due plans one at a time with `FOR UPDATE SKIP LOCKED`, inserts the
 * task of each period since the watermark with `ON CONFLICT (plan_id, period_key) DO NOTHING`, and
 * moves the watermark in the same transaction — so two nodes, a retried job or the catch-up run
 * after a plan is saved make each period's task exactly once.
 */
export type PlanRow = typeof inspectionPlans.$inferSelect;

/** Most periods one run generates for one plan (a long catch-up continues in the next round). */
const MAX_PERIODS_PER_RUN = 60;
const LOOKAHEAD_MS = 400 * MS_PER_DAY;

/** The periods of a plan's schedule scheduled in [from, to), at most `limit`. */
export function periodsBetween(
  plan: Pick<PlanRow, 'schedule' | 'timeZone' | 'endsOn'>,
  from: Date,
  to: Date,
  limit: number,
): InspectionPeriod[] {
  const s = plan.schedule;
  let periods: InspectionPeriod[];
  if (s.kind === 'cron') {
    const p = parseCron(s.expression);
    if (!p.ok) return [];
    periods = cronOccurrences(
      p.spec,
      instant(from.getTime()),
      instant(to.getTime()),
      plan.timeZone,
      limit,
    ).map((at) => cronPeriod(at, plan.timeZone));
  } else {
    periods = schedulePeriodsBetween(s, instant(from.getTime()), instant(to.getTime()), plan.timeZone);
  }
  return periods.filter((p) => !plan.endsOn || p.scheduledDate <= plan.endsOn).slice(0, limit);
}

/** When the plan's next task falls due at or after `from`; null when it will not (paused, archived, ended). */
export function nextRunAt(
  plan: Pick<PlanRow, 'schedule' | 'timeZone' | 'endsOn' | 'active' | 'archivedAt'>,
  from: Date,
): Date | null {
  if (!plan.active || plan.archivedAt) return null;
  const [next] = periodsBetween(plan, from, new Date(from.getTime() + LOOKAHEAD_MS), 1);
  if (next) return new Date(next.scheduledAt);
  // Nothing within the look-ahead (a rare cron): look again then, unless the plan has ended.
  const end = plan.endsOn ? parseDate(plan.endsOn) : null;
  const ahead = new Date(from.getTime() + LOOKAHEAD_MS);
  return end !== null && end * MS_PER_DAY < ahead.getTime() ? null : ahead;
}

export interface PlanCi {
  ciId: string;
  name: string;
  typeKey: string;
  siteId: string | null;
}

/**
 * The CIs of a plan now: its explicit list or its filter, among the project's live CIs in use (not
 * planned, not retired) whose type a template of the plan covers — the domain's `ciInPlan` in SQL,
 * plus tags (any of) in a filter.
 */
export async function planCis(db: DbOrTx, plan: PlanRow, covered: readonly string[]): Promise<PlanCi[]> {
  if (!covered.length) return [];
  const sel = plan.selection;
  const typeKeys =
    sel.mode === 'filter' && sel.filter.ciTypeKeys?.length
      ? covered.filter((k) => sel.filter.ciTypeKeys!.includes(k))
      : [...covered];
  // An array literal with every element quoted and escaped (tags are user text).
  const arr = (xs: readonly string[], type: 'uuid' | 'text') =>
    sql`${`{${xs.map((x) => `"${x.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`}::${sql.raw(type)}[]`;
  const where = [
    sql`c.project_id = ${plan.projectId}`,
    sql`c.deleted_at IS NULL`,
    sql`c.status IN ('in_use', 'maintenance', 'faulty')`,
    sql`t.key = ANY(${arr(typeKeys, 'text')})`,
  ];
  let order = sql`c.name, c.id`;
  if (sel.mode === 'explicit') {
    if (!sel.ciIds.length) return [];
    where.push(sql`c.id = ANY(${arr(sel.ciIds, 'uuid')})`);
    order = sql`array_position(${arr(sel.ciIds, 'uuid')}, c.id)`;
  } else {
    if (sel.filter.siteIds?.length) where.push(sql`c.site_id = ANY(${arr(sel.filter.siteIds, 'uuid')})`);
    if (sel.filter.tags?.length) where.push(sql`c.tags && ${arr(sel.filter.tags, 'text')}`);
  }
  const r = await db.execute<{ id: string; name: string; key: string; site_id: string | null }>(
    sql`SELECT c.id, c.name, t.key, c.site_id FROM cis c JOIN ci_types t ON t.id = c.type_id
        WHERE ${sql.join(where, sql` AND `)} ORDER BY ${order} LIMIT 5000`,
  );
  return r.rows.map((x) => ({ ciId: x.id, name: x.name, typeKey: x.key, siteId: x.site_id }));
}

function taskTitle(plan: PlanRow, period: InspectionPeriod): string {
  return `${plan.name}（${plan.schedule.kind === 'cron' ? period.scheduledDate : period.key}）`;
}

async function tellAssignees(
  tx: Tx,
  plan: PlanRow,
  task: { id: string; title: string; due: string },
  now: Date,
) {
  const userIds = plan.assigneeId
    ? [plan.assigneeId]
    : plan.teamId
      ? await groupMemberIds(tx, plan.teamId)
      : [];
  if (!userIds.length) return;
  const params = { title: task.title, due: task.due };
  const link = `/inspection-tasks/${task.id}`;
  const dedupeKey = `inspection_task:${task.id}:created`;
  await notify(tx, {
    userIds,
    kind: 'inspection.taskCreated',
    params,
    link,
    objectType: 'inspection_task',
    objectId: task.id,
    projectId: plan.projectId,
    dedupeKey,
    now,
  });
  await queueMail(tx, { userIds, kind: 'inspection.taskCreated', params, link, dedupeKey, now });
}

/**
 * Generates the tasks of the periods a locked plan owes up to `now`, then moves its watermark and
 * next run — all in the caller's transaction. Returns the ids of the tasks made.
 */
export async function generateForPlan(
  tx: Tx,
  who: Ctx | AnonCtx,
  plan: PlanRow,
  now: Date,
): Promise<string[]> {
  const to = new Date(now.getTime() + 1);
  const owed =
    plan.active && !plan.archivedAt
      ? periodsBetween(plan, plan.generatedThrough, to, MAX_PERIODS_PER_RUN + 1)
      : [];
  const more = owed.length > MAX_PERIODS_PER_RUN;
  const periods = owed.slice(0, MAX_PERIODS_PER_RUN);
  const created: string[] = [];
  if (periods.length) {
    const templates = await currentVersions(tx, plan.templateIds);
    const pinned = templates.map((t) => ({ id: t.id, version: t.version }));
    const cis = await planCis(tx, plan, coveredCiTypes(templates));
    const company = plan.assigneeId
      ? ((await tx.select({ s: users.subcontractorId }).from(users).where(eq(users.id, plan.assigneeId)))[0]
          ?.s ?? null)
      : null;
    for (const period of periods) {
      // A period with nothing to inspect owes no task (every CI retired, a filter matching none).
      if (!cis.length) continue;
      const win = taskWindow(period, plan.dueDays, plan.timeZone);
      const id = uuid7(now.getTime());
      const title = taskTitle(plan, period);
      const [task] = await tx
        .insert(inspectionTasks)
        .values({
          id,
          projectId: plan.projectId,
          planId: plan.id,
          periodKey: period.key,
          title,
          scheduledDate: period.scheduledDate,
          opensAt: new Date(win.opensAt),
          dueAt: new Date(win.dueAt),
          assigneeId: plan.assigneeId,
          teamId: plan.teamId,
          subcontractorId: company,
          templates: pinned,
          status: 'open',
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: [inspectionTasks.planId, inspectionTasks.periodKey] })
        .returning({ id: inspectionTasks.id });
      if (!task) continue;
      await tx.insert(inspectionTaskCis).values(
        cis.map((c, i) => ({
          taskId: id,
          ciId: c.ciId,
          position: i,
          ciTypeKey: c.typeKey,
          ciName: c.name,
          siteId: c.siteId,
        })),
      );
      await recordAudit(tx, who, {
        action: 'inspection_task.create',
        objectType: 'inspection_task',
        objectId: id,
        detail: { planId: plan.id, periodKey: period.key, cis: cis.length, templates: pinned },
      });
      const lastDay = formatDate(parseDate(period.scheduledDate)! + plan.dueDays - 1);
      await tellAssignees(tx, plan, { id, title, due: lastDay }, now);
      created.push(id);
    }
  }
  const through = more ? new Date(periods[periods.length - 1]!.scheduledAt + 1) : to;
  await tx
    .update(inspectionPlans)
    .set({ generatedThrough: through, nextRunAt: more ? through : nextRunAt(plan, through) })
    .where(eq(inspectionPlans.id, plan.id));
  return created;
}

/** Generates what one plan owes now (after it is created or changed), waiting for its lock. */
export async function generatePlanNow(who: Ctx, planId: string): Promise<string[]> {
  const created = await who.db.transaction(async (tx) => {
    const [plan] = await tx
      .select()
      .from(inspectionPlans)
      .where(eq(inspectionPlans.id, planId))
      .for('update');
    return plan ? generateForPlan(tx, who, plan, who.now) : [];
  });
  if (created.length) await who.deps.jobs.send(MAIL_JOB, {}).catch(() => undefined);
  return created;
}

/**
 * The generation sweep (`inspection.generate`, every five minutes): each due plan in its own short
 * transaction, skipped when another node holds it. Returns how many tasks it made.
 */
export async function sweepInspectionPlans(deps: Deps): Promise<number> {
  let made = 0;
  for (let round = 0; round < 10_000; round++) {
    const now = deps.now();
    const n = await deps.db.transaction(async (tx) => {
      const [plan] = await tx
        .select()
        .from(inspectionPlans)
        .where(
          and(
            lte(inspectionPlans.nextRunAt, now),
            eq(inspectionPlans.active, true),
            isNull(inspectionPlans.archivedAt),
          ),
        )
        .orderBy(asc(inspectionPlans.nextRunAt), asc(inspectionPlans.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!plan) return null;
      return (await generateForPlan(tx, systemCtx(deps, 'inspection.generate', now), plan, now)).length;
    });
    if (n === null) break;
    made += n;
  }
  if (made) await deps.jobs.send(MAIL_JOB, {}).catch(() => undefined);
  return made;
}
