import { is } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from './client.js';

/** At most this many keys in one statement; more wait for the next. */
export const MAX_KEYS = 256;

interface Waiter<V> {
  resolve: (v: V | null) => void;
  reject: (e: unknown) => void;
}

/**
 * One pending round of a coalesced read on one pool: the keys asked for since it was scheduled.
 */
class Round<V> {
  private keys = new Map<string, Waiter<V>[]>();
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly run: (db: Db, keys: string[]) => Promise<Map<string, V>>,
  ) {}

  load(key: string): Promise<V | null> {
    return new Promise((resolve, reject) => {
      const waiting = this.keys.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.keys.set(key, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.dispatch());
      }
    });
  }

  private dispatch(): void {
    const all = [...this.keys];
    this.keys = new Map();
    this.scheduled = false;
    for (let i = 0; i < all.length; i += MAX_KEYS) {
      const part = all.slice(i, i + MAX_KEYS);
      this.run(
        this.db,
        part.map(([k]) => k),
      ).then(
        (found) => {
          for (const [k, ws] of part) for (const w of ws) w.resolve(found.get(k) ?? null);
        },
        (err: unknown) => {
          for (const [, ws] of part) for (const w of ws) w.reject(err);
        },
      );
    }
  }
}

/**
 * A read by key whose concurrent calls on one node go to PostgreSQL together (docs/decisions/0206):
 * the keys asked for while the event loop handles one round of I/O — the requests that arrived
 * together — are read by one statement when that round ends (`setImmediate`), instead of one
 * statement each. Nothing is kept between rounds: every call reads the database as it is then, so
 * a revoked token or an ended membership counts at once. On a transaction handle the read runs
 * alone, inside that transaction. `run` answers the rows it found by key; a key not found is null.
 */
export function coalesced<V>(
  run: (db: Db, keys: string[]) => Promise<Map<string, V>>,
): (db: DbOrTx, key: string) => Promise<V | null> {
  const rounds = new WeakMap<object, Round<V>>();
  return async (db, key) => {
    if (is(db, PgTransaction)) return (await run(db as unknown as Db, [key])).get(key) ?? null;
    let round = rounds.get(db);
    if (!round) rounds.set(db, (round = new Round(db as Db, run)));
    return round.load(key);
  };
}
