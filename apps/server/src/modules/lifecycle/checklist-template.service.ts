import { serviceProjectAdminAbilities, validateChecklistTemplate } from '@opsdesk/domain';
import type { ChecklistTemplateCreateSchema, ChecklistTemplateUpdateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { definedOnly } from '../../lib/patch.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import {
  deleteTemplateRow,
  findTemplate,
  insertTemplate,
  listTemplateRows,
  updateTemplateRow,
} from './checklist-template.repository.js';
import type { TemplateRow } from './checklist-template.repository.js';

/**
 * Checklist templates are data the admin edits. A change affects checklists generated from then
 * on; tasks already generated keep their titles and dates (they are the project's record).
 */
function check(t: Pick<TemplateRow, 'phase' | 'recurrence' | 'dueOffsetDays' | 'ownerRole'>) {
  const problems = validateChecklistTemplate(t);
  if (problems.length)
    throw AppError.validation(
      problems.map((p) => ({ path: p.field, rule: p.rule, ...(p.params ? { params: p.params } : {}) })),
    );
}

export function listTemplates(ctx: Ctx): Promise<TemplateRow[]> {
  if (!serviceProjectAdminAbilities(ctx.actor).read) throw AppError.forbidden();
  return listTemplateRows(ctx.db);
}

export async function createTemplate(
  ctx: Ctx,
  input: z.output<typeof ChecklistTemplateCreateSchema>,
): Promise<TemplateRow> {
  if (!serviceProjectAdminAbilities(ctx.actor).manage) throw AppError.forbidden();
  const recurrence = input.recurrence ?? (input.phase === 'implementation' ? 'monthly' : 'once');
  check({ ...input, recurrence });
  return ctx.db.transaction(async (tx) => {
    const row = await insertTemplate(tx, {
      id: uuid7(),
      key: input.key,
      phase: input.phase,
      category: input.category,
      titleZh: input.title['zh-CN'],
      titleEn: input.title.en,
      description: input.description,
      recurrence,
      dueOffsetDays: input.dueOffsetDays,
      ownerRole: input.ownerRole,
      position: input.position,
      active: input.active,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'checklist_template.create',
      objectType: 'checklist_template',
      objectId: row.id,
      changes: changesOf(null, row),
    });
    return row;
  });
}

export async function updateTemplate(
  ctx: Ctx,
  id: string,
  input: z.output<typeof ChecklistTemplateUpdateSchema>,
): Promise<TemplateRow> {
  return ctx.db.transaction(async (tx) => {
    if (!serviceProjectAdminAbilities(ctx.actor).read) throw AppError.notFound();
    const before = await findTemplate(tx, id);
    if (!before) throw AppError.notFound();
    if (!serviceProjectAdminAbilities(ctx.actor).manage) throw AppError.forbidden();
    const { title, ...rest } = definedOnly(input);
    const patch = { ...rest, ...(title ? { titleZh: title['zh-CN'], titleEn: title.en } : {}) };
    check({ ...before, ...patch });
    const after = await updateTemplateRow(tx, id, { ...patch, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'checklist_template.update',
      objectType: 'checklist_template',
      objectId: id,
      changes: changesOf(before, after),
    });
    return after;
  });
}

export async function deleteTemplate(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!serviceProjectAdminAbilities(ctx.actor).read) throw AppError.notFound();
    const before = await findTemplate(tx, id);
    if (!before) throw AppError.notFound();
    if (!serviceProjectAdminAbilities(ctx.actor).manage) throw AppError.forbidden();
    await deleteTemplateRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'checklist_template.delete',
      objectType: 'checklist_template',
      objectId: id,
      changes: changesOf(before, null),
    });
  });
}
