import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import { warrantyReminders } from './cmdb.jobs.js';
import { makeCi, typeId } from './cmdb.test-helpers.js';
import { decodeCsv, parseCsv } from './csv.js';

let t: TestApp;
let f: Factories;
let sw: string;
let pc: string;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  sw = await typeId(t, 'switch');
  pc = await typeId(t, 'pc');
});

describe('asset statistics', () => {
  it('counts by type, status, vendor, site, project, warranty window and purchase year', async () => {
    const a = await f.tenant();
    const site = await f.site(a.customer.id, { name: '营业部' });
    const pm = await f.session(a.pm);
    t.clock.set(new Date('2026-06-01T10:00:00+08:00'));
    try {
      const p = a.project.id;
      await makeCi(t, pm, {
        projectId: p,
        typeId: sw,
        name: 'sw1',
        vendor: '华为',
        warrantyEnd: '2026-05-31',
        purchaseDate: '2019-03-01',
        siteId: site.id,
      });
      await makeCi(t, pm, {
        projectId: p,
        typeId: sw,
        name: 'sw2',
        vendor: '华为',
        warrantyEnd: '2026-06-01',
        purchaseDate: '2019-07-01',
        status: 'faulty',
      });
      await makeCi(t, pm, {
        projectId: p,
        typeId: pc,
        name: 'pc1',
        vendor: '联想',
        warrantyEnd: '2026-07-31',
        purchaseDate: '2023-01-01',
        siteId: site.id,
      });
      await makeCi(t, pm, {
        projectId: p,
        typeId: pc,
        name: 'pc2',
        vendor: '联想',
        warrantyEnd: '2026-08-30',
      });
      await makeCi(t, pm, { projectId: p, typeId: pc, name: 'pc3', warrantyEnd: '2027-01-01' });
      const gone = await makeCi(t, pm, { projectId: p, typeId: pc, name: 'pc4' });
      await client(t.app, pm).delete(`/api/v1/cis/${gone.id}`);

      const s = (
        await client(t.app, await f.session(a.contact)).get(`/api/v1/asset-stats?projectId=${p}`)
      ).json();
      expect(s).toMatchObject({ today: '2026-06-01', projectId: p, total: 5 });
      expect(s.byType.map((x: { key: string; count: number }) => [x.key, x.count])).toEqual([
        ['pc', 3],
        ['switch', 2],
      ]);
      expect(s.byStatus).toEqual(
        expect.arrayContaining([
          { status: 'in_use', count: 4 },
          { status: 'faulty', count: 1 },
        ]),
      );
      expect(s.byVendor).toEqual([
        { vendor: '华为', count: 2 },
        { vendor: '联想', count: 2 },
        { vendor: null, count: 1 },
      ]);
      expect(s.bySite).toEqual(
        expect.arrayContaining([
          { siteId: site.id, name: '营业部', count: 2 },
          { siteId: null, name: null, count: 3 },
        ]),
      );
      expect(s.byProject).toEqual([{ projectId: p, name: a.project.name, count: 5 }]);
      expect(s.warranty).toEqual({ expired: 1, within30: 1, within60: 1, within90: 1, later: 1, unknown: 0 });
      expect(s.ageByPurchaseYear).toEqual([
        { year: 2019, count: 2 },
        { year: 2023, count: 1 },
        { year: null, count: 2 },
      ]);

      // Across projects: only what the caller sees.
      const b = await f.tenant();
      await makeCi(t, await f.session(b.pm), { projectId: b.project.id, typeId: sw, name: 'other' });
      const mine = (await client(t.app, pm).get('/api/v1/asset-stats')).json();
      expect(mine.byProject.map((x: { projectId: string }) => x.projectId)).toEqual([p]);
      expect(
        (await client(t.app, await f.session(b.pm)).get(`/api/v1/asset-stats?projectId=${p}`)).statusCode,
      ).toBe(404);

      const x = await client(t.app, pm).get(`/api/v1/asset-stats/export?projectId=${p}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        '按类型',
        '按状态',
        '按厂商',
        '按站点',
        '按项目',
        '保修到期',
        '按采购年份',
      ]);
      const c = await client(t.app, pm).get(`/api/v1/asset-stats/export?projectId=${p}&format=csv`);
      expect(parseCsv(decodeCsv(c.rawPayload))).toContainEqual(['保修到期', '30 天内到期', '1']);
    } finally {
      t.clock.set(new Date());
    }
  });
});

describe('warranty reminders (daily job)', () => {
  it('notifies the project managers once per CI and window, however often it runs', async () => {
    const a = await f.tenant();
    const p = a.project.id;
    const lead = await f.user();
    await f.member(p, lead.id, 'project_lead');
    t.clock.set(new Date('2027-03-01T08:00:00+08:00'));
    try {
      const pm = await f.session(a.pm);
      const soon = await makeCi(t, pm, {
        projectId: p,
        typeId: sw,
        name: '交换机-A',
        warrantyEnd: '2027-03-20',
      });
      await makeCi(t, pm, { projectId: p, typeId: sw, name: '交换机-B', warrantyEnd: '2027-04-15' });
      await makeCi(t, pm, { projectId: p, typeId: sw, name: '交换机-C', warrantyEnd: '2027-05-20' });
      await makeCi(t, pm, {
        projectId: p,
        typeId: sw,
        name: '已退役',
        warrantyEnd: '2027-03-10',
        status: 'retired',
      });
      await makeCi(t, pm, { projectId: p, typeId: sw, name: '很久', warrantyEnd: '2028-01-01' });
      const bell = async (userId: string) =>
        (
          await t.deps.pool.query(
            `SELECT params FROM notifications WHERE user_id = $1 AND kind = 'cmdb.warrantyEnding' ORDER BY (params->>'days')::int`,
            [userId],
          )
        ).rows.map((r) => r.params);

      await warrantyReminders(t.deps);
      const first = await bell(a.pm.id);
      expect(first).toEqual([
        { project: a.project.name, count: 1, days: 30, names: '交换机-A' },
        { project: a.project.name, count: 1, days: 60, names: '交换机-B' },
        { project: a.project.name, count: 1, days: 90, names: '交换机-C' },
      ]);
      expect(await bell(lead.id)).toHaveLength(3);
      expect(await bell(a.engineer.id)).toHaveLength(0);

      // Two runs at once and a rerun the same day change nothing.
      await Promise.all([warrantyReminders(t.deps), warrantyReminders(t.deps)]);
      expect(await bell(a.pm.id)).toHaveLength(3);

      // 30 days on, B and C move to nearer windows and are announced again; A already was in 30.
      t.clock.set(new Date('2027-03-31T08:00:00+08:00'));
      await warrantyReminders(t.deps);
      const later = await bell(a.pm.id);
      expect(later).toHaveLength(5);
      expect(
        later
          .filter((n) => n.days === 30)
          .map((n) => n.names)
          .sort(),
      ).toEqual(['交换机-A', '交换机-B']);
      // A renewed warranty is a new warranty end: announced again when it comes near.
      await client(t.app, await f.session(a.pm)).patch(`/api/v1/cis/${soon.id}`, {
        warrantyEnd: '2027-04-20',
      });
      await warrantyReminders(t.deps);
      expect((await bell(a.pm.id)).filter((n) => n.names === '交换机-A')).toHaveLength(2);
    } finally {
      t.clock.set(new Date());
    }
  });
});

securityTests('GET /asset-stats', async () => {
  const a = await f.tenant();
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/asset-stats?projectId=${a.project.id}`,
    allowed: await f.session(a.contact),
    outsider: await f.session((await f.tenant()).contact),
  };
});

securityTests('GET /asset-stats/export', async () => {
  const a = await f.tenant();
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/asset-stats/export?projectId=${a.project.id}&format=csv`,
    allowed: await f.session(a.fieldEngineer),
    outsider: await f.session((await f.tenant()).pm),
  };
});
