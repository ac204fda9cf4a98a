import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { startServer } from '../server.js';
import { seedDemo } from '../demo/seed.js';
import type { DemoLogin } from '../demo/seed.js';
import { sealAll, verifyChain } from '../modules/audit/audit.sealer.js';
import { createUserFromCli, resetPasswordFromCli } from './user-commands.js';
import { inlineQueue } from '../jobs/job-system.js';
import { JOBS } from '../jobs/registry.js';
import type { Deps } from '../http/context.js';

const HELP = `opsdesk — IT operations service management (运维服务管理平台)

Usage:
  opsdesk start [--port 3000] [--host 127.0.0.1] [--demo]
  opsdesk migrate
  opsdesk seed --demo
  opsdesk user create --username U --password P --name N [--role admin|auditor|security_admin]
  opsdesk user password --username U --password P
  opsdesk audit verify [--seal]

Environment: DATABASE_URL (else an embedded PostgreSQL under OPSDESK_DATA_DIR, default ./data),
PORT, HOST, LOG_LEVEL, OPSDESK_JOBS (run background jobs, default on).`;

function printLogins(logins: DemoLogin[]): void {
  if (!logins.length) return;
  const width = Math.max(...logins.map((l) => l.username.length));
  console.log('\nDemo logins (shown once; reset with `opsdesk user password`):');
  for (const l of logins) console.log(`  ${l.username.padEnd(width)}  ${l.password}  ${l.role}`);
  console.log('');
}

async function withDatabase<T>(fn: (deps: Deps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config, (m) => console.error(m));
  const deps: Deps = {
    config,
    pool: database.pool,
    db: database.db,
    now: () => new Date(),
    jobs: inlineQueue(
      () => deps,
      () => JOBS,
    ),
  };
  try {
    return await fn(deps);
  } finally {
    await sealAll(database.pool).catch(() => undefined);
    await database.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  const { values } = parseArgs({
    args: argv.slice(command === 'user' || command === 'audit' ? 2 : 1),
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      demo: { type: 'boolean', default: false },
      seal: { type: 'boolean', default: false },
      username: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (!command || values.help || command === 'help') {
    console.log(HELP);
    return 0;
  }
  switch (command) {
    case 'start': {
      const overrides = {
        ...(values.port ? { port: Number(values.port) } : {}),
        ...(values.host ? { host: values.host } : {}),
      };
      const config = loadConfig(process.env, overrides);
      const logger = pino({ level: config.logLevel });
      const server = await startServer(config, { demo: values.demo, logger });
      printLogins(server.demoLogins);
      console.log(`opsdesk is serving ${server.url}  (API docs: ${server.url}/api/docs)`);
      let signals = 0;
      const shutdown = (signal: string) => {
        signals += 1;
        if (signals > 1) process.exit(1); // a second Ctrl-C does not wait
        logger.info(`${signal}: shutting down`);
        server.stop().then(
          () => process.exit(0),
          (err: unknown) => {
            logger.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      return new Promise<number>(() => undefined); // runs until a signal
    }
    case 'migrate':
      await withDatabase(async () => console.log('migrations are up to date'));
      return 0;
    case 'seed':
      if (!values.demo) {
        console.error('opsdesk seed needs --demo');
        return 2;
      }
      await withDatabase(async (deps) => {
        const logins = await seedDemo(deps);
        if (logins.length) printLogins(logins);
        else console.log('demo data already present (or the database is not empty): nothing seeded');
      });
      return 0;
    case 'user':
      if (sub === 'create') return withDatabase((deps) => createUserFromCli(deps, values));
      if (sub === 'password') return withDatabase((deps) => resetPasswordFromCli(deps, values));
      console.error(HELP);
      return 2;
    case 'audit':
      if (sub !== 'verify') {
        console.error(HELP);
        return 2;
      }
      return withDatabase(async (deps) => {
        if (values.seal) await sealAll(deps.pool);
        const r = await verifyChain(deps.pool);
        if (r.firstBroken) {
          console.log(
            `audit chain BROKEN at audit row ${r.firstBroken.id} (seal #${r.firstBroken.sealSeq}): ${r.firstBroken.reason}`,
          );
        } else {
          console.log(
            `audit chain ok: ${r.checked} sealed rows verified, ${r.unsealed} awaiting seal${r.staleUnsealed ? `, ${r.staleUnsealed} stale (is the sealer running?)` : ''}`,
          );
        }
        return r.ok ? 0 : 1;
      });
    default:
      console.error(`unknown command: ${command}\n\n${HELP}`);
      return 2;
  }
}
