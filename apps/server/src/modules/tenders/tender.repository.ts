import { aliasedTable, and, asc, eq } from 'drizzle-orm';
import type { Actor } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { projectVisible } from '../../db/scope.js';
import { handovers, projects, subcontractors, tenders, users } from '../../db/schema/index.js';

export type TenderRow = typeof tenders.$inferSelect;
export type NewTender = typeof tenders.$inferInsert;
export type TenderView = TenderRow & {
  projectName: string;
  customerManagerId: string | null;
  subcontractorName: string | null;
  names: { createdBy: string | null; publishedBy: string | null; awardedBy: string | null };
};

const creator = aliasedTable(users, 'creator');
const publisher = aliasedTable(users, 'publisher');
const awarder = aliasedTable(users, 'awarder');

function viewQuery(db: DbOrTx) {
  return db
    .select({
      t: tenders,
      projectName: projects.name,
      customerManagerId: handovers.customerManagerId,
      subcontractorName: subcontractors.name,
      createdBy: creator.displayName,
      publishedBy: publisher.displayName,
      awardedBy: awarder.displayName,
    })
    .from(tenders)
    .innerJoin(projects, eq(projects.id, tenders.projectId))
    .leftJoin(handovers, eq(handovers.projectId, tenders.projectId))
    .leftJoin(subcontractors, eq(subcontractors.id, tenders.awardedSubcontractorId))
    .leftJoin(creator, eq(creator.id, tenders.createdBy))
    .leftJoin(publisher, eq(publisher.id, tenders.publishedBy))
    .leftJoin(awarder, eq(awarder.id, tenders.awardedBy));
}

type Joined = Awaited<ReturnType<ReturnType<typeof viewQuery>['execute']>>[number];
const flat = (r: Joined): TenderView => ({
  ...r.t,
  projectName: r.projectName,
  customerManagerId: r.customerManagerId,
  subcontractorName: r.subcontractorName,
  names: { createdBy: r.createdBy, publishedBy: r.publishedBy, awardedBy: r.awardedBy },
});

export async function listTenderViews(db: DbOrTx, projectId: string): Promise<TenderView[]> {
  const rows = await viewQuery(db)
    .where(eq(tenders.projectId, projectId))
    .orderBy(asc(tenders.createdAt), asc(tenders.id));
  return rows.map(flat);
}

export async function findTenderView(db: DbOrTx, actor: Actor, id: string): Promise<TenderView | null> {
  const rows = await viewQuery(db).where(and(eq(tenders.id, id), projectVisible(actor, tenders.projectId)));
  return rows[0] ? flat(rows[0]) : null;
}

export async function lockTender(db: DbOrTx, actor: Actor, id: string): Promise<TenderRow | null> {
  const rows = await db
    .select()
    .from(tenders)
    .where(and(eq(tenders.id, id), projectVisible(actor, tenders.projectId)))
    .for('update');
  return rows[0] ?? null;
}

export async function insertTender(db: DbOrTx, row: NewTender): Promise<TenderRow> {
  const [created] = await db.insert(tenders).values(row).returning();
  return created!;
}

export async function updateTenderRow(db: DbOrTx, id: string, patch: Partial<NewTender>): Promise<TenderRow> {
  const [row] = await db.update(tenders).set(patch).where(eq(tenders.id, id)).returning();
  return row!;
}

export async function customerManagerOf(db: DbOrTx, projectId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: handovers.customerManagerId })
    .from(handovers)
    .where(eq(handovers.projectId, projectId));
  return row?.id ?? null;
}

export async function subcontractorName(db: DbOrTx, id: string): Promise<string> {
  const [row] = await db
    .select({ name: subcontractors.name })
    .from(subcontractors)
    .where(eq(subcontractors.id, id));
  return row?.name ?? '';
}
