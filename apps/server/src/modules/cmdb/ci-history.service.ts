import { and, desc, eq, gte } from 'drizzle-orm';
import { stateBefore } from '@opsdesk/domain';
import type { CiHistoryQuery } from '@opsdesk/contracts';
import type { z } from 'zod';
import { ciHistory, sites, users } from '../../db/schema/index.js';
import type { Ctx } from '../../http/context.js';
import { keyset } from '../../http/pagination.js';
import type { CiView } from './ci.repository.js';
import { getCi, own } from './ci.service.js';
import { ciState } from './ci.write.js';
import { relationsAt } from './ci-graph.repository.js';

export type HistoryRow = typeof ciHistory.$inferSelect;

/** The CI's timeline, newest first (index ci_history_ci_idx). */
export async function historyOf(ctx: Ctx, id: string, query: z.output<typeof CiHistoryQuery>) {
  await getCi(ctx, id);
  const ks = keyset<HistoryRow>(query, { at: { column: ciHistory.at } }, ciHistory.id, {
    defaultSort: '-at',
    rowKey: (r) => r.at,
    rowId: (r) => r.id,
  });
  const rows = await ctx.db
    .select()
    .from(ciHistory)
    .where(and(eq(ciHistory.ciId, id), ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(rows);
}

/** The end of a calendar day in China (UTC+8): the instant "as of that date" means. */
export function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000);
}

/**
 * What the CI looked like at the end of `date`: its current state with every later change
 * undone (packages/domain/src/cmdb/history.ts), and the relations it had then. Null when it did
 * not exist yet.
 */
export async function ciAsOf(ctx: Ctx, id: string, date: string) {
  const ci = await getCi(ctx, id);
  const cutoff = endOfChinaDay(date);
  const later = await ctx.db
    .select()
    .from(ciHistory)
    .where(and(eq(ciHistory.ciId, id), gte(ciHistory.at, cutoff)))
    .orderBy(desc(ciHistory.at), desc(ciHistory.id));
  const past = stateBefore(ciState(own(ci)), later);
  if (!past) return { date, ci: null, relations: [] };
  const ownerId = (past.ownerId as string | null) ?? null;
  const siteId = (past.siteId as string | null) ?? null;
  const [owner] = ownerId
    ? await ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, ownerId))
    : [];
  const [site] = siteId
    ? await ctx.db.select({ name: sites.name }).from(sites).where(eq(sites.id, siteId))
    : [];
  const view: CiView = {
    ...ci,
    name: past.name as string,
    status: past.status as CiView['status'],
    ownerId,
    ownerName: owner?.name ?? null,
    siteId,
    siteName: site?.name ?? null,
    tags: (past.tags as string[]) ?? [],
    attributes: past.attributes,
    vendor: past.vendor as string | null,
    model: past.model as string | null,
    serialNo: past.serialNo as string | null,
    assetTag: past.assetTag as string | null,
    purchaseDate: past.purchaseDate as string | null,
    price: past.price === null || past.price === undefined ? null : String(past.price),
    warrantyEnd: past.warrantyEnd as string | null,
    supportContract: past.supportContract as string | null,
    supplier: past.supplier as string | null,
    description: past.description as string | null,
    deletedAt: past.deletedAt ? new Date(past.deletedAt as string) : null,
  };
  return { date, ci: view, relations: await relationsAt(ctx.db, id, cutoff) };
}
