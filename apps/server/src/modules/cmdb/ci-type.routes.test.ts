import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CI_TYPES } from '@opsdesk/domain';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import { makeCi, typeId } from './cmdb.test-helpers.js';

let t: TestApp;
let f: Factories;
let admin: Auth;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  admin = await f.session(await f.admin());
});

const l = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const key = () => `t_${Math.random().toString(36).slice(2, 10)}`;

describe('CI types', () => {
  it('has every built-in type with Chinese and English labels, readable by anyone signed in', async () => {
    const a = await f.tenant();
    const res = await client(t.app, await f.session(a.contact)).get('/api/v1/ci-types?limit=200');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      key: string;
      system: boolean;
      label: { 'zh-CN': string; en: string };
      abilities: { update: boolean };
    }[];
    const system = items.filter((x) => x.system).map((x) => x.key);
    expect(system).toEqual([...SYSTEM_CI_TYPES]);
    expect(items.find((x) => x.key === 'signal_controller')!.label).toEqual({
      'zh-CN': '信号机',
      en: 'Traffic signal controller',
    });
    expect(items.every((x) => !x.abilities.update)).toBe(true);
  });

  it('lets the admin add a type with attributes of every kind, then version its changes', async () => {
    const http = client(t.app, admin);
    const k = key();
    const created = await http.post('/api/v1/ci-types', {
      key: k,
      label: l('UPS电源', 'UPS'),
      category: 'other',
      attributes: [
        {
          key: 'capacity',
          label: l('容量', 'Capacity'),
          kind: 'number',
          unit: 'kVA',
          min: 0,
          required: true,
        },
        { key: 'batteries', label: l('电池数', 'Batteries'), kind: 'integer' },
        { key: 'installed', label: l('安装日期', 'Installed'), kind: 'date' },
        { key: 'online', label: l('在线式', 'Online'), kind: 'boolean' },
        {
          key: 'phase',
          label: l('相数', 'Phases'),
          kind: 'enum',
          options: [
            { value: 'single', label: l('单相', 'Single') },
            { value: 'three', label: l('三相', 'Three') },
          ],
        },
        { key: 'ip', label: l('IP', 'IP'), kind: 'ip', unique: true },
        { key: 'mac', label: l('MAC', 'MAC'), kind: 'mac' },
        { key: 'rack', label: l('所在机柜', 'Rack'), kind: 'reference', refTypes: ['rack'] },
        { key: 'note', label: l('备注', 'Note'), kind: 'text', maxLength: 100 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const type = created.json();
    expect(type).toMatchObject({
      key: k,
      system: false,
      version: 1,
      abilities: { update: true, delete: true },
    });

    const a = await f.tenant();
    const pm = await f.session(a.pm);
    const ci = await makeCi(t, pm, {
      projectId: a.project.id,
      typeId: type.id,
      name: 'UPS-1',
      attributes: { capacity: 20, ip: '10.0.0.1', online: true, phase: 'three' },
    });
    await makeCi(t, pm, {
      projectId: a.project.id,
      typeId: type.id,
      name: 'UPS-2',
      attributes: { capacity: 10, note: 'same' },
    });
    await makeCi(t, pm, {
      projectId: a.project.id,
      typeId: type.id,
      name: 'UPS-3',
      attributes: { capacity: 10, note: 'same' },
    });

    // A new required attribute: a new version; the existing CI keeps its version until written.
    const attrs = [
      ...type.attributes,
      { key: 'vendor_code', label: l('厂商编码', 'Vendor code'), kind: 'text', required: true },
    ];
    const v2 = await http.patch(`/api/v1/ci-types/${type.id}`, { attributes: attrs });
    expect(v2.statusCode, v2.body).toBe(200);
    expect(v2.json().version).toBe(2);
    const stale = (await client(t.app, pm).get(`/api/v1/cis/${ci.id}`)).json();
    expect(stale.typeVersion).toBe(1);
    const edit = await client(t.app, pm).patch(`/api/v1/cis/${ci.id}`, { name: 'UPS-1A' });
    expect(edit.json().error.details.fields).toEqual([
      { path: 'attributes.vendor_code', code: 'ci.required', message: '必填' },
    ]);
    const fixed = await client(t.app, pm).patch(`/api/v1/cis/${ci.id}`, {
      attributes: { vendor_code: 'APC' },
    });
    expect(fixed.json()).toMatchObject({ typeVersion: 2, attributes: { vendor_code: 'APC', capacity: 20 } });
    const versions = await t.deps.pool.query(
      `SELECT version FROM ci_type_versions WHERE type_id = $1 ORDER BY version`,
      [type.id],
    );
    expect(versions.rows.map((r) => r.version)).toEqual([1, 2]);

    // A kind change is refused; making a repeated value unique is refused.
    const kind = await http.patch(`/api/v1/ci-types/${type.id}`, {
      attributes: attrs.map((x: { key: string }) =>
        x.key === 'note' ? { ...x, kind: 'integer', maxLength: undefined } : x,
      ),
    });
    expect(kind.json().error?.details.fields[0], kind.body).toMatchObject({
      path: 'attributes.8.kind',
      code: 'ciType.kind_changed',
    });
    const uniq = await http.patch(`/api/v1/ci-types/${type.id}`, {
      attributes: attrs.map((x: { key: string }) => (x.key === 'note' ? { ...x, unique: true } : x)),
    });
    expect(uniq.json().error?.details?.fields[0], uniq.body).toMatchObject({
      path: 'attributes.8.unique',
      code: 'ciType.uniqueConflict',
    });
    // Making an unrepeated value unique backfills it, then it is enforced.
    const ok = await http.patch(`/api/v1/ci-types/${type.id}`, {
      attributes: attrs.map((x: { key: string }) =>
        x.key === 'capacity' ? { ...x } : x.key === 'batteries' ? { ...x, unique: true } : x,
      ),
    });
    expect(ok.statusCode, ok.body).toBe(200);

    expect((await http.delete(`/api/v1/ci-types/${type.id}`)).statusCode).toBe(409);
  });

  it('rejects bad definitions with field errors and protects built-in types', async () => {
    const http = client(t.app, admin, 'zh-CN');
    const bad = await http.post('/api/v1/ci-types', {
      key: 'Bad Key',
      label: l('x', 'x'),
      attributes: [
        { key: 'a', label: l('a', 'a'), kind: 'enum' },
        { key: 'a', label: l('a', 'a'), kind: 'text', unit: 'GB' },
        { key: 'r', label: l('r', 'r'), kind: 'reference', refTypes: ['spaceship'] },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((x: { path: string }) => x.path)).toEqual(['key']);
    const bad2 = await http.post('/api/v1/ci-types', {
      key: key(),
      label: l('x', 'x'),
      attributes: [
        { key: 'a', label: l('a', 'a'), kind: 'enum' },
        { key: 'a', label: l('a', 'a'), kind: 'text', unit: 'GB' },
        { key: 'r', label: l('r', 'r'), kind: 'reference', refTypes: ['spaceship'] },
      ],
    });
    expect(
      bad2.json().error.details.fields.map((x: { path: string; code: string }) => `${x.path}:${x.code}`),
    ).toEqual([
      'attributes.0.options:ciType.no_options',
      'attributes.1.key:ciType.duplicate_key',
      'attributes.1.unit:ciType.unit_for_non_number',
      'attributes.2.refTypes:ciType.unknown_ref_type',
    ]);
    const dup = await http.post('/api/v1/ci-types', { key: 'switch', label: l('x', 'x') });
    expect(dup.json().error.details.fields[0]).toMatchObject({ path: 'key', code: 'unique' });

    const sw = await typeId(t, 'switch');
    const current = (await http.get(`/api/v1/ci-types/${sw}`)).json();
    const removeBuiltIn = await http.patch(`/api/v1/ci-types/${sw}`, {
      attributes: current.attributes
        .filter((x: { key: string }) => x.key !== 'management_ip')
        .map(({ system: _s, ...x }: { system?: boolean }) => x),
    });
    expect(removeBuiltIn.json().error.details.fields[0]).toMatchObject({
      code: 'ciType.system_attribute_removed',
    });
    expect((await http.delete(`/api/v1/ci-types/${sw}`)).statusCode).toBe(403);
  });
});

securityTests('GET /ci-types', async () => {
  const a = await f.tenant();
  return { ...t, f, method: 'GET', url: '/api/v1/ci-types', allowed: await f.session(a.fieldEngineer) };
});

securityTests('GET /ci-types/:id', async () => {
  const a = await f.tenant();
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/ci-types/${await typeId(t, 'router')}`,
    allowed: await f.session(a.contact),
  };
});

securityTests('POST /ci-types', async () => {
  const a = await f.tenant();
  return {
    ...t,
    f,
    method: 'POST',
    url: '/api/v1/ci-types',
    body: { key: key(), label: l('新类型', 'New type') },
    allowed: admin,
    tooLittleRole: await f.session(a.pm),
  };
});

securityTests('PATCH /ci-types/:id', async () => {
  const a = await f.tenant();
  return {
    ...t,
    f,
    method: 'PATCH',
    url: `/api/v1/ci-types/${await typeId(t, 'printer')}`,
    body: { sortOrder: 14 },
    allowed: admin,
    tooLittleRole: await f.session(a.pm),
  };
});

securityTests('DELETE /ci-types/:id', async () => {
  const a = await f.tenant();
  const created = await client(t.app, admin).post('/api/v1/ci-types', {
    key: key(),
    label: l('临时', 'Temp'),
  });
  return {
    ...t,
    f,
    method: 'DELETE',
    url: `/api/v1/ci-types/${created.json().id}`,
    allowed: admin,
    tooLittleRole: await f.session(a.pm),
  };
});
