import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../db/pool.js';
import { appOn } from '../../test/app.js';
import { isolatedDatabase } from '../../test/isolated-db.js';
import { AHEAD, takeTicketNumber, takeTicketNumbers } from './ticket.numbers.js';

// Counters are shared by the whole database, so this runs on one of its own.
let iso: Awaited<ReturnType<typeof isolatedDatabase>>;
beforeAll(async () => {
  iso = await isolatedDatabase();
});
afterAll(async () => {
  await iso.drop();
});

const NOW = new Date('2026-06-01T02:00:00Z');
const seq = (n: string) => Number(n.split('-')[2]);
async function counter(kind: string, year = 2026): Promise<number | null> {
  const pool = createPool(iso.url, { max: 1 });
  try {
    const r = await pool.query<{ last_value: number }>(
      'SELECT last_value FROM ticket_counters WHERE kind = $1 AND year = $2',
      [kind, year],
    );
    return r.rows[0] ? Number(r.rows[0].last_value) : null;
  } finally {
    await pool.end();
  }
}
/** Lets a background refill finish (it is one statement). */
const settle = () => new Promise((r) => setTimeout(r, 200));

describe('ticket numbers (ticket.numbers.ts)', () => {
  it('a quiet node draws exactly what it needs: in order, no reserve, no gap', async () => {
    const node = await appOn(iso.url);
    try {
      const got: string[] = [];
      for (let i = 0; i < 3; i++) got.push(await takeTicketNumber(node.deps, 'consultation', NOW));
      expect(got).toEqual(['CON-2026-000001', 'CON-2026-000002', 'CON-2026-000003']);
      await settle();
      expect(await counter('consultation')).toBe(3);
    } finally {
      await node.close();
    }
    expect(await counter('consultation')).toBe(3);
  });

  it('under load a node draws ahead, takes from its reserve, and gives the unused tail back when it stops', async () => {
    const node = await appOn(iso.url);
    let last = 0;
    try {
      const batch = (await takeTicketNumbers(node.deps, 'incident', NOW, 5)).map(seq);
      expect(batch).toEqual([1, 2, 3, 4, 5]);
      await settle();
      expect(await counter('incident')).toBe(5 + AHEAD); // drawn ahead in the background
      // The next ones come from the reserve, in order, without a draw.
      const next = (await takeTicketNumbers(node.deps, 'incident', NOW, 3)).map(seq);
      expect(next).toEqual([6, 7, 8]);
      last = seq(await takeTicketNumber(node.deps, 'incident', NOW));
      expect(last).toBe(9);
      await settle();
      // Fewer than AHEAD left after the batch of 3: the next AHEAD were drawn too.
      expect(await counter('incident')).toBe(5 + 2 * AHEAD);
    } finally {
      await node.close();
    }
    // Stopped: the unused tail went back, so the next node continues without a gap.
    expect(await counter('incident')).toBe(last);
    const again = await appOn(iso.url);
    try {
      expect(await takeTicketNumber(again.deps, 'incident', NOW)).toBe('INC-2026-000010');
    } finally {
      await again.close();
    }
  });

  it('a reserve another node has drawn past is not given back; numbers never repeat across nodes', async () => {
    const a = await appOn(iso.url);
    const b = await appOn(iso.url);
    const seen: number[] = [];
    try {
      seen.push(...(await takeTicketNumbers(a.deps, 'service_request', NOW, 4)).map(seq));
      await settle();
      seen.push(...(await takeTicketNumbers(b.deps, 'service_request', NOW, 2)).map(seq));
      await settle();
      seen.push(...(await takeTicketNumbers(a.deps, 'service_request', NOW, 2)).map(seq));
      await a.close();
      // b drew after a's reserve: a's tail stays drawn (a gap), never handed out twice.
      expect(await counter('service_request')).toBe(4 + AHEAD + 2 + AHEAD);
      seen.push(...(await takeTicketNumbers(b.deps, 'service_request', NOW, 3)).map(seq));
    } finally {
      await b.close();
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(seen.slice(4, 6)).toEqual([5 + AHEAD, 6 + AHEAD]);
    expect(seen.slice(6, 8)).toEqual([5, 6]);
    expect(seen.slice(8)).toEqual([7 + AHEAD, 8 + AHEAD, 9 + AHEAD]);
    // b was the last to draw: its unused tail went back.
    expect(await counter('service_request')).toBe(9 + AHEAD);
  });

  it('kinds and years have counters of their own', async () => {
    const node = await appOn(iso.url);
    try {
      expect(await takeTicketNumber(node.deps, 'work_order', NOW)).toBe('WO-2026-000001');
      // 2027-01-01 00:30 in Shanghai is still 2026 in UTC: numbered in 2027.
      expect(await takeTicketNumber(node.deps, 'work_order', new Date('2026-12-31T16:30:00Z'))).toBe(
        'WO-2027-000001',
      );
      expect(await takeTicketNumber(node.deps, 'work_order', NOW)).toBe('WO-2026-000002');
    } finally {
      await node.close();
    }
  });
});
