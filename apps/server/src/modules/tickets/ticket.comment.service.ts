import { and, asc, eq } from 'drizzle-orm';
import { searchTokens, seesInternalNotes, ticketAbilities } from '@opsdesk/domain';
import type { CommentCreateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import { ticketComments, users } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.record.js';
import { CalendarResolver } from '../calendars/calendar.definition.js';
import { applyClockEffects } from '../sla/sla.clocks.js';
import { relationsOf } from './ticket.action.service.js';
import { kickMail } from './ticket.create.service.js';
import { recordTicketEvent } from './ticket.history.js';
import { groupMemberIds, userFacts } from './ticket.lookups.js';
import { notifyTicket } from './ticket.notify.js';
import { findTicketView, lockTicket, updateTicketRow, watcherIds } from './ticket.repository.js';
import type { TicketRow } from './ticket.repository.js';

export type CommentRow = Omit<typeof ticketComments.$inferSelect, 'searchVector'> & {
  authorName: string | null;
};

export async function factsOf(db: Ctx['db'], t: TicketRow) {
  const assignee = t.assigneeId ? await userFacts(db, t.assigneeId) : null;
  return {
    projectId: t.projectId,
    requesterId: t.requesterId,
    assigneeId: t.assigneeId,
    groupId: t.groupId,
    assigneeSubcontractorId: assignee?.subcontractorId ?? null,
    stateCategory: t.stateCategory,
    rated: t.satisfactionRating !== null,
  };
}

/**
 * A public reply or an internal note, with the time spent. A staff member's first public reply
 * meets the response target. Requesters and subcontractor staff write public replies only.
 */
export async function addComment(
  ctx: Ctx,
  ticketId: string,
  input: z.output<typeof CommentCreateSchema>,
): Promise<CommentRow> {
  const row = await ctx.db.transaction(async (tx) => {
    const t = await lockTicket(tx, ctx.actor, ticketId);
    if (!t) throw AppError.notFound();
    const relations = await relationsOf(tx, ctx, t);
    const abilities = ticketAbilities(ctx.actor, await factsOf(tx, t), relations);
    if (input.visibility === 'internal' ? !abilities.internalNotes : !abilities.reply)
      throw AppError.forbidden();
    const comment = {
      id: uuid7(ctx.now.getTime()),
      ticketId,
      authorId: ctx.actor.userId,
      visibility: input.visibility,
      body: input.body,
      timeSpentMinutes: input.timeSpentMinutes ?? null,
      searchTokens: searchTokens(input.body),
      createdAt: ctx.now,
    };
    await tx.insert(ticketComments).values(comment);
    const staffReply =
      input.visibility === 'public' &&
      ctx.actor.kind === 'staff' &&
      relations.some((r) => r === 'agent' || r === 'assignee' || r === 'group_member');
    const after = await updateTicketRow(tx, ticketId, {
      updatedAt: ctx.now,
      ...(staffReply && !t.respondedAt ? { respondedAt: ctx.now } : {}),
    });
    if (staffReply)
      await applyClockEffects(
        tx,
        new CalendarResolver(tx, ctx.now),
        ticketId,
        { meetsResponse: true },
        ctx.now,
      );
    await recordTicketEvent(
      tx,
      ctx,
      ticketId,
      input.visibility === 'public' ? 'reply' : 'note',
      { commentId: comment.id, timeSpentMinutes: comment.timeSpentMinutes },
      input.visibility,
    );
    await recordAudit(tx, ctx, {
      action: input.visibility === 'public' ? 'ticket.reply' : 'ticket.note',
      objectType: 'ticket',
      objectId: ticketId,
      detail: { number: t.number, commentId: comment.id, timeSpentMinutes: comment.timeSpentMinutes },
    });
    const watchers = await watcherIds(tx, ticketId);
    if (input.visibility === 'public') {
      const fromCustomerSide = ctx.actor.kind === 'customer_contact';
      const staffSide = after.assigneeId
        ? [after.assigneeId]
        : after.groupId
          ? await groupMemberIds(tx, after.groupId)
          : [];
      const recipients = fromCustomerSide ? [...staffSide, ...watchers] : [after.requesterId, ...watchers];
      await notifyTicket(tx, {
        userIds: recipients,
        exceptUserId: ctx.actor.userId,
        kind: 'ticket.reply',
        ticket: after,
        params: { author: ctx.actorName },
        now: ctx.now,
      });
    }
    return { ...comment, authorName: ctx.actorName };
  });
  await kickMail(ctx);
  return row;
}

/** The ticket's comments the actor may read: never internal notes for customer contacts or subcontractor staff. */
export async function listComments(ctx: Ctx, ticketId: string): Promise<CommentRow[]> {
  const t = await findTicketView(ctx.db, ctx.actor, ticketId);
  if (!t) throw AppError.notFound();
  return ctx.db
    .select({
      id: ticketComments.id,
      ticketId: ticketComments.ticketId,
      authorId: ticketComments.authorId,
      visibility: ticketComments.visibility,
      body: ticketComments.body,
      timeSpentMinutes: ticketComments.timeSpentMinutes,
      searchTokens: ticketComments.searchTokens,
      createdAt: ticketComments.createdAt,
      authorName: users.displayName,
    })
    .from(ticketComments)
    .leftJoin(users, eq(users.id, ticketComments.authorId))
    .where(
      and(
        eq(ticketComments.ticketId, ticketId),
        seesInternalNotes(ctx.actor) ? undefined : eq(ticketComments.visibility, 'public'),
      ),
    )
    .orderBy(asc(ticketComments.createdAt), asc(ticketComments.id))
    .limit(2000);
}
