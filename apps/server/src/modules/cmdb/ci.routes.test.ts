import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import { makeCi, typeId } from './cmdb.test-helpers.js';

let t: TestApp;
let f: Factories;
let switchType: string;
let serverType: string;
let vmType: string;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  switchType = await typeId(t, 'switch');
  serverType = await typeId(t, 'physical_server');
  vmType = await typeId(t, 'virtual_machine');
});

const byPath = (res: {
  json(): { error: { details: { fields: { path: string; code: string; message: string }[] } } };
}) => Object.fromEntries(res.json().error.details.fields.map((x) => [x.path, x.message]));

describe('configuration items', () => {
  it('creates, reads, lists, updates and soft-deletes a CI, with history and audit', async () => {
    const a = await f.tenant();
    const site = await f.site(a.customer.id, { name: '交通指挥中心' });
    const pm = client(t.app, await f.session(a.pm));
    const created = await pm.post('/api/v1/cis', {
      projectId: a.project.id,
      typeId: switchType,
      name: '核心交换机-01',
      siteId: site.id,
      ownerId: a.engineer.id,
      tags: ['核心', '机房A'],
      vendor: '华为',
      model: 'S7706',
      serialNo: 'SN-CORE-01',
      purchaseDate: '2022-05-01',
      price: 128000.5,
      warrantyEnd: '2027-04-30',
      attributes: { management_ip: '10.000.0.1', port_count: 48, layer: 'l3' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const ci = created.json();
    expect(ci).toMatchObject({
      name: '核心交换机-01',
      status: 'in_use',
      type: { key: 'switch', label: { 'zh-CN': '交换机', en: 'Switch' }, category: 'network' },
      site: { id: site.id, name: '交通指挥中心' },
      owner: { id: a.engineer.id },
      price: 128000.5,
      attributes: { management_ip: '10.0.0.1', port_count: 48, layer: 'l3' },
      abilities: { update: true, delete: true },
    });

    expect((await pm.get(`/api/v1/cis/${ci.id}`)).json().serialNo).toBe('SN-CORE-01');
    const list = (await pm.get(`/api/v1/cis?projectId=${a.project.id}`)).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([ci.id]);
    expect(list).toMatchObject({ total: 1, totalCapped: false });

    const updated = await pm.patch(`/api/v1/cis/${ci.id}`, {
      status: 'faulty',
      attributes: { port_count: 24, layer: null },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      status: 'faulty',
      attributes: { management_ip: '10.0.0.1', port_count: 24 },
    });
    expect(updated.json().attributes.layer).toBeUndefined();

    expect((await pm.delete(`/api/v1/cis/${ci.id}`)).statusCode).toBe(200);
    expect((await pm.get(`/api/v1/cis?projectId=${a.project.id}`)).json().items).toEqual([]);
    expect(
      (await pm.get(`/api/v1/cis?projectId=${a.project.id}&deleted=true`))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toEqual([ci.id]);
    const gone = (await pm.get(`/api/v1/cis/${ci.id}`)).json();
    expect(gone.deletedAt).toBeTruthy();
    expect(gone.abilities.update).toBe(false);

    const history = (await pm.get(`/api/v1/cis/${ci.id}/history`)).json().items;
    expect(
      history.map((h: { action: string; field: string | null }) => `${h.action}:${h.field ?? ''}`),
    ).toEqual([
      'delete:deletedAt',
      'update:attributes.port_count',
      'update:attributes.layer',
      'update:status',
      'create:',
    ]);
    expect(history[3]).toMatchObject({ before: 'in_use', after: 'faulty', actor: { id: a.pm.id } });

    const audit = await t.deps.pool.query(`SELECT action FROM audit_log WHERE object_id = $1 ORDER BY id`, [
      ci.id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(['ci.create', 'ci.update', 'ci.delete']);

    // The serial number is free again once the CI is deleted; restoring then refuses the clash.
    const again = await pm.post('/api/v1/cis', {
      projectId: a.project.id,
      typeId: switchType,
      name: '替换交换机',
      serialNo: 'SN-CORE-01',
      attributes: { management_ip: '10.0.0.1' },
    });
    expect(again.statusCode, again.body).toBe(201);
    const restore = await pm.post(`/api/v1/cis/${ci.id}/restore`);
    expect(restore.statusCode).toBe(400);
    expect(
      restore
        .json()
        .error.details.fields.map((x: { path: string }) => x.path)
        .sort(),
    ).toEqual(['attributes.management_ip', 'serialNo']);
  });

  it('validates attributes against the type with field-level errors in the caller language', async () => {
    const a = await f.tenant();
    const pm = await f.session(a.pm);
    const res = await client(t.app, pm, 'zh-CN').post('/api/v1/cis', {
      projectId: a.project.id,
      typeId: serverType,
      name: '服务器',
      attributes: {
        management_ip: '10.0.0.300',
        cpu_cores: 2.5,
        memory_gb: -1,
        mac_address: 'xx',
        colour: 'red',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(byPath(res)).toEqual({
      'attributes.colour': '该类型没有此属性',
      'attributes.management_ip': '不是有效的 IP 地址',
      'attributes.cpu_cores': '应为整数',
      'attributes.memory_gb': '不能小于 0',
      'attributes.mac_address': '不是有效的 MAC 地址',
    });
    const en = await client(t.app, pm, 'en').post('/api/v1/cis', {
      projectId: a.project.id,
      typeId: await typeId(t, 'database_instance'),
      name: 'db',
      attributes: { port: 70000 },
    });
    expect(byPath(en)).toEqual({
      'attributes.db_engine': 'Required',
      'attributes.port': 'Must be at most 65535',
    });
    const bad = await client(t.app, pm).post('/api/v1/cis', {
      projectId: a.project.id,
      typeId: serverType,
      name: '',
      status: 'broken',
      price: -5,
      purchaseDate: '2024-02-30',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(byPath(bad)).sort()).toEqual(['name', 'price', 'purchaseDate', 'status']);
  });

  it('keeps serial numbers and unique attributes unique per project, and checks references', async () => {
    const a = await f.tenant();
    const b = await f.tenant();
    const pm = await f.session(a.pm);
    const host = await makeCi(t, pm, {
      projectId: a.project.id,
      typeId: serverType,
      name: 'host-1',
      serialNo: 'SN-1',
      attributes: { management_ip: '10.1.1.1' },
    });
    const dupSerial = await client(t.app, pm).post('/api/v1/cis', {
      projectId: a.project.id,
      typeId: switchType,
      name: 'sw',
      serialNo: 'SN-1',
    });
    expect(byPath(dupSerial)).toEqual({ serialNo: '该值已被使用' });
    const dupIp = await client(t.app, pm).post('/api/v1/cis', {
      projectId: a.project.id,
      typeId: serverType,
      name: 'host-2',
      attributes: { management_ip: '10.1.1.001' },
    });
    expect(byPath(dupIp)).toEqual({ 'attributes.management_ip': '该值已被使用' });
    // Another project may hold the same serial and IP.
    const other = await client(t.app, await f.session(b.pm)).post('/api/v1/cis', {
      projectId: b.project.id,
      typeId: serverType,
      name: 'host-1',
      serialNo: 'SN-1',
      attributes: { management_ip: '10.1.1.1' },
    });
    expect(other.statusCode).toBe(201);

    const vm = await client(t.app, pm).post('/api/v1/cis', {
      projectId: a.project.id,
      typeId: vmType,
      name: 'vm-1',
      attributes: { host_server: host.id },
    });
    expect(vm.statusCode, vm.body).toBe(201);
    const wrongType = await makeCi(t, pm, { projectId: a.project.id, typeId: switchType, name: 'sw-2' });
    const badRef = await client(t.app, pm).post('/api/v1/cis', {
      projectId: a.project.id,
      typeId: vmType,
      name: 'vm-2',
      attributes: { host_server: wrongType.id },
    });
    expect(badRef.json().error.details.fields[0]).toMatchObject({
      path: 'attributes.host_server',
      code: 'ci.referenceType',
    });
    const otherProject = await client(t.app, pm).post('/api/v1/cis', {
      projectId: a.project.id,
      typeId: vmType,
      name: 'vm-3',
      attributes: { host_server: other.json().id },
    });
    expect(otherProject.json().error.details.fields[0]).toMatchObject({
      path: 'attributes.host_server',
      code: 'ci.referenceNotFound',
    });
  });

  it('scopes CIs: contacts read their customer’s CIs only, engaged subcontractors read, engineers cannot delete', async () => {
    const a = await f.tenant();
    const b = await f.tenant();
    const ci = await makeCi(t, await f.session(a.pm), {
      projectId: a.project.id,
      typeId: switchType,
      name: '接入交换机',
    });
    const contact = client(t.app, await f.session(a.contact));
    const seen = await contact.get(`/api/v1/cis/${ci.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities).toEqual({ update: false, delete: false });
    expect((await contact.patch(`/api/v1/cis/${ci.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await client(t.app, await f.session(b.contact)).get(`/api/v1/cis/${ci.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await client(t.app, await f.session(b.pm)).get('/api/v1/cis?limit=200'))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).not.toContain(ci.id);
    const field = client(t.app, await f.session(a.fieldEngineer));
    expect((await field.get(`/api/v1/cis/${ci.id}`)).statusCode).toBe(200);
    expect((await field.patch(`/api/v1/cis/${ci.id}`, { name: 'x' })).statusCode).toBe(403);
    const engineer = client(t.app, await f.session(a.engineer));
    expect((await engineer.patch(`/api/v1/cis/${ci.id}`, { name: '接入交换机-改' })).statusCode).toBe(200);
    expect((await engineer.delete(`/api/v1/cis/${ci.id}`)).statusCode).toBe(403);
  });

  it('pages through CIs with a keyset cursor and filters', async () => {
    const a = await f.tenant();
    const pm = await f.session(a.pm);
    for (let i = 0; i < 5; i++)
      await makeCi(t, pm, {
        projectId: a.project.id,
        typeId: switchType,
        name: `交换机-${i}`,
        tags: i % 2 ? ['odd'] : [],
        warrantyEnd: `2027-0${i + 1}-01`,
      });
    const http = client(t.app, pm);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/cis?projectId=${a.project.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await http.get(url)).json();
      seen.push(...page.items.map((x: { name: string }) => x.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `交换机-${i}`));
    expect((await http.get(`/api/v1/cis?projectId=${a.project.id}&tag=odd`)).json().total).toBe(2);
    expect(
      (await http.get(`/api/v1/cis?projectId=${a.project.id}&warrantyEndTo=2027-02-15&sort=-warrantyEnd`))
        .json()
        .items.map((x: { name: string }) => x.name),
    ).toEqual(['交换机-1', '交换机-0']);
    expect(
      (await http.get(`/api/v1/cis?projectId=${a.project.id}&q=${encodeURIComponent('换机-3')}`)).json()
        .total,
    ).toBe(1);
    expect((await http.get('/api/v1/cis?sort=colour')).statusCode).toBe(400);
  });
});

describe('project CMDB abilities', () => {
  it('tells each caller on the project whether they may create and import CIs, as the CMDB then decides', async () => {
    const a = await f.tenant();
    const cases = [
      [a.pm, { cmdbCreate: true, cmdbImport: true }],
      [a.engineer, { cmdbCreate: true, cmdbImport: false }],
      [a.contact, { cmdbCreate: false, cmdbImport: false }],
      [a.fieldEngineer, { cmdbCreate: false, cmdbImport: false }],
    ] as const;
    for (const [user, expected] of cases) {
      const http = client(t.app, await f.session(user));
      const project = (await http.get(`/api/v1/projects/${a.project.id}`)).json();
      expect(project.abilities).toMatchObject(expected);
      const created = await http.post('/api/v1/cis', {
        projectId: a.project.id,
        typeId: switchType,
        name: `交换机-${user.id.slice(0, 8)}`,
      });
      expect(created.statusCode, created.body).toBe(expected.cmdbCreate ? 201 : 403);
    }
  });
});

describe('OpenAPI', () => {
  it('documents every CMDB endpoint under the cmdb tag', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = Object.keys(doc.paths).filter((p) =>
      /\/(cis|ci-types|ci-relations|asset-stats)|^\/api\/v1\/tickets\/\{id\}\/cis$/.test(p),
    );
    expect(paths.sort()).toEqual(
      [
        '/api/v1/asset-stats',
        '/api/v1/asset-stats/export',
        '/api/v1/ci-relations',
        '/api/v1/ci-relations/{id}',
        '/api/v1/ci-types',
        '/api/v1/ci-types/{id}',
        '/api/v1/ci-types/{id}/template',
        '/api/v1/cis',
        '/api/v1/cis/export',
        '/api/v1/cis/import',
        '/api/v1/cis/imports',
        '/api/v1/cis/imports/{id}',
        '/api/v1/cis/{id}',
        '/api/v1/cis/{id}/as-of',
        '/api/v1/cis/{id}/graph',
        '/api/v1/cis/{id}/history',
        '/api/v1/cis/{id}/impact',
        '/api/v1/cis/{id}/restore',
        '/api/v1/cis/{id}/tickets',
        '/api/v1/cis/{id}/tickets/{ticketId}',
        '/api/v1/tickets/{id}/cis',
      ].sort(),
    );
    for (const p of paths)
      for (const op of Object.values(doc.paths[p]) as { tags: string[] }[]) expect(op.tags).toEqual(['cmdb']);
  });
});

// ── Security, per endpoint ───────────────────────────────────────────────────
async function ciOf(tenant: Awaited<ReturnType<Factories['tenant']>>) {
  return makeCi(t, await f.session(tenant.pm), {
    projectId: tenant.project.id,
    typeId: switchType,
    name: `交换机-${Date.now()}`,
  });
}

securityTests('GET /cis', async () => {
  const a = await f.tenant();
  return { ...t, f, method: 'GET', url: '/api/v1/cis', allowed: await f.session(a.contact) };
});

securityTests('POST /cis', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'POST',
    url: '/api/v1/cis',
    body: { projectId: a.project.id, typeId: switchType, name: '新交换机' },
    allowed: await f.session(a.engineer),
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.contact),
  };
});

securityTests('GET /cis/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  const ci = await ciOf(a);
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/cis/${ci.id}`,
    allowed: await f.session(a.contact),
    outsider: await f.session(b.contact),
  };
});

securityTests('PATCH /cis/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  const ci = await ciOf(a);
  return {
    ...t,
    f,
    method: 'PATCH',
    url: `/api/v1/cis/${ci.id}`,
    body: { status: 'maintenance' },
    allowed: await f.session(a.engineer),
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.fieldEngineer),
  };
});

securityTests('DELETE /cis/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  const ci = await ciOf(a);
  return {
    ...t,
    f,
    method: 'DELETE',
    url: `/api/v1/cis/${ci.id}`,
    allowed: await f.session(a.pm),
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.engineer),
  };
});

securityTests('POST /cis/:id/restore', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  const ci = await ciOf(a);
  await client(t.app, await f.session(a.pm)).delete(`/api/v1/cis/${ci.id}`);
  return {
    ...t,
    f,
    method: 'POST',
    url: `/api/v1/cis/${ci.id}/restore`,
    allowed: await f.session(a.pm),
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.contact),
  };
});
