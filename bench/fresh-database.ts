import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbedded } from '../apps/server/src/db/embedded.js';

export interface BenchDatabase {
  url: string;
  /** Where it runs, for the results table. */
  label: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one benchmark: on TEST_DATABASE_URL's server when set (created, then
 * dropped), else an embedded PostgreSQL in a temporary directory (as apps/server/src/test/global-setup.ts).
 */
export async function freshDatabase(prefix: string): Promise<BenchDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `${prefix}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const version = (await admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`))
      .rows[0]!.v;
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    return {
      url: u.toString(),
      label: `PostgreSQL ${version.split(' ')[0]} (TEST_DATABASE_URL)`,
      async drop() {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  await chmod(dir, 0o711); // as root, PostgreSQL runs as `postgres` and must traverse it
  const server = await startEmbedded({ dataDir: dir });
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  const version = (await c.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v;
  await c.end();
  return {
    url: server.url,
    label: `embedded PostgreSQL ${version.split(' ')[0]}`,
    async drop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
