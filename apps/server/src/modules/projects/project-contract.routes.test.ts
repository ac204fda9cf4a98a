import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';

// The contract details a service project carries (issue 3): contract number, value, business line,
// delivery type, warranty, service hours, scope, and the facts the service-mode rules read.
let t: TestApp;
let f: Factories;
let admin: Auth;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  admin = await f.session(await f.admin());
});

const tag = () => randomBytes(4).toString('hex');

describe('contract details of a project', () => {
  it('are created, read and updated; the value is exact CNY as a decimal string; service hours default to 5×8 on site and a 7×24 hotline', async () => {
    const http = client(t.app, admin);
    const customer = await f.customer();
    const created = await http.post('/api/v1/projects', {
      code: `HT-${tag()}`,
      name: '市交通局信号系统运维',
      customerId: customer.id,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      contractNo: 'JTJ-YW-2026-001',
      contractValue: 35000000,
      businessLine: 'urban_traffic',
      deliveryType: 'own_build',
      warrantyEnd: '2027-06-30',
      scopeDescription: '320 个路口信号机及指挥中心平台',
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({
      contractNo: 'JTJ-YW-2026-001',
      contractValue: '35000000.00',
      businessLine: 'urban_traffic',
      deliveryType: 'own_build',
      warrantyEnd: '2027-06-30',
      serviceHours: { onSite: '5x8', hotline: '7x24', note: null },
      scopeDescription: '320 个路口信号机及指挥中心平台',
      customerSelfMaintains: false,
      viaReseller: false,
      renewalStatus: 'first_term',
      phase: null,
      dutyTeamId: null,
    });

    const updated = await http.patch(`/api/v1/projects/${p.id}`, {
      contractValue: '35000000.5',
      serviceHours: { onSite: '7x24', hotline: null, note: '驻场 7×24，不设热线' },
      renewalStatus: 'renewed',
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      contractValue: '35000000.50',
      serviceHours: { onSite: '7x24', hotline: null },
      renewalStatus: 'renewed',
      contractNo: 'JTJ-YW-2026-001',
    });
    const audit = await t.deps.pool.query(
      `SELECT changes FROM audit_log WHERE object_id = $1 AND action = 'project.update'`,
      [p.id],
    );
    expect(audit.rows[0].changes).toMatchObject({
      contractValue: { before: '35000000.00', after: '35000000.50' },
      renewalStatus: { before: 'first_term', after: 'renewed' },
    });
    // Values up to 14 integer digits stay exact.
    const big = await http.patch(`/api/v1/projects/${p.id}`, { contractValue: '99999999999999.99' });
    expect(big.json().contractValue).toBe('99999999999999.99');
  });

  it('refuses bad values field by field and saves nothing', async () => {
    const http = client(t.app, admin, 'en');
    const customer = await f.customer();
    const base = { name: '坏数据', customerId: customer.id };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ contractValue: -1 }, 'contractValue', 'negativeValue'],
      [{ contractValue: '-0.01' }, 'contractValue', 'negativeValue'],
      [{ contractValue: '12.345' }, 'contractValue', 'moneyFormat'],
      [{ contractValue: 'abc' }, 'contractValue', 'moneyFormat'],
      [{ contractValue: '100000000000000' }, 'contractValue', 'moneyFormat'],
      [{ businessLine: 'rail' }, 'businessLine', 'invalid_value'],
      [{ deliveryType: 'ours' }, 'deliveryType', 'invalid_value'],
      [{ serviceHours: { onSite: '5*8', hotline: '7x24' } }, 'serviceHours.onSite', 'serviceHours'],
      [{ startDate: '2026-06-01', endDate: '2026-05-31' }, 'endDate', 'endBeforeStart'],
      [{ dutyTeamId: '0190a000-0000-7000-8000-000000000000' }, 'dutyTeamId', 'unknownReference'],
    ];
    for (const [over, path, code] of cases) {
      const code_ = `BAD-${tag()}`;
      const res = await http.post('/api/v1/projects', { ...base, code: code_, ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.details.fields[0]).toMatchObject({ path, code });
      expect((await http.get(`/api/v1/projects?q=${code_}`)).json().items).toEqual([]);
    }
    expect(
      (await http.post('/api/v1/projects', { ...base, code: `BAD-${tag()}`, contractValue: -5 })).json().error
        .details.fields[0].message,
    ).toBe('The amount cannot be negative');
  });

  it('keeps a project created without them valid, as before', async () => {
    const res = await client(t.app, admin).post('/api/v1/projects', {
      code: `OLD-${tag()}`,
      name: '旧式项目',
      customerId: (await f.customer()).id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      contractValue: null,
      businessLine: null,
      serviceHours: { onSite: '5x8', hotline: '7x24' },
    });
  });
});
