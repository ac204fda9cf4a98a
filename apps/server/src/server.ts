import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase } from './db/open.js';
import type { OpenedDatabase } from './db/open.js';
import type { Deps } from './http/context.js';
import { inlineQueue, startJobs } from './jobs/job-system.js';
import type { JobSystem } from './jobs/job-system.js';
import { JOBS } from './jobs/registry.js';
import { startAuditSealer } from './modules/audit/audit.timer.js';
import { seedDemo } from './demo/seed.js';
import { ensureHolidayYears } from './modules/calendars/holiday.seed.js';
import type { DemoLogin } from './demo/seed.js';

export interface StartOptions {
  demo?: boolean;
  logger?: pino.Logger;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  deps: Deps;
  database: OpenedDatabase;
  demoLogins: DemoLogin[];
  stop(): Promise<void>;
}

/** The built web app next to the server: apps/web/dist. */
export function defaultWebDist(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [
    path.resolve(here, '../../web/dist'),
    path.resolve(here, '../../../apps/web/dist'),
  ]) {
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

/**
 * Starts opsdesk: database (embedded or DATABASE_URL) with migrations, optional demo data,
 * the HTTP app, the job system and the audit sealer. `stop()` shuts down in reverse order:
 * stop accepting requests and drain, stop jobs, seal the audit tail, close the pool, stop the
 * embedded database.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const log = (msg: string, err?: unknown) => (err ? logger.error({ err }, msg) : logger.info(msg));
  const database = await openDatabase(config, (m) => logger.info(m));
  let jobs: JobSystem | null = null;
  const deps: Deps = {
    config: { ...config, webDist: config.webDist ?? defaultWebDist() },
    pool: database.pool,
    db: database.db,
    now: () => new Date(),
    jobs: {
      send: (name, data, opts) =>
        jobs
          ? jobs.send(name, data, opts)
          : inlineQueue(
              () => deps,
              () => JOBS,
            ).send(name, data, opts),
    },
  };
  let demoLogins: DemoLogin[] = [];
  try {
    // China's official holidays and make-up workdays, from the chinese-days package, on first start.
    await ensureHolidayYears(database.db, deps.now());
    if (options.demo) demoLogins = await seedDemo(deps);
    if (config.jobs) jobs = await startJobs(deps, JOBS, database.url, log);
  } catch (err) {
    await database.close();
    throw err;
  }
  const sealer = startAuditSealer(database.pool, config.auditSealIntervalMs, log);
  const app = await buildApp(deps, { loggerInstance: logger });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  let stopping: Promise<void> | null = null;
  return {
    app,
    url,
    deps,
    database,
    demoLogins,
    stop() {
      stopping ??= (async () => {
        await app.close();
        await jobs?.stop();
        await sealer.stop();
        await database.close();
      })();
      return stopping;
    },
  };
}
