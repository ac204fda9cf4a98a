import { beforeAll, describe, expect, it } from 'vitest';
import { and, like } from 'drizzle-orm';
import { users } from '../db/schema/index.js';
import { testApp } from '../test/app.js';
import type { TestApp } from '../test/app.js';
import { factories } from '../test/factories.js';
import { keyset } from './pagination.js';

type UserRow = typeof users.$inferSelect;
let t: TestApp;
const tag = `ks${Date.now()}`;

beforeAll(async () => {
  t = await testApp();
  const f = factories(t.deps);
  const at = (h: number | null) => (h === null ? null : new Date(Date.UTC(2026, 10, 1, h, 0, 0, 123)));
  // Two share a timestamp (the id breaks the tie), two have none (NULLS LAST).
  for (const [i, h] of [
    [1, 5],
    [2, null],
    [3, 3],
    [4, 5],
    [5, null],
    [6, 1],
  ] as const) {
    await f.user({ username: `${tag}-${i}`, lastLoginAt: at(h) });
  }
});

async function walk(sort: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 20; guard++) {
    const ks = keyset<UserRow>(
      { sort, cursor, limit },
      { lastLoginAt: { column: users.lastLoginAt, nullable: true } },
      users.id,
      { defaultSort: 'lastLoginAt', rowKey: (r) => r.lastLoginAt, rowId: (r) => r.id },
    );
    const rows = await t.deps.db
      .select()
      .from(users)
      .where(and(like(users.username, `${tag}-%`), ks.where))
      .orderBy(...ks.orderBy)
      .limit(ks.limit);
    const page = ks.page(rows);
    seen.push(...page.items.map((r) => r.username!.slice(tag.length + 1)));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('did not finish');
}

describe('keyset pagination over a nullable timestamp', () => {
  it.each([1, 2, 4])('walks ascending with page size %i: every row once, NULLS LAST', async (limit) => {
    const order = await walk('lastLoginAt', limit);
    expect(order.slice(0, 4)).toEqual(['6', '3', ...['1', '4'].sort()]);
    expect(order.slice(4).sort()).toEqual(['2', '5']);
    expect(order).toHaveLength(6);
  });

  it.each([1, 3])('walks descending with page size %i: every row once, NULLS LAST', async (limit) => {
    const order = await walk('-lastLoginAt', limit);
    expect(order.slice(0, 2).sort()).toEqual(['1', '4']);
    expect(order.slice(2, 4)).toEqual(['3', '6']);
    expect(order.slice(4).sort()).toEqual(['2', '5']);
  });
});
