import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { IMPACT_FROM_TO, IMPACT_TO_FROM } from '@opsdesk/domain';
import type { RelationType } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { ciRelations } from '../../db/schema/index.js';
import { keyset } from '../../http/pagination.js';
import type { KeysetInput } from '../../http/pagination.js';
import { constraintField } from '../../http/pg-errors.js';
import type { NodeRow } from './ci.presenter.js';

constraintField('ci_relations_unique_key', 'type');
constraintField('ci_relations_not_self_check', 'toCiId');

const textArray = (xs: readonly string[]) => sql`${`{${xs.join(',')}}`}::text[]`;
const uuidArray = (xs: readonly string[]) => sql`${`{${xs.join(',')}}`}::uuid[]`;

/** Walks stop after this many path rows (a dense graph has very many paths; the nearest come first). */
export const WALK_ROW_CAP = 20_000;

export type RelationView = {
  id: string;
  projectId: string;
  type: RelationType;
  note: string | null;
  createdAt: Date;
  deletedAt: Date | null;
  from: NodeRow;
  to: NodeRow;
};

const nodeCols = (alias: string) =>
  sql.raw(
    `${alias}.id AS ${alias}_id, ${alias}.name AS ${alias}_name, ${alias}.status AS ${alias}_status, ${alias}t.id AS ${alias}_type_id, ${alias}t.key AS ${alias}_type_key, ` +
      `${alias}t.label_zh AS ${alias}_type_label_zh, ${alias}t.label_en AS ${alias}_type_label_en, ${alias}t.category AS ${alias}_type_category`,
  );

type RelationSqlRow = Record<string, unknown> & {
  id: string;
  project_id: string;
  type: RelationType;
  note: string | null;
  created_at: string | Date;
  deleted_at: string | Date | null;
};

const nodeOf = (r: Record<string, unknown>, a: string): NodeRow => ({
  id: r[`${a}_id`] as string,
  name: r[`${a}_name`] as string,
  status: r[`${a}_status`] as string,
  typeId: r[`${a}_type_id`] as string,
  typeKey: r[`${a}_type_key`] as string,
  typeLabelZh: r[`${a}_type_label_zh`] as string,
  typeLabelEn: r[`${a}_type_label_en`] as string,
  typeCategory: r[`${a}_type_category`] as string,
});

const toDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

function relationOf(r: RelationSqlRow): RelationView {
  return {
    id: r.id,
    projectId: r.project_id,
    type: r.type,
    note: r.note,
    createdAt: toDate(r.created_at),
    deletedAt: r.deleted_at ? toDate(r.deleted_at) : null,
    from: nodeOf(r, 'f'),
    to: nodeOf(r, 't'),
  };
}

function relationSelect(where: ReturnType<typeof sql>, tail = sql``) {
  return sql`
    SELECT r.id, r.project_id, r.type, r.note, r.created_at, r.deleted_at, ${nodeCols('f')}, ${nodeCols('t')}
    FROM ci_relations r
    JOIN cis f ON f.id = r.from_ci_id JOIN ci_types ft ON ft.id = f.type_id
    JOIN cis t ON t.id = r.to_ci_id JOIN ci_types tt ON tt.id = t.type_id
    WHERE ${where} ${tail}`;
}

export async function findRelation(db: DbOrTx, id: string, lock = false): Promise<RelationView | null> {
  const res = await db.execute<RelationSqlRow>(
    relationSelect(sql`r.id = ${id}`, lock ? sql`FOR UPDATE OF r` : sql``),
  );
  return res.rows[0] ? relationOf(res.rows[0]) : null;
}

/** `ci_relations` as the relation queries below name it (`r`), for the keyset's columns. */
const r = alias(ciRelations, 'r');

/** Live relations of a CI, newest first by default (keyset on created_at, id). */
export async function listRelations(
  db: DbOrTx,
  ciId: string,
  opts: KeysetInput & { direction: 'out' | 'in' | 'both'; type?: RelationType | undefined },
): Promise<{ items: RelationView[]; nextCursor: string | null }> {
  const ks = keyset<RelationView>(opts, { createdAt: { column: r.createdAt } }, r.id, {
    defaultSort: '-createdAt',
    rowKey: (v) => v.createdAt,
    rowId: (v) => v.id,
  });
  const side =
    opts.direction === 'out'
      ? sql`r.from_ci_id = ${ciId}`
      : opts.direction === 'in'
        ? sql`r.to_ci_id = ${ciId}`
        : sql`(r.from_ci_id = ${ciId} OR r.to_ci_id = ${ciId})`;
  const res = await db.execute<RelationSqlRow>(
    relationSelect(
      sql`${side} AND r.deleted_at IS NULL ${opts.type ? sql`AND r.type = ${opts.type}` : sql``} ${ks.where ? sql`AND ${ks.where}` : sql``}`,
      sql`ORDER BY ${sql.join(ks.orderBy, sql`, `)} LIMIT ${ks.limit}`,
    ),
  );
  return ks.page(res.rows.map(relationOf));
}

/** The relations of a CI that existed at `at` (created before, not yet ended). */
export async function relationsAt(db: DbOrTx, ciId: string, at: Date): Promise<RelationView[]> {
  const res = await db.execute<RelationSqlRow>(
    relationSelect(
      sql`(r.from_ci_id = ${ciId} OR r.to_ci_id = ${ciId}) AND r.created_at < ${at} AND (r.deleted_at IS NULL OR r.deleted_at >= ${at})`,
      sql`ORDER BY r.created_at, r.id`,
    ),
  );
  return res.rows.map(relationOf);
}

export async function insertRelation(
  db: DbOrTx,
  row: {
    id: string;
    projectId: string;
    fromCiId: string;
    toCiId: string;
    type: RelationType;
    note: string | null;
    createdAt: Date;
    createdBy: string;
  },
): Promise<void> {
  await db.execute(sql`
    INSERT INTO ci_relations (id, project_id, from_ci_id, to_ci_id, type, note, created_at, created_by)
    VALUES (${row.id}, ${row.projectId}, ${row.fromCiId}, ${row.toCiId}, ${row.type}, ${row.note}, ${row.createdAt}, ${row.createdBy})`);
}

export async function endRelation(db: DbOrTx, id: string, at: Date, by: string): Promise<void> {
  await db.execute(sql`UPDATE ci_relations SET deleted_at = ${at}, deleted_by = ${by} WHERE id = ${id}`);
}

export async function relationExists(
  db: DbOrTx,
  fromCiId: string,
  toCiId: string,
  type: RelationType,
): Promise<boolean> {
  const res = await db.execute(
    sql`SELECT 1 FROM ci_relations WHERE from_ci_id = ${fromCiId} AND to_ci_id = ${toCiId} AND type = ${type} AND deleted_at IS NULL`,
  );
  return res.rows.length > 0;
}

export interface WalkHit {
  ciId: string;
  depth: number;
  /** CI ids from the root (included) to the hit. */
  path: string[];
  /** Relation ids, one per step. */
  rels: string[];
}

/**
 * Impact: every CI an outage of `rootId` reaches along the relation types that carry impact
 * (packages/domain/src/cmdb/relations.ts), up to `maxDepth` steps, each once with its shortest
 * path (of equally short ones, the least by relation ids). A recursive query with an array path:
 * a step onto a CI already on the path is not taken, so cycles end. Returns the hits and whether
 * the walk stopped at its row cap.
 */
export async function impactWalk(
  db: DbOrTx,
  rootId: string,
  maxDepth: number,
): Promise<{ hits: WalkHit[]; truncated: boolean }> {
  const res = await db.execute<{
    ci_id: string;
    depth: number;
    path: string[];
    rels: string[];
    n: string;
  }>(sql`
    WITH RECURSIVE walk (ci_id, depth, path, rels) AS (
      SELECT ${rootId}::uuid, 0, ARRAY[${rootId}::uuid], ARRAY[]::uuid[]
      UNION ALL
      SELECT s.ci_id, w.depth + 1, w.path || s.ci_id, w.rels || s.rel_id
      FROM walk w
      CROSS JOIN LATERAL (
        SELECT r.from_ci_id AS ci_id, r.id AS rel_id FROM ci_relations r
        WHERE r.to_ci_id = w.ci_id AND r.type = ANY(${textArray(IMPACT_TO_FROM)}) AND r.deleted_at IS NULL
        UNION ALL
        SELECT r.to_ci_id, r.id FROM ci_relations r
        WHERE r.from_ci_id = w.ci_id AND r.type = ANY(${textArray(IMPACT_FROM_TO)}) AND r.deleted_at IS NULL
      ) s
      WHERE w.depth < ${maxDepth} AND s.ci_id <> ALL(w.path)
    ),
    capped AS (SELECT * FROM walk WHERE depth > 0 LIMIT ${WALK_ROW_CAP}),
    counted AS (SELECT count(*) AS n FROM capped)
    SELECT DISTINCT ON (c.ci_id) c.ci_id, c.depth, c.path::text[] AS path, c.rels::text[] AS rels, (SELECT n FROM counted) AS n
    FROM capped c ORDER BY c.ci_id, c.depth, c.rels`);
  const truncated = Number(res.rows[0]?.n ?? 0) >= WALK_ROW_CAP;
  const hits = res.rows.map((r) => ({ ciId: r.ci_id, depth: Number(r.depth), path: r.path, rels: r.rels }));
  hits.sort((a, b) => a.depth - b.depth || (a.rels.join() < b.rels.join() ? -1 : 1));
  return { hits, truncated };
}

/** The neighbourhood: CIs within `depth` steps along relations of any type and direction. */
export async function neighbourhood(
  db: DbOrTx,
  rootId: string,
  depth: number,
  maxNodes: number,
): Promise<{ nodes: { ciId: string; depth: number }[]; truncated: boolean }> {
  const res = await db.execute<{ ci_id: string; depth: number }>(sql`
    WITH RECURSIVE walk (ci_id, depth, path) AS (
      SELECT ${rootId}::uuid, 0, ARRAY[${rootId}::uuid]
      UNION ALL
      SELECT s.ci_id, w.depth + 1, w.path || s.ci_id
      FROM walk w
      CROSS JOIN LATERAL (
        SELECT r.to_ci_id AS ci_id FROM ci_relations r WHERE r.from_ci_id = w.ci_id AND r.deleted_at IS NULL
        UNION ALL
        SELECT r.from_ci_id FROM ci_relations r WHERE r.to_ci_id = w.ci_id AND r.deleted_at IS NULL
      ) s
      WHERE w.depth < ${depth} AND s.ci_id <> ALL(w.path)
    )
    SELECT ci_id, min(depth) AS depth FROM (SELECT * FROM walk LIMIT ${WALK_ROW_CAP}) x
    GROUP BY ci_id ORDER BY min(depth), ci_id LIMIT ${maxNodes + 1}`);
  const nodes = res.rows.map((r) => ({ ciId: r.ci_id, depth: Number(r.depth) }));
  return { nodes: nodes.slice(0, maxNodes), truncated: nodes.length > maxNodes };
}

/** Live relations among a set of CIs. */
export async function edgesAmong(
  db: DbOrTx,
  ids: readonly string[],
): Promise<{ id: string; from: string; to: string; type: RelationType }[]> {
  if (!ids.length) return [];
  const res = await db.execute<{ id: string; from_ci_id: string; to_ci_id: string; type: RelationType }>(sql`
    SELECT id, from_ci_id, to_ci_id, type FROM ci_relations
    WHERE deleted_at IS NULL AND from_ci_id = ANY(${uuidArray(ids)}) AND to_ci_id = ANY(${uuidArray(ids)})
    ORDER BY created_at, id`);
  return res.rows.map((r) => ({ id: r.id, from: r.from_ci_id, to: r.to_ci_id, type: r.type }));
}

/** Relations by id with their ends (to tell the direction of a path step). */
export async function relationEnds(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, { from: string; to: string; type: RelationType }>> {
  if (!ids.length) return new Map();
  const res = await db.execute<{ id: string; from_ci_id: string; to_ci_id: string; type: RelationType }>(sql`
    SELECT id, from_ci_id, to_ci_id, type FROM ci_relations WHERE id = ANY(${uuidArray(ids)})`);
  return new Map(res.rows.map((r) => [r.id, { from: r.from_ci_id, to: r.to_ci_id, type: r.type }]));
}

/** Node rows (name, status, type) of CIs by id. */
export async function nodesById(db: DbOrTx, ids: readonly string[]): Promise<Map<string, NodeRow>> {
  if (!ids.length) return new Map();
  const res = await db.execute<Record<string, unknown>>(sql`
    SELECT ${nodeCols('n')} FROM cis n JOIN ci_types nt ON nt.id = n.type_id WHERE n.id = ANY(${uuidArray(ids)})`);
  return new Map(res.rows.map((r) => [r.n_id as string, nodeOf(r, 'n')]));
}
