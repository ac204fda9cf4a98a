import { describe, expect, it } from 'vitest';
import { forEachInTurns } from './turns.js';

describe('forEachInTurns', () => {
  it('visits every item in order and answers how many', async () => {
    const seen: [string, number][] = [];
    expect(await forEachInTurns(['a', 'b', 'c', 'd', 'e'], (x, i) => void seen.push([x, i]), 2)).toBe(5);
    expect(seen).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 3],
      ['e', 4],
    ]);
    expect(await forEachInTurns([], () => true)).toBe(0);
  });

  it('stops at the first item answered false and answers its index', async () => {
    const seen: number[] = [];
    expect(await forEachInTurns([1, 2, 3, 4], (x) => (seen.push(x), x !== 3), 10)).toBe(2);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('lets other work run between slices, and only there', async () => {
    const order: string[] = [];
    let ticks = 0;
    const tick = () => {
      order.push(`tick${ticks++}`);
      if (ticks < 10) setImmediate(tick);
    };
    setImmediate(tick);
    await forEachInTurns([0, 1, 2, 3, 4, 5, 6], (x) => void order.push(String(x)), 3);
    // The first slice runs at once; each later one only after the waiting callback had its turn.
    const at = (s: string) => order.indexOf(s);
    expect(order.slice(0, 3)).toEqual(['0', '1', '2']);
    expect(at('2') + 1).toBe(at('3') - 1);
    expect(order[at('3') - 1]).toMatch(/^tick/);
    expect(order[at('6') - 1]).toMatch(/^tick/);
    expect([at('4'), at('5')]).toEqual([at('3') + 1, at('3') + 2]);
  });

  it('reads a generator lazily, so its own work is sliced too', async () => {
    const made: string[] = [];
    function* rows() {
      for (let i = 0; i < 5; i++) {
        made.push(`made${i}`);
        yield i;
      }
    }
    let turn = false;
    setImmediate(() => (turn = true));
    const before: boolean[] = [];
    expect(await forEachInTurns(rows(), () => void before.push(turn), 2)).toBe(5);
    expect(made).toHaveLength(5);
    // Items 0–1 are made and used before the waiting callback runs; items 2–4 after it.
    expect(before).toEqual([false, false, true, true, true]);
  });
});
