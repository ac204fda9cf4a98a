import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { AttributeDef } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { ciTypes, ciTypeVersions, ciUniqueValues, cis } from '../../db/schema/index.js';
import { keyset } from '../../http/pagination.js';
import type { KeysetInput } from '../../http/pagination.js';
import { constraintField } from '../../http/pg-errors.js';

constraintField('ci_types_key_key', 'key');
constraintField('ci_types_key_check', 'key');

export type CiTypeRow = typeof ciTypes.$inferSelect;

export async function listCiTypes(
  db: DbOrTx,
  query: KeysetInput & { q?: string | undefined; category?: string | undefined },
) {
  const ks = keyset<CiTypeRow>(
    query,
    { sortOrder: { column: ciTypes.sortOrder }, key: { column: ciTypes.key } },
    ciTypes.id,
    { defaultSort: 'sortOrder', rowKey: (r, k) => r[k as keyof CiTypeRow], rowId: (r) => r.id },
  );
  const filter: SQL | undefined = and(
    query.category ? eq(ciTypes.category, query.category) : undefined,
    query.q
      ? or(
          ilike(ciTypes.key, containsPattern(query.q)),
          ilike(ciTypes.labelZh, containsPattern(query.q)),
          ilike(ciTypes.labelEn, containsPattern(query.q)),
        )
      : undefined,
  );
  const rows = await db
    .select()
    .from(ciTypes)
    .where(and(filter, ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const total = await db
    .select({ n: sql<number>`count(*)` })
    .from(ciTypes)
    .where(filter);
  return { ...ks.page(rows), total: Number(total[0]?.n ?? 0) };
}

export async function findCiType(db: DbOrTx, id: string, lock = false): Promise<CiTypeRow | null> {
  const q = db.select().from(ciTypes).where(eq(ciTypes.id, id));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function allTypeKeys(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ key: ciTypes.key }).from(ciTypes).orderBy(asc(ciTypes.key));
  return rows.map((r) => r.key);
}

export async function typesByKeys(db: DbOrTx, keys: readonly string[]): Promise<Map<string, CiTypeRow>> {
  if (!keys.length) return new Map();
  const rows = await db
    .select()
    .from(ciTypes)
    .where(sql`${ciTypes.key} = ANY(${`{${keys.join(',')}}`}::text[])`);
  return new Map(rows.map((r) => [r.key, r]));
}

export async function insertCiType(
  db: DbOrTx,
  row: typeof ciTypes.$inferInsert,
  createdBy: string,
): Promise<CiTypeRow> {
  const [created] = await db.insert(ciTypes).values(row).returning();
  await db.insert(ciTypeVersions).values({
    typeId: created!.id,
    version: created!.version,
    attributes: created!.attributes,
    createdAt: created!.createdAt,
    createdBy,
  });
  return created!;
}

export async function updateCiTypeRow(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof ciTypes.$inferInsert>,
  createdBy: string,
  newVersion: boolean,
): Promise<CiTypeRow> {
  const [updated] = await db.update(ciTypes).set(patch).where(eq(ciTypes.id, id)).returning();
  if (newVersion)
    await db.insert(ciTypeVersions).values({
      typeId: id,
      version: updated!.version,
      attributes: updated!.attributes,
      createdAt: updated!.updatedAt,
      createdBy,
    });
  return updated!;
}

export async function countCisOfType(db: DbOrTx, typeId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)` })
    .from(cis)
    .where(eq(cis.typeId, typeId));
  return Number(rows[0]?.n ?? 0);
}

export async function deleteCiTypeRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(ciTypes).where(eq(ciTypes.id, id));
}

/**
 * Makes an attribute unique on a type that has CIs: copies the live values into
 * ci_unique_values. Returns the first repeated value when the existing CIs repeat one (and then
 * writes nothing useful: the caller rolls back).
 */
export async function backfillUniqueValues(
  db: DbOrTx,
  typeId: string,
  def: AttributeDef,
): Promise<string | null> {
  const norm =
    def.kind === 'text' ||
    def.kind === 'enum' ||
    def.kind === 'reference' ||
    def.kind === 'ip' ||
    def.kind === 'mac'
      ? sql`lower(c.attributes ->> ${def.key})`
      : sql`(c.attributes ->> ${def.key})`;
  const dup = await db.execute<{ v: string }>(sql`
    SELECT v FROM (
      SELECT c.project_id, ${norm} AS v FROM cis c
      WHERE c.type_id = ${typeId} AND c.deleted_at IS NULL AND c.attributes ? ${def.key}
    ) x GROUP BY project_id, v HAVING count(*) > 1 LIMIT 1`);
  if (dup.rows[0]) return dup.rows[0].v;
  await db.execute(sql`
    INSERT INTO ci_unique_values (project_id, type_id, attr_key, value, ci_id)
    SELECT c.project_id, c.type_id, ${def.key}, ${norm}, c.id FROM cis c
    WHERE c.type_id = ${typeId} AND c.deleted_at IS NULL AND c.attributes ? ${def.key}
    ON CONFLICT DO NOTHING`);
  return null;
}

export async function dropUniqueValues(db: DbOrTx, typeId: string, key: string): Promise<void> {
  await db
    .delete(ciUniqueValues)
    .where(and(eq(ciUniqueValues.typeId, typeId), eq(ciUniqueValues.attrKey, key)));
}
