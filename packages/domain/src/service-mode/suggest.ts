import type { LocalisedText } from '../lifecycle/types.js';
import type {
  ModeCondition,
  ModeImplications,
  ProjectModeFacts,
  ServiceMode,
  ServiceModeRule,
  ServiceModeVariant,
} from './rules.js';
import { BOOLEAN_FACTS, SERVICE_MODES, VARIANTS_BY_MODE } from './rules.js';

/** The mode the rules suggest, the rule that decided and why. */
export interface ServiceModeSuggestion {
  mode: ServiceMode;
  variant: ServiceModeVariant;
  ruleKey: string;
  reason: LocalisedText;
  implies: ModeImplications;
}

/** Whether `condition` holds for `facts`. */
export function conditionHolds(condition: ModeCondition, facts: ProjectModeFacts): boolean {
  switch (condition.op) {
    case 'is':
      return facts[condition.fact] === condition.value;
    case 'in':
      return condition.values.includes(facts[condition.fact]);
    case 'gt':
      return facts.contractValue > condition.value;
    case 'gte':
      return facts.contractValue >= condition.value;
    case 'lt':
      return facts.contractValue < condition.value;
    case 'lte':
      return facts.contractValue <= condition.value;
  }
}

/**
 * The service mode to suggest at handover for a project with `facts`: the first rule in `rules`
 * whose conditions all hold, or null when none does. A suggestion, not a decision: the regional
 * and division managers decide, and the handover records both.
 */
export function suggestServiceMode(
  rules: readonly ServiceModeRule[],
  facts: ProjectModeFacts,
): ServiceModeSuggestion | null {
  const rule = rules.find((r) => r.when.every((c) => conditionHolds(c, facts)));
  if (!rule) return null;
  return {
    mode: rule.mode,
    variant: rule.variant,
    ruleKey: rule.key,
    reason: rule.reason,
    implies: rule.implies,
  };
}

export type ModeRuleProblem =
  | { code: 'no_rules' }
  | { code: 'blank_key'; index: number }
  | { code: 'duplicate_key'; rule: string }
  | { code: 'unknown_mode'; rule: string }
  | { code: 'variant_not_of_mode'; rule: string }
  | { code: 'bad_condition'; rule: string; index: number }
  | { code: 'blank_reason'; rule: string }
  | { code: 'bad_implies'; rule: string }
  | { code: 'shadowed'; rule: string; by: string };

const NUMBER_OPS: readonly string[] = ['gt', 'gte', 'lt', 'lte'];

function conditionValid(c: ModeCondition): boolean {
  switch (c.fact) {
    case 'businessLine':
    case 'renewal':
      return (
        c.op === 'in' &&
        Array.isArray(c.values) &&
        c.values.length > 0 &&
        c.values.every((v) => typeof v === 'string')
      );
    case 'contractValue':
      return (
        NUMBER_OPS.includes(c.op) && typeof c.value === 'number' && Number.isFinite(c.value) && c.value >= 0
      );
    default:
      return BOOLEAN_FACTS.includes(c.fact) && c.op === 'is' && typeof c.value === 'boolean';
  }
}

function impliesValid(i: ModeImplications | undefined): boolean {
  const q = i?.qualityMonitoring;
  const flags = [
    i?.customerManager,
    i?.subcontractor,
    i?.supplies?.spares,
    i?.supplies?.consumables,
    i?.supplies?.repairCosts,
    q?.periodicChecks,
    q?.onSiteReturnVisits,
    q?.phoneReturnVisits,
    q?.onSiteManagement,
  ];
  return flags.every((f) => typeof f === 'boolean');
}

/**
 * Every problem of an edited rule list; empty when it can be used. Checks keys (non-blank,
 * unique), mode and variant (the variant must belong to the mode), conditions (a known fact with
 * an operator and value of its kind; thresholds finite and non-negative), both reason texts, the
 * nine implication flags, and rules that can never apply because a catch-all comes before them.
 */
export function validateModeRules(rules: readonly ServiceModeRule[]): ModeRuleProblem[] {
  if (rules.length === 0) return [{ code: 'no_rules' }];
  const problems: ModeRuleProblem[] = [];
  const keys = new Set<string>();
  let catchAll: string | null = null;
  rules.forEach((r, index) => {
    if (r.key.trim() === '') problems.push({ code: 'blank_key', index });
    if (keys.has(r.key)) problems.push({ code: 'duplicate_key', rule: r.key });
    keys.add(r.key);
    if (!SERVICE_MODES.includes(r.mode)) problems.push({ code: 'unknown_mode', rule: r.key });
    else if (!VARIANTS_BY_MODE[r.mode].includes(r.variant))
      problems.push({ code: 'variant_not_of_mode', rule: r.key });
    r.when.forEach((c, i) => {
      if (!conditionValid(c)) problems.push({ code: 'bad_condition', rule: r.key, index: i });
    });
    if (!r.reason?.['zh-CN']?.trim() || !r.reason?.en?.trim())
      problems.push({ code: 'blank_reason', rule: r.key });
    if (!impliesValid(r.implies)) problems.push({ code: 'bad_implies', rule: r.key });
    if (catchAll !== null) problems.push({ code: 'shadowed', rule: r.key, by: catchAll });
    else if (r.when.length === 0) catchAll = r.key;
  });
  return problems;
}
