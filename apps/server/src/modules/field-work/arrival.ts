import { and, asc, eq, sql } from 'drizzle-orm';
import {
  arrivalDueAt,
  arrivalTargetFor,
  instant,
  projectAbilities,
  validateArrivalTargets,
} from '@opsdesk/domain';
import type { ArrivalTarget } from '@opsdesk/domain';
import type { ArrivalTargetsUpdateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { arrivalTargets, calendars, projects, sites, slaClocks } from '../../db/schema/index.js';
import type { StoredClockEvent, StoredEscalation } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { FieldProblem } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import type { CalendarResolver } from '../calendars/calendar.definition.js';
import { deskSettings } from '../service-desk/desk.repository.js';
import { deriveClock, saveDerived, syncTicketSla } from '../sla/sla.clocks.js';
import { policyForTicket } from '../sla/sla.policy.repository.js';
import { findVisibleProject } from '../tickets/ticket.lookups.js';

/**
 * On-site arrival targets (现场限时服务) and the arrival clock of work orders. A project lists its
 * service areas (city 2 h, suburbs 4 h …) with the sites in each; a work order's area is its site's
 * (or one chosen by the desk), else the default area. The clock is an SLA clock of metric
 * `arrival` on the calendar of the project's work-order SLA policy (else its service calendar),
 * started at dispatch and stopped at check-in (docs/decisions/0400).
 */
export type TargetRow = typeof arrivalTargets.$inferSelect;
export type Target = Omit<ArrivalTarget, 'isDefault'> & { isDefault: boolean; siteIds: string[] };

export async function loadTargets(db: DbOrTx, projectId: string): Promise<Target[]> {
  const rows = await db
    .select()
    .from(arrivalTargets)
    .where(eq(arrivalTargets.projectId, projectId))
    .orderBy(asc(arrivalTargets.position), asc(arrivalTargets.areaKey));
  return rows.map((r) => ({
    areaKey: r.areaKey,
    label: { 'zh-CN': r.labelZh, en: r.labelEn },
    minutes: r.minutes,
    isDefault: r.isDefault,
    siteIds: r.siteIds,
  }));
}

/** The area a site belongs to in the project (null: none; the default area then applies). */
export function areaOfSite(targets: readonly Target[], siteId: string | null): string | null {
  if (!siteId) return null;
  return targets.find((t) => t.siteIds.includes(siteId))?.areaKey ?? null;
}

/** The calendar and escalation steps arrival clocks run on; null when the project has neither policy nor service hours. */
export async function arrivalCalendar(
  db: DbOrTx,
  projectId: string,
): Promise<{ calendarId: string; escalations: StoredEscalation[] } | null> {
  const policy = await policyForTicket(db, projectId, 'work_order', []);
  if (policy) return { calendarId: policy.calendarId, escalations: policy.escalations };
  const settings = await deskSettings(db, projectId);
  return settings.serviceCalendarId ? { calendarId: settings.serviceCalendarId, escalations: [] } : null;
}

/**
 * Starts the work order's arrival clock at `now` (its dispatch), once: a re-dispatch after a
 * rejection keeps the clock that is running — the customer is still waiting. Nothing without a
 * target for the area or without a calendar.
 */
export async function startArrivalClock(
  tx: DbOrTx,
  resolver: CalendarResolver,
  ticket: { id: string; projectId: string },
  areaKey: string | null,
  now: Date,
): Promise<void> {
  const existing = await tx
    .select({ id: slaClocks.id })
    .from(slaClocks)
    .where(and(eq(slaClocks.ticketId, ticket.id), eq(slaClocks.metric, 'arrival')));
  if (existing.length) return;
  const targets = await loadTargets(tx, ticket.projectId);
  const cal = await arrivalCalendar(tx, ticket.projectId);
  if (!cal) return;
  const def = await resolver.definition(cal.calendarId);
  const due = arrivalDueAt(targets, areaKey, def, instant(now.getTime()));
  if (!due.ok) return;
  const base = {
    id: uuid7(now.getTime()),
    ticketId: ticket.id,
    projectId: ticket.projectId,
    metric: 'arrival' as const,
    policyId: null,
    calendarId: cal.calendarId,
    targetMinutes: due.target.minutes,
    escalations: cal.escalations,
    firedThresholds: [] as number[],
    events: [{ type: 'start', at: now.getTime() }] as StoredClockEvent[],
    breachedAt: null,
  };
  const d = deriveClock(base, def, now);
  await tx
    .insert(slaClocks)
    .values({
      ...base,
      state: d.state,
      stopped: d.stopped,
      dueAt: d.dueAt,
      nextCheckAt: d.nextCheckAt,
      updatedAt: now,
    })
    .onConflictDoNothing();
  await syncTicketSla(tx, ticket.id);
}

/** Stops the arrival clock at the check-in time (never before its last event). */
export async function stopArrivalClock(
  tx: DbOrTx,
  resolver: CalendarResolver,
  ticketId: string,
  arrivedAt: Date,
  now: Date,
): Promise<void> {
  const [row] = await tx
    .select()
    .from(slaClocks)
    .where(and(eq(slaClocks.ticketId, ticketId), eq(slaClocks.metric, 'arrival')))
    .for('update');
  if (!row || row.stopped) return;
  const last = row.events[row.events.length - 1];
  const at = Math.max(arrivedAt.getTime(), last?.at ?? 0);
  const events: StoredClockEvent[] = [...row.events, { type: 'stop', at }];
  await saveDerived(tx, row, await resolver.definition(row.calendarId), now, { events });
  await syncTicketSla(tx, ticketId);
}

export function arrivalClockRow(db: DbOrTx, ticketId: string) {
  return db
    .select()
    .from(slaClocks)
    .where(and(eq(slaClocks.ticketId, ticketId), eq(slaClocks.metric, 'arrival')));
}

// ── The API: GET/PUT /projects/:id/arrival-targets ───────────────────────────

async function calendarRef(db: DbOrTx, projectId: string) {
  const cal = await arrivalCalendar(db, projectId);
  if (!cal) return null;
  const [row] = await db
    .select({ id: calendars.id, name: calendars.name })
    .from(calendars)
    .where(eq(calendars.id, cal.calendarId));
  return row ?? null;
}

export async function arrivalTargetsOf(ctx: Ctx, projectId: string) {
  const project = await findVisibleProject(ctx.db, ctx.actor, projectId);
  if (!project) throw AppError.notFound();
  // Everyone who sees the project reads them (a customer's contacts too: they are part of the contract).
  return {
    projectId,
    targets: await loadTargets(ctx.db, projectId),
    calendar: await calendarRef(ctx.db, projectId),
    abilities: { update: projectAbilities(ctx.actor, projectId).update },
  };
}

/** Replaces the project's arrival targets (the project's managers and the system admin). */
export async function putArrivalTargets(
  ctx: Ctx,
  projectId: string,
  input: z.output<typeof ArrivalTargetsUpdateSchema>,
) {
  const project = await findVisibleProject(ctx.db, ctx.actor, projectId);
  if (!project) throw AppError.notFound();
  if (!projectAbilities(ctx.actor, projectId).update) throw AppError.forbidden();
  const targets = input.targets.map((t) => ({ ...t, label: { 'zh-CN': t.label['zh-CN'], en: t.label.en } }));
  const problems: FieldProblem[] = validateArrivalTargets(targets).map((p) => ({
    path: `targets.${p.path}`,
    rule: `rule.arrival.${p.code}`,
  }));
  const siteIds = [...new Set(targets.flatMap((t) => t.siteIds))];
  const known = siteIds.length
    ? await ctx.db
        .select({ id: sites.id })
        .from(sites)
        .where(
          and(
            sql`${sites.id} = ANY(${`{${siteIds.join(',')}}`}::uuid[])`,
            eq(sites.customerId, project.customerId),
          ),
        )
    : [];
  const knownIds = new Set(known.map((s) => s.id));
  const seen = new Map<string, number>();
  targets.forEach((t, i) =>
    t.siteIds.forEach((s, j) => {
      if (!knownIds.has(s))
        problems.push({ path: `targets.${i}.siteIds.${j}`, rule: 'rule.workOrder.siteOfOtherCustomer' });
      else if (seen.has(s) && seen.get(s) !== i)
        problems.push({ path: `targets.${i}.siteIds.${j}`, rule: 'rule.arrival.siteInTwoAreas' });
      seen.set(s, i);
    }),
  );
  if (problems.length) throw AppError.validation(problems);
  await ctx.db.transaction(async (tx) => {
    await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update');
    const before = await loadTargets(tx, projectId);
    await tx.delete(arrivalTargets).where(eq(arrivalTargets.projectId, projectId));
    if (targets.length)
      await tx.insert(arrivalTargets).values(
        targets.map((t, i) => ({
          projectId,
          areaKey: t.areaKey,
          labelZh: t.label['zh-CN'],
          labelEn: t.label.en,
          minutes: t.minutes,
          isDefault: t.isDefault,
          siteIds: [...new Set(t.siteIds)],
          position: i,
          updatedAt: ctx.now,
        })),
      );
    await recordAudit(tx, ctx, {
      action: 'arrival_targets.update',
      objectType: 'project',
      objectId: projectId,
      changes: changesOf({ targets: before }, { targets: await loadTargets(tx, projectId) }),
    });
  });
  return arrivalTargetsOf(ctx, projectId);
}

/** The target a work order's area gets (for presenting it). */
export function targetOf(targets: readonly Target[], areaKey: string | null) {
  return arrivalTargetFor(targets, areaKey);
}
