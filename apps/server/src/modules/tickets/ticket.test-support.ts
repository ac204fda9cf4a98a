// Test support for the service desk's HTTP tests: a tenant with a desk (agent, group, calendar,
// SLA policy) made straight in the database. Not a test file.
import { HOURS_5X8 } from '@opsdesk/domain';
import { appOn as nodeOn, TestClock } from '../../test/app.js';
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

/** `appOn` (test/app.ts) with the node's clock returned, for tests that move it. */
export async function appOn(url: string, clock: TestClock = new TestClock()) {
  return { ...(await nodeOn(url, clock.now)), clock };
}
