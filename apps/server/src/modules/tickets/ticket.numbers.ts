import { is, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { DEFAULT_TIME_ZONE, formatTicketNumber, instant, instantToLocal } from '@opsdesk/domain';
import type { TicketKind } from '@opsdesk/domain';
import type { Db } from '../../db/client.js';
import { runPrepared } from '../../db/prepared.js';
import type { Deps } from '../../http/context.js';
import { NO_FLUSH } from './ticket.create.write.js';

/**
 * Human ticket numbers: INC-2026-000123, one counter row per kind and year (Asia/Shanghai) in
 * `ticket_counters`. Numbers are unique and never reused; a ticket whose write fails leaves a gap.
 *
 * A node numbers its tickets from a small reserve (docs/decisions/0205): while tickets are being
 * raised on it faster than one at a time, it draws the next `AHEAD` numbers in the background so
 * that a batch (ticket.write-batch.ts) takes its numbers without a round trip on its critical
 * path. A quiet node keeps no reserve: it draws exactly what it needs, so numbers stay in order and
 * without gaps. On one node numbers follow the order tickets reached it; across nodes each node's
 * runs interleave. When the node stops it gives its unused tail back if no other node has drawn
 * since, so a restart leaves no gap; a crash may leave one of up to 2 × `AHEAD` numbers.
 */
export const AHEAD = 32;

/** The year (Asia/Shanghai) a ticket raised at `now` is numbered in. */
export const numberYear = (now: Date) =>
  Number(instantToLocal(DEFAULT_TIME_ZONE, instant(now.getTime())).date.slice(0, 4));

/**
 * Raises a kind's counter for the year by `count` and answers the last value drawn. One upsert in
 * its own transaction (on the pool, not the caller's transaction): the counter row is locked for
 * the statement only. Its commit does not wait for the disk (`NO_FLUSH`): the ticket's own commit
 * does, and a crash before it loses the numbers with their tickets, which never existed.
 */
async function draw(db: Db, kind: TicketKind, year: number, count: number): Promise<number> {
  const rows = await runPrepared<{ last_value: number }>(
    db,
    // Inside a caller's transaction (the demo seed) the setting would reach that whole transaction.
    sql`WITH s AS (SELECT ${is(db, PgTransaction) ? sql`1` : NO_FLUSH})
    INSERT INTO ticket_counters (kind, year, last_value) SELECT ${kind}::text, ${year}::int, ${count}::int FROM s
    ON CONFLICT (kind, year) DO UPDATE SET last_value = ticket_counters.last_value + ${count}::int RETURNING last_value`,
  );
  return Number(rows[0]!.last_value);
}

/** `count` consecutive numbers drawn straight from the counter (the demo seed, inside its transaction). */
export async function nextTicketNumbers(
  db: Db,
  kind: TicketKind,
  now: Date,
  count: number,
): Promise<string[]> {
  const year = numberYear(now);
  const last = await draw(db, kind, year, count);
  return Array.from({ length: count }, (_, i) => formatTicketNumber(kind, year, last - count + 1 + i));
}

/** The numbers one node has drawn and not yet used, for one kind and year. */
class Reserve {
  /** Drawn and unused, ascending. */
  private ready: number[] = [];
  /** The draw in flight, if any: concurrent takes wait for it instead of drawing their own. */
  private pending: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly kind: TicketKind,
    private readonly year: number,
  ) {}

  /** `count` numbers in order; under load (`count` > 1) the next ones are drawn in the background. */
  async take(count: number): Promise<number[]> {
    while (this.ready.length < count) await this.drawing(count - this.ready.length);
    const out = this.ready.splice(0, count);
    // A failed refill is not this caller's error: the next take draws again.
    if (count > 1 && this.ready.length < AHEAD) this.drawing(AHEAD).catch(() => undefined);
    return out;
  }

  private drawing(count: number): Promise<void> {
    if (!this.pending) {
      const p: Promise<void> = draw(this.db, this.kind, this.year, count)
        .then((last) => {
          for (let n = last - count + 1; n <= last; n++) this.ready.push(n);
        })
        .finally(() => {
          if (this.pending === p) this.pending = null;
        });
      this.pending = p;
    }
    return this.pending;
  }

  /** Gives the unused tail back to the counter if nobody has drawn after it. */
  async release(): Promise<void> {
    await this.pending?.catch(() => undefined);
    const ready = this.ready;
    this.ready = [];
    if (!ready.length) return;
    let first = ready.length - 1;
    while (first > 0 && ready[first - 1] === ready[first]! - 1) first--;
    await this.db.execute(
      sql`UPDATE ticket_counters SET last_value = ${ready[first]! - 1}
          WHERE kind = ${this.kind} AND year = ${this.year} AND last_value = ${ready[ready.length - 1]!}`,
    );
  }
}

// One set of reserves per node: keyed by the node's pool, like the write batcher and the desk cache.
const reserves = new WeakMap<object, Map<string, Reserve>>();

function reserveOf(deps: Pick<Deps, 'pool' | 'db'>, kind: TicketKind, year: number): Reserve {
  let node = reserves.get(deps.pool);
  if (!node) reserves.set(deps.pool, (node = new Map()));
  const key = `${kind}:${year}`;
  let r = node.get(key);
  if (!r) node.set(key, (r = new Reserve(deps.db, kind, year)));
  return r;
}

/** `count` consecutive-on-this-node numbers of a kind for tickets raised at `now`. */
export async function takeTicketNumbers(
  deps: Pick<Deps, 'pool' | 'db'>,
  kind: TicketKind,
  now: Date,
  count: number,
): Promise<string[]> {
  // A seed writing inside one transaction draws in it, without a reserve.
  if (!deps.pool || is(deps.db, PgTransaction)) return nextTicketNumbers(deps.db, kind, now, count);
  const year = numberYear(now);
  const numbers = await reserveOf(deps, kind, year).take(count);
  return numbers.map((n) => formatTicketNumber(kind, year, n));
}

/** The next number of a kind for a ticket raised at `now`. */
export async function takeTicketNumber(
  deps: Pick<Deps, 'pool' | 'db'>,
  kind: TicketKind,
  now: Date,
): Promise<string> {
  return (await takeTicketNumbers(deps, kind, now, 1))[0]!;
}

/** Gives this node's unused numbers back where nobody has drawn since (when the node stops). */
export async function releaseTicketNumbers(deps: Pick<Deps, 'pool'>): Promise<void> {
  const node = reserves.get(deps.pool);
  if (!node) return;
  reserves.delete(deps.pool);
  for (const r of node.values()) await r.release();
}
