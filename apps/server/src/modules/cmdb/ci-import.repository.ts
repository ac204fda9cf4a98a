import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { projectVisible } from '../../db/scope.js';
import { ciImports, cis, sites } from '../../db/schema/index.js';
import type { CiRow } from './ci.repository.js';

export type ImportRow = typeof ciImports.$inferSelect;

/** A list of texts as one parameter (JSON), safe for any characters. */
const texts = (xs: readonly string[]): SQL =>
  sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(xs)}::jsonb))`;

export async function insertImport(db: DbOrTx, row: typeof ciImports.$inferInsert): Promise<ImportRow> {
  const [r] = await db.insert(ciImports).values(row).returning();
  return r!;
}

export async function updateImport(
  db: DbOrTx,
  id: string,
  set: Partial<typeof ciImports.$inferInsert>,
): Promise<ImportRow> {
  const [r] = await db.update(ciImports).set(set).where(eq(ciImports.id, id)).returning();
  return r!;
}

export async function findImport(db: DbOrTx, actor: Actor | null, id: string): Promise<ImportRow | null> {
  const rows = await db
    .select()
    .from(ciImports)
    .where(and(eq(ciImports.id, id), actor ? projectVisible(actor, ciImports.projectId) : undefined));
  return rows[0] ?? null;
}

/** Live CIs of the project with one of these serial numbers (any type). */
export async function cisBySerial(
  db: DbOrTx,
  projectId: string,
  serials: readonly string[],
  lock: boolean,
): Promise<CiRow[]> {
  if (!serials.length) return [];
  const q = db
    .select()
    .from(cis)
    .where(
      and(eq(cis.projectId, projectId), isNull(cis.deletedAt), sql`${cis.serialNo} = ANY(${texts(serials)})`),
    );
  return lock ? q.for('update') : q;
}

/** Live CIs of the project and type with one of these names. */
export async function cisByName(
  db: DbOrTx,
  projectId: string,
  typeId: string,
  names: readonly string[],
  lock: boolean,
): Promise<CiRow[]> {
  if (!names.length) return [];
  const q = db
    .select()
    .from(cis)
    .where(
      and(
        eq(cis.projectId, projectId),
        eq(cis.typeId, typeId),
        isNull(cis.deletedAt),
        sql`${cis.name} = ANY(${texts(names)})`,
      ),
    );
  return lock ? q.for('update') : q;
}

/** Live CIs of the project holding one of these asset tags: tag → id. */
export async function cisByAssetTag(
  db: DbOrTx,
  projectId: string,
  tags: readonly string[],
): Promise<Map<string, string>> {
  if (!tags.length) return new Map();
  const rows = await db
    .select({ id: cis.id, tag: cis.assetTag })
    .from(cis)
    .where(
      and(eq(cis.projectId, projectId), isNull(cis.deletedAt), sql`${cis.assetTag} = ANY(${texts(tags)})`),
    );
  return new Map(rows.map((r) => [r.tag!, r.id]));
}

/** Holders of unique attribute values: `key\u001fvalue` → ci id. */
export async function uniqueHolders(
  db: DbOrTx,
  projectId: string,
  typeId: string,
  pairs: readonly { key: string; norm: string }[],
): Promise<Map<string, string>> {
  if (!pairs.length) return new Map();
  const res = await db.execute<{ attr_key: string; value: string; ci_id: string }>(sql`
    SELECT u.attr_key, u.value, u.ci_id FROM ci_unique_values u
    JOIN jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS x (key text, norm text) ON x.key = u.attr_key AND x.norm = u.value
    WHERE u.project_id = ${projectId} AND u.type_id = ${typeId}`);
  return new Map(res.rows.map((r) => [`${r.attr_key}\u001f${r.value}`, r.ci_id]));
}

/** Live CIs of the project a reference cell can name (by serial number or name), with their type key. */
export async function referenceCandidates(db: DbOrTx, projectId: string, values: readonly string[]) {
  if (!values.length) return [];
  const res = await db.execute<{ id: string; name: string; serial_no: string | null; type_key: string }>(sql`
    SELECT c.id, c.name, c.serial_no, t.key AS type_key FROM cis c JOIN ci_types t ON t.id = c.type_id
    WHERE c.project_id = ${projectId} AND c.deleted_at IS NULL
      AND (c.name = ANY(${texts(values)}) OR c.serial_no = ANY(${texts(values)}) OR c.id::text = ANY(${texts(values)}))`);
  return res.rows;
}

/** Staff users a cell may name as owner (by username or display name). */
export async function ownerCandidates(db: DbOrTx, values: readonly string[]) {
  if (!values.length) return [];
  const res = await db.execute<{ id: string; username: string | null; display_name: string }>(sql`
    SELECT id, username, display_name FROM users
    WHERE kind = 'staff' AND NOT disabled AND (username = ANY(${texts(values)}) OR display_name = ANY(${texts(values)}))`);
  return res.rows;
}

export async function customerSites(db: DbOrTx, customerId: string) {
  return db.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.customerId, customerId));
}
