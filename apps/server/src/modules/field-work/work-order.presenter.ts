import { eq } from 'drizzle-orm';
import { workOrderAbilities } from '@opsdesk/domain';
import type { WorkOrder } from '@opsdesk/contracts';
import type { z } from 'zod';
import type { WorkOrderListItemSchema, WorkOrderListQuery } from '@opsdesk/contracts';
import { sites, subcontractors } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { presentTicket, presentTicketItem } from '../tickets/ticket.presenter.js';
import { ticketDetail, ticketPage } from '../tickets/ticket.read.service.js';
import { areaOfSite, arrivalClockRow, loadTargets, targetOf } from './arrival.js';
import { findWorkOrderRow, ticketCiList, workOrderSummaries } from './work-order.repository.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A work order as the API shows it: the ticket (actions, abilities …) and its own fields. */
export async function workOrderDetail(ctx: Ctx, id: string): Promise<WorkOrder> {
  const d = await ticketDetail(ctx, id);
  const t = d.view.ticket;
  if (t.kind !== 'work_order') throw AppError.notFound();
  const wo = await findWorkOrderRow(ctx.db, id);
  const [site] = wo?.siteId
    ? await ctx.db.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.id, wo.siteId))
    : [];
  const [company] = wo?.dispatchedToSubcontractorId
    ? await ctx.db
        .select({ id: subcontractors.id, name: subcontractors.name })
        .from(subcontractors)
        .where(eq(subcontractors.id, wo.dispatchedToSubcontractorId))
    : [];
  const targets = await loadTargets(ctx.db, t.projectId);
  const target = targetOf(targets, wo?.areaKey ?? areaOfSite(targets, wo?.siteId ?? null));
  const [clock] = await arrivalClockRow(ctx.db, id);
  return {
    ...presentTicket(d, ctx.lang),
    workOrder: {
      site: site ?? null,
      area: target ? { key: target.areaKey, label: target.label[ctx.lang], minutes: target.minutes } : null,
      plannedStart: iso(wo?.plannedStart),
      plannedEnd: iso(wo?.plannedEnd),
      instructions: wo?.instructions ?? '',
      workPerformed: wo?.workPerformed ?? null,
      timeSpentMinutes: wo?.timeSpentMinutes ?? null,
      partsUsed: wo?.partsUsed ?? null,
      dispatchedTo: company ?? null,
      dispatchedAt: iso(wo?.dispatchedAt),
      checkedInAt: iso(wo?.checkedInAt),
      checkInLocation: wo?.checkInLocation ?? null,
      completedAt: iso(wo?.completedAt),
      rejectReason: wo?.rejectReason ?? null,
      rejectedAt: iso(wo?.rejectedAt),
      signOff:
        wo?.signerName && wo.signedAt
          ? {
              signerName: wo.signerName,
              signedAt: wo.signedAt.toISOString(),
              signatureAttachmentId: wo.signatureAttachmentId,
            }
          : null,
      findingId: wo?.findingId ?? null,
      cis: await ticketCiList(ctx.db, id),
      arrival: clock
        ? { targetMinutes: clock.targetMinutes, state: clock.state, dueAt: iso(clock.dueAt) }
        : null,
      abilities: workOrderAbilities(ctx.actor, { stateCategory: t.stateCategory }, d.relations),
    },
  };
}

/** `GET /work-orders`: the ticket list of kind `work_order`, with each order's site, window and progress. */
export async function workOrderPage(
  ctx: Ctx,
  q: z.output<typeof WorkOrderListQuery>,
): Promise<{ items: z.infer<typeof WorkOrderListItemSchema>[]; nextCursor: string | null }> {
  const page = await ticketPage(ctx, { ...q, kind: ['work_order'] });
  const sides = new Map(
    (
      await workOrderSummaries(
        ctx.db,
        page.items.map((v) => v.ticket.id),
      )
    ).map((s) => [s.ticketId, s]),
  );
  return {
    items: page.items.map((v) => {
      const s = sides.get(v.ticket.id);
      return {
        ...presentTicketItem(v, page.defs.get(v.ticket.kind), ctx.lang),
        workOrder: {
          site: s?.siteId ? { id: s.siteId, name: s.siteName ?? '' } : null,
          plannedStart: iso(s?.plannedStart),
          plannedEnd: iso(s?.plannedEnd),
          dispatchedTo: s?.subcontractorId
            ? { id: s.subcontractorId, name: s.subcontractorName ?? '' }
            : null,
          checkedInAt: iso(s?.checkedInAt),
          signedAt: iso(s?.signedAt),
        },
      };
    }),
    nextCursor: page.nextCursor,
  };
}
