import pg from 'pg';

// Types the pg driver returns from raw SQL: bigint counts as numbers (they stay far below 2^53)
// and DATE as 'YYYY-MM-DD' strings (never a Date shifted by the server's time zone).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface PoolOptions {
  max?: number;
  applicationName?: string;
}

/**
 * Every connection runs named (prepared) statements on their generic plan
 * (`plan_cache_mode = force_generic_plan`). Only `db/prepared.ts` names statements: the hot, fixed
 * shapes (the caller's principal on every request, raising a ticket). PostgreSQL kept re-planning
 * the ticket's write statement (a custom plan on every run, ~0.4 ms), because its parameter-dependent
 * branches make the generic plan look dearer than it is. Unnamed statements — every other query —
 * are planned for their parameters as before (the setting does not apply to them).
 */
export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 20,
    application_name: options.applicationName ?? 'opsdesk',
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    // Named (prepared) statements run on their generic plan; see the note above the function.
    options: '-c plan_cache_mode=force_generic_plan',
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return pool;
}
