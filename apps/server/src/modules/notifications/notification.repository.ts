import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { keyset } from '../../http/pagination.js';

export type NotificationRow = typeof notifications.$inferSelect;

/** A user's notifications, newest first (index notifications_user_idx). */
export async function listForUser(
  db: DbOrTx,
  userId: string,
  opts: { limit: number; cursor?: string | undefined; unread?: boolean },
) {
  const ks = keyset<NotificationRow>(
    opts,
    { createdAt: { column: notifications.createdAt } },
    notifications.id,
    {
      defaultSort: '-createdAt',
      rowKey: (r) => r.createdAt,
      rowId: (r) => r.id,
    },
  );
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.userId, userId), opts.unread ? isNull(notifications.readAt) : undefined, ks.where),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(rows);
}

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function markRead(db: DbOrTx, userId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now})` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllRead(db: DbOrTx, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function insertNotifications(
  db: DbOrTx,
  rows: (typeof notifications.$inferInsert)[],
): Promise<number> {
  if (!rows.length) return 0;
  // A dedupe key makes a retried job's notification land once.
  const inserted = await db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return inserted.length;
}
