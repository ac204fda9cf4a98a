import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { createDb } from '../db/client.js';
import { createPool } from '../db/pool.js';
import { loadConfig } from '../config.js';
import type { Config } from '../config.js';
import type { Deps } from '../http/context.js';
import { inlineQueue } from '../jobs/job-system.js';
import { JOBS } from '../jobs/registry.js';

/** A clock tests can move; the app reads business time only from it. */
export class TestClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  clock: TestClock;
}

/**
 * An opsdesk node on the database at `url`, jobs run inline. Tests that need a database of their
 * own (test/isolated-db.ts: sweeps that act on every due row, global settings) build one or two
 * nodes with it; two on one database stand for two opsdesk nodes.
 */
export async function appOn(
  url: string,
  now: () => Date = new TestClock().now,
  config: Partial<Config> = {},
) {
  const pool = createPool(url, { max: 5 });
  const deps: Deps = {
    config: loadConfig(
      {},
      {
        jobs: false,
        webDist: null,
        attachmentsDir: path.join(os.tmpdir(), `opsdesk-test-files-${process.pid}`),
        ...config,
      },
    ),
    pool,
    db: createDb(pool),
    now,
    jobs: inlineQueue(
      () => deps,
      () => JOBS,
    ),
  };
  const app: FastifyInstance = await buildApp(deps, {
    logger: process.env.OPSDESK_TEST_LOG ? { level: 'error' } : false,
  });
  await app.ready();
  return { app, deps, close: async () => (await app.close(), await pool.end()) };
}

/** Builds an app on the run's test database; closed after the file's tests. */
export async function testApp(config: Partial<Config> = {}): Promise<TestApp> {
  const clock = new TestClock();
  const { app, deps, close } = await appOn(inject('databaseUrl'), clock.now, config);
  afterAll(close);
  return { app, deps, clock };
}
