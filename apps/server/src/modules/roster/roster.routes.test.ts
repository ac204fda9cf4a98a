import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import { serviceTenant } from '../lifecycle/lifecycle.test-support.js';
import type { ServiceTenant } from '../lifecycle/lifecycle.test-support.js';
import { onDutyUser } from '../tickets/on-duty.js';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  t.clock.set(new Date('2026-06-01T01:00:00Z')); // 09:00 in Shanghai
});

const dayNight = [
  { label: '白班', start: '08:00', end: '20:00' },
  { label: '夜班', start: '20:00', end: '08:00' },
];
const rotate = async (s: ServiceTenant, userIds: string[]) =>
  client(t.app, await f.session(s.pm)).post(`/api/v1/projects/${s.project.id}/roster/rotation`, {
    from: '2026-06-01',
    days: 7,
    shifts: dayNight,
    userIds,
  });
const onDuty = async (s: ServiceTenant, at: string, who = s.engineer) =>
  (
    await client(t.app, await f.session(who)).get(
      `/api/v1/projects/${s.project.id}/on-duty?at=${encodeURIComponent(at)}`,
    )
  ).json();

describe('the duty roster', () => {
  it('lays out a 7×24 day/night rotation and answers who is on duty at an instant, with phone', async () => {
    const s = await serviceTenant(f);
    const res = await rotate(s, [s.engineer.id, s.lead.id]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items).toHaveLength(14);
    expect(res.json().items[0]).toMatchObject({
      label: '白班',
      startsAt: '2026-06-01T00:00:00.000Z',
      endsAt: '2026-06-01T12:00:00.000Z',
      user: { id: s.engineer.id },
    });

    expect(await onDuty(s, '2026-06-01T03:00:00Z')).toEqual({
      projectId: s.project.id,
      at: '2026-06-01T03:00:00.000Z',
      items: [
        expect.objectContaining({
          userId: s.engineer.id,
          phone: '13800000003',
          label: '白班',
          source: 'project',
        }),
      ],
    });
    expect(
      (await onDuty(s, '2026-06-01T14:00:00+08:00')).items.map((x: { userId: string }) => x.userId),
    ).toEqual([s.engineer.id]);
    expect(
      (await onDuty(s, '2026-06-01T22:00:00+08:00')).items.map((x: { userId: string }) => x.userId),
    ).toEqual([s.lead.id]);
    expect((await onDuty(s, '2026-06-09T00:00:00+08:00')).items).toEqual([]);
    // Now (the app clock) by default; ticket routing asks the same question.
    const now = (
      await client(t.app, await f.session(s.engineer)).get(`/api/v1/projects/${s.project.id}/on-duty`)
    ).json();
    expect(now).toMatchObject({
      at: expect.stringMatching(/^2026-06-01T01:00/),
      items: [{ userId: s.engineer.id }],
    });
    expect(await onDutyUser(t.deps.db, s.project.id, new Date('2026-06-01T22:00:00+08:00'))).toBe(s.lead.id);

    const week = (
      await client(t.app, await f.session(s.fieldEngineer)).get(
        `/api/v1/projects/${s.project.id}/roster?from=2026-06-01T00:00:00%2B08:00&to=2026-06-02T00:00:00%2B08:00`,
      )
    ).json();
    expect(week.items.map((x: { label: string }) => x.label)).toEqual(['白班', '夜班']); // the rotation begins at 08:00 on June 1
    expect(week.abilities).toEqual({ manage: false });
  });

  it('swaps a shift with a reason: audited, both people told, the on-duty answer follows', async () => {
    const s = await serviceTenant(f);
    const shifts = (await rotate(s, [s.engineer.id])).json().items as { id: string; startsAt: string }[];
    const night = shifts[1]!;
    const http = client(t.app, await f.session(s.engineer)); // the person on the shift may hand it on
    const swapped = await http.post(`/api/v1/roster-shifts/${night.id}/swap`, {
      toUserId: s.lead.id,
      reason: '家中有事',
    });
    expect(swapped.statusCode, swapped.body).toBe(200);
    expect(swapped.json()).toMatchObject({
      user: { id: s.lead.id },
      swaps: [
        {
          fromUser: { id: s.engineer.id },
          toUser: { id: s.lead.id },
          reason: '家中有事',
          swappedBy: { id: s.engineer.id },
        },
      ],
    });
    expect(
      (await onDuty(s, '2026-06-01T22:00:00+08:00')).items.map((x: { userId: string }) => x.userId),
    ).toEqual([s.lead.id]);
    const audit = await t.deps.pool.query(`SELECT action, detail FROM audit_log WHERE object_id = $1`, [
      night.id,
    ]);
    expect(audit.rows).toEqual([
      { action: 'roster_shift.swap', detail: expect.objectContaining({ reason: '家中有事' }) },
    ]);
    const told = await t.deps.pool.query(
      `SELECT user_id FROM notifications WHERE object_id = $1 AND kind = 'roster.swapped'`,
      [night.id],
    );
    expect(told.rows.map((r) => r.user_id).sort()).toEqual([s.engineer.id, s.lead.id].sort());
    // No longer theirs: the engineer cannot swap it back; a customer contact cannot be given it.
    expect(
      (await http.post(`/api/v1/roster-shifts/${night.id}/swap`, { toUserId: s.engineer.id, reason: '换回' }))
        .statusCode,
    ).toBe(403);
    const pm = client(t.app, await f.session(s.pm));
    const toContact = await pm.post(`/api/v1/roster-shifts/${night.id}/swap`, {
      toUserId: s.requester.id,
      reason: '?',
    });
    expect(toContact.json().error.details.fields[0]).toMatchObject({
      path: 'toUserId',
      code: 'notProjectMember',
    });
    expect(
      (await pm.post(`/api/v1/roster-shifts/${night.id}/swap`, { toUserId: s.lead.id, reason: '?' })).json()
        .error.details.fields[0].code,
    ).toBe('sameUser');
  });

  it("adds the project's duty team to who is on duty", async () => {
    const s = await serviceTenant(f);
    const desk = await f.user({ phone: '4008001234' });
    const lead = await f.user();
    const team = await f.team({ leadUserId: lead.id });
    await t.deps.pool.query(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2), ($1, $3)`, [
      team.id,
      desk.id,
      lead.id,
    ]);
    const admin = client(t.app, await f.session(await f.admin()));
    expect(
      (await admin.patch(`/api/v1/projects/${s.project.id}`, { dutyTeamId: team.id })).json().dutyTeamId,
    ).toBe(team.id);
    const teamShift = await client(t.app, await f.session(lead)).post(
      `/api/v1/teams/${team.id}/roster/shifts`,
      {
        userId: desk.id,
        label: '7×24 热线',
        startsAt: '2026-06-01T00:00:00+08:00',
        endsAt: '2026-06-08T00:00:00+08:00',
      },
    );
    expect(teamShift.statusCode, teamShift.body).toBe(201);
    await client(t.app, await f.session(s.pm)).post(`/api/v1/projects/${s.project.id}/roster/shifts`, {
      userId: s.engineer.id,
      label: '现场',
      startsAt: '2026-06-02T09:00:00+08:00',
      endsAt: '2026-06-02T17:00:00+08:00',
    });
    const at = await onDuty(s, '2026-06-02T10:00:00+08:00');
    expect(
      at.items.map((x: { userId: string; source: string; phone: string }) => [x.userId, x.source, x.phone]),
    ).toEqual([
      [desk.id, 'team', '4008001234'],
      [s.engineer.id, 'project', '13800000003'],
    ]);
    expect(await onDutyUser(t.deps.db, s.project.id, new Date('2026-06-02T10:00:00+08:00'))).toBe(
      s.engineer.id,
    );
    // The project's calendar shows the team's shift too, editable only on the team's roster.
    const calendar = (
      await client(t.app, await f.session(s.pm)).get(
        `/api/v1/projects/${s.project.id}/roster?from=2026-06-02T00:00:00Z&to=2026-06-03T00:00:00Z`,
      )
    ).json();
    const editable = calendar.items.map((x: { teamId: string | null; abilities: { update: boolean } }) => [
      x.teamId,
      x.abilities.update,
    ]);
    expect(editable).toEqual([
      [team.id, false],
      [null, true],
    ]);
    const notMember = await client(t.app, await f.session(lead)).post(
      `/api/v1/teams/${team.id}/roster/shifts`,
      { userId: s.engineer.id, label: 'x', startsAt: '2026-06-01T00:00:00Z', endsAt: '2026-06-01T08:00:00Z' },
    );
    expect(notMember.json().error.details.fields[0]).toMatchObject({ path: 'userId', code: 'notTeamMember' });
  });

  it("lays out a rotation on a team's roster: its lead only, its members only, audited on the team", async () => {
    const [lead, a, b, stranger] = [await f.user(), await f.user(), await f.user(), await f.user()];
    const team = await f.team({ leadUserId: lead.id });
    await t.deps.pool.query(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2), ($1, $3)`, [
      team.id,
      a.id,
      b.id,
    ]);
    const url = `/api/v1/teams/${team.id}/roster/rotation`;
    const body = { from: '2026-08-03', days: 2, shifts: dayNight, userIds: [a.id, b.id] };
    const res = await client(t.app, await f.session(lead)).post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(
      res
        .json()
        .items.map((x: { label: string; startsAt: string; user: { id: string }; teamId: string }) => [
          x.label,
          x.startsAt,
          x.user.id,
          x.teamId,
        ]),
    ).toEqual([
      ['白班', '2026-08-03T00:00:00.000Z', a.id, team.id],
      ['夜班', '2026-08-03T12:00:00.000Z', b.id, team.id],
      ['白班', '2026-08-04T00:00:00.000Z', a.id, team.id],
      ['夜班', '2026-08-04T12:00:00.000Z', b.id, team.id],
    ]);
    const audit = await t.deps.pool.query(
      `SELECT object_type, actor_id FROM audit_log WHERE action = 'roster_shift.rotation' AND object_id = $1`,
      [team.id],
    );
    expect(audit.rows).toEqual([{ object_type: 'team', actor_id: lead.id }]);

    // A member who is not the lead may not; someone outside the team cannot be put on it.
    expect((await client(t.app, await f.session(a)).post(url, body)).statusCode).toBe(403);
    const outside = await client(t.app, await f.session(lead), 'en').post(url, {
      ...body,
      userIds: [a.id, stranger.id],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.fields[0]).toMatchObject({
      path: 'userIds.1',
      code: 'notTeamMember',
    });
    const count = await t.deps.pool.query(`SELECT count(*)::int AS n FROM roster_shifts WHERE team_id = $1`, [
      team.id,
    ]);
    expect(count.rows[0].n).toBe(4);
  });

  it('refuses bad shifts field by field and saves nothing', async () => {
    const s = await serviceTenant(f);
    const pm = client(t.app, await f.session(s.pm), 'en');
    const url = `/api/v1/projects/${s.project.id}/roster/shifts`;
    const cases: [Record<string, unknown>, string, string][] = [
      [
        {
          userId: s.engineer.id,
          label: 'x',
          startsAt: '2026-06-01T10:00:00Z',
          endsAt: '2026-06-01T09:00:00Z',
        },
        'endsAt',
        'shiftTimes',
      ],
      [
        {
          userId: s.engineer.id,
          label: 'x',
          startsAt: '2026-06-01T10:00:00Z',
          endsAt: '2026-06-09T10:00:00Z',
        },
        'endsAt',
        'shiftTimes',
      ],
      [
        { userId: s.engineer.id, label: 'x', startsAt: 'tomorrow', endsAt: '2026-06-01T09:00:00Z' },
        'startsAt',
        'invalid_format',
      ],
      [
        {
          userId: s.requester.id,
          label: 'x',
          startsAt: '2026-06-01T08:00:00Z',
          endsAt: '2026-06-01T09:00:00Z',
        },
        'userId',
        'notProjectMember',
      ],
    ];
    for (const [body, path, code] of cases) {
      const res = await pm.post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.fields[0]).toMatchObject({ path, code });
    }
    const rot = await pm.post(`/api/v1/projects/${s.project.id}/roster/rotation`, {
      from: '2026-06-01',
      days: 3,
      shifts: dayNight,
      userIds: [s.engineer.id, s.approver.id],
    });
    expect(rot.json().error.details.fields[0]).toMatchObject({ path: 'userIds.1', code: 'notProjectMember' });
    expect(
      (
        await pm.get(
          `/api/v1/projects/${s.project.id}/roster?from=2026-05-01T00:00:00Z&to=2026-08-01T00:00:00Z`,
        )
      ).json().error.details.fields[0].path,
    ).toBe('to');
    const roster = (
      await pm.get(
        `/api/v1/projects/${s.project.id}/roster?from=2026-06-01T00:00:00Z&to=2026-06-10T00:00:00Z`,
      )
    ).json();
    expect(roster.items).toEqual([]);
  });
});

async function rosterCase(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: (s: ServiceTenant, shiftId: string) => string,
  body: unknown,
  allowedStatus?: number,
) {
  const s = await serviceTenant(f);
  const o = await serviceTenant(f);
  const items = (await rotate(s, [s.engineer.id])).json().items as { id: string }[];
  return {
    ...t,
    f,
    method,
    url: `/api/v1${path(s, items[0]!.id)}`,
    body,
    allowed: await f.session(method === 'GET' ? s.fieldEngineer : s.pm),
    ...(allowedStatus ? { allowedStatus } : {}),
    outsider: await f.session(o.pm),
    tooLittleRole: await f.session(method === 'GET' ? s.requester : s.lead),
  };
}

const shift = { label: '白班', startsAt: '2026-06-10T08:00:00+08:00', endsAt: '2026-06-10T20:00:00+08:00' };
securityTests('GET /projects/:id/roster', () =>
  rosterCase('GET', (s) => `/projects/${s.project.id}/roster`, undefined),
);
securityTests('GET /projects/:id/on-duty', () =>
  rosterCase('GET', (s) => `/projects/${s.project.id}/on-duty?at=2026-06-01T10:00:00Z`, undefined),
);
securityTests('POST /projects/:id/roster/shifts', async () => {
  const c = await rosterCase('POST', (s) => `/projects/${s.project.id}/roster/shifts`, {}, 201);
  const projectId = c.url.split('/')[4]!;
  const [{ user_id }] = (
    await t.deps.pool.query(
      `SELECT user_id FROM project_members WHERE project_id = $1 AND role = 'engineer'`,
      [projectId],
    )
  ).rows;
  return { ...c, body: { ...shift, userId: user_id } };
});
securityTests('POST /projects/:id/roster/rotation', async () => {
  const c = await rosterCase('POST', (s) => `/projects/${s.project.id}/roster/rotation`, {}, 201);
  const projectId = c.url.split('/')[4]!;
  const [{ user_id }] = (
    await t.deps.pool.query(
      `SELECT user_id FROM project_members WHERE project_id = $1 AND role = 'engineer'`,
      [projectId],
    )
  ).rows;
  return { ...c, body: { from: '2026-07-01', days: 2, shifts: dayNight, userIds: [user_id] } };
});
securityTests('PATCH /roster-shifts/:id', () =>
  rosterCase('PATCH', (_s, id) => `/roster-shifts/${id}`, { label: '早班' }),
);
securityTests('DELETE /roster-shifts/:id', () =>
  rosterCase('DELETE', (_s, id) => `/roster-shifts/${id}`, undefined),
);
securityTests('POST /roster-shifts/:id/swap', async () => {
  const c = await rosterCase('POST', (_s, id) => `/roster-shifts/${id}/swap`, {});
  const projectId = (
    await t.deps.pool.query(`SELECT project_id FROM roster_shifts WHERE id = $1`, [c.url.split('/')[4]])
  ).rows[0].project_id;
  const [{ user_id }] = (
    await t.deps.pool.query(
      `SELECT user_id FROM project_members WHERE project_id = $1 AND role = 'technical_lead'`,
      [projectId],
    )
  ).rows;
  return { ...c, body: { toUserId: user_id, reason: '调休' } };
});

async function teamCase(method: 'GET' | 'POST') {
  const lead = await f.user();
  const member = await f.user();
  const team = await f.team({ leadUserId: lead.id });
  await t.deps.pool.query(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)`, [
    team.id,
    member.id,
  ]);
  const s = await serviceTenant(f);
  return {
    ...t,
    f,
    method,
    url: `/api/v1/teams/${team.id}/roster${method === 'POST' ? '/shifts' : ''}`,
    body: method === 'POST' ? { ...shift, userId: member.id } : undefined,
    allowed: await f.session(method === 'GET' ? member : lead),
    ...(method === 'POST' ? { allowedStatus: 201 } : {}),
    outsider: await f.session(s.requester),
    ...(method === 'POST' ? { tooLittleRole: await f.session(member) } : {}),
  };
}
securityTests('GET /teams/:id/roster', () => teamCase('GET'));
securityTests('POST /teams/:id/roster/shifts', () => teamCase('POST'));
securityTests('POST /teams/:id/roster/rotation', async () => {
  const c = await teamCase('POST');
  const { userId } = c.body as { userId: string };
  return {
    ...c,
    url: c.url.replace(/\/shifts$/, '/rotation'),
    body: { from: '2026-09-01', days: 1, shifts: dayNight, userIds: [userId] },
  };
});
