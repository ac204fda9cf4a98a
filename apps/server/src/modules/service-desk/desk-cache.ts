import { and, eq, inArray } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { LifecycleDefinition, RoutingRule, TicketKind } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { calendars, slaPolicies } from '../../db/schema/index.js';
import type { Ctx, Deps } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { holidayYearsNow } from '../calendars/calendar.definition.js';
import type { CalendarPreset } from '../calendars/calendar.definition.js';
import type { CalendarRow } from '../calendars/calendar.repository.js';
import type { SlaPolicyRow } from '../sla/sla.policy.repository.js';
import { Lifecycles } from '../tickets/ticket.lifecycle.js';
import { asEngineRule, deskSettings, listCategories, listRoutingRules } from './desk.repository.js';
import type { CategoryRow, DeskSettings } from './desk.repository.js';

/**
 * A node's copy of the desk configuration that raising a ticket reads (docs/decisions/0203): a
 * project's settings (matrix, service hours), categories, routing rules, active SLA policies, the
 * calendars they name with China's holiday years, and the lifecycle definitions. Raising a ticket
 * read all of this on every request (about 12 round trips of 31); now it is read once per project
 * and `DESK_CACHE_TTL_MS`.
 *
 * Staleness: a change made through this node empties the cache when its transaction has committed
 * (`deskConfigChanged`), so this node's next ticket sees it; another node sees it within
 * `DESK_CACHE_TTL_MS`. Who may raise a ticket, its requester, its group's members and the mail
 * settings are never cached: the create reads them in its own statements.
 */
export const DESK_CACHE_TTL_MS = 5_000;
const MAX_PROJECTS = 1_000;

export interface DeskSnapshot {
  projectId: string;
  settings: DeskSettings;
  categories: ReadonlyMap<string, CategoryRow>;
  rules: readonly RoutingRule[];
  /** The project's active policies. */
  policies: readonly SlaPolicyRow[];
  /** The calendars the policies and the service hours name, and the holiday years. */
  calendars: CalendarPreset;
}

interface NodeCache {
  /** Bumped by every change: a load that started before it is not kept. */
  generation: number;
  desks: Map<string, { at: number; snap: DeskSnapshot }>;
  lifecycles: Map<string, { at: number; def: LifecycleDefinition }>;
}

// One cache per node: keyed by the node's pool, so test apps (and nodes) in one process never share it.
const caches = new WeakMap<object, NodeCache>();
function cacheOf(deps: Deps): NodeCache {
  let c = caches.get(deps.pool);
  if (!c) caches.set(deps.pool, (c = { generation: 0, desks: new Map(), lifecycles: new Map() }));
  return c;
}

/** Call after a desk configuration change has committed (settings, categories, rules, policies, calendars, holidays). */
export function deskConfigChanged(deps: Deps): void {
  const c = cacheOf(deps);
  c.generation++;
  c.desks.clear();
  c.lifecycles.clear();
}

async function loadSnapshot(db: DbOrTx, projectId: string, now: Date): Promise<DeskSnapshot> {
  const settings = await deskSettings(db, projectId);
  const categories = await listCategories(db, projectId);
  const rules = await listRoutingRules(db, projectId);
  const policies = await db
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.projectId, projectId), eq(slaPolicies.active, true)));
  const calendarIds = [...new Set([...policies.map((p) => p.calendarId), settings.serviceCalendarId])].filter(
    (x): x is string => x !== null,
  );
  const rows: CalendarRow[] = calendarIds.length
    ? await db.select().from(calendars).where(inArray(calendars.id, calendarIds))
    : [];
  return {
    projectId,
    settings,
    categories: new Map(categories.map((c) => [c.id, c])),
    rules: rules.map(asEngineRule),
    policies,
    calendars: { rows, years: await holidayYearsNow(db, now) },
  };
}

const fresh = (at: number) => performance.now() - at < DESK_CACHE_TTL_MS;

/**
 * The project's desk configuration, from this node's cache when fresh. `db` is the caller's handle:
 * inside a caller's transaction (another module raising a ticket) the configuration is read through
 * it and not cached, so rows that transaction wrote are seen.
 */
export async function deskSnapshot(
  deps: Deps,
  db: DbOrTx,
  projectId: string,
  now: Date,
): Promise<DeskSnapshot> {
  if (db !== deps.db) return loadSnapshot(db, projectId, now);
  const c = cacheOf(deps);
  const hit = c.desks.get(projectId);
  if (hit && fresh(hit.at)) return hit.snap;
  const generation = c.generation;
  const at = performance.now();
  const snap = await loadSnapshot(db, projectId, now);
  if (c.generation === generation) {
    c.desks.delete(projectId);
    if (c.desks.size >= MAX_PROJECTS) c.desks.delete(c.desks.keys().next().value!);
    c.desks.set(projectId, { at, snap });
  }
  return snap;
}

/** A lifecycle definition (seeded on first use, as `Lifecycles`), from this node's cache when fresh. */
export async function cachedLifecycle(
  deps: Deps,
  db: DbOrTx,
  kind: TicketKind,
): Promise<LifecycleDefinition> {
  if (db !== deps.db) return new Lifecycles(db).get(kind);
  const c = cacheOf(deps);
  const hit = c.lifecycles.get(kind);
  if (hit && fresh(hit.at)) return hit.def;
  const generation = c.generation;
  const at = performance.now();
  const def = await new Lifecycles(db).get(kind);
  if (c.generation === generation) c.lifecycles.set(kind, { at, def });
  return def;
}

/**
 * The category and its ancestors, nearest first (desk.repository `categoryPath` on the snapshot);
 * null when a parent is not among the project's categories, so the caller reads it from the database.
 */
export function categoryPathOf(snap: DeskSnapshot, categoryId: string | null): string[] | null {
  if (!categoryId) return [];
  const out: string[] = [];
  let id: string | null = categoryId;
  while (id !== null && out.length <= 20) {
    const row = snap.categories.get(id);
    if (!row) return null;
    out.push(row.id);
    id = row.parentId;
  }
  return out;
}

/** Runs a desk configuration change, then empties this node's cache (after the commit: a load racing it is dropped). */
export async function configWrite<T>(ctx: { deps: Deps }, change: Promise<T>): Promise<T> {
  try {
    return await change;
  } finally {
    deskConfigChanged(ctx.deps);
  }
}

/**
 * Creates one row of a project's desk configuration (a category, a routing rule, an SLA policy):
 * inserted with a new id and timestamps, its `<objectType>.create` audit row in the same
 * transaction, then this node's cache emptied (`configWrite`).
 */
export function createConfigRow<T extends PgTable & { id: AnyPgColumn }>(
  ctx: Ctx,
  table: T,
  values: Omit<T['$inferInsert'], 'id' | 'createdAt' | 'updatedAt'>,
  audit: { action: string; objectType: string },
): Promise<T['$inferSelect']> {
  return configWrite(
    ctx,
    ctx.db.transaction(async (tx) => {
      const [row] = (await tx
        .insert(table)
        .values({ id: uuid7(), ...values, createdAt: ctx.now, updatedAt: ctx.now } as T['$inferInsert'])
        .returning()) as T['$inferSelect'][];
      await recordAudit(tx, ctx, {
        ...audit,
        objectId: (row as { id: string }).id,
        changes: changesOf(null, row as Record<string, unknown>),
      });
      return row!;
    }),
  );
}
