import { describe, expect, it } from 'vitest';
import type { Db } from './client.js';
import { coalesced, MAX_KEYS } from './coalesce.js';

// The runner never touches the handle: a bare object stands in for a pool's.
const pool = {} as Db;
const otherPool = {} as Db;

function recorder(fail?: (keys: string[]) => boolean) {
  const calls: { db: Db; keys: string[] }[] = [];
  const load = coalesced<string>(async (db, keys) => {
    calls.push({ db, keys });
    if (fail?.(keys)) throw new Error('statement failed');
    return new Map(keys.filter((k) => !k.startsWith('missing')).map((k) => [k, `row of ${k}`]));
  });
  return { calls, load };
}

describe('coalesced reads (db/coalesce.ts)', () => {
  it('reads the keys asked for in one turn of the event loop with one call; each caller gets its own row', async () => {
    const { calls, load } = recorder();
    const got = await Promise.all(['a', 'b', 'a', 'missing-c'].map((k) => load(pool, k)));
    expect(got).toEqual(['row of a', 'row of b', 'row of a', null]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.keys).toEqual(['a', 'b', 'missing-c']); // each key once
  });

  it('keeps nothing between rounds: a later call reads again', async () => {
    const { calls, load } = recorder();
    expect(await load(pool, 'a')).toBe('row of a');
    expect(await load(pool, 'a')).toBe('row of a');
    expect(calls).toHaveLength(2);
  });

  it('keeps each pool (node) apart', async () => {
    const { calls, load } = recorder();
    await Promise.all([load(pool, 'a'), load(otherPool, 'b')]);
    expect(calls.map((c) => [c.db === pool, c.keys])).toEqual([
      [true, ['a']],
      [false, ['b']],
    ]);
  });

  it(`splits more than ${MAX_KEYS} keys into several statements`, async () => {
    const { calls, load } = recorder();
    const keys = Array.from({ length: MAX_KEYS + 5 }, (_, i) => `k${i}`);
    const got = await Promise.all(keys.map((k) => load(pool, k)));
    expect(got).toEqual(keys.map((k) => `row of ${k}`));
    expect(calls.map((c) => c.keys.length)).toEqual([MAX_KEYS, 5]);
  });

  it('a failed statement fails the callers of that round only', async () => {
    let first = true;
    const { load } = recorder(() => {
      const f = first;
      first = false;
      return f;
    });
    const round1 = await Promise.allSettled([load(pool, 'a'), load(pool, 'b')]);
    expect(round1.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await load(pool, 'a')).toBe('row of a');
  });
});
