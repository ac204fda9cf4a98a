import type { ModeSuggestion, ServiceModeRuleDto } from '@opsdesk/contracts';
import type { Lang } from '@opsdesk/contracts';
import { serviceProjectAdminAbilities } from '@opsdesk/domain';
import type { Actor, ServiceModeSuggestion } from '@opsdesk/domain';
import type { RuleRow } from './service-mode.repository.js';
import type { SuggestionResult } from './service-mode.service.js';

export function presentRule(r: RuleRow, actor: Actor): ServiceModeRuleDto {
  const manage = serviceProjectAdminAbilities(actor).manage;
  return {
    id: r.id,
    key: r.key,
    position: r.position,
    mode: r.mode,
    variant: r.variant,
    when: r.conditions,
    reason: { 'zh-CN': r.reasonZh, en: r.reasonEn },
    implies: r.implies,
    updatedAt: r.updatedAt.toISOString(),
    abilities: { update: manage, delete: manage },
  };
}

/** A suggestion with its reason in both languages and in the caller's. */
export function presentSuggestion(s: ServiceModeSuggestion | null, lang: Lang): ModeSuggestion['suggestion'] {
  return s
    ? {
        mode: s.mode,
        variant: s.variant,
        ruleKey: s.ruleKey,
        reason: s.reason,
        reasonText: s.reason[lang],
        implies: s.implies,
      }
    : null;
}

export function presentModeSuggestion(r: SuggestionResult, lang: Lang): ModeSuggestion {
  return {
    projectId: r.projectId,
    asOf: r.asOf,
    facts: r.facts,
    assumed: r.assumed,
    suggestion: presentSuggestion(r.suggestion, lang),
  };
}
