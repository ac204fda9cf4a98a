import { checkAttributes, ciChanges, mergeAttributes } from '@opsdesk/domain';
import type { AttributeValue } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import type { CiTypeRow } from './ci-type.repository.js';
import type { CiRow, NewCi } from './ci.repository.js';
import type { ProjectRef } from './ci.resolve.js';
import { ciState } from './ci.write.js';
import type { UniqueValue } from './ci.write.js';
import type { Column } from './ci-import.columns.js';
import {
  cisByAssetTag,
  cisByName,
  cisBySerial,
  customerSites,
  ownerCandidates,
  referenceCandidates,
  uniqueHolders,
} from './ci-import.repository.js';
import type { ParsedRow, RowErrors } from './ci-import.rows.js';

/** What a file's earlier batches leave for the later ones. */
export interface ImportState {
  /** Import key (serial or name) → first row, across the whole file. */
  seenKeys: Map<string, number>;
  seenTags: Map<string, number>;
  seenUniques: Map<string, number>;
  owners: Map<string, string | null>;
  sites: Map<string, string | null> | null;
}

/** What one row will do: create a CI, change one (`set`), or nothing; with its unique values. */
export interface Plan {
  parsed: ParsedRow;
  before: CiRow | null;
  create: NewCi | null;
  set: Partial<NewCi> | null;
  uniques: UniqueValue[];
}

const keyOf = (p: ParsedRow) => {
  const serial = p.fields.serialNo as string | null | undefined;
  return serial ? `s:${serial}` : `n:${p.fields.name as string}`;
};

/**
 * Resolves a batch of parsed rows against the project (existing CIs by serial number or name,
 * owners, sites, references) and the rows before it, and plans each row's write; rows with
 * problems carry them in `parsed.errors`. `lock`: the CIs found are locked for the write.
 */
export async function planBatch(
  tx: DbOrTx,
  ctx: Ctx,
  lock: boolean,
  project: ProjectRef,
  type: CiTypeRow,
  columns: readonly Column[],
  errs: RowErrors,
  state: ImportState,
  batch: readonly ParsedRow[],
): Promise<Plan[]> {
  const colOf = (key: string) =>
    columns.find((c) => (c.kind === 'field' ? c.field === key : `attributes.${c.def.key}` === key)) ?? null;
  const attrCol = (key: string) => colOf(`attributes.${key}`);
  // ── Resolve against the database, in bulk ──
  const live = batch.filter((p) => !p.errors.length || p.fields.name);
  const serials = [
    ...new Set(
      live.map((p) => p.fields.serialNo as string | null | undefined).filter((s): s is string => Boolean(s)),
    ),
  ];
  const names = [
    ...new Set(live.filter((p) => !p.fields.serialNo && p.fields.name).map((p) => p.fields.name as string)),
  ];
  const bySerial = new Map((await cisBySerial(tx, project.id, serials, lock)).map((c) => [c.serialNo!, c]));
  const byName = new Map<string, CiRow[]>();
  for (const c of await cisByName(tx, project.id, type.id, names, lock))
    byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  await resolveOwnersAndSites(tx, project, batch, state);
  const refValues = [...new Set(batch.flatMap((p) => p.references.map((r) => r.value)))];
  const candidates = await referenceCandidates(tx, project.id, refValues);

  const plans: Plan[] = [];
  for (const p of batch) {
    const plan: Plan = { parsed: p, before: null, create: null, set: null, uniques: [] };
    plans.push(plan);
    if (!p.fields.name && !p.fields.serialNo) continue; // already an error (name required)
    const key = keyOf(p);
    const first = state.seenKeys.get(key);
    if (first !== undefined) {
      p.errors.push(
        errs.at(p.row, colOf(p.fields.serialNo ? 'serialNo' : 'name'), 'rule.import.duplicateInFile', {
          row: first,
        }),
      );
      continue;
    }
    state.seenKeys.set(key, p.row);
    if (p.fields.serialNo) {
      const hit = bySerial.get(p.fields.serialNo as string) ?? null;
      if (hit && hit.typeId !== type.id)
        p.errors.push(errs.at(p.row, colOf('serialNo'), 'rule.import.serialOtherType'));
      plan.before = hit;
    } else {
      const hits = byName.get(p.fields.name as string) ?? [];
      if (hits.length > 1) p.errors.push(errs.at(p.row, colOf('name'), 'rule.import.nameAmbiguous'));
      plan.before = hits[0] ?? null;
    }
    if (p.ownerText) {
      const id = state.owners.get(p.ownerText);
      if (!id) p.errors.push(errs.at(p.row, colOf('owner'), 'rule.ci.ownerNotFound'));
      else p.ownerId = id;
    } else if ('owner' in p.fields) p.ownerId = null;
    if (p.siteText) {
      const id = state.sites!.get(p.siteText);
      if (!id) p.errors.push(errs.at(p.row, colOf('site'), 'rule.ci.siteOfOtherCustomer'));
      else p.siteId = id;
    } else if ('site' in p.fields) p.siteId = null;
    for (const ref of p.references) {
      const byId = candidates.filter((c) => c.id === ref.value);
      const bySerialHit = candidates.filter((c) => c.serial_no === ref.value);
      const hits = byId.length
        ? byId
        : bySerialHit.length
          ? bySerialHit
          : candidates.filter((c) => c.name === ref.value);
      if (!hits.length) p.errors.push(errs.at(p.row, attrCol(ref.key), 'rule.ci.referenceNotFound'));
      else if (hits.length > 1)
        p.errors.push(errs.at(p.row, attrCol(ref.key), 'rule.ci.referenceAmbiguous', { value: ref.value }));
      else if (ref.refTypes.length && !ref.refTypes.includes(hits[0]!.type_key))
        p.errors.push(
          errs.at(p.row, attrCol(ref.key), 'rule.ci.referenceType', { types: ref.refTypes.join(', ') }),
        );
      else p.attributes[ref.key] = hits[0]!.id;
    }
    if (p.errors.length) continue;
    mergePlan(ctx, plan, project, type, errs, attrCol);
  }

  // ── Uniqueness: asset tags and unique attributes, against the database and earlier rows ──
  const tagged = plans.filter((pl) => !pl.parsed.errors.length && (pl.create ?? pl.set)?.assetTag);
  const tagHolders = await cisByAssetTag(
    tx,
    project.id,
    tagged.map((pl) => (pl.create ?? pl.set)!.assetTag as string),
  );
  for (const pl of tagged) {
    const tag = (pl.create ?? pl.set)!.assetTag as string;
    claim(pl, state.seenTags, tag, tagHolders.get(tag), colOf('assetTag'), errs);
  }
  const withUniques = plans.filter((pl) => !pl.parsed.errors.length && pl.uniques.length);
  const holders = await uniqueHolders(
    tx,
    project.id,
    type.id,
    withUniques.flatMap((pl) => pl.uniques),
  );
  for (const pl of withUniques) {
    for (const u of pl.uniques) {
      const k = `${u.key}\u001f${u.norm}`;
      claim(pl, state.seenUniques, k, holders.get(k), attrCol(u.key), errs);
    }
  }
  return plans;
}

/**
 * A value that must be unique in the project (an asset tag, a unique attribute): an error on the
 * row when another CI holds it or an earlier row of the file claimed it, else the row claims it.
 */
function claim(
  pl: Plan,
  seen: Map<string, number>,
  key: string,
  holder: string | undefined,
  column: Column | null,
  errs: RowErrors,
): void {
  const first = seen.get(key);
  if ((holder && holder !== pl.before?.id) || first !== undefined)
    pl.parsed.errors.push(
      errs.at(pl.parsed.row, column, first !== undefined ? 'rule.import.duplicateInFile' : 'rule.unique', {
        row: first,
      }),
    );
  else seen.set(key, pl.parsed.row);
}

/** The CI after the row: a new one, or the changed fields of the existing one (null when nothing changes). */
function mergePlan(
  ctx: Ctx,
  plan: Plan,
  project: ProjectRef,
  type: CiTypeRow,
  errs: RowErrors,
  attrCol: (key: string) => Column | null,
): void {
  const p = plan.parsed;
  const f = p.fields;
  const has = (k: string) => k in f;
  const before = plan.before;
  const attributes = mergeAttributes(type.attributes, before?.attributes ?? {}, p.attributes);
  const check = checkAttributes(type.attributes, attributes, 'json');
  for (const pr of check.problems)
    p.errors.push(errs.at(p.row, attrCol(pr.key), `rule.ci.${pr.code}`, pr.params));
  if (p.errors.length) return;
  plan.uniques = check.uniques;
  const values: Partial<NewCi> = { attributes: check.values as Record<string, AttributeValue> };
  if (has('name')) values.name = f.name as string;
  for (const k of [
    'serialNo',
    'assetTag',
    'vendor',
    'model',
    'supportContract',
    'supplier',
    'description',
  ] as const)
    if (has(k)) values[k] = (f[k] as string | null) ?? null;
  if (f.status) values.status = f.status as NewCi['status'];
  if (has('owner')) values.ownerId = p.ownerId ?? null;
  if (has('site')) values.siteId = p.siteId ?? null;
  if (has('tags')) values.tags = (f.tags as string[]) ?? [];
  if (has('purchaseDate')) values.purchaseDate = (f.purchaseDate as string | null) ?? null;
  if (has('warrantyEnd')) values.warrantyEnd = (f.warrantyEnd as string | null) ?? null;
  if (has('price'))
    values.price = f.price === null || f.price === undefined ? null : (f.price as number).toFixed(2);
  if (!before) {
    plan.create = {
      id: uuid7(),
      projectId: project.id,
      typeId: type.id,
      typeVersion: type.version,
      name: values.name!,
      status: 'in_use',
      tags: [],
      ...values,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.actor.userId,
    };
    return;
  }
  const after = { ...before, ...values } as CiRow;
  if (ciChanges(ciState(before), ciState(after)).length) plan.set = { ...values, typeVersion: type.version };
}

async function resolveOwnersAndSites(
  tx: DbOrTx,
  project: ProjectRef,
  batch: readonly ParsedRow[],
  state: ImportState,
): Promise<void> {
  const wanted = [
    ...new Set(batch.map((p) => p.ownerText).filter((x): x is string => Boolean(x) && !state.owners.has(x!))),
  ];
  if (wanted.length) {
    const found = await ownerCandidates(tx, wanted);
    for (const w of wanted) {
      const byUsername = found.filter((u) => u.username === w);
      const hits = byUsername.length ? byUsername : found.filter((u) => u.display_name === w);
      state.owners.set(w, hits.length === 1 ? hits[0]!.id : null);
    }
  }
  if (!state.sites) {
    const rows = await customerSites(tx, project.customerId);
    state.sites = new Map();
    for (const s of rows) state.sites.set(s.name, state.sites.has(s.name) ? null : s.id);
  }
}
