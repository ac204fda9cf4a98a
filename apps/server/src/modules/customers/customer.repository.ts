import { and, eq, ilike, or } from 'drizzle-orm';
import { containsPattern } from '../../db/like.js';
import type { SQL } from 'drizzle-orm';
import type { Actor } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { countWhere } from '../../db/count.js';
import { customerVisible } from '../../db/scope.js';
import { customers } from '../../db/schema/index.js';
import { keyset } from '../../http/pagination.js';
import type { KeysetInput } from '../../http/pagination.js';

export type CustomerRow = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;

export async function listCustomers(
  db: DbOrTx,
  actor: Actor,
  query: KeysetInput & { q?: string | undefined },
) {
  const ks = keyset<CustomerRow>(
    query,
    { name: { column: customers.name }, createdAt: { column: customers.createdAt } },
    customers.id,
    { defaultSort: 'name', rowKey: (r, k) => r[k as keyof CustomerRow], rowId: (r) => r.id },
  );
  const filter: SQL | undefined = and(
    customerVisible(actor, customers.id),
    query.q
      ? or(
          ilike(customers.name, containsPattern(query.q)),
          ilike(customers.code, containsPattern(query.q)),
          ilike(customers.shortName, containsPattern(query.q)),
        )
      : undefined,
  );
  const rows = await db
    .select()
    .from(customers)
    .where(and(filter, ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return { ...ks.page(rows), total: await countWhere(db, customers, filter) };
}

export async function findCustomer(
  db: DbOrTx,
  actor: Actor,
  id: string,
  lock = false,
): Promise<CustomerRow | null> {
  const q = db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), customerVisible(actor, customers.id)));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function insertCustomer(db: DbOrTx, row: NewCustomer): Promise<CustomerRow> {
  const [created] = await db.insert(customers).values(row).returning();
  return created!;
}

export async function updateCustomerRow(
  db: DbOrTx,
  id: string,
  patch: Partial<NewCustomer>,
): Promise<CustomerRow> {
  const [updated] = await db.update(customers).set(patch).where(eq(customers.id, id)).returning();
  return updated!;
}

export async function deleteCustomerRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(customers).where(eq(customers.id, id));
}
