import type { Handover, Lang } from '@opsdesk/contracts';
import type { HandoverViewItemSchema } from '@opsdesk/contracts';
import { handoverStanding, localDateAt } from '@opsdesk/domain';
import type { Actor, ServiceModeSuggestion } from '@opsdesk/domain';
import type { z } from 'zod';
import { presentSuggestion } from '../service-modes/service-mode.presenter.js';
import { abilitiesFor } from './handover.service.js';
import type { HandoverView } from './handover.repository.js';
import type { ViewRow } from './handover.repository.js';

const person = (id: string | null, name: string | null | undefined) =>
  id && name ? { id, displayName: name } : null;

export function presentHandover(
  h: HandoverView,
  suggestion: ServiceModeSuggestion | null,
  actor: Actor,
  lang: Lang,
  now: Date,
): Handover {
  const { read: _read, ...abilities } = abilitiesFor({ actor }, h, h);
  const decided =
    h.decidedAt !== null && h.chosenMode !== null && h.chosenVariant !== null && h.chosenImplies !== null;
  return {
    id: h.id,
    projectId: h.projectId,
    projectCode: h.projectCode,
    projectName: h.projectName,
    plannedDate: h.plannedDate,
    startDate: h.startDate,
    standing: handoverStanding({ plannedDate: h.plannedDate, decided }, localDateAt(now)),
    regionalManager: person(h.regionalManagerId, h.names.regionalManager),
    divisionManager: person(h.divisionManagerId, h.names.divisionManager),
    serviceLead: person(h.serviceLeadId, h.names.serviceLead),
    customerManager: person(h.customerManagerId, h.names.customerManager),
    suggestion: presentSuggestion(suggestion, lang),
    decision: decided
      ? {
          mode: h.chosenMode!,
          variant: h.chosenVariant!,
          implies: h.chosenImplies!,
          suggestedRuleKey: h.suggestedRuleKey,
          overridesSuggestion: h.suggestedMode !== h.chosenMode || h.suggestedVariant !== h.chosenVariant,
          decidedBy: person(h.decidedBy, h.names.decidedBy),
          decidedAt: h.decidedAt!.toISOString(),
          reason: h.decisionReason ?? '',
        }
      : null,
    subcontractorDecision:
      h.subcontractorNeeded !== null && h.subcontractorDecidedAt
        ? {
            needed: h.subcontractorNeeded,
            decidedBy: person(h.subcontractorDecidedBy, h.names.subcontractorDecidedBy),
            decidedAt: h.subcontractorDecidedAt.toISOString(),
            reason: h.subcontractorReason ?? '',
          }
        : null,
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
    abilities,
  };
}

export function presentViewItem(
  r: ViewRow & { suggestion: ServiceModeSuggestion | null },
  lang: Lang,
  now: Date,
): z.infer<typeof HandoverViewItemSchema> {
  const h = r.handover;
  return {
    projectId: r.project.id,
    projectCode: r.project.code,
    projectName: r.project.name,
    customerName: r.project.customerName,
    region: r.project.region,
    division: r.project.division,
    handoverId: h.id,
    plannedDate: h.plannedDate,
    startDate: h.startDate,
    standing: handoverStanding(
      { plannedDate: h.plannedDate, decided: h.decidedAt !== null },
      localDateAt(now),
    ),
    suggestion: presentSuggestion(r.suggestion, lang),
    decision: h.chosenMode && h.chosenVariant ? { mode: h.chosenMode, variant: h.chosenVariant } : null,
  };
}
