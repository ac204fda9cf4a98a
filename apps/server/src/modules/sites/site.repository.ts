import { and, eq, getTableColumns, ilike, or } from 'drizzle-orm';
import { containsPattern } from '../../db/like.js';
import type { SQL } from 'drizzle-orm';
import type { Actor } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { countWhere } from '../../db/count.js';
import { customerVisible } from '../../db/scope.js';
import { customers, sites } from '../../db/schema/index.js';
import { keyset } from '../../http/pagination.js';
import type { KeysetInput } from '../../http/pagination.js';
import { constraintField } from '../../http/pg-errors.js';

// UNIQUE (customer_id, name): a second site of the same name for the customer is a `name` problem.
constraintField('sites_customer_name_key', 'name');

export type SiteRow = typeof sites.$inferSelect;
export type NewSite = typeof sites.$inferInsert;
/** A site with the name of its customer, as lists and details show it. */
export type SiteView = SiteRow & { customerName: string };

const viewColumns = { ...getTableColumns(sites), customerName: customers.name };

export async function listSites(
  db: DbOrTx,
  actor: Actor,
  query: KeysetInput & { q?: string | undefined; customerId?: string | undefined },
) {
  const ks = keyset<SiteView>(
    query,
    { name: { column: sites.name }, createdAt: { column: sites.createdAt } },
    sites.id,
    { defaultSort: 'name', rowKey: (r, k) => r[k as keyof SiteView], rowId: (r) => r.id },
  );
  const filter: SQL | undefined = and(
    customerVisible(actor, sites.customerId),
    query.customerId ? eq(sites.customerId, query.customerId) : undefined,
    query.q
      ? or(
          ilike(sites.name, containsPattern(query.q)),
          ilike(sites.address, containsPattern(query.q)),
          ilike(sites.region, containsPattern(query.q)),
        )
      : undefined,
  );
  const rows = await db
    .select(viewColumns)
    .from(sites)
    .innerJoin(customers, eq(customers.id, sites.customerId))
    .where(and(filter, ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return { ...ks.page(rows), total: await countWhere(db, sites, filter) };
}

export async function findSite(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<SiteView | null> {
  const q = db
    .select(viewColumns)
    .from(sites)
    .innerJoin(customers, eq(customers.id, sites.customerId))
    .where(and(eq(sites.id, id), customerVisible(actor, sites.customerId)));
  // Lock the site only: its customer may be edited meanwhile.
  const rows = lock ? await q.for('update', { of: sites }) : await q;
  return rows[0] ?? null;
}

/** The customer a new site would belong to, if the actor can see it (a share lock keeps it until commit). */
export async function findVisibleCustomer(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
): Promise<{ id: string; name: string } | null> {
  const rows = await db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(eq(customers.id, customerId), customerVisible(actor, customers.id)))
    .for('share');
  return rows[0] ?? null;
}

export async function insertSite(db: DbOrTx, row: NewSite): Promise<SiteRow> {
  const [created] = await db.insert(sites).values(row).returning();
  return created!;
}

export async function updateSiteRow(db: DbOrTx, id: string, patch: Partial<NewSite>): Promise<SiteRow> {
  const [updated] = await db.update(sites).set(patch).where(eq(sites.id, id)).returning();
  return updated!;
}

export async function deleteSiteRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(sites).where(eq(sites.id, id));
}

/** Whether the site is one of the customer's (a project's site must be its customer's). */
export async function siteOfCustomer(db: DbOrTx, siteId: string, customerId: string): Promise<boolean> {
  const rows = await db
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.id, siteId), eq(sites.customerId, customerId)));
  return rows.length > 0;
}
