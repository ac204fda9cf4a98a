import {
  localDateAt,
  modeFactsOf,
  serviceProjectAdminAbilities,
  suggestServiceMode,
  validateModeRules,
} from '@opsdesk/domain';
import type { ModeRuleProblem, ServiceModeRule, ServiceModeSuggestion } from '@opsdesk/domain';
import type { ServiceModeRuleCreateSchema, ServiceModeRuleUpdateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx, Tx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { FieldProblem } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { findProject } from '../projects/project.repository.js';
import type { ProjectView } from '../projects/project.repository.js';
import {
  deleteRuleRow,
  handoverDateOf,
  insertRule,
  listRuleRows,
  loadRules,
  toDomainRule,
  updateRuleRow,
} from './service-mode.repository.js';
import type { NewRule, RuleRow } from './service-mode.repository.js';

/** The facts of a project and what the rules suggest for it, judged on its handover date (else today). */
export function suggestionFor(rules: readonly ServiceModeRule[], project: ProjectView, asOf: string) {
  const { facts, assumed } = modeFactsOf(
    {
      businessLine: project.businessLine,
      contractValue: project.contractValue === null ? null : Number(project.contractValue),
      deliveryType: project.deliveryType,
      warrantyEnd: project.warrantyEnd,
      customerSelfMaintains: project.customerSelfMaintains,
      viaReseller: project.viaReseller,
      renewalStatus: project.renewalStatus,
    },
    asOf,
  );
  return { projectId: project.id, asOf, facts, assumed, suggestion: suggestServiceMode(rules, facts) };
}

export type SuggestionResult = ReturnType<typeof suggestionFor>;
export type { ServiceModeSuggestion };

export async function projectSuggestion(ctx: Ctx, projectId: string): Promise<SuggestionResult> {
  const project = await findProject(ctx.db, ctx.actor, projectId);
  if (!project) throw AppError.notFound();
  if (!serviceProjectAdminAbilities(ctx.actor).read) throw AppError.forbidden();
  const asOf = (await handoverDateOf(ctx.db, projectId)) ?? localDateAt(ctx.now);
  return suggestionFor(await loadRules(ctx.db), project, asOf);
}

export function listModeRules(ctx: Ctx): Promise<RuleRow[]> {
  if (!serviceProjectAdminAbilities(ctx.actor).read) throw AppError.forbidden();
  return listRuleRows(ctx.db);
}

/** A problem of the edited list as a field error, named by the field of the rule it concerns. */
function problemToField(p: ModeRuleProblem): FieldProblem {
  switch (p.code) {
    case 'no_rules':
      return { path: 'id', rule: 'rule.noModeRules' };
    case 'blank_key':
    case 'duplicate_key':
      return { path: 'key', rule: 'rule.unique' };
    case 'unknown_mode':
      return { path: 'mode', rule: 'rule.invalidValue' };
    case 'variant_not_of_mode':
      return { path: 'variant', rule: 'rule.variantNotOfMode' };
    case 'bad_condition':
      return { path: `when.${p.index}`, rule: 'rule.invalidValue' };
    case 'blank_reason':
      return { path: 'reason', rule: 'rule.invalidValue' };
    case 'bad_implies':
      return { path: 'implies', rule: 'rule.invalidValue' };
    case 'shadowed':
      return { path: 'position', rule: 'rule.modeRuleShadowed', params: { rule: p.rule, by: p.by } };
  }
}

/**
 * Applies one edit to the list and saves the whole list in order, refusing (with field errors,
 * nothing saved) an edit after which `validateModeRules` finds a problem: a duplicate key, a
 * variant of another mode, a bad condition, a rule shadowed by a catch-all, or no rules at all.
 */
async function editList(tx: Tx, edit: (rows: RuleRow[]) => RuleRow[]) {
  const before = await listRuleRows(tx, true);
  const rows = edit(before.map((r) => ({ ...r })));
  const problems = validateModeRules(rows.map(toDomainRule));
  if (problems.length) throw AppError.validation(problems.slice(0, 5).map(problemToField));
  for (const [i, r] of rows.entries()) {
    const position = (i + 1) * 10;
    if (r.position !== position && before.some((b) => b.id === r.id))
      await updateRuleRow(tx, r.id, { position });
    r.position = position;
  }
  return rows;
}

const reasonOf = (input: { reason: { 'zh-CN': string; en: string } }) => ({
  reasonZh: input.reason['zh-CN'],
  reasonEn: input.reason.en,
});

export async function createModeRule(
  ctx: Ctx,
  input: z.output<typeof ServiceModeRuleCreateSchema>,
): Promise<RuleRow> {
  if (!serviceProjectAdminAbilities(ctx.actor).manage) throw AppError.forbidden();
  return ctx.db.transaction(async (tx) => {
    const fresh: RuleRow = {
      id: uuid7(),
      key: input.key,
      position: 0,
      mode: input.mode,
      variant: input.variant,
      conditions: input.when,
      ...reasonOf(input),
      implies: input.implies,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    const rows = await editList(tx, (list) => {
      list.splice(input.position ?? list.length, 0, fresh);
      return list;
    });
    const row = await insertRule(tx, rows.find((r) => r.id === fresh.id)! as NewRule);
    await recordAudit(tx, ctx, {
      action: 'service_mode_rule.create',
      objectType: 'service_mode_rule',
      objectId: row.id,
      changes: changesOf(null, row),
    });
    return row;
  });
}

export async function updateModeRule(
  ctx: Ctx,
  id: string,
  input: z.output<typeof ServiceModeRuleUpdateSchema>,
): Promise<RuleRow> {
  if (!serviceProjectAdminAbilities(ctx.actor).read) throw AppError.notFound();
  return ctx.db.transaction(async (tx) => {
    let before: RuleRow | undefined;
    const rows = await editList(tx, (list) => {
      const i = list.findIndex((r) => r.id === id);
      if (i < 0) throw AppError.notFound();
      if (!serviceProjectAdminAbilities(ctx.actor).manage) throw AppError.forbidden();
      before = { ...list[i]! };
      const r = list[i]!;
      if (input.key !== undefined) r.key = input.key;
      if (input.mode !== undefined) r.mode = input.mode;
      if (input.variant !== undefined) r.variant = input.variant;
      if (input.when !== undefined) r.conditions = input.when;
      if (input.reason !== undefined) Object.assign(r, reasonOf({ reason: input.reason }));
      if (input.implies !== undefined) r.implies = input.implies;
      if (input.position !== undefined)
        list.splice(Math.min(input.position, list.length - 1), 0, ...list.splice(i, 1));
      return list;
    });
    const r = rows.find((x) => x.id === id)!;
    const { id: _id, createdAt: _c, ...patch } = r;
    const after = await updateRuleRow(tx, id, { ...patch, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'service_mode_rule.update',
      objectType: 'service_mode_rule',
      objectId: id,
      changes: changesOf(before!, after),
    });
    return after;
  });
}

export async function deleteModeRule(ctx: Ctx, id: string): Promise<void> {
  if (!serviceProjectAdminAbilities(ctx.actor).read) throw AppError.notFound();
  await ctx.db.transaction(async (tx) => {
    let before: RuleRow | undefined;
    await editList(tx, (list) => {
      const i = list.findIndex((r) => r.id === id);
      if (i < 0) throw AppError.notFound();
      if (!serviceProjectAdminAbilities(ctx.actor).manage) throw AppError.forbidden();
      before = list.splice(i, 1)[0];
      return list;
    });
    await deleteRuleRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'service_mode_rule.delete',
      objectType: 'service_mode_rule',
      objectId: id,
      changes: changesOf(before!, null),
    });
  });
}

/** The implications of a chosen mode: those of the first rule with that mode and variant, or null when no rule has it. */
export async function implicationsOf(db: DbOrTx, mode: string, variant: string) {
  return (await loadRules(db)).find((r) => r.mode === mode && r.variant === variant)?.implies ?? null;
}
