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

/** Builds an app on the run's test database; closed after the file's tests. */
export async function testApp(config: Partial<Config> = {}): Promise<TestApp> {
  const pool = createPool(inject('databaseUrl'), { max: 5 });
  const clock = new TestClock();
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
    now: clock.now,
    jobs: inlineQueue(
      () => deps,
      () => JOBS,
    ),
  };
  const app = await buildApp(deps, { logger: process.env.OPSDESK_TEST_LOG ? { level: 'error' } : false });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await pool.end();
  });
  return { app, deps, clock };
}
