import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor, AttributeCheck, ReferenceCheck } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { projectVisible } from '../../db/scope.js';
import { ciTypes, cis, projects, users } from '../../db/schema/index.js';
import type { FieldProblem } from '../../http/app-error.js';

/** The project a CI belongs to, as a write needs it. */
export interface ProjectRef {
  id: string;
  name: string;
  customerId: string;
}

/** A project in the actor's scope, or null (then: not found). `share` locks it against deletion. */
export async function visibleProject(
  db: DbOrTx,
  actor: Actor,
  id: string,
  share = false,
): Promise<ProjectRef | null> {
  const q = db
    .select({ id: projects.id, name: projects.name, customerId: projects.customerId })
    .from(projects)
    .where(and(eq(projects.id, id), projectVisible(actor, projects.id)));
  const rows = share ? await q.for('share') : await q;
  return rows[0] ?? null;
}

/** Attribute problems as field errors at `attributes.<key>`. */
export function attributeFieldProblems(check: AttributeCheck): FieldProblem[] {
  return check.problems.map((p) => ({
    path: `attributes.${p.key}`,
    rule: `rule.ci.${p.code}`,
    ...(p.params ? { params: p.params } : {}),
  }));
}

/**
 * Resolves references by id (the API): each must be a live CI of the same project whose type is
 * one of the allowed ones. Returns the problems.
 */
export async function checkReferencesById(
  db: DbOrTx,
  projectId: string,
  refs: readonly ReferenceCheck[],
  selfId: string | null,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const ref of refs) {
    const rows = await db
      .select({ id: cis.id, typeKey: ciTypes.key })
      .from(cis)
      .innerJoin(ciTypes, eq(ciTypes.id, cis.typeId))
      .where(and(eq(cis.id, ref.value), eq(cis.projectId, projectId), isNull(cis.deletedAt)));
    const hit = rows[0];
    if (!hit || hit.id === selfId)
      problems.push({ path: `attributes.${ref.key}`, rule: 'rule.ci.referenceNotFound' });
    else if (ref.refTypes.length && !ref.refTypes.includes(hit.typeKey))
      problems.push({
        path: `attributes.${ref.key}`,
        rule: 'rule.ci.referenceType',
        params: { types: ref.refTypes.join(', ') },
      });
  }
  return problems;
}

/** The owner must be an enabled user of opsdesk staff. */
export async function ownerExists(db: DbOrTx, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.kind, 'staff'), eq(users.disabled, false)));
  return rows.length > 0;
}

/** Live CIs of the project holding a serial number or asset tag, other than `selfId`. */
export async function serialTaken(
  db: DbOrTx,
  projectId: string,
  column: 'serial_no' | 'asset_tag',
  value: string,
  selfId: string | null,
): Promise<boolean> {
  const res = await db.execute(
    sql`SELECT 1 FROM cis WHERE project_id = ${projectId} AND ${sql.raw(column)} = ${value} AND deleted_at IS NULL ${selfId ? sql`AND id <> ${selfId}` : sql``} LIMIT 1`,
  );
  return res.rows.length > 0;
}
