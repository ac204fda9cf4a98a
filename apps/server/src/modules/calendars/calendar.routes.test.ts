import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { isolatedDatabase } from '../../test/isolated-db.js';
import { securityTests } from '../../test/security.js';
import { appOn, deskTenant } from '../tickets/ticket.test-support.js';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
});

async function calendar(body: Record<string, unknown>) {
  const res = await client(t.app, await f.session(await f.admin())).post('/api/v1/calendars', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe('POST /api/v1/calendars/:id/compute-due', () => {
  it.each([
    ['5×8, lunch break', '2026-03-02T03:30:00Z', 60, '2026-03-02T05:30:00.000Z'], // Mon 11:30 + 60 → 13:30
    ['5×8, end of day to next morning', '2026-03-02T09:30:00Z', 60, '2026-03-03T01:30:00.000Z'], // Mon 17:30 + 60 → Tue 09:30
    ['5×8, make-up Saturday (调休 14 Feb)', '2026-02-13T09:00:00Z', 120, '2026-02-14T02:00:00.000Z'], // Fri 17:00 + 120 → Sat 10:00
    ['5×8, National Day week', '2026-09-30T09:00:00Z', 120, '2026-10-08T02:00:00.000Z'], // Wed 17:00 + 120 → Thu 8 Oct 10:00
    ['5×8, raised on a holiday', '2026-10-03T02:00:00Z', 30, '2026-10-08T01:30:00.000Z'],
    ['5×8, weekend', '2026-03-07T02:00:00Z', 0, '2026-03-09T01:00:00.000Z'], // Sat → Mon 09:00
  ])('%s', async (_name, start, minutes, due) => {
    const cal = await calendar({ name: `5x8-${Math.random()}`, preset: '5x8' });
    const res = await client(t.app, await f.session(await f.admin())).post(
      `/api/v1/calendars/${cal.id}/compute-due`,
      { start, businessMinutes: minutes },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ due: due });
  });

  it('7×24 runs overnight and ignores holidays', async () => {
    const cal = await calendar({ name: `7x24-${Math.random()}`, preset: '7x24' });
    const http = client(t.app, await f.session(await f.admin()));
    expect(
      (
        await http.post(`/api/v1/calendars/${cal.id}/compute-due`, {
          start: '2026-10-01T15:30:00Z',
          businessMinutes: 60,
        })
      ).json(),
    ).toEqual({ due: '2026-10-01T16:30:00.000Z' });
  });

  it('custom hours in another time zone', async () => {
    const range = [{ start: '08:00', end: '12:00' }];
    const cal = await calendar({
      name: `utc-${Math.random()}`,
      timeZone: 'Europe/London',
      followsChinaHolidays: false,
      weekly: { 1: range, 2: range, 3: range, 4: range, 5: range, 6: [], 7: [] },
    });
    const http = client(t.app, await f.session(await f.admin()));
    // London is on BST (UTC+1) on 30 Mar 2026: Mon 11:00 local + 120 → Tue 09:00 local = 08:00Z
    expect(
      (
        await http.post(`/api/v1/calendars/${cal.id}/compute-due`, {
          start: '2026-03-30T10:00:00Z',
          businessMinutes: 120,
        })
      ).json(),
    ).toEqual({ due: '2026-03-31T08:00:00.000Z' });
  });

  it('bad input is a 400 naming the field, never a 500', async () => {
    const cal = await calendar({ name: `bad-${Math.random()}`, preset: '5x8' });
    const http = client(t.app, await f.session(await f.admin()));
    const r1 = await http.post(`/api/v1/calendars/${cal.id}/compute-due`, {
      start: 'yesterday',
      businessMinutes: 5,
    });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.details.fields[0].path).toBe('start');
    const r2 = await http.post(`/api/v1/calendars/${cal.id}/compute-due`, {
      start: '2026-03-02T03:30:00Z',
      businessMinutes: -1,
    });
    expect(r2.statusCode).toBe(400);
  });

  securityTests('POST /calendars/:id/compute-due', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'POST',
      url: `/api/v1/calendars/${d.calendarId}/compute-due`,
      body: { start: '2026-03-02T03:30:00Z', businessMinutes: 60 },
      allowed: await f.session(d.agent),
      outsider: await f.session(other.agent),
    };
  });
});

describe('calendars CRUD', () => {
  it('validates hours with the domain rules, naming the fields', async () => {
    const http = client(t.app, await f.session(await f.admin()));
    const res = await http.post('/api/v1/calendars', {
      name: 'broken',
      timeZone: 'Mars/Base',
      weekly: {
        1: [{ start: '13:00', end: '12:00' }],
        2: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '13:00' },
        ],
        3: [],
        4: [],
        5: [],
        6: [],
        7: [],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.fields.map((x: { path: string }) => x.path)
        .sort(),
    ).toEqual(['timeZone', 'weekly.1.0', 'weekly.2.1']);
  });

  it('a project manager manages the project’s calendars, not global ones; a used calendar cannot be deleted', async () => {
    const d = await deskTenant(t.deps, f);
    const pm = client(t.app, await f.session(d.pm));
    expect((await pm.post('/api/v1/calendars', { name: 'global', preset: '7x24' })).statusCode).toBe(403);
    const own = await pm.post('/api/v1/calendars', {
      projectId: d.project.id,
      name: '驻场 5×8',
      preset: '5x8',
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ followsChinaHolidays: true, abilities: { update: true } });
    const patched = await pm.patch(`/api/v1/calendars/${own.json().id}`, { extraHolidays: ['2026-12-24'] });
    expect(patched.json().extraHolidays).toEqual(['2026-12-24']);
    expect((await pm.delete(`/api/v1/calendars/${d.calendarId}`)).statusCode).toBe(409);
    expect((await pm.delete(`/api/v1/calendars/${own.json().id}`)).statusCode).toBe(200);
  });

  securityTests('PATCH /calendars/:id', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'PATCH',
      url: `/api/v1/calendars/${d.calendarId}`,
      body: { name: '新名称' },
      allowed: await f.session(d.pm),
      outsider: await f.session(other.pm),
      tooLittleRole: await f.session(d.agent),
    };
  });

  securityTests('GET /calendars', async () => ({
    app: t.app,
    deps: t.deps,
    f,
    method: 'GET',
    url: '/api/v1/calendars',
    allowed: await f.session((await deskTenant(t.deps, f)).agent),
  }));
});

describe('holiday years', () => {
  it('are loaded from chinese-days on first start, into an empty database', async () => {
    const iso = await isolatedDatabase();
    const node = await appOn(iso.url);
    try {
      const before = await iso.pool.query('SELECT count(*)::int AS n FROM holiday_years');
      expect(before.rows[0].n).toBe(0);
      const admin = await factories(node.deps).admin();
      const res = await client(node.app, await factories(node.deps).session(admin)).get(
        '/api/v1/holiday-years/2026',
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        year: 2026,
        source: 'package',
        makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
      });
      expect(res.json().holidays).toContain('2026-10-07');
      const years = await iso.pool.query('SELECT min(year) AS lo, max(year) AS hi FROM holiday_years');
      expect(years.rows[0]).toEqual({ lo: 2004, hi: 2026 });
    } finally {
      await node.close();
      await iso.drop();
    }
  });

  it('an admin imports a new year as JSON, validated by the domain', async () => {
    const admin = client(t.app, await f.session(await f.admin()));
    const year = 2100 + Math.floor(Math.random() * 800);
    const bad = await admin.post('/api/v1/holiday-years/import', {
      year,
      holidays: [`${year}-01-01`, `${year + 1}-01-01`],
      makeupWorkdays: [`${year}-01-01`],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((x: { path: string }) => x.path)).toEqual([
      'holidays.1',
      'makeupWorkdays.0',
    ]);
    const ok = await admin.post('/api/v1/holiday-years/import', {
      year,
      holidays: [`${year}-01-01`],
      makeupWorkdays: [],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ year, source: 'admin' });
    const audit = await t.deps.db.execute(
      sql`SELECT action FROM audit_log WHERE object_type = 'holiday_year' AND object_id = ${String(year)}`,
    );
    expect(audit.rows).toEqual([{ action: 'holidayYear.import' }]);
  });

  it('editing a year changes the due times of calendars that follow China’s holidays', async () => {
    const admin = client(t.app, await f.session(await f.admin()));
    const cal = await calendar({ name: `edit-${Math.random()}`, preset: '5x8' });
    const year = (await admin.get('/api/v1/holiday-years/2025')).json();
    const due = async () =>
      (
        await admin.post(`/api/v1/calendars/${cal.id}/compute-due`, {
          start: '2025-12-31T09:00:00Z',
          businessMinutes: 120,
        })
      ).json().due;
    expect(await due()).toBe('2026-01-04T02:00:00.000Z'); // 元旦 1–3 Jan 2026, make-up Sunday 4 Jan
    const put = await admin.put('/api/v1/holiday-years/2025', {
      holidays: year.holidays,
      makeupWorkdays: year.makeupWorkdays,
    });
    expect(put.statusCode, put.body).toBe(200);
  });

  securityTests('PUT /holiday-years/:year', async () => {
    const admin = await f.admin();
    const year = (await client(t.app, await f.session(admin)).get('/api/v1/holiday-years/2024')).json();
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'PUT',
      url: '/api/v1/holiday-years/2024',
      body: { holidays: year.holidays, makeupWorkdays: year.makeupWorkdays },
      allowed: await f.session(admin),
      tooLittleRole: await f.session((await deskTenant(t.deps, f)).pm),
    };
  });
});
