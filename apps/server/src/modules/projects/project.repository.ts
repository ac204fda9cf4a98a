import { and, eq, getTableColumns, ilike, inArray, isNotNull, not, or, sql } from 'drizzle-orm';
import { containsPattern } from '../../db/like.js';
import type { SQL } from 'drizzle-orm';
import type {
  Actor,
  ProjectBusinessLine,
  ProjectPhase,
  ServiceMode,
  ServiceModeVariant,
} from '@opsdesk/domain';
import type { ProjectStatus } from '@opsdesk/contracts';
import type { DbOrTx } from '../../db/client.js';
import { countWhere } from '../../db/count.js';
import { projectVisible } from '../../db/scope.js';
import {
  customers,
  handovers,
  projectMembers,
  projects,
  projectSubcontractors,
} from '../../db/schema/index.js';
import { keyset } from '../../http/pagination.js';
import type { KeysetInput } from '../../http/pagination.js';
import { constraintField } from '../../http/pg-errors.js';
import { hasOverdueTask } from '../lifecycle/task.repository.js';

// The date-order check guards two columns; a violation is reported on the end date.
constraintField('projects_dates_check', 'endDate');

export type ProjectRow = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
/** A project with its customer's name and the service mode chosen at its handover, as every read returns it. */
export type ProjectView = ProjectRow & {
  customerName: string;
  chosenMode: ServiceMode | null;
  chosenVariant: ServiceModeVariant | null;
};

export interface ProjectFilter {
  q?: string | undefined;
  customerId?: string | undefined;
  status?: ProjectStatus | undefined;
  phase?: ProjectPhase | undefined;
  region?: string | undefined;
  division?: string | undefined;
  businessLine?: ProjectBusinessLine | undefined;
  serviceMode?: ServiceMode | undefined;
  serviceVariant?: ServiceModeVariant | undefined;
  overdue?: 'true' | 'false' | undefined;
}

const viewColumns = {
  ...getTableColumns(projects),
  customerName: customers.name,
  chosenMode: handovers.chosenMode,
  chosenVariant: handovers.chosenVariant,
};

/** Projects whose handover chose this mode (and variant); the handover row holds the decision. */
function modeChosen(mode: ServiceMode | undefined, variant: ServiceModeVariant | undefined): SQL | undefined {
  if (!mode && !variant) return undefined;
  const where = and(
    isNotNull(handovers.chosenMode),
    mode ? eq(handovers.chosenMode, mode) : undefined,
    variant ? eq(handovers.chosenVariant, variant) : undefined,
  );
  return inArray(projects.id, sql`(SELECT ${handovers.projectId} FROM ${handovers} WHERE ${where})`);
}

/** The list's filters, in the actor's scope, as one condition on `projects` alone (so it also counts). */
function listFilter(actor: Actor, query: ProjectFilter, today: string): SQL | undefined {
  const overdue = hasOverdueTask(actor, projects.id, today);
  return and(
    projectVisible(actor, projects.id),
    query.customerId ? eq(projects.customerId, query.customerId) : undefined,
    query.status ? eq(projects.status, query.status) : undefined,
    query.phase ? eq(projects.phase, query.phase) : undefined,
    query.region ? eq(projects.region, query.region) : undefined,
    query.division ? eq(projects.division, query.division) : undefined,
    query.businessLine ? eq(projects.businessLine, query.businessLine) : undefined,
    modeChosen(query.serviceMode, query.serviceVariant),
    query.overdue === 'true' ? overdue : query.overdue === 'false' ? not(overdue) : undefined,
    query.q
      ? or(ilike(projects.code, containsPattern(query.q)), ilike(projects.name, containsPattern(query.q)))
      : undefined,
  );
}

/** A page of the projects in the actor's scope; `today` (Asia/Shanghai) decides which tasks are overdue. */
export async function listProjects(
  db: DbOrTx,
  actor: Actor,
  query: KeysetInput & ProjectFilter,
  today: string,
) {
  const ks = keyset<ProjectView>(
    query,
    {
      code: { column: projects.code },
      name: { column: projects.name },
      createdAt: { column: projects.createdAt },
      startDate: { column: projects.startDate, nullable: true },
    },
    projects.id,
    { defaultSort: 'code', rowKey: (r, k) => r[k as keyof ProjectView], rowId: (r) => r.id },
  );
  const filter = listFilter(actor, query, today);
  const rows = await db
    .select(viewColumns)
    .from(projects)
    .innerJoin(customers, eq(customers.id, projects.customerId))
    .leftJoin(handovers, eq(handovers.projectId, projects.id))
    .where(and(filter, ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return { ...ks.page(rows), total: await countWhere(db, projects, filter) };
}

/**
 * One project in the actor's scope, or null. `lock` takes the project row FOR UPDATE (the
 * customer row is not locked); `share` takes it FOR SHARE, for writes that hang off a project.
 */
export async function findProject(
  db: DbOrTx,
  actor: Actor,
  id: string,
  lock?: 'update' | 'share',
): Promise<ProjectView | null> {
  const q = db
    .select(viewColumns)
    .from(projects)
    .innerJoin(customers, eq(customers.id, projects.customerId))
    .leftJoin(handovers, eq(handovers.projectId, projects.id))
    .where(and(eq(projects.id, id), projectVisible(actor, projects.id)));
  const rows = lock ? await q.for(lock, { of: projects }) : await q;
  return rows[0] ?? null;
}

export async function customerExists(db: DbOrTx, customerId: string): Promise<boolean> {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.id, customerId))
    .for('share');
  return rows.length > 0;
}

export async function insertProject(db: DbOrTx, row: NewProject): Promise<ProjectRow> {
  const [created] = await db.insert(projects).values(row).returning();
  return created!;
}

export async function updateProjectRow(
  db: DbOrTx,
  id: string,
  patch: Partial<NewProject>,
): Promise<ProjectRow> {
  const [updated] = await db.update(projects).set(patch).where(eq(projects.id, id)).returning();
  return updated!;
}

/** What deleting the project takes with it (memberships and engagements cascade). */
export async function countProjectDependents(
  db: DbOrTx,
  id: string,
): Promise<{ members: number; subcontractors: number }> {
  const res = await db.execute<{ members: string; subcontractors: string }>(sql`
    SELECT (SELECT count(*) FROM ${projectMembers} WHERE ${projectMembers.projectId} = ${id}) AS members,
           (SELECT count(*) FROM ${projectSubcontractors} WHERE ${projectSubcontractors.projectId} = ${id}) AS subcontractors`);
  const row = res.rows[0];
  return { members: Number(row?.members ?? 0), subcontractors: Number(row?.subcontractors ?? 0) };
}

export async function deleteProjectRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(projects).where(eq(projects.id, id));
}
