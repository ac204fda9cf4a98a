// Test support for the service desk's HTTP tests: a tenant with a desk (agent, group, calendar,
// SLA policy) made straight in the database. Not a test file.
import os from 'node:os';
import path from 'node:path';
import { HOURS_5X8 } from '@opsdesk/domain';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createDb } from '../../db/client.js';
import { createPool } from '../../db/pool.js';
import { inlineQueue } from '../../jobs/job-system.js';
import { JOBS } from '../../jobs/registry.js';
import { TestClock } from '../../test/app.js';
import { calendars, slaPolicies, teamMembers } from '../../db/schema/index.js';
import type { Deps } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import type { Factories } from '../../test/factories.js';

const ALL_DAY = [{ start: '00:00', end: '24:00' }];
export const WEEKLY_7X24 = {
  1: ALL_DAY,
  2: ALL_DAY,
  3: ALL_DAY,
  4: ALL_DAY,
  5: ALL_DAY,
  6: ALL_DAY,
  7: ALL_DAY,
};
export const WEEKLY_5X8 = {
  1: HOURS_5X8,
  2: HOURS_5X8,
  3: HOURS_5X8,
  4: HOURS_5X8,
  5: HOURS_5X8,
  6: [],
  7: [],
} as unknown as Record<string, { start: string; end: string }[]>;

export async function deskTenant(
  deps: Deps,
  f: Factories,
  opts: {
    calendar?: '7x24' | '5x8';
    targets?: Record<string, { response: number | null; resolution: number | null }>;
  } = {},
) {
  const t = await f.tenant();
  const agent = await f.user();
  await f.member(t.project.id, agent.id, 'service_desk_agent');
  const group = await f.team({ leadUserId: t.engineer.id });
  await deps.db.insert(teamMembers).values([
    { teamId: group.id, userId: t.engineer.id },
    { teamId: group.id, userId: agent.id },
  ]);
  const calendarId = uuid7();
  const sevenByTwentyFour = (opts.calendar ?? '7x24') === '7x24';
  await deps.db.insert(calendars).values({
    id: calendarId,
    projectId: t.project.id,
    name: `日历-${calendarId.slice(-6)}`,
    weekly: sevenByTwentyFour ? WEEKLY_7X24 : WEEKLY_5X8,
    followsChinaHolidays: !sevenByTwentyFour,
  });
  const policyId = uuid7();
  await deps.db.insert(slaPolicies).values({
    id: policyId,
    projectId: t.project.id,
    name: '标准 SLA',
    calendarId,
    targets: opts.targets ?? {
      '1': { response: 15, resolution: 240 },
      '2': { response: 30, resolution: 480 },
      '3': { response: 60, resolution: 960 },
      '4': { response: 120, resolution: 2400 },
    },
    escalations: [50, 80, 100].map((threshold) => ({
      threshold,
      notify: ['assignee', 'group_lead', 'project_manager'] as (
        'assignee' | 'group_lead' | 'project_manager'
      )[],
    })),
  });
  const contact2 = await f.contact(t.customer.id);
  return { ...t, agent, group, calendarId, policyId, contact2 };
}

export type DeskTenant = Awaited<ReturnType<typeof deskTenant>>;

/**
 * An app on a database of its own (test/isolated-db.ts), for tests of the sweeps: they act on every
 * due clock of their database, which on the shared one would reach other files' tickets. Two apps
 * on one isolated database stand for two opsdesk nodes.
 */
export async function appOn(url: string, clock: TestClock = new TestClock()) {
  const pool = createPool(url, { max: 5 });
  const deps: Deps = {
    config: loadConfig(
      {},
      {
        jobs: false,
        webDist: null,
        attachmentsDir: path.join(os.tmpdir(), `opsdesk-test-files-${process.pid}`),
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
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  return { app, deps, clock, close: async () => (await app.close(), await pool.end()) };
}
