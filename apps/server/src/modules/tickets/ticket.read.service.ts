import { availableActions, seesInternalNotes, ticketAbilities } from '@opsdesk/domain';
import type { ActorRelation, LifecycleDefinition, TicketAbilities, TicketKind } from '@opsdesk/domain';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { relationsOf } from './ticket.action.service.js';
import { factsOf } from './ticket.comment.service.js';
import { listTicketEvents } from './ticket.history.js';
import { Lifecycles } from './ticket.lifecycle.js';
import { listTickets } from './ticket.list.js';
import type { TicketListInput } from './ticket.list.js';
import { childRefs, findTicketView, linksOf, ticketRefs, watchersOf } from './ticket.repository.js';
import type { TicketView } from './ticket.repository.js';

export interface TicketDetail {
  view: TicketView;
  def: LifecycleDefinition;
  relations: ActorRelation[];
  abilities: TicketAbilities;
  actions: ReturnType<typeof availableActions>;
  watchers: { id: string; displayName: string }[];
  parent: Awaited<ReturnType<typeof ticketRefs>>[number] | null;
  mergedInto: Awaited<ReturnType<typeof ticketRefs>>[number] | null;
  children: Awaited<ReturnType<typeof childRefs>>;
  links: {
    id: string;
    type: 'related' | 'duplicate';
    ticket: Awaited<ReturnType<typeof ticketRefs>>[number];
  }[];
}

export async function ticketDetail(ctx: Ctx, id: string): Promise<TicketDetail> {
  const view = await findTicketView(ctx.db, ctx.actor, id);
  if (!view) throw AppError.notFound();
  const t = view.ticket;
  const def = await new Lifecycles(ctx.db).get(t.kind);
  const relations = await relationsOf(ctx.db, ctx, t);
  const abilities = ticketAbilities(ctx.actor, await factsOf(ctx.db, t), relations);
  const actions = t.mergedIntoId
    ? []
    : availableActions(def, t.state, relations, {
        now: ctx.now.getTime(),
        resolvedAt: t.resolvedAt?.getTime() ?? null,
      });
  const links = await linksOf(ctx.db, id);
  const otherIds = links.map((l) => (l.ticketId === id ? l.otherId : l.ticketId));
  const refs = await ticketRefs(ctx.db, ctx.actor, [
    ...otherIds,
    ...(t.parentId ? [t.parentId] : []),
    ...(t.mergedIntoId ? [t.mergedIntoId] : []),
  ]);
  const ref = (rid: string | null) => (rid ? (refs.find((r) => r.id === rid) ?? null) : null);
  return {
    view,
    def,
    relations,
    abilities,
    actions,
    watchers: await watchersOf(ctx.db, id),
    parent: ref(t.parentId),
    mergedInto: ref(t.mergedIntoId),
    children: await childRefs(ctx.db, ctx.actor, id),
    links: links.flatMap((l) => {
      const other = ref(l.ticketId === id ? l.otherId : l.ticketId);
      return other ? [{ id: l.id, type: l.type, ticket: other }] : [];
    }),
  };
}

export async function ticketPage(ctx: Ctx, q: TicketListInput) {
  const page = await listTickets(ctx.db, ctx.actor, q, ctx.now);
  const lifecycles = new Lifecycles(ctx.db);
  const defs = new Map<string, LifecycleDefinition>();
  for (const k of new Set(page.items.map((r) => r.ticket.kind)))
    defs.set(k, await lifecycles.get(k as TicketKind));
  return { ...page, defs };
}

export async function ticketHistory(ctx: Ctx, id: string) {
  const view = await findTicketView(ctx.db, ctx.actor, id);
  if (!view) throw AppError.notFound();
  return listTicketEvents(ctx.db, id, seesInternalNotes(ctx.actor));
}
