import { eq, sql } from 'drizzle-orm';
import { DEFAULT_LIFECYCLES } from '@opsdesk/domain';
import type { LifecycleDefinition, LifecycleKind, TicketKind } from '@opsdesk/domain';
import type { Lang } from '@opsdesk/contracts';
import type { DbOrTx } from '../../db/client.js';
import { ticketLifecycles } from '../../db/schema/index.js';

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
