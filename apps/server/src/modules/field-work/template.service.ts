import { and, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { canManageTemplate, coveredCiTypes, createTemplate, reviseTemplate } from '@opsdesk/domain';
import type { Actor, InspectionItem, InspectionTemplate, TemplateProblem } from '@opsdesk/domain';
import type {
  InspectionTemplateCopySchema,
  InspectionTemplateCreateSchema,
  InspectionTemplateListQuery,
  InspectionTemplateReviseSchema,
} from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { inspectionPlans, inspectionTemplateVersions, inspectionTemplates } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { keyset } from '../../http/pagination.js';
import { uuid7 } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.record.js';
import { findVisibleProject } from '../tickets/ticket.lookups.js';
import {
  asTemplate,
  ciTypeKeys,
  currentVersions,
  findTemplate,
  findVersion,
  templateInUse,
  templateVisible,
  versionList,
} from './template.repository.js';
import type { TemplateRow, TemplateVersionRow } from './template.repository.js';

const problemsToFields = (problems: TemplateProblem[]) =>
  AppError.validation(problems.map((p) => ({ path: p.path, rule: `rule.inspection.template.${p.code}` })));

function abilities(actor: Actor, row: TemplateRow) {
  const update =
    canManageTemplate(actor, { projectId: row.projectId, builtIn: row.builtIn }) && !row.archivedAt;
  return { update, copy: actor.kind === 'staff' };
}

function presentItem(row: TemplateRow, v: TemplateVersionRow, actor: Actor) {
  const t = asTemplate(v);
  return {
    id: row.id,
    version: v.version,
    name: v.name,
    projectId: row.projectId,
    builtIn: row.builtIn,
    copiedFrom: row.copiedFrom,
    archived: row.archivedAt !== null,
    ciTypeKeys: coveredCiTypes([t]),
    itemCount: t.items.length,
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilities(actor, row),
  };
}

export async function listTemplates(ctx: Ctx, q: z.output<typeof InspectionTemplateListQuery>) {
  if (q.projectId && !(await findVisibleProject(ctx.db, ctx.actor, q.projectId))) throw AppError.notFound();
  const ks = keyset<{ t: TemplateRow; v: TemplateVersionRow }>(
    q,
    { name: { column: inspectionTemplates.nameZh }, updatedAt: { column: inspectionTemplates.updatedAt } },
    inspectionTemplates.id,
    {
      defaultSort: 'name',
      rowKey: (r, k) => (k === 'name' ? r.t.nameZh : r.t.updatedAt),
      rowId: (r) => r.t.id,
    },
  );
  const rows = await ctx.db
    .select({ t: inspectionTemplates, v: inspectionTemplateVersions })
    .from(inspectionTemplates)
    .innerJoin(
      inspectionTemplateVersions,
      and(
        eq(inspectionTemplateVersions.templateId, inspectionTemplates.id),
        eq(inspectionTemplateVersions.version, inspectionTemplates.currentVersion),
      ),
    )
    .where(
      and(
        templateVisible(ctx.actor),
        q.projectId
          ? or(isNull(inspectionTemplates.projectId), eq(inspectionTemplates.projectId, q.projectId))
          : undefined,
        q.includeArchived ? undefined : isNull(inspectionTemplates.archivedAt),
        q.ciTypeKey
          ? sql`${inspectionTemplateVersions.items} @> ${JSON.stringify([{ ciTypeKey: q.ciTypeKey }])}::jsonb`
          : undefined,
        q.q
          ? or(
              ilike(inspectionTemplates.nameZh, containsPattern(q.q)),
              ilike(inspectionTemplates.nameEn, containsPattern(q.q)),
            )
          : undefined,
        ks.where,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const page = ks.page(rows);
  return { items: page.items.map((r) => presentItem(r.t, r.v, ctx.actor)), nextCursor: page.nextCursor };
}

export async function templateDetail(ctx: Ctx, id: string, version?: number) {
  const row = await findTemplate(ctx.db, ctx.actor, id);
  if (!row) throw AppError.notFound();
  const v = await findVersion(ctx.db, id, version ?? row.currentVersion);
  if (!v) throw AppError.notFound();
  const versions = await versionList(ctx.db, id);
  return {
    ...presentItem(row, v, ctx.actor),
    items: v.items,
    autoIncidentSeverities: v.autoIncidentSeverities,
    versions: versions.map((x) => ({
      version: x.version,
      createdAt: x.createdAt.toISOString(),
      createdBy: x.createdBy ? { id: x.createdBy, displayName: x.createdByName ?? '' } : null,
    })),
  };
}

async function insertTemplate(
  tx: DbOrTx,
  ctx: Ctx,
  t: InspectionTemplate,
  meta: { projectId: string | null; copiedFrom: string | null },
) {
  await tx.insert(inspectionTemplates).values({
    id: t.id,
    projectId: meta.projectId,
    builtIn: false,
    currentVersion: t.version,
    nameZh: t.name['zh-CN'],
    nameEn: t.name.en,
    copiedFrom: meta.copiedFrom,
    createdBy: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await tx.insert(inspectionTemplateVersions).values({
    templateId: t.id,
    version: t.version,
    name: t.name,
    items: [...t.items],
    autoIncidentSeverities: [...t.autoIncidentSeverities],
    createdBy: ctx.actor.userId,
    createdAt: ctx.now,
  });
}

/** Where a new template goes: a project the actor manages, or every project (the admin). */
async function targetProject(ctx: Ctx, projectId: string | null | undefined): Promise<string | null> {
  if (projectId && !(await findVisibleProject(ctx.db, ctx.actor, projectId)))
    throw AppError.field('projectId', 'rule.unknownReference');
  const target = projectId ?? null;
  if (!canManageTemplate(ctx.actor, { projectId: target, builtIn: false })) throw AppError.forbidden();
  return target;
}

export async function createInspectionTemplate(
  ctx: Ctx,
  input: z.output<typeof InspectionTemplateCreateSchema>,
) {
  const projectId = await targetProject(ctx, input.projectId);
  const r = createTemplate(
    uuid7(ctx.now.getTime()),
    {
      name: input.name,
      items: input.items as InspectionItem[],
      ...(input.autoIncidentSeverities ? { autoIncidentSeverities: input.autoIncidentSeverities } : {}),
    },
    await ciTypeKeys(ctx.db),
  );
  if (!r.ok) throw problemsToFields(r.problems);
  await ctx.db.transaction(async (tx) => {
    await insertTemplate(tx, ctx, r.template, { projectId, copiedFrom: null });
    await recordAudit(tx, ctx, {
      action: 'inspection_template.create',
      objectType: 'inspection_template',
      objectId: r.template.id,
      detail: { projectId, version: 1, name: r.template.name, items: r.template.items.length },
    });
  });
  return r.template.id;
}

/**
 * A new version with the changes (the domain's `reviseTemplate`): past versions stay as they were,
 * so results already judged are never re-judged; tasks already generated keep the version they
 * pinned. Saving an unchanged form writes nothing.
 */
export async function reviseInspectionTemplate(
  ctx: Ctx,
  id: string,
  input: z.output<typeof InspectionTemplateReviseSchema>,
) {
  const keys = await ciTypeKeys(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const row = await findTemplate(tx, ctx.actor, id, true);
    if (!row) throw AppError.notFound();
    if (!canManageTemplate(ctx.actor, { projectId: row.projectId, builtIn: row.builtIn }))
      throw AppError.forbidden();
    if (row.archivedAt)
      throw new AppError('CONFLICT', { reason: 'archived' }, {}, [
        { path: 'id', rule: 'rule.inspection.template.archived' },
      ]);
    const current = await findVersion(tx, id, row.currentVersion);
    const r = reviseTemplate(
      asTemplate(current!),
      {
        ...(input.name ? { name: input.name } : {}),
        ...(input.items ? { items: input.items as InspectionItem[] } : {}),
        ...(input.autoIncidentSeverities ? { autoIncidentSeverities: input.autoIncidentSeverities } : {}),
      },
      keys,
    );
    if (!r.ok) throw problemsToFields(r.problems);
    if (!r.changed) return;
    await refuseOverlaps(tx, id, coveredCiTypes([r.template]));
    await tx.insert(inspectionTemplateVersions).values({
      templateId: id,
      version: r.template.version,
      name: r.template.name,
      items: [...r.template.items],
      autoIncidentSeverities: [...r.template.autoIncidentSeverities],
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
    });
    await tx
      .update(inspectionTemplates)
      .set({
        currentVersion: r.template.version,
        nameZh: r.template.name['zh-CN'],
        nameEn: r.template.name.en,
        updatedAt: ctx.now,
      })
      .where(eq(inspectionTemplates.id, id));
    await recordAudit(tx, ctx, {
      action: 'inspection_template.revise',
      objectType: 'inspection_template',
      objectId: id,
      detail: { from: row.currentVersion, to: r.template.version, diff: r.diff },
    });
  });
}

/**
 * A plan may not hold two templates for one CI type (a CI would get two checklists): a revision
 * that adds items for a type another template of a plan using it covers is refused, naming the plan.
 */
async function refuseOverlaps(tx: DbOrTx, id: string, types: readonly string[]) {
  const plans = await tx
    .select({ name: inspectionPlans.name, templateIds: inspectionPlans.templateIds })
    .from(inspectionPlans)
    .where(and(isNull(inspectionPlans.archivedAt), sql`${id} = ANY(${inspectionPlans.templateIds})`));
  for (const plan of plans) {
    const others = await currentVersions(
      tx,
      plan.templateIds.filter((x) => x !== id),
    );
    const clash = coveredCiTypes(others).find((k) => types.includes(k));
    if (clash)
      throw AppError.field('items', 'rule.inspection.template.overlapsPlan', {
        plan: plan.name,
        ciType: clash,
      });
  }
}

/** A copy to adapt (a built-in one, or another project's): version 1 of a new template. */
export async function copyInspectionTemplate(
  ctx: Ctx,
  id: string,
  input: z.output<typeof InspectionTemplateCopySchema>,
) {
  const source = await findTemplate(ctx.db, ctx.actor, id);
  if (!source) throw AppError.notFound();
  const projectId = await targetProject(ctx, input.projectId);
  const v = await findVersion(ctx.db, id, source.currentVersion);
  const from = asTemplate(v!);
  const name = input.name ?? { 'zh-CN': `${from.name['zh-CN']}（副本）`, en: `${from.name.en} (copy)` };
  const r = createTemplate(
    uuid7(ctx.now.getTime()),
    { name, items: from.items, autoIncidentSeverities: from.autoIncidentSeverities },
    await ciTypeKeys(ctx.db),
  );
  if (!r.ok) throw problemsToFields(r.problems);
  await ctx.db.transaction(async (tx) => {
    await insertTemplate(tx, ctx, r.template, { projectId, copiedFrom: id });
    await recordAudit(tx, ctx, {
      action: 'inspection_template.create',
      objectType: 'inspection_template',
      objectId: r.template.id,
      detail: { projectId, version: 1, copiedFrom: { id, version: from.version } },
    });
  });
  return r.template.id;
}

/** Archives a template no active plan uses (its versions stay: results reference them). */
export async function archiveInspectionTemplate(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const row = await findTemplate(tx, ctx.actor, id, true);
    if (!row) throw AppError.notFound();
    if (!canManageTemplate(ctx.actor, { projectId: row.projectId, builtIn: row.builtIn }))
      throw AppError.forbidden();
    if (row.archivedAt) return;
    if (await templateInUse(tx, id)) throw new AppError('IN_USE');
    await tx
      .update(inspectionTemplates)
      .set({ archivedAt: ctx.now, updatedAt: ctx.now })
      .where(eq(inspectionTemplates.id, id));
    await recordAudit(tx, ctx, {
      action: 'inspection_template.archive',
      objectType: 'inspection_template',
      objectId: id,
    });
  });
}
