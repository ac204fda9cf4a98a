import { eq, is, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import {
  DEFAULT_LIFECYCLES,
  DEFAULT_TIME_ZONE,
  formatTicketNumber,
  instant,
  instantToLocal,
} from '@opsdesk/domain';
import type { LifecycleDefinition, LifecycleKind, TicketKind } from '@opsdesk/domain';
import type { Lang } from '@opsdesk/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { ticketLifecycles } from '../../db/schema/index.js';
import { runPrepared } from '../../db/prepared.js';
import { NO_FLUSH } from './ticket.create.write.js';

/**
 * Lifecycle definitions are data in `ticket_lifecycles`, one row per kind, seeded from the domain's
 * defaults the first time a kind is used (so an admin can edit them later); the runner is the
 * domain's pure engine. Kinds without a default (problem, change) get theirs when they are built.
 */
export class Lifecycles {
  private cache = new Map<string, LifecycleDefinition>();
  constructor(private readonly db: DbOrTx) {}

  async get(kind: TicketKind): Promise<LifecycleDefinition> {
    const hit = this.cache.get(kind);
    if (hit) return hit;
    const rows = await this.db
      .select({ definition: ticketLifecycles.definition })
      .from(ticketLifecycles)
      .where(eq(ticketLifecycles.kind, kind));
    let def = rows[0]?.definition as LifecycleDefinition | undefined;
    if (!def) {
      const fallback = DEFAULT_LIFECYCLES[kind as LifecycleKind];
      if (!fallback) throw new Error(`no lifecycle for ticket kind ${kind}`);
      await this.db.execute(
        sql`INSERT INTO ticket_lifecycles (kind, definition) VALUES (${kind}, ${JSON.stringify(fallback)}::jsonb) ON CONFLICT (kind) DO NOTHING`,
      );
      def = fallback;
    }
    this.cache.set(kind, def);
    return def;
  }
}

/** The state's label in `lang`, or its key when the definition lacks it. */
export function stateLabel(def: LifecycleDefinition, state: string, lang: Lang): string {
  return def.states.find((s) => s.key === state)?.label[lang] ?? state;
}

/** The year (Asia/Shanghai) a ticket raised at `now` is numbered in. */
export const numberYear = (now: Date) =>
  Number(instantToLocal(DEFAULT_TIME_ZONE, instant(now.getTime())).date.slice(0, 4));

/**
 * The next human number of a kind in the year (Asia/Shanghai) of `now`. One upsert statement in
 * its own transaction (on the pool, not the caller's transaction): the counter row is locked for
 * the statement only, so creates never queue behind each other's whole transactions. A ticket
 * transaction that fails afterwards leaves a gap in the numbers, never a duplicate. Its commit
 * does not wait for the disk (`NO_FLUSH`, ticket.create.write.ts): the ticket's own commit does.
 */
export async function nextTicketNumber(db: Db, kind: TicketKind, now: Date): Promise<string> {
  return (await nextTicketNumbers(db, kind, now, 1))[0]!;
}

/** `count` consecutive numbers of a kind in the year of `now`, drawn in one statement (a batch's). */
export async function nextTicketNumbers(
  db: Db,
  kind: TicketKind,
  now: Date,
  count: number,
): Promise<string[]> {
  const year = numberYear(now);
  const rows = await runPrepared<{
    last_value: number;
  }>(
    db,
    // Inside a caller's transaction (the demo seed) the setting would reach that whole transaction.
    sql`WITH s AS (SELECT ${is(db, PgTransaction) ? sql`1` : NO_FLUSH})
    INSERT INTO ticket_counters (kind, year, last_value) SELECT ${kind}::text, ${year}::int, ${count}::int FROM s
    ON CONFLICT (kind, year) DO UPDATE SET last_value = ticket_counters.last_value + ${count}::int RETURNING last_value`,
  );
  const last = Number(rows[0]!.last_value);
  return Array.from({ length: count }, (_, i) => formatTicketNumber(kind, year, last - count + 1 + i));
}
