import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../apps/server/src/config.js';
import { startServer } from '../../apps/server/src/server.js';
import { hashPassword } from '../../apps/server/src/lib/password-hash.js';
import { uuid7 } from '../../apps/server/src/lib/ids.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminUsername: string;
    adminPassword: string;
    databaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Builds the web app if needed, starts one opsdesk (the machine's PostgreSQL when
 * TEST_DATABASE_URL is set, else an embedded one), and makes an admin for the journeys.
 */
export default async function setup(project: TestProject) {
  if (!process.env.E2E_SKIP_BUILD) {
    const built = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (built.status !== 0) throw new Error('building the web app failed');
  }
  const external = process.env.TEST_DATABASE_URL;
  let databaseUrl: string | null = null;
  let dataDir: string | null = null;
  let dropDb: (() => Promise<void>) | null = null;
  if (external) {
    const name = `opsdesk_e2e_${randomBytes(4).toString('hex')}`;
    const c = new pg.Client({ connectionString: external });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const u = new URL(external);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDb = async () => {
      const d = new pg.Client({ connectionString: external });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    };
  } else {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-e2e-'));
    await chmod(tmp, 0o711);
    dataDir = path.join(tmp, 'data');
  }
  const config = loadConfig(
    {},
    {
      port: 0,
      host: '127.0.0.1',
      databaseUrl,
      dataDir: dataDir ?? path.join(os.tmpdir(), 'unused'),
      webDist: path.join(root, 'apps/web/dist'),
      jobs: false,
      logLevel: 'warn',
    },
  );
  const server = await startServer(config);
  const adminUsername = `e2e.admin.${randomBytes(3).toString('hex')}`;
  const adminPassword = `E2e-${randomBytes(6).toString('base64url')}-9`;
  await server.deps.pool.query(
    `INSERT INTO users (id, kind, username, password_hash, display_name, global_roles) VALUES ($1, 'staff', $2, $3, '端到端管理员', '{admin}')`,
    [uuid7(), adminUsername, await hashPassword(adminPassword)],
  );
  project.provide('baseUrl', server.url);
  project.provide('adminUsername', adminUsername);
  project.provide('adminPassword', adminPassword);
  project.provide('databaseUrl', server.database.url);
  return async () => {
    await server.stop();
    await dropDb?.();
    if (dataDir) await rm(path.dirname(dataDir), { recursive: true, force: true });
  };
}
