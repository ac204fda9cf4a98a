import {
  attributeChangeProblems,
  ciTypeAbilities,
  systemAbilities,
  validateAttributeDefs,
} from '@opsdesk/domain';
import type { AttributeDef, TypeProblem } from '@opsdesk/domain';
import type { CiTypeCreateSchema, CiTypeListQuery, CiTypeUpdateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import {
  allTypeKeys,
  backfillUniqueValues,
  countCisOfType,
  deleteCiTypeRow,
  dropUniqueValues,
  findCiType,
  insertCiType,
  listCiTypes,
  updateCiTypeRow,
} from './ci-type.repository.js';
import type { CiTypeRow } from './ci-type.repository.js';

type AttributeInput = z.output<typeof CiTypeCreateSchema>['attributes'][number];

export function listCiTypesFor(ctx: Ctx, query: z.output<typeof CiTypeListQuery>) {
  return listCiTypes(ctx.db, query);
}

export async function getCiType(ctx: Ctx, id: string): Promise<CiTypeRow> {
  const row = await findCiType(ctx.db, id);
  if (!row) throw AppError.notFound();
  return row;
}

const typeError = (problems: TypeProblem[]) =>
  AppError.validation(problems.map((p) => ({ path: p.path, rule: `rule.ciType.${p.code}` })));

/** The stored form of attribute definitions: no empty optionals; `system` only from the stored type. */
function toDefs(input: readonly AttributeInput[], before: readonly AttributeDef[] = []): AttributeDef[] {
  const system = new Set(before.filter((d) => d.system).map((d) => d.key));
  return input.map((a) => {
    const d: AttributeDef = { key: a.key, label: a.label, kind: a.kind };
    if (a.required) d.required = true;
    if (a.unique) d.unique = true;
    if (a.unit) d.unit = a.unit;
    if (a.min != null) d.min = a.min;
    if (a.max != null) d.max = a.max;
    if (a.maxLength != null) d.maxLength = a.maxLength;
    if (a.options?.length) d.options = a.options;
    if (a.refTypes?.length) d.refTypes = a.refTypes;
    if (system.has(a.key)) d.system = true;
    return d;
  });
}

export async function createCiType(ctx: Ctx, input: z.output<typeof CiTypeCreateSchema>): Promise<CiTypeRow> {
  if (!systemAbilities(ctx.actor).manageOrganisation) throw AppError.forbidden();
  return ctx.db.transaction(async (tx) => {
    const attributes = toDefs(input.attributes);
    const problems = validateAttributeDefs(attributes, [...(await allTypeKeys(tx)), input.key]);
    if (problems.length) throw typeError(problems);
    const row = await insertCiType(
      tx,
      {
        id: uuid7(),
        key: input.key,
        labelZh: input.label['zh-CN'],
        labelEn: input.label.en,
        category: input.category,
        sortOrder: input.sortOrder,
        attributes,
        system: false,
        version: 1,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
      ctx.actor.userId,
    );
    await recordAudit(tx, ctx, {
      action: 'ci_type.create',
      objectType: 'ci_type',
      objectId: row.id,
      changes: changesOf(null, row),
    });
    return row;
  });
}

/**
 * Edits a type. A change of the attributes is a new version (the old one is kept in
 * ci_type_versions); existing CIs stay as they were written and are checked against the new
 * version when they are next written (docs/decisions/0300-cmdb-types-as-data.md). Making an
 * attribute unique copies the existing values into ci_unique_values, refused if they repeat.
 */
export async function updateCiType(
  ctx: Ctx,
  id: string,
  patch: z.output<typeof CiTypeUpdateSchema>,
): Promise<CiTypeRow> {
  return ctx.db.transaction(async (tx) => {
    const before = await findCiType(tx, id, true);
    if (!before) throw AppError.notFound();
    if (!ciTypeAbilities(ctx.actor, before).update) throw AppError.forbidden();
    const set: Partial<CiTypeRow> = { updatedAt: ctx.now };
    if (patch.label) {
      set.labelZh = patch.label['zh-CN'];
      set.labelEn = patch.label.en;
    }
    if (patch.category && !before.system) set.category = patch.category;
    if (patch.sortOrder !== undefined) set.sortOrder = patch.sortOrder;
    let newVersion = false;
    if (patch.attributes) {
      const attributes = toDefs(patch.attributes, before.attributes);
      const problems = [
        ...validateAttributeDefs(attributes, await allTypeKeys(tx)),
        ...attributeChangeProblems(before.attributes, attributes),
      ];
      if (problems.length) throw typeError(problems);
      if (JSON.stringify(attributes) !== JSON.stringify(before.attributes)) {
        newVersion = true;
        set.attributes = attributes;
        set.version = before.version + 1;
        const wasUnique = new Set(before.attributes.filter((d) => d.unique).map((d) => d.key));
        const isUnique = new Set(attributes.filter((d) => d.unique).map((d) => d.key));
        for (const key of wasUnique) if (!isUnique.has(key)) await dropUniqueValues(tx, id, key);
        for (const [i, def] of attributes.entries()) {
          if (!def.unique || wasUnique.has(def.key)) continue;
          const repeated = await backfillUniqueValues(tx, id, def);
          if (repeated !== null)
            throw AppError.field(`attributes.${i}.unique`, 'rule.ciType.uniqueConflict', { value: repeated });
        }
      }
    }
    const after = await updateCiTypeRow(tx, id, set, ctx.actor.userId, newVersion);
    await recordAudit(tx, ctx, {
      action: 'ci_type.update',
      objectType: 'ci_type',
      objectId: id,
      changes: changesOf(before, after),
    });
    return after;
  });
}

export async function deleteCiType(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findCiType(tx, id, true);
    if (!before) throw AppError.notFound();
    if (!ciTypeAbilities(ctx.actor, before).delete) throw AppError.forbidden();
    if ((await countCisOfType(tx, id)) > 0) throw new AppError('IN_USE');
    await deleteCiTypeRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'ci_type.delete',
      objectType: 'ci_type',
      objectId: id,
      changes: changesOf(before, null),
    });
  });
}
