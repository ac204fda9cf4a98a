import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { INSPECTION_CI_TYPE_KEYS } from '@opsdesk/domain';
import type { Actor, InspectionTemplate } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { projectVisible } from '../../db/scope.js';
import { ciTypes, inspectionTemplateVersions, inspectionTemplates, users } from '../../db/schema/index.js';

export type TemplateRow = typeof inspectionTemplates.$inferSelect;
export type TemplateVersionRow = typeof inspectionTemplateVersions.$inferSelect;

/** Templates the actor may see: every project's, and those of the projects in its scope. */
export function templateVisible(actor: Actor): SQL {
  return or(isNull(inspectionTemplates.projectId), projectVisible(actor, inspectionTemplates.projectId))!;
}

/** A template with its current version, if the actor sees it (actor null: the system). */
export async function findTemplate(
  db: DbOrTx,
  actor: Actor | null,
  id: string,
  lock = false,
): Promise<TemplateRow | null> {
  const q = db
    .select()
    .from(inspectionTemplates)
    .where(and(eq(inspectionTemplates.id, id), actor ? templateVisible(actor) : undefined));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export function asTemplate(v: TemplateVersionRow): InspectionTemplate {
  return {
    id: v.templateId,
    version: v.version,
    name: v.name,
    items: v.items,
    autoIncidentSeverities: v.autoIncidentSeverities,
  };
}

export async function findVersion(
  db: DbOrTx,
  id: string,
  version: number,
): Promise<TemplateVersionRow | null> {
  const rows = await db
    .select()
    .from(inspectionTemplateVersions)
    .where(
      and(eq(inspectionTemplateVersions.templateId, id), eq(inspectionTemplateVersions.version, version)),
    );
  return rows[0] ?? null;
}

/** Exact versions by (id, version): what tasks pin and results reference. */
export async function loadVersions(
  db: DbOrTx,
  refs: readonly { id: string; version: number }[],
): Promise<InspectionTemplate[]> {
  if (!refs.length) return [];
  const rows = await db
    .select()
    .from(inspectionTemplateVersions)
    .where(
      or(
        ...refs.map((r) =>
          and(
            eq(inspectionTemplateVersions.templateId, r.id),
            eq(inspectionTemplateVersions.version, r.version),
          ),
        ),
      ),
    );
  return refs.map((r) => {
    const v = rows.find((x) => x.templateId === r.id && x.version === r.version);
    if (!v) throw new Error(`template version ${r.id} v${r.version} is missing`);
    return asTemplate(v);
  });
}

/** The current versions of templates by id (those that exist). */
export async function currentVersions(
  db: DbOrTx,
  ids: readonly string[],
): Promise<(InspectionTemplate & { row: TemplateRow })[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ t: inspectionTemplates, v: inspectionTemplateVersions })
    .from(inspectionTemplates)
    .innerJoin(
      inspectionTemplateVersions,
      and(
        eq(inspectionTemplateVersions.templateId, inspectionTemplates.id),
        eq(inspectionTemplateVersions.version, inspectionTemplates.currentVersion),
      ),
    )
    .where(inArray(inspectionTemplates.id, [...ids]));
  return rows.map((r) => ({ ...asTemplate(r.v), row: r.t }));
}

export function versionList(db: DbOrTx, id: string) {
  return db
    .select({
      version: inspectionTemplateVersions.version,
      createdAt: inspectionTemplateVersions.createdAt,
      createdBy: inspectionTemplateVersions.createdBy,
      createdByName: users.displayName,
    })
    .from(inspectionTemplateVersions)
    .leftJoin(users, eq(users.id, inspectionTemplateVersions.createdBy))
    .where(eq(inspectionTemplateVersions.templateId, id))
    .orderBy(asc(inspectionTemplateVersions.version));
}

/** The CI type keys templates may use: the tenant's types, plus the inspection domain's (`ups`). */
export async function ciTypeKeys(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ key: ciTypes.key }).from(ciTypes);
  return [...new Set([...rows.map((r) => r.key), ...INSPECTION_CI_TYPE_KEYS])];
}

/** Whether an active plan (not archived) uses the template. */
export async function templateInUse(db: DbOrTx, id: string): Promise<boolean> {
  const r = await db.execute<{ used: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM inspection_plans WHERE archived_at IS NULL AND ${id} = ANY(template_ids)) AS used`,
  );
  return Boolean(r.rows[0]?.used);
}
