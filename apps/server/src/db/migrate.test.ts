import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { MIGRATIONS_DIR, migrate } from './migrate.js';
import { createPool } from './pool.js';

// Each test migrates an empty database of its own (not isolatedDatabase(): that one is migrated).
const base = inject('databaseUrl');
const made: string[] = [];
const pools: pg.Pool[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `opsdesk_mig_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  made.push(name);
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}
function poolOn(url: string) {
  const p = createPool(url, { max: 2 });
  pools.push(p);
  return p;
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  for (const name of made) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('migrations', () => {
  it('two nodes starting together: one applies every file, the other waits and applies none', async () => {
    const url = await emptyDatabase();
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    const [a, b] = await Promise.all([migrate(poolOn(url)), migrate(poolOn(url))]);
    expect([a.applied.length, b.applied.length].sort((x, y) => x - y)).toEqual([0, files.length]);
    expect(a.applied.length ? a.applied : b.applied).toEqual(files);
    const { rows } = await poolOn(url).query<{ name: string }>(
      'SELECT name FROM opsdesk_migrations ORDER BY name',
    );
    expect(rows.map((r) => r.name)).toEqual(files);
    // A third start finds nothing to do.
    expect(await migrate(poolOn(url))).toEqual({ applied: [], skipped: files.length });
  });

  it('refuses an applied file that changed, and rolls back a failing one without recording it', async () => {
    const url = await emptyDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-mig-'));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      const pool = poolOn(url);
      await migrate(pool, dir);
      const [first] = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
      await writeFile(path.join(dir, first!), '-- edited after it was applied\nSELECT 1;\n');
      await expect(migrate(pool, dir)).rejects.toThrow(`migration ${first} was changed after it was applied`);

      const fresh = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-mig-'));
      try {
        await writeFile(path.join(fresh, '0001_ok.sql'), 'CREATE TABLE mig_ok (id int);');
        await writeFile(
          path.join(fresh, '0002_broken.sql'),
          'CREATE TABLE mig_half (id int); SELECT no_such_column FROM mig_half;',
        );
        const other = poolOn(await emptyDatabase());
        await expect(migrate(other, fresh)).rejects.toThrow('migration 0002_broken.sql failed');
        const recorded = await other.query<{ name: string }>('SELECT name FROM opsdesk_migrations');
        expect(recorded.rows.map((r) => r.name)).toEqual(['0001_ok.sql']);
        const half = await other.query(`SELECT to_regclass('mig_half') AS t`);
        expect(half.rows[0].t).toBeNull();
      } finally {
        await rm(fresh, { recursive: true, force: true });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
