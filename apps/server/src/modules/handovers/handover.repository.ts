import { aliasedTable, and, asc, eq, gte, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { projectVisible } from '../../db/scope.js';
import { customers, handovers, projects, users } from '../../db/schema/index.js';
import { constraintField } from '../../http/pg-errors.js';
import type { ProjectView } from '../projects/project.repository.js';

constraintField('handovers_project_id_key', 'projectId');

export type HandoverRow = typeof handovers.$inferSelect;
export type NewHandover = typeof handovers.$inferInsert;

/** A handover with its project's facts and the named people's names. */
export type HandoverView = HandoverRow & {
  projectCode: string;
  projectName: string;
  region: string | null;
  division: string | null;
  names: Record<string, string | null>;
};

const rm = aliasedTable(users, 'rm');
const dm = aliasedTable(users, 'dm');
const sl = aliasedTable(users, 'sl');
const cm = aliasedTable(users, 'cm');
const decider = aliasedTable(users, 'decider');
const subDecider = aliasedTable(users, 'sub_decider');

export async function findHandoverView(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
): Promise<HandoverView | null> {
  const rows = await db
    .select({
      h: handovers,
      projectCode: projects.code,
      projectName: projects.name,
      region: projects.region,
      division: projects.division,
      rm: rm.displayName,
      dm: dm.displayName,
      sl: sl.displayName,
      cm: cm.displayName,
      decider: decider.displayName,
      subDecider: subDecider.displayName,
    })
    .from(handovers)
    .innerJoin(projects, eq(projects.id, handovers.projectId))
    .leftJoin(rm, eq(rm.id, handovers.regionalManagerId))
    .leftJoin(dm, eq(dm.id, handovers.divisionManagerId))
    .leftJoin(sl, eq(sl.id, handovers.serviceLeadId))
    .leftJoin(cm, eq(cm.id, handovers.customerManagerId))
    .leftJoin(decider, eq(decider.id, handovers.decidedBy))
    .leftJoin(subDecider, eq(subDecider.id, handovers.subcontractorDecidedBy))
    .where(and(eq(handovers.projectId, projectId), projectVisible(actor, handovers.projectId)));
  const r = rows[0];
  if (!r) return null;
  return {
    ...r.h,
    projectCode: r.projectCode,
    projectName: r.projectName,
    region: r.region,
    division: r.division,
    names: {
      regionalManager: r.rm,
      divisionManager: r.dm,
      serviceLead: r.sl,
      customerManager: r.cm,
      decidedBy: r.decider,
      subcontractorDecidedBy: r.subDecider,
    },
  };
}

export async function lockHandover(db: DbOrTx, projectId: string): Promise<HandoverRow | null> {
  const rows = await db.select().from(handovers).where(eq(handovers.projectId, projectId)).for('update');
  return rows[0] ?? null;
}

export async function insertHandover(db: DbOrTx, row: NewHandover): Promise<HandoverRow> {
  const [created] = await db.insert(handovers).values(row).returning();
  return created!;
}

export async function updateHandoverRow(
  db: DbOrTx,
  id: string,
  patch: Partial<NewHandover>,
): Promise<HandoverRow> {
  const [row] = await db.update(handovers).set(patch).where(eq(handovers.id, id)).returning();
  return row!;
}

/** The one enabled staff user managing a region / division, when exactly one does: the default people of a handover. */
export async function soleManager(
  db: DbOrTx,
  level: 'region' | 'division',
  value: string | null,
): Promise<string | null> {
  if (!value) return null;
  const col = level === 'region' ? users.managesRegion : users.managesDivision;
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(col, value), eq(users.kind, 'staff'), eq(users.disabled, false)))
    .limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}

export type ViewRow = { project: ProjectView; handover: HandoverRow };

/**
 * The cross-project views, in the actor's scope: undecided handovers starting within `horizon`
 * (their T−30 start on or before it, their date not passed), undecided handovers past their date,
 * and decided projects whose mode calls for a customer manager who is not there.
 */
export async function handoverViewRows(
  db: DbOrTx,
  actor: Actor,
  view: 'starting' | 'overdue' | 'missing_customer_manager',
  today: string,
  horizon: string,
  limit: number,
): Promise<ViewRow[]> {
  const where: Record<typeof view, SQL | undefined> = {
    starting: and(
      isNull(handovers.decidedAt),
      lte(handovers.startDate, horizon),
      gte(handovers.plannedDate, today),
    ),
    overdue: and(isNull(handovers.decidedAt), lt(handovers.plannedDate, today)),
    missing_customer_manager: and(
      isNotNull(handovers.decidedAt),
      sql`(${handovers.chosenImplies}->>'customerManager')::boolean`,
      isNull(handovers.customerManagerId),
      sql`NOT EXISTS (SELECT 1 FROM project_members m JOIN users u ON u.id = m.user_id WHERE m.project_id = ${handovers.projectId} AND m.role = 'customer_manager' AND NOT u.disabled)`,
    ),
  };
  const rows = await db
    .select({ h: handovers, p: projects, customerName: customers.name })
    .from(handovers)
    .innerJoin(projects, eq(projects.id, handovers.projectId))
    .innerJoin(customers, eq(customers.id, projects.customerId))
    .where(and(projectVisible(actor, handovers.projectId), where[view]))
    .orderBy(asc(handovers.plannedDate), asc(handovers.id))
    .limit(limit);
  return rows.map((r) => ({
    project: {
      ...r.p,
      customerName: r.customerName,
      chosenMode: r.h.chosenMode,
      chosenVariant: r.h.chosenVariant,
    },
    handover: r.h,
  }));
}
