import { priorityFor, searchDocument, ticketAbilities } from '@opsdesk/domain';
import type { Impact, Urgency } from '@opsdesk/domain';
import type { TicketUpdateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { definedOnly } from '../../lib/patch.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { CalendarResolver } from '../calendars/calendar.definition.js';
import { categoryPath, deskSettings, findCategory } from '../service-desk/desk.repository.js';
import { retargetClocks } from '../sla/sla.clocks.js';
import { relationsOf } from './ticket.action.service.js';
import { factsOf } from './ticket.comment.service.js';
import { EMERGENCY_AFTER_MS, auditable, kickMail } from './ticket.create.service.js';
import { recordTicketEvent } from './ticket.history.js';
import { groupMemberIds, teamExists, userFacts } from './ticket.lookups.js';
import { notifyTicket } from './ticket.notify.js';
import { isAncestorOrSelf, lockTicket, updateTicketRow } from './ticket.repository.js';
import type { NewTicket, TicketRow } from './ticket.repository.js';

/** Changes a ticket's fields (staff working it); priority, search tokens and SLA targets follow. */
export async function updateTicket(
  ctx: Ctx,
  id: string,
  input: z.output<typeof TicketUpdateSchema>,
): Promise<TicketRow> {
  const result = await ctx.db.transaction(async (tx) => {
    const before = await lockTicket(tx, ctx.actor, id);
    if (!before) throw AppError.notFound();
    if (!ticketAbilities(ctx.actor, await factsOf(tx, before), await relationsOf(tx, ctx, before)).update)
      throw AppError.forbidden();
    const changes = definedOnly(input);
    const patch: Partial<NewTicket> = { ...changes, updatedAt: ctx.now };
    if (changes.categoryId) {
      const c = await findCategory(tx, changes.categoryId);
      if (!c || c.projectId !== before.projectId || !c.active)
        throw AppError.field('categoryId', 'rule.categoryOfOtherProject');
    }
    if (changes.parentId) {
      const parent = await lockTicket(tx, ctx.actor, changes.parentId);
      if (!parent || parent.projectId !== before.projectId)
        throw AppError.field('parentId', 'rule.ticketOfOtherProject');
      if (await isAncestorOrSelf(tx, changes.parentId, id))
        throw AppError.field('parentId', 'rule.parentCycle');
    }
    if (changes.groupId && !(await teamExists(tx, changes.groupId)))
      throw AppError.field('groupId', 'rule.groupNotFound');
    if (changes.requesterId) {
      const u = await userFacts(tx, changes.requesterId);
      const project = await tx.query.projects.findFirst({ where: (p, { eq }) => eq(p.id, before.projectId) });
      if (!u || u.disabled || u.kind !== 'customer_contact' || u.customerId !== project?.customerId)
        throw AppError.field('requesterId', 'rule.notAContactOfCustomer');
    }
    const impact = (changes.impact ?? before.impact) as Impact;
    const urgency = (changes.urgency ?? before.urgency) as Urgency;
    const businessStopped = changes.businessStopped ?? before.businessStopped;
    patch.priority = priorityFor((await deskSettings(tx, before.projectId)).priorityMatrix, impact, urgency, {
      businessStopped,
    });
    if (changes.title !== undefined || changes.description !== undefined) {
      patch.searchTokens = searchDocument([
        before.number,
        changes.title ?? before.title,
        changes.description ?? before.description,
      ]);
    }
    if (businessStopped !== before.businessStopped) {
      const live = before.stateCategory !== 'resolved' && before.stateCategory !== 'final';
      patch.emergencyCheckAt =
        businessStopped && live
          ? new Date(Math.max(before.createdAt.getTime() + EMERGENCY_AFTER_MS, ctx.now.getTime()))
          : null;
    }
    if (changes.tags) patch.tags = [...new Set(changes.tags)];
    const after = await updateTicketRow(tx, id, patch);
    const diff = changesOf(auditable(before), auditable(after), ['updatedAt', 'searchTokens']);
    if (!diff) return after;
    await recordTicketEvent(tx, ctx, id, 'updated', { fields: Object.keys(diff) });
    await recordAudit(tx, ctx, {
      action: 'ticket.update',
      objectType: 'ticket',
      objectId: id,
      changes: diff,
      detail: { number: before.number },
    });
    if (after.priority !== before.priority || after.categoryId !== before.categoryId) {
      await retargetClocks(
        tx,
        new CalendarResolver(tx, ctx.now),
        after,
        await categoryPath(tx, after.categoryId),
        ctx.now,
      );
    }
    if (after.groupId && after.groupId !== before.groupId && !after.assigneeId) {
      await notifyTicket(tx, {
        userIds: await groupMemberIds(tx, after.groupId),
        exceptUserId: ctx.actor.userId,
        kind: 'ticket.groupAssigned',
        ticket: after,
        now: ctx.now,
      });
    }
    return after;
  });
  await kickMail(ctx);
  return result;
}
