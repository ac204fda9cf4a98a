import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPool } from '../db/pool.js';
import { migrate } from '../db/migrate.js';

/**
 * A database of its own on the test server, for tests that break global invariants on purpose
 * (tampering with the audit chain) or need an empty database (setup, demo seed).
 */
export async function isolatedDatabase(): Promise<{ url: string; pool: pg.Pool; drop(): Promise<void> }> {
  const base = inject('databaseUrl');
  const name = `opsdesk_iso_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  const url = u.toString();
  const pool = createPool(url, { max: 3 });
  await migrate(pool);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
