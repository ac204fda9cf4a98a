import type { Lang, Ticket, TicketListItem } from '@opsdesk/contracts';
import type { LifecycleDefinition } from '@opsdesk/domain';
import { renderMarkdown } from './markdown.js';
import type { CommentRow } from './ticket.comment.service.js';
import { stateLabel } from './ticket.lifecycle.js';
import type { TicketDetail } from './ticket.read.service.js';
import type { TicketView } from './ticket.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentTicketItem(
  v: TicketView,
  def: LifecycleDefinition | undefined,
  lang: Lang,
): TicketListItem {
  const t = v.ticket;
  return {
    id: t.id,
    number: t.number,
    kind: t.kind,
    projectId: t.projectId,
    requester: t.requesterId ? { id: t.requesterId, displayName: v.requesterName ?? '' } : null,
    channel: t.channel,
    category: t.categoryId ? { id: t.categoryId, name: v.categoryName ?? '' } : null,
    impact: t.impact,
    urgency: t.urgency,
    priority: t.priority,
    businessStopped: t.businessStopped,
    title: t.title,
    state: t.state,
    stateLabel: def ? stateLabel(def, t.state, lang) : t.state,
    stateCategory: t.stateCategory,
    pendingReason: t.pendingReason,
    group: t.groupId ? { id: t.groupId, name: v.groupName ?? '' } : null,
    assignee: t.assigneeId ? { id: t.assigneeId, displayName: v.assigneeName ?? '' } : null,
    tags: t.tags,
    slaDueAt: iso(t.slaDueAt),
    slaBreached: t.slaBreached,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function presentTicket(d: TicketDetail, lang: Lang): Ticket {
  const t = d.view.ticket;
  return {
    ...presentTicketItem(d.view, d.def, lang),
    description: t.description,
    descriptionHtml: renderMarkdown(t.description),
    parent: d.parent,
    children: d.children,
    mergedInto: d.mergedInto,
    links: d.links,
    watchers: d.watchers,
    resolutionCode: t.resolutionCode,
    resolutionText: t.resolutionText,
    respondedAt: iso(t.respondedAt),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    satisfaction:
      t.satisfactionRating !== null && t.ratedAt
        ? { rating: t.satisfactionRating, comment: t.satisfactionComment, ratedAt: t.ratedAt.toISOString() }
        : null,
    relations: d.relations,
    actions: d.actions.map((a) => ({
      action: a.action,
      to: a.to,
      label: a.label[lang],
      requiredFields: a.requiredFields.map((f) =>
        f.type === 'enum'
          ? { name: f.name, type: f.type, values: [...f.values] }
          : { name: f.name, type: f.type },
      ),
    })),
    abilities: d.abilities,
  };
}

export function presentComment(c: CommentRow) {
  return {
    id: c.id,
    visibility: c.visibility,
    body: c.body,
    bodyHtml: renderMarkdown(c.body),
    timeSpentMinutes: c.timeSpentMinutes,
    author: c.authorId ? { id: c.authorId, displayName: c.authorName ?? '' } : null,
    createdAt: c.createdAt.toISOString(),
  };
}
