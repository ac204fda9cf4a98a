import type { Tender } from '@opsdesk/contracts';
import type { Actor } from '@opsdesk/domain';
import { abilitiesOf } from './tender.service.js';
import type { TenderView } from './tender.repository.js';

const person = (id: string | null, name: string | null) => (id && name ? { id, displayName: name } : null);

export function presentTender(t: TenderView, actor: Actor): Tender {
  const manage = abilitiesOf({ actor }, t).manage;
  return {
    id: t.id,
    projectId: t.projectId,
    title: t.title,
    scope: t.scope,
    budget: t.budget,
    bidDeadline: t.bidDeadline,
    status: t.status,
    awardedSubcontractor:
      t.awardedSubcontractorId && t.subcontractorName
        ? { id: t.awardedSubcontractorId, name: t.subcontractorName }
        : null,
    awardReason: t.awardReason,
    createdBy: person(t.createdBy, t.names.createdBy),
    publishedBy: person(t.publishedBy, t.names.publishedBy),
    publishedAt: t.publishedAt?.toISOString() ?? null,
    awardedBy: person(t.awardedBy, t.names.awardedBy),
    awardedAt: t.awardedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    abilities: {
      update: manage && t.status === 'draft',
      publish: manage && t.status === 'draft',
      award: manage && t.status === 'published',
    },
  };
}
