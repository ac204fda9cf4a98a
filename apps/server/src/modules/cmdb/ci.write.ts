import { and, eq, ne, sql } from 'drizzle-orm';
import { ciChanges } from '@opsdesk/domain';
import type { CiState, FieldChange } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { ciHistory, ciUniqueValues, cis } from '../../db/schema/index.js';
import type { CiRow, NewCi } from './ci.repository.js';

/**
 * The writes of a CI that every path shares (the API, imports, the demo): the row, its unique
 * attribute values and its history, always together. Callers hold the transaction and write the
 * audit row.
 */
export interface Who {
  actorId: string | null;
  actorName: string | null;
  requestId: string | null;
  now: Date;
  importId?: string | null;
}

export interface UniqueValue {
  key: string;
  norm: string;
}

/** The fields history tracks, as a plain state (dates as ISO strings, price as a number). */
export function ciState(row: CiRow | NewCi): CiState {
  return {
    name: row.name,
    typeId: row.typeId,
    status: row.status ?? 'in_use',
    ownerId: row.ownerId ?? null,
    siteId: row.siteId ?? null,
    tags: row.tags ?? [],
    vendor: row.vendor ?? null,
    model: row.model ?? null,
    serialNo: row.serialNo ?? null,
    assetTag: row.assetTag ?? null,
    purchaseDate: row.purchaseDate ?? null,
    price: row.price === null || row.price === undefined ? null : Number(row.price),
    warrantyEnd: row.warrantyEnd ?? null,
    supportContract: row.supportContract ?? null,
    supplier: row.supplier ?? null,
    description: row.description ?? null,
    deletedAt: row.deletedAt ? row.deletedAt.toISOString() : null,
    attributes: { ...(row.attributes ?? {}) },
  };
}

const historyBase = (who: Who, ciId: string) => ({
  ciId,
  at: who.now,
  actorId: who.actorId,
  actorName: who.actorName,
  requestId: who.requestId,
  importId: who.importId ?? null,
});

/** Inserts CIs with their unique values and a `create` history row each (one statement per table). */
export async function insertCis(
  db: DbOrTx,
  who: Who,
  rows: { row: NewCi; uniques: readonly UniqueValue[] }[],
): Promise<void> {
  if (!rows.length) return;
  await db.insert(cis).values(rows.map((r) => r.row));
  const uniques = rows.flatMap((r) =>
    r.uniques.map((u) => ({
      projectId: r.row.projectId,
      typeId: r.row.typeId,
      attrKey: u.key,
      value: u.norm,
      ciId: r.row.id,
    })),
  );
  if (uniques.length) await db.insert(ciUniqueValues).values(uniques);
  await db
    .insert(ciHistory)
    .values(
      rows.map((r) => ({ ...historyBase(who, r.row.id), action: 'create' as const, after: ciState(r.row) })),
    );
}

/** Replaces a CI's unique values (a conflict raises ci_unique_values_pkey). */
export async function replaceUniques(
  db: DbOrTx,
  ci: { id: string; projectId: string; typeId: string },
  uniques: readonly UniqueValue[],
): Promise<void> {
  await db.delete(ciUniqueValues).where(eq(ciUniqueValues.ciId, ci.id));
  if (uniques.length)
    await db.insert(ciUniqueValues).values(
      uniques.map((u) => ({
        projectId: ci.projectId,
        typeId: ci.typeId,
        attrKey: u.key,
        value: u.norm,
        ciId: ci.id,
      })),
    );
}

/**
 * Writes the changed fields of a CI and one history row per changed field or attribute.
 * Returns the changes (empty: nothing was written).
 */
export async function updateCi(
  db: DbOrTx,
  who: Who,
  before: CiRow,
  set: Partial<NewCi>,
  uniques: readonly UniqueValue[] | null,
): Promise<{ row: CiRow; changes: FieldChange[] }> {
  const merged = { ...before, ...set } as CiRow;
  const changes = ciChanges(ciState(before), ciState(merged));
  const typeVersionChanged = set.typeVersion !== undefined && set.typeVersion !== before.typeVersion;
  if (!changes.length && !typeVersionChanged) return { row: before, changes };
  const [row] = await db
    .update(cis)
    .set({ ...set, updatedAt: who.now })
    .where(eq(cis.id, before.id))
    .returning();
  if (uniques) await replaceUniques(db, before, uniques);
  if (changes.length)
    await db.insert(ciHistory).values(
      changes.map((c) => ({
        ...historyBase(who, before.id),
        action: 'update' as const,
        field: c.field,
        before: c.before,
        after: c.after,
      })),
    );
  return { row: row!, changes };
}

/** Soft-deletes a CI: hidden from lists, its unique values freed, its relations ended (with history). */
export async function softDeleteCi(db: DbOrTx, who: Who, ci: CiRow): Promise<number> {
  await db
    .update(cis)
    .set({ deletedAt: who.now, deletedBy: who.actorId, updatedAt: who.now })
    .where(eq(cis.id, ci.id));
  await db.delete(ciUniqueValues).where(eq(ciUniqueValues.ciId, ci.id));
  await db.insert(ciHistory).values({
    ...historyBase(who, ci.id),
    action: 'delete',
    field: 'deletedAt',
    before: null,
    after: who.now.toISOString(),
  });
  const ended = await db.execute<{ id: string; from_ci_id: string; to_ci_id: string; type: string }>(sql`
    UPDATE ci_relations SET deleted_at = ${who.now}, deleted_by = ${who.actorId}
    WHERE deleted_at IS NULL AND (from_ci_id = ${ci.id} OR to_ci_id = ${ci.id})
    RETURNING id, from_ci_id, to_ci_id, type`);
  for (const r of ended.rows)
    await relationHistory(db, who, 'relation_remove', r.id, r.type, r.from_ci_id, r.to_ci_id);
  return ended.rows.length;
}

export async function restoreCi(
  db: DbOrTx,
  who: Who,
  ci: CiRow,
  uniques: readonly UniqueValue[],
): Promise<void> {
  await db.update(cis).set({ deletedAt: null, deletedBy: null, updatedAt: who.now }).where(eq(cis.id, ci.id));
  await replaceUniques(db, ci, uniques);
  await db.insert(ciHistory).values({
    ...historyBase(who, ci.id),
    action: 'restore',
    field: 'deletedAt',
    before: ci.deletedAt?.toISOString() ?? null,
    after: null,
  });
}

/** History rows on both ends of a relation that was added or removed. */
export async function relationHistory(
  db: DbOrTx,
  who: Who,
  action: 'relation_add' | 'relation_remove',
  relationId: string,
  type: string,
  fromCiId: string,
  toCiId: string,
): Promise<void> {
  const side = (direction: 'out' | 'in', otherCiId: string) => ({ type, direction, otherCiId });
  const value = (d: ReturnType<typeof side>) =>
    action === 'relation_add' ? { before: null, after: d } : { before: d, after: null };
  await db.insert(ciHistory).values([
    { ...historyBase(who, fromCiId), action, field: 'relation', relationId, ...value(side('out', toCiId)) },
    { ...historyBase(who, toCiId), action, field: 'relation', relationId, ...value(side('in', fromCiId)) },
  ]);
}

/** Unique values held by other CIs: `key → ci id` for each of `uniques` that is taken. */
export async function takenUniques(
  db: DbOrTx,
  ci: { id: string | null; projectId: string; typeId: string },
  uniques: readonly UniqueValue[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const u of uniques) {
    const rows = await db
      .select({ ciId: ciUniqueValues.ciId })
      .from(ciUniqueValues)
      .where(
        and(
          eq(ciUniqueValues.projectId, ci.projectId),
          eq(ciUniqueValues.typeId, ci.typeId),
          eq(ciUniqueValues.attrKey, u.key),
          eq(ciUniqueValues.value, u.norm),
          ci.id ? ne(ciUniqueValues.ciId, ci.id) : undefined,
        ),
      );
    if (rows[0]) out.set(u.key, rows[0].ciId);
  }
  return out;
}
