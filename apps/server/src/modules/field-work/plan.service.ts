import { and, desc, eq, ilike, inArray, isNull, sql } from 'drizzle-orm';
import {
  DEFAULT_TIME_ZONE,
  inspectionAbilities,
  instant,
  instantToLocal,
  localToInstant,
  validatePlan,
} from '@opsdesk/domain';
import type { InspectionPlan, InspectionSchedule, PlanCiSelection } from '@opsdesk/domain';
import type {
  InspectionPlanCreateSchema,
  InspectionPlanListQuery,
  InspectionPlanUpdateSchema,
} from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { uuidArray } from '../../db/scope.js';
import { inspectionPlans, inspectionTasks, sites, teams } from '../../db/schema/index.js';
import type { StoredSelection } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { FieldProblem } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { keyset } from '../../http/pagination.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { assignableOnProject, findVisibleProject, teamExists } from '../tickets/ticket.lookups.js';
import { displayNames } from '../users/user.repository.js';
import { parseCron } from './inspection.cron.js';
import { generatePlanNow, nextRunAt } from './inspection.generation.js';
import type { PlanRow } from './inspection.generation.js';
import { currentVersions } from './template.repository.js';
import { liveCisOfProject } from './work-order.repository.js';

type Project = { id: string; customerId: string };
interface PlanFields {
  templateIds: string[];
  selection: StoredSelection;
  schedule: InspectionSchedule;
  assigneeId: string | null;
  teamId: string | null;
  dueDays: number;
  startsOn: string;
  endsOn: string | null;
}

/** Every problem of a plan as field errors: the domain's `validatePlan` and what only the database knows. */
async function planProblems(db: DbOrTx, project: Project, p: PlanFields): Promise<FieldProblem[]> {
  const found = await currentVersions(db, p.templateIds);
  // Usable here: every project's templates and the project's own, not archived.
  const usable = found.filter(
    (t) => (t.row.projectId === null || t.row.projectId === project.id) && !t.row.archivedAt,
  );
  const selection: PlanCiSelection =
    p.selection.mode === 'explicit'
      ? { mode: 'explicit', ciIds: p.selection.ciIds }
      : {
          mode: 'filter',
          filter: {
            ...(p.selection.filter.ciTypeKeys ? { ciTypeKeys: p.selection.filter.ciTypeKeys } : {}),
            ...(p.selection.filter.siteIds ? { siteIds: p.selection.filter.siteIds } : {}),
          },
        };
  const plan: InspectionPlan = { ...p, selection };
  const problems: FieldProblem[] = validatePlan(plan, usable).map((x) => ({
    path: x.path,
    rule: `rule.inspection.plan.${x.code}`,
  }));
  if (p.schedule.kind === 'cron' && !problems.some((x) => x.path.startsWith('schedule'))) {
    const c = parseCron(p.schedule.expression);
    if (!c.ok) problems.push({ path: 'schedule.expression', rule: `rule.inspection.plan.${c.code}` });
  }
  if (p.selection.mode === 'explicit') {
    const live = await liveCisOfProject(db, project.id, p.selection.ciIds);
    p.selection.ciIds.forEach((id, i) => {
      if (!live.has(id))
        problems.push({ path: `selection.ciIds.${i}`, rule: 'rule.inspection.plan.ciNotInProject' });
    });
  } else if (p.selection.filter.siteIds?.length) {
    const ids = p.selection.filter.siteIds;
    const known = new Set(
      (
        await db
          .select({ id: sites.id })
          .from(sites)
          .where(and(sql`${sites.id} = ANY(${uuidArray(ids)})`, eq(sites.customerId, project.customerId)))
      ).map((r) => r.id),
    );
    ids.forEach((id, i) => {
      if (!known.has(id))
        problems.push({
          path: `selection.filter.siteIds.${i}`,
          rule: 'rule.inspection.plan.siteOfOtherCustomer',
        });
    });
  }
  if (p.assigneeId && !(await assignableOnProject(db, project.id, p.assigneeId)))
    problems.push({ path: 'assigneeId', rule: 'rule.notProjectStaff' });
  if (p.teamId && !(await teamExists(db, p.teamId)))
    problems.push({ path: 'teamId', rule: 'rule.groupNotFound' });
  if (p.endsOn && p.endsOn < p.startsOn) problems.push({ path: 'endsOn', rule: 'rule.endBeforeStart' });
  return problems;
}

async function managedProject(ctx: Ctx, projectId: string): Promise<Project> {
  const project = await findVisibleProject(ctx.db, ctx.actor, projectId);
  if (!project) throw AppError.notFound();
  if (!inspectionAbilities(ctx.actor, projectId).managePlans) throw AppError.forbidden();
  return project;
}

const today = (now: Date) => instantToLocal(DEFAULT_TIME_ZONE, instant(now.getTime())).date;

export async function createPlan(
  ctx: Ctx,
  projectId: string,
  input: z.output<typeof InspectionPlanCreateSchema>,
) {
  const project = await managedProject(ctx, projectId);
  const fields: PlanFields = {
    templateIds: input.templateIds,
    selection: input.selection,
    schedule: input.schedule as InspectionSchedule,
    assigneeId: input.assigneeId ?? null,
    teamId: input.teamId ?? null,
    dueDays: input.dueDays,
    startsOn: input.startsOn ?? today(ctx.now),
    endsOn: input.endsOn ?? null,
  };
  const problems = await planProblems(ctx.db, project, fields);
  if (problems.length) throw AppError.validation(problems);
  const id = uuid7(ctx.now.getTime());
  const generatedThrough = new Date(localToInstant(DEFAULT_TIME_ZONE, fields.startsOn));
  const row = {
    id,
    projectId,
    name: input.name,
    ...fields,
    timeZone: DEFAULT_TIME_ZONE,
    active: input.active,
    generatedThrough,
    archivedAt: null,
    createdBy: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(inspectionPlans)
      .values({ ...row, nextRunAt: nextRunAt(row, generatedThrough) })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'inspection_plan.create',
      objectType: 'inspection_plan',
      objectId: id,
      changes: changesOf(null, plan!, ['createdAt', 'updatedAt', 'generatedThrough', 'nextRunAt']),
    });
  });
  // The periods already due (a start date in the past, or today's) get their task at once.
  await generatePlanNow(ctx, id);
  return id;
}

async function lockPlan(db: DbOrTx, ctx: Ctx, id: string): Promise<PlanRow> {
  const [plan] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id)).for('update');
  if (!plan || !(await findVisibleProject(db, ctx.actor, plan.projectId))) throw AppError.notFound();
  if (!inspectionAbilities(ctx.actor, plan.projectId).managePlans) throw AppError.forbidden();
  return plan;
}

/**
 * Changes a plan. Tasks already generated keep their CIs and template versions; the next periods
 * follow the new plan. The watermark stays, so a period already generated is never owed again
 * (moving a monthly plan from the 5th to the 20th does not make a second task this month).
 */
export async function updatePlan(ctx: Ctx, id: string, input: z.output<typeof InspectionPlanUpdateSchema>) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockPlan(tx, ctx, id);
    if (before.archivedAt) throw new AppError('CONFLICT', { reason: 'archived' });
    const project = (await findVisibleProject(tx, ctx.actor, before.projectId))!;
    const fields: PlanFields = {
      templateIds: input.templateIds ?? before.templateIds,
      selection: input.selection ?? before.selection,
      schedule: (input.schedule as InspectionSchedule | undefined) ?? before.schedule,
      assigneeId: input.assigneeId === undefined ? before.assigneeId : input.assigneeId,
      teamId: input.teamId === undefined ? before.teamId : input.teamId,
      dueDays: input.dueDays ?? before.dueDays,
      startsOn: before.startsOn,
      endsOn: input.endsOn === undefined ? before.endsOn : input.endsOn,
    };
    const problems = await planProblems(tx, project, fields);
    if (problems.length) throw AppError.validation(problems);
    const next = {
      ...before,
      ...fields,
      name: input.name ?? before.name,
      active: input.active ?? before.active,
    };
    // Resuming a paused plan owes nothing for the periods that passed while it was paused.
    const generatedThrough =
      next.active && !before.active && before.generatedThrough < ctx.now ? ctx.now : before.generatedThrough;
    const [after] = await tx
      .update(inspectionPlans)
      .set({ ...next, generatedThrough, nextRunAt: nextRunAt(next, generatedThrough), updatedAt: ctx.now })
      .where(eq(inspectionPlans.id, id))
      .returning();
    const changes = changesOf(before, after!, ['createdAt', 'updatedAt', 'generatedThrough', 'nextRunAt']);
    if (changes)
      await recordAudit(tx, ctx, {
        action: 'inspection_plan.update',
        objectType: 'inspection_plan',
        objectId: id,
        changes,
      });
  });
  await generatePlanNow(ctx, id);
}

/** Archives a plan: no more tasks; those generated stay with their results. */
export async function archivePlan(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, ctx, id);
    if (plan.archivedAt) return;
    await tx
      .update(inspectionPlans)
      .set({ archivedAt: ctx.now, active: false, nextRunAt: null, updatedAt: ctx.now })
      .where(eq(inspectionPlans.id, id));
    await recordAudit(tx, ctx, {
      action: 'inspection_plan.archive',
      objectType: 'inspection_plan',
      objectId: id,
    });
  });
}

// ── Reading ──────────────────────────────────────────────────────────────────

async function present(ctx: Ctx, plans: PlanRow[]) {
  const templateIds = [...new Set(plans.flatMap((p) => p.templateIds))];
  const templates = await currentVersions(ctx.db, templateIds);
  const names = await displayNames(
    ctx.db,
    plans.map((p) => p.assigneeId),
  );
  const teamIds = [...new Set(plans.map((p) => p.teamId).filter((x): x is string => !!x))];
  const teamNames = new Map(
    (teamIds.length
      ? await ctx.db.select({ id: teams.id, n: teams.name }).from(teams).where(inArray(teams.id, teamIds))
      : []
    ).map((t) => [t.id, t.n]),
  );
  const out = [];
  for (const p of plans) {
    const [last] = await ctx.db
      .select()
      .from(inspectionTasks)
      .where(eq(inspectionTasks.planId, p.id))
      .orderBy(desc(inspectionTasks.scheduledDate), desc(inspectionTasks.id))
      .limit(1);
    out.push({
      id: p.id,
      projectId: p.projectId,
      name: p.name,
      templates: p.templateIds.flatMap((id) => {
        const t = templates.find((x) => x.id === id);
        return t ? [{ id: t.id, version: t.version, name: t.name }] : [];
      }),
      selection: p.selection,
      schedule: p.schedule,
      timeZone: p.timeZone,
      assignee: p.assigneeId ? { id: p.assigneeId, displayName: names.get(p.assigneeId) ?? '' } : null,
      team: p.teamId ? { id: p.teamId, name: teamNames.get(p.teamId) ?? '' } : null,
      dueDays: p.dueDays,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      active: p.active,
      archived: p.archivedAt !== null,
      nextRunAt: p.nextRunAt?.toISOString() ?? null,
      lastTask: last
        ? {
            id: last.id,
            title: last.title,
            periodKey: last.periodKey,
            scheduledDate: last.scheduledDate,
            dueAt: last.dueAt.toISOString(),
            status: last.status,
          }
        : null,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      abilities: { update: inspectionAbilities(ctx.actor, p.projectId).managePlans && !p.archivedAt },
    });
  }
  return out;
}

export async function planDetail(ctx: Ctx, id: string) {
  const [plan] = await ctx.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id));
  if (!plan || !(await findVisibleProject(ctx.db, ctx.actor, plan.projectId))) throw AppError.notFound();
  // Plans are the provider's internal planning: staff read them, subcontractors see their tasks.
  if (ctx.actor.kind !== 'staff') throw AppError.notFound();
  return (await present(ctx, [plan]))[0]!;
}

export async function listPlans(ctx: Ctx, projectId: string, q: z.output<typeof InspectionPlanListQuery>) {
  if (!(await findVisibleProject(ctx.db, ctx.actor, projectId))) throw AppError.notFound();
  if (ctx.actor.kind !== 'staff') throw AppError.notFound();
  const ks = keyset<PlanRow>(
    q,
    { name: { column: inspectionPlans.name }, createdAt: { column: inspectionPlans.createdAt } },
    inspectionPlans.id,
    { defaultSort: 'name', rowKey: (r, k) => r[k as keyof PlanRow], rowId: (r) => r.id },
  );
  const rows = await ctx.db
    .select()
    .from(inspectionPlans)
    .where(
      and(
        eq(inspectionPlans.projectId, projectId),
        q.includeArchived ? undefined : isNull(inspectionPlans.archivedAt),
        q.active === undefined ? undefined : eq(inspectionPlans.active, q.active),
        q.q ? ilike(inspectionPlans.name, containsPattern(q.q)) : undefined,
        ks.where,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const page = ks.page(rows);
  return { items: await present(ctx, page.items), nextCursor: page.nextCursor };
}
