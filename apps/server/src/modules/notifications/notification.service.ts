import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import {
  insertNotifications,
  listForUser,
  markAllRead,
  markRead,
  unreadCount,
} from './notification.repository.js';

export interface NotifyInput {
  userIds: readonly string[];
  /** A kind defined with `defineNotificationKinds` in @opsdesk/contracts. */
  kind: string;
  params?: Record<string, unknown>;
  link?: string | null;
  objectType?: string | null;
  objectId?: string | null;
  projectId?: string | null;
  /** Jobs pass one so the same reminder is never stored twice for a user. */
  dedupeKey?: string | null;
  now: Date;
}

/**
 * Puts a notification in each user's bell, inside the caller's transaction (so it exists exactly
 * when the change that caused it does). Returns how many were stored (duplicates are skipped).
 */
export async function notify(tx: DbOrTx, input: NotifyInput): Promise<number> {
  const userIds = [...new Set(input.userIds)];
  return insertNotifications(
    tx,
    userIds.map((userId) => ({
      id: uuid7(),
      userId,
      kind: input.kind,
      params: input.params ?? {},
      link: input.link ?? null,
      objectType: input.objectType ?? null,
      objectId: input.objectId ?? null,
      projectId: input.projectId ?? null,
      dedupeKey: input.dedupeKey ?? null,
      createdAt: input.now,
    })),
  );
}

export async function myNotifications(
  ctx: Ctx,
  opts: { limit: number; cursor?: string | undefined; unread?: boolean },
) {
  const page = await listForUser(ctx.db, ctx.actor.userId, opts);
  return { ...page, unreadCount: await unreadCount(ctx.db, ctx.actor.userId) };
}

export function myUnreadCount(ctx: Ctx): Promise<number> {
  return unreadCount(ctx.db, ctx.actor.userId);
}

/** Reading is not audited: it changes nothing but the reader's own bell. */
export async function readOne(ctx: Ctx, id: string): Promise<void> {
  if (!(await markRead(ctx.db, ctx.actor.userId, id, ctx.now))) throw AppError.notFound();
}

export function readAll(ctx: Ctx): Promise<number> {
  return markAllRead(ctx.db, ctx.actor.userId, ctx.now);
}
