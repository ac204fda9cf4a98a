import { checkAttributes, cmdbAbilities, mergeAttributes } from '@opsdesk/domain';
import type { AttributeDef } from '@opsdesk/domain';
import type { CiCreateSchema, CiListQuery, CiUpdateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { FieldProblem } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { definedOnly } from '../../lib/patch.js';
import { recordAudit } from '../audit/audit.record.js';
import { findCiType } from './ci-type.repository.js';
import type { CiTypeRow } from './ci-type.repository.js';
import { findCi, listCis } from './ci.repository.js';
import type { CiView, NewCi } from './ci.repository.js';
import {
  attributeFieldProblems,
  checkReferencesById,
  ownerExists,
  serialTaken,
  visibleProject,
} from './ci.resolve.js';
import { siteOfCustomer } from '../sites/site.repository.js';
import type { ProjectRef } from './ci.resolve.js';
import { insertCis, restoreCi, softDeleteCi, takenUniques, updateCi } from './ci.write.js';
import type { UniqueValue, Who } from './ci.write.js';

export function whoOf(ctx: Ctx): Who {
  return { actorId: ctx.actor.userId, actorName: ctx.actorName, requestId: ctx.requestId, now: ctx.now };
}

export function listCisFor(ctx: Ctx, query: z.output<typeof CiListQuery>) {
  return listCis(ctx.db, ctx.actor, query);
}

export async function getCi(ctx: Ctx, id: string): Promise<CiView> {
  const row = await findCi(ctx.db, ctx.actor, id);
  if (!row) throw AppError.notFound();
  return row;
}

async function reread(tx: DbOrTx, ctx: Ctx, id: string): Promise<CiView> {
  const row = await findCi(tx, ctx.actor, id);
  if (!row) throw AppError.notFound();
  return row;
}

/** The row without the joined names: what history and audit compare. */
export const own = (v: CiView) => {
  const {
    projectName: _p,
    typeKey: _k,
    typeLabelZh: _z,
    typeLabelEn: _e,
    typeCategory: _c,
    ownerName: _o,
    siteName: _s,
    ...row
  } = v;
  return row;
};

interface Checked {
  attributes: Record<string, unknown>;
  uniques: UniqueValue[];
}

/**
 * Everything a write of a CI is checked against, all problems at once as field errors: the
 * attributes against the type, references, owner, site, serial number, asset tag and unique
 * attributes against the project.
 */
async function checkCi(
  tx: DbOrTx,
  project: ProjectRef,
  type: CiTypeRow,
  selfId: string | null,
  values: {
    attributes: Record<string, unknown>;
    ownerId?: string | null;
    siteId?: string | null;
    serialNo?: string | null;
    assetTag?: string | null;
  },
): Promise<Checked> {
  const defs: AttributeDef[] = type.attributes;
  const check = checkAttributes(defs, values.attributes, 'json');
  const problems: FieldProblem[] = attributeFieldProblems(check);
  problems.push(...(await checkReferencesById(tx, project.id, check.references, selfId)));
  if (values.ownerId && !(await ownerExists(tx, values.ownerId)))
    problems.push({ path: 'ownerId', rule: 'rule.ci.ownerNotFound' });
  if (values.siteId && !(await siteOfCustomer(tx, values.siteId, project.customerId)))
    problems.push({ path: 'siteId', rule: 'rule.ci.siteOfOtherCustomer' });
  if (values.serialNo && (await serialTaken(tx, project.id, 'serial_no', values.serialNo, selfId)))
    problems.push({ path: 'serialNo', rule: 'rule.unique' });
  if (values.assetTag && (await serialTaken(tx, project.id, 'asset_tag', values.assetTag, selfId)))
    problems.push({ path: 'assetTag', rule: 'rule.unique' });
  const taken = await takenUniques(tx, { id: selfId, projectId: project.id, typeId: type.id }, check.uniques);
  for (const key of taken.keys()) problems.push({ path: `attributes.${key}`, rule: 'rule.unique' });
  if (problems.length) throw AppError.validation(problems);
  return { attributes: check.values, uniques: check.uniques };
}

const priceText = (p: number | null | undefined) => (p === null || p === undefined ? p : p.toFixed(2));

export async function createCi(ctx: Ctx, input: z.output<typeof CiCreateSchema>): Promise<CiView> {
  return ctx.db.transaction(async (tx) => {
    const project = await visibleProject(tx, ctx.actor, input.projectId, true);
    if (!project) throw AppError.notFound();
    if (!cmdbAbilities(ctx.actor, project.id).update) throw AppError.forbidden();
    const type = await findCiType(tx, input.typeId);
    if (!type) throw AppError.field('typeId', 'rule.ci.typeNotFound');
    const id = uuid7();
    const checked = await checkCi(tx, project, type, null, input);
    const { price, attributes: _a, ...fields } = input;
    const row: NewCi = {
      ...fields,
      id,
      typeVersion: type.version,
      price: priceText(price),
      attributes: checked.attributes,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.actor.userId,
    };
    await insertCis(tx, whoOf(ctx), [{ row, uniques: checked.uniques }]);
    const view = await reread(tx, ctx, id);
    await recordAudit(tx, ctx, {
      action: 'ci.create',
      objectType: 'ci',
      objectId: id,
      detail: { projectId: project.id, type: type.key, name: view.name },
    });
    return view;
  });
}

export async function updateCiFor(
  ctx: Ctx,
  id: string,
  patch: z.output<typeof CiUpdateSchema>,
): Promise<CiView> {
  return ctx.db.transaction(async (tx) => {
    const before = await findCi(tx, ctx.actor, id, true);
    if (!before) throw AppError.notFound();
    if (!cmdbAbilities(ctx.actor, before.projectId).update) throw AppError.forbidden();
    if (before.deletedAt)
      throw new AppError('INVALID_TRANSITION', {}, {}, [{ path: 'id', rule: 'rule.ci.deleted' }]);
    const project = (await visibleProject(tx, ctx.actor, before.projectId, true))!;
    const type = (await findCiType(tx, before.typeId))!;
    const { price, attributes: attrPatch, ...rest } = definedOnly(patch);
    const attributes = mergeAttributes(type.attributes, before.attributes, attrPatch ?? {});
    // Owner, site and serial are checked when they change (a later-disabled owner does not block other edits).
    const checked = await checkCi(tx, project, type, id, { ...rest, attributes });
    const set: Partial<NewCi> = { ...rest, attributes: checked.attributes, typeVersion: type.version };
    if (price !== undefined) set.price = priceText(price);
    const { changes } = await updateCi(tx, whoOf(ctx), own(before), set, checked.uniques);
    if (changes.length) {
      await recordAudit(tx, ctx, {
        action: 'ci.update',
        objectType: 'ci',
        objectId: id,
        changes: Object.fromEntries(changes.map((c) => [c.field, { before: c.before, after: c.after }])),
      });
    }
    return reread(tx, ctx, id);
  });
}

export async function deleteCiFor(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findCi(tx, ctx.actor, id, true);
    if (!before) throw AppError.notFound();
    if (!cmdbAbilities(ctx.actor, before.projectId).delete) throw AppError.forbidden();
    if (before.deletedAt) return;
    const ended = await softDeleteCi(tx, whoOf(ctx), own(before));
    await recordAudit(tx, ctx, {
      action: 'ci.delete',
      objectType: 'ci',
      objectId: id,
      detail: { name: before.name, endedRelations: ended },
    });
  });
}

/** Brings a deleted CI back (its relations stay ended); its serial and unique values must be free. */
export async function restoreCiFor(ctx: Ctx, id: string): Promise<CiView> {
  return ctx.db.transaction(async (tx) => {
    const before = await findCi(tx, ctx.actor, id, true);
    if (!before) throw AppError.notFound();
    if (!cmdbAbilities(ctx.actor, before.projectId).delete) throw AppError.forbidden();
    if (!before.deletedAt) return before;
    const project = (await visibleProject(tx, ctx.actor, before.projectId, true))!;
    const type = (await findCiType(tx, before.typeId))!;
    const uniques = checkAttributes(
      type.attributes,
      mergeAttributes(type.attributes, before.attributes, {}),
      'json',
    ).uniques;
    const problems: FieldProblem[] = [];
    if (before.serialNo && (await serialTaken(tx, project.id, 'serial_no', before.serialNo, id)))
      problems.push({ path: 'serialNo', rule: 'rule.unique' });
    if (before.assetTag && (await serialTaken(tx, project.id, 'asset_tag', before.assetTag, id)))
      problems.push({ path: 'assetTag', rule: 'rule.unique' });
    for (const key of (
      await takenUniques(tx, { id, projectId: project.id, typeId: type.id }, uniques)
    ).keys())
      problems.push({ path: `attributes.${key}`, rule: 'rule.unique' });
    if (problems.length) throw AppError.validation(problems);
    await restoreCi(tx, whoOf(ctx), own(before), uniques);
    await recordAudit(tx, ctx, {
      action: 'ci.restore',
      objectType: 'ci',
      objectId: id,
      detail: { name: before.name },
    });
    return reread(tx, ctx, id);
  });
}
