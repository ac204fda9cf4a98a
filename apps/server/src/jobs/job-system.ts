import PgBoss from 'pg-boss';
import type { Deps } from '../http/context.js';

/**
 * Background jobs and schedules live in PostgreSQL (pg-boss), so each runs once however many
 * opsdesk nodes share the database: a scheduled sweep is sent once per cron slot across nodes and
 * fetched by exactly one worker. Sweeps themselves are idempotent (they claim rows with
 * `FOR UPDATE SKIP LOCKED` and mark them done in the same transaction), so even a retried job
 * never repeats an effect. See docs/decisions/0005-jobs-in-postgresql.md.
 */
export interface JobDefinition<T extends object = Record<string, unknown>> {
  /** Queue name, `<module>.<job>`, e.g. `projects.reminders`. */
  name: string;
  /** A cron expression (Asia/Shanghai) for a recurring sweep. */
  cron?: string;
  handler: (deps: Deps, data: T) => Promise<void>;
}

/** What services use to enqueue work. Tests use an inline queue that runs the handler at once. */
export interface JobQueue {
  send(
    name: string,
    data: object,
    options?: { startAfter?: Date; singletonKey?: string },
  ): Promise<string | null>;
}

export interface JobSystem extends JobQueue {
  stop(): Promise<void>;
}

export async function startJobs(
  deps: Deps,
  definitions: readonly JobDefinition[],
  connectionString: string,
  log: (msg: string, err?: unknown) => void,
): Promise<JobSystem> {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 4, application_name: 'opsdesk-jobs' });
  boss.on('error', (err) => log('job system error', err));
  await boss.start();
  for (const def of definitions) {
    await boss.createQueue(def.name, {
      name: def.name,
      policy: def.cron ? 'singleton' : 'standard',
      retryLimit: 3,
      retryBackoff: true,
    });
    if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Shanghai' });
    await boss.work<Record<string, unknown>>(
      def.name,
      { batchSize: 1, pollingIntervalSeconds: 2 },
      async (jobs) => {
        for (const job of jobs) await def.handler(deps, job.data ?? {});
      },
    );
  }
  return {
    send: (name, data, options = {}) =>
      boss.send(name, data, {
        ...(options.startAfter ? { startAfter: options.startAfter } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      }),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}

/** Runs a job's handler in-process right away (tests; nodes started with jobs off). */
export function inlineQueue(deps: () => Deps, definitions: () => readonly JobDefinition[]): JobQueue {
  return {
    async send(name, data) {
      const def = definitions().find((d) => d.name === name);
      if (!def) throw new Error(`no job named ${name}`);
      await def.handler(deps(), data as Record<string, unknown>);
      return null;
    },
  };
}
