import { and, eq, getTableColumns, ilike, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor, CiCategory, CiStatus } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { projectVisible } from '../../db/scope.js';
import { ciTypes, cis, projects, sites, users } from '../../db/schema/index.js';
import { keyset } from '../../http/pagination.js';
import type { KeysetInput } from '../../http/pagination.js';
import { constraintField } from '../../http/pg-errors.js';

constraintField('cis_project_serial_key', 'serialNo');
constraintField('cis_project_asset_tag_key', 'assetTag');
constraintField('ci_unique_values_pkey', 'attributes');
constraintField('cis_name_check', 'name');
constraintField('cis_price_check', 'price');

export type CiRow = typeof cis.$inferSelect;
export type NewCi = typeof cis.$inferInsert;
/** A CI as every read returns it: with its type, project, owner and site names. */
export type CiView = CiRow & {
  projectName: string;
  typeKey: string;
  typeLabelZh: string;
  typeLabelEn: string;
  typeCategory: string;
  ownerName: string | null;
  siteName: string | null;
};

export const ciViewColumns = {
  ...getTableColumns(cis),
  projectName: projects.name,
  typeKey: ciTypes.key,
  typeLabelZh: ciTypes.labelZh,
  typeLabelEn: ciTypes.labelEn,
  typeCategory: ciTypes.category,
  ownerName: users.displayName,
  siteName: sites.name,
};

export function ciViewQuery(db: DbOrTx) {
  return db
    .select(ciViewColumns)
    .from(cis)
    .innerJoin(projects, eq(projects.id, cis.projectId))
    .innerJoin(ciTypes, eq(ciTypes.id, cis.typeId))
    .leftJoin(users, eq(users.id, cis.ownerId))
    .leftJoin(sites, eq(sites.id, cis.siteId));
}

export interface CiFilter {
  q?: string | undefined;
  projectId?: string | undefined;
  typeId?: string | undefined;
  category?: CiCategory | undefined;
  status?: CiStatus | undefined;
  siteId?: string | undefined;
  ownerId?: string | undefined;
  vendor?: string | undefined;
  tag?: string | undefined;
  warrantyEndFrom?: string | undefined;
  warrantyEndTo?: string | undefined;
  deleted?: boolean | undefined;
}

/** The WHERE clause of a CI list (and its export and count), within the actor's scope. */
export function ciFilterSql(actor: Actor, f: CiFilter): SQL {
  return and(
    projectVisible(actor, cis.projectId),
    f.deleted ? isNotNull(cis.deletedAt) : isNull(cis.deletedAt),
    f.projectId ? eq(cis.projectId, f.projectId) : undefined,
    f.typeId ? eq(cis.typeId, f.typeId) : undefined,
    f.category
      ? sql`${cis.typeId} IN (SELECT t.id FROM ci_types t WHERE t.category = ${f.category})`
      : undefined,
    f.status ? eq(cis.status, f.status) : undefined,
    f.siteId ? eq(cis.siteId, f.siteId) : undefined,
    f.ownerId ? eq(cis.ownerId, f.ownerId) : undefined,
    f.vendor ? eq(cis.vendor, f.vendor) : undefined,
    f.tag ? sql`${cis.tags} @> ARRAY[${f.tag}]::text[]` : undefined,
    f.warrantyEndFrom ? sql`${cis.warrantyEnd} >= ${f.warrantyEndFrom}` : undefined,
    f.warrantyEndTo ? sql`${cis.warrantyEnd} <= ${f.warrantyEndTo}` : undefined,
    f.q
      ? or(
          ilike(cis.name, containsPattern(f.q)),
          ilike(cis.serialNo, containsPattern(f.q)),
          ilike(cis.assetTag, containsPattern(f.q)),
          ilike(cis.model, containsPattern(f.q)),
        )
      : undefined,
  )!;
}

export const CI_SORT_COLUMNS = {
  name: { column: cis.name },
  createdAt: { column: cis.createdAt },
  updatedAt: { column: cis.updatedAt },
  warrantyEnd: { column: cis.warrantyEnd, nullable: true },
};

/** Totals stop counting here: a count over every CI of a large CMDB on each page view costs too much. */
export const TOTAL_CAP = 10_000;

export async function listCis(db: DbOrTx, actor: Actor, query: KeysetInput & CiFilter) {
  const ks = keyset<CiView>(query, CI_SORT_COLUMNS, cis.id, {
    defaultSort: 'name',
    rowKey: (r, k) => r[k as keyof CiView],
    rowId: (r) => r.id,
  });
  const filter = ciFilterSql(actor, query);
  const rows = await pageOfCis(db, filter, ks);
  // The total is counted for the first page only (the list shows it from there), and stops at the cap.
  if (query.cursor) return ks.page(rows);
  const counted = await db.execute<{ n: string }>(
    sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${cis} WHERE ${filter} LIMIT ${TOTAL_CAP + 1}) x`,
  );
  const n = Number(counted.rows[0]?.n ?? 0);
  return { ...ks.page(rows), total: Math.min(n, TOTAL_CAP), totalCapped: n > TOTAL_CAP };
}

/**
 * One keyset page of CIs with their names. The page's ids come first from `cis` alone, then the
 * joins: a row comparison on a column many rows share (an import gives 50,000 CIs one
 * `updated_at`) is estimated at one row, and with the joins in the same query the planner then
 * sorts every row after the cursor instead of walking the (column, id) index.
 */
export async function pageOfCis(
  db: DbOrTx,
  filter: SQL,
  ks: { where: SQL | undefined; orderBy: SQL[]; limit: number },
): Promise<CiView[]> {
  const ids = await db
    .select({ id: cis.id })
    .from(cis)
    .where(and(filter, ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  if (!ids.length) return [];
  const byId = new Map(
    (
      await findCisById(
        db,
        ids.map((r) => r.id),
      )
    ).map((r) => [r.id, r]),
  );
  return ids.flatMap((r) => byId.get(r.id) ?? []);
}

/** One CI in the actor's scope (deleted ones too), or null. */
export async function findCi(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<CiView | null> {
  const q = ciViewQuery(db).where(and(eq(cis.id, id), projectVisible(actor, cis.projectId)));
  const rows = lock ? await q.for('update', { of: cis }) : await q;
  return rows[0] ?? null;
}

/** CIs by id (no scope: callers pass ids they already resolved in scope). */
export async function findCisById(db: DbOrTx, ids: readonly string[]): Promise<CiView[]> {
  if (!ids.length) return [];
  return ciViewQuery(db).where(sql`${cis.id} = ANY(${`{${ids.join(',')}}`}::uuid[])`);
}
