import { and, asc, eq, ilike, or } from 'drizzle-orm';
import { isProjectAgent } from '@opsdesk/domain';
import type {
  AvailabilityPutSchema,
  RequesterLookupQuery,
  TicketViewCreateSchema,
  TicketViewUpdateSchema,
} from '@opsdesk/contracts';
import type { z } from 'zod';
import { containsPattern } from '../../db/like.js';
import { agentAvailability, projects, ticketViews, users } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { constraintField } from '../../http/pg-errors.js';
import { uuid7 } from '../../lib/ids.js';
import { definedOnly } from '../../lib/patch.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { findVisibleProject } from './ticket.lookups.js';

constraintField('ticket_views_user_name_key', 'name');

export type ViewRow = typeof ticketViews.$inferSelect;

// ── Saved views: per user, stored server-side; only their owner sees them ────
export function myViews(ctx: Ctx) {
  return ctx.db
    .select()
    .from(ticketViews)
    .where(eq(ticketViews.userId, ctx.actor.userId))
    .orderBy(asc(ticketViews.name), asc(ticketViews.id));
}

export async function createView(ctx: Ctx, input: z.output<typeof TicketViewCreateSchema>): Promise<ViewRow> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ticketViews)
      .values({
        id: uuid7(),
        userId: ctx.actor.userId,
        name: input.name,
        query: input.query,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'ticketView.create',
      objectType: 'ticket_view',
      objectId: row!.id,
      changes: changesOf(null, row!),
    });
    return row!;
  });
}

export async function updateView(
  ctx: Ctx,
  id: string,
  patch: z.output<typeof TicketViewUpdateSchema>,
): Promise<ViewRow> {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(ticketViews)
      .where(and(eq(ticketViews.id, id), eq(ticketViews.userId, ctx.actor.userId)))
      .for('update');
    if (!before) throw AppError.notFound();
    const [after] = await tx
      .update(ticketViews)
      .set({ ...definedOnly(patch), updatedAt: ctx.now })
      .where(eq(ticketViews.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'ticketView.update',
      objectType: 'ticket_view',
      objectId: id,
      changes: changesOf(before, after!),
    });
    return after!;
  });
}

export async function deleteView(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .delete(ticketViews)
      .where(and(eq(ticketViews.id, id), eq(ticketViews.userId, ctx.actor.userId)))
      .returning();
    if (!before) throw AppError.notFound();
    await recordAudit(tx, ctx, {
      action: 'ticketView.delete',
      objectType: 'ticket_view',
      objectId: id,
      changes: changesOf(before, null),
    });
  });
}

// ── Availability: an agent who is away is skipped by routing ────────────────
export async function myAvailability(ctx: Ctx) {
  const [row] = await ctx.db
    .select()
    .from(agentAvailability)
    .where(eq(agentAvailability.userId, ctx.actor.userId));
  return row ?? { away: false, awayUntil: null, note: null };
}

export async function setAvailability(ctx: Ctx, input: z.output<typeof AvailabilityPutSchema>) {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  return ctx.db.transaction(async (tx) => {
    const value = {
      away: input.away,
      awayUntil: input.awayUntil ? new Date(input.awayUntil) : null,
      note: input.note,
      updatedAt: ctx.now,
    };
    const [row] = await tx
      .insert(agentAvailability)
      .values({ userId: ctx.actor.userId, ...value })
      .onConflictDoUpdate({ target: agentAvailability.userId, set: value })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'agent.availability',
      objectType: 'user',
      objectId: ctx.actor.userId,
      detail: { away: value.away, awayUntil: value.awayUntil?.toISOString() ?? null },
    });
    return row!;
  });
}

// ── Phone logging: find the caller among the contacts of the project's customer ──
export async function lookupRequesters(
  ctx: Ctx,
  projectId: string,
  q: z.output<typeof RequesterLookupQuery>,
) {
  const p = await findVisibleProject(ctx.db, ctx.actor, projectId);
  if (!p) throw AppError.notFound();
  if (!isProjectAgent(ctx.actor, projectId)) throw AppError.forbidden();
  const text = q.q ? containsPattern(q.q) : null;
  return ctx.db
    .select({ id: users.id, displayName: users.displayName, phone: users.phone, email: users.email })
    .from(users)
    .innerJoin(projects, eq(projects.customerId, users.customerId))
    .where(
      and(
        eq(projects.id, projectId),
        eq(users.kind, 'customer_contact'),
        eq(users.disabled, false),
        text
          ? or(
              ilike(users.displayName, text),
              ilike(users.phone, text),
              ilike(users.email, text),
              ilike(users.username, text),
            )
          : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(q.limit);
}
