import { beforeAll, describe, expect, it } from 'vitest';
import { impactOf } from '@opsdesk/domain';
import type { RelationEdge, RelationType } from '@opsdesk/domain';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import { impactWalk } from './ci-graph.repository.js';
import { makeCi, relate, typeId } from './cmdb.test-helpers.js';

let t: TestApp;
let f: Factories;
const types: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  for (const k of [
    'business_service',
    'application',
    'virtual_machine',
    'physical_server',
    'rack',
    'room',
    'middleware_instance',
    'switch',
    'storage_array',
  ])
    types[k] = await typeId(t, k);
});

/**
 * The chain of the acceptance test, 6 levels from the room to the business service:
 * 信号控制平台 (business service) depends on app; app runs on vm; vm runs on host;
 * host located in rack; rack located in room; and a cycle: app depends on cache, cache depends on app.
 */
async function chain(pm: Auth, projectId: string) {
  const mk = (key: string, name: string, attributes: Record<string, unknown> = {}) =>
    makeCi(t, pm, { projectId, typeId: types[key], name, attributes });
  const svc = await mk('business_service', '信号控制平台');
  const app = await mk('application', '信号控制应用');
  const cache = await mk('middleware_instance', '缓存', { mw_product: 'redis' });
  const vm = await mk('virtual_machine', 'vm-app-01');
  const host = await mk('physical_server', 'host-01');
  const rack = await mk('rack', 'A01机柜');
  const room = await mk('room', '指挥中心机房');
  const backup = await mk('storage_array', '备份存储');
  const rel = {
    r1: await relate(t, pm, svc.id, app.id, 'depends_on'),
    r2: await relate(t, pm, app.id, vm.id, 'runs_on'),
    r3: await relate(t, pm, vm.id, host.id, 'runs_on'),
    r4: await relate(t, pm, host.id, rack.id, 'located_in'),
    r5: await relate(t, pm, rack.id, room.id, 'located_in'),
    r6: await relate(t, pm, app.id, cache.id, 'depends_on'),
    r7: await relate(t, pm, cache.id, app.id, 'depends_on'),
    r8: await relate(t, pm, backup.id, host.id, 'backs_up'),
  };
  return { svc, app, cache, vm, host, rack, room, backup, rel };
}

describe('relations, graph and impact', () => {
  it('finds the business service 6 levels up a chain with a cycle, with the path', async () => {
    const a = await f.tenant();
    const pm = await f.session(a.pm);
    const c = await chain(pm, a.project.id);
    const http = client(t.app, await f.session(a.contact));
    const res = await http.get(`/api/v1/cis/${c.room.id}/impact?depth=6`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.root.id).toBe(c.room.id);
    expect(body.items.map((i: { ci: { name: string }; depth: number }) => [i.ci.name, i.depth])).toEqual([
      ['A01机柜', 1],
      ['host-01', 2],
      ['vm-app-01', 3],
      ['信号控制应用', 4],
      ...(c.rel.r1 < c.rel.r7
        ? [
            ['信号控制平台', 5],
            ['缓存', 5],
          ]
        : [
            ['缓存', 5],
            ['信号控制平台', 5],
          ]),
    ]);
    expect(body.businessServices).toEqual([
      expect.objectContaining({ id: c.svc.id, name: '信号控制平台', depth: 5 }),
    ]);
    const toSvc = body.items.find((i: { ci: { id: string } }) => i.ci.id === c.svc.id);
    expect(toSvc.path).toEqual([
      { ciId: c.rack.id, relationId: c.rel.r5, type: 'located_in', direction: 'backward' },
      { ciId: c.host.id, relationId: c.rel.r4, type: 'located_in', direction: 'backward' },
      { ciId: c.vm.id, relationId: c.rel.r3, type: 'runs_on', direction: 'backward' },
      { ciId: c.app.id, relationId: c.rel.r2, type: 'runs_on', direction: 'backward' },
      { ciId: c.svc.id, relationId: c.rel.r1, type: 'depends_on', direction: 'backward' },
    ]);
    expect(body.truncated).toBe(false);
    // Depth limits the walk; the cycle neither loops nor lists the root.
    expect((await http.get(`/api/v1/cis/${c.room.id}/impact?depth=2`)).json().items.length).toBe(2);
    const fromCache = (await http.get(`/api/v1/cis/${c.cache.id}/impact`)).json();
    expect(fromCache.items.map((i: { ci: { name: string } }) => i.ci.name).sort()).toEqual(
      ['信号控制平台', '信号控制应用'].sort(),
    );
    // A backup failing hits nothing.
    expect((await http.get(`/api/v1/cis/${c.backup.id}/impact`)).json().items).toEqual([]);
    expect((await http.get(`/api/v1/cis/${c.room.id}/impact?depth=11`)).statusCode).toBe(400);
  });

  it('agrees with the domain reference on a random graph with cycles', async () => {
    const a = await f.tenant();
    const pm = await f.session(a.pm);
    const ids: string[] = [];
    for (let i = 0; i < 14; i++)
      ids.push(
        (await makeCi(t, pm, { projectId: a.project.id, typeId: types.application, name: `n${i}` })).id,
      );
    const kinds: RelationType[] = [
      'runs_on',
      'depends_on',
      'connected_to',
      'part_of',
      'backs_up',
      'located_in',
    ];
    const edges: RelationEdge[] = [];
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const seen = new Set<string>();
    while (edges.length < 30) {
      const from = ids[rnd(ids.length)]!;
      const to = ids[rnd(ids.length)]!;
      const type = kinds[rnd(kinds.length)]!;
      if (from === to || seen.has(`${from}${to}${type}`)) continue;
      seen.add(`${from}${to}${type}`);
      edges.push({ id: await relate(t, pm, from, to, type), from, to, type });
    }
    for (const root of ids) {
      for (const depth of [2, 6]) {
        const expected = impactOf(edges, root, depth).map((h) => ({
          ciId: h.ciId,
          depth: h.depth,
          rels: h.path.map((s) => s.relationId),
        }));
        const { hits } = await impactWalk(t.deps.db, root, depth);
        const got = hits.map((h) => ({ ciId: h.ciId, depth: h.depth, rels: h.rels }));
        const order = (xs: { ciId: string }[]) => [...xs].sort((x, y) => (x.ciId < y.ciId ? -1 : 1));
        expect(order(got)).toEqual(order(expected));
      }
    }
  });

  it('returns the neighbourhood graph to a depth, both directions', async () => {
    const a = await f.tenant();
    const pm = await f.session(a.pm);
    const c = await chain(pm, a.project.id);
    const g = (await client(t.app, pm).get(`/api/v1/cis/${c.host.id}/graph?depth=1`)).json();
    expect(g.nodes.map((n: { name: string; depth: number }) => [n.name, n.depth]).sort()).toEqual(
      [
        ['host-01', 0],
        ['vm-app-01', 1],
        ['A01机柜', 1],
        ['备份存储', 1],
      ].sort(),
    );
    expect(g.edges.map((e: { id: string }) => e.id).sort()).toEqual([c.rel.r3, c.rel.r4, c.rel.r8].sort());
    const all = (await client(t.app, pm).get(`/api/v1/cis/${c.host.id}/graph?depth=6`)).json();
    expect(all.nodes.length).toBe(8);
    expect(all.edges.length).toBe(8);
  });

  it('refuses relations across projects, to itself, twice, or to a deleted CI; ending one keeps history', async () => {
    const a = await f.tenant();
    const b = await f.tenant();
    const pmAuth = await f.session(a.pm);
    const pm = client(t.app, pmAuth);
    const x = await makeCi(t, pmAuth, { projectId: a.project.id, typeId: types.switch, name: 'x' });
    const y = await makeCi(t, pmAuth, { projectId: a.project.id, typeId: types.switch, name: 'y' });
    const z = await makeCi(t, await f.session(b.pm), {
      projectId: b.project.id,
      typeId: types.switch,
      name: 'z',
    });
    const cross = await pm.post('/api/v1/ci-relations', {
      fromCiId: x.id,
      toCiId: z.id,
      type: 'connected_to',
    });
    expect(cross.json().error.details.fields[0]).toMatchObject({ path: 'toCiId', code: 'unknownReference' });
    const self = await pm.post('/api/v1/ci-relations', {
      fromCiId: x.id,
      toCiId: x.id,
      type: 'connected_to',
    });
    expect(self.json().error.details.fields[0]).toMatchObject({ path: 'toCiId', code: 'ci.relationSelf' });
    const badType = await pm.post('/api/v1/ci-relations', { fromCiId: x.id, toCiId: y.id, type: 'loves' });
    expect(badType.json().error.details.fields[0].path).toBe('type');
    const rel = await pm.post('/api/v1/ci-relations', {
      fromCiId: x.id,
      toCiId: y.id,
      type: 'connected_to',
      note: '上联',
    });
    expect(rel.statusCode, rel.body).toBe(201);
    expect(rel.json()).toMatchObject({
      type: 'connected_to',
      from: { id: x.id, name: 'x' },
      to: { id: y.id },
      note: '上联',
      abilities: { delete: true },
    });
    const twice = await pm.post('/api/v1/ci-relations', {
      fromCiId: x.id,
      toCiId: y.id,
      type: 'connected_to',
    });
    expect(twice.json().error.details.fields[0]).toMatchObject({ path: 'type', code: 'unique' });
    const listed = (await pm.get(`/api/v1/ci-relations?ciId=${y.id}&direction=in`)).json();
    expect(listed.items.map((r: { id: string }) => r.id)).toEqual([rel.json().id]);
    // Pages: newest first by default, oldest first with sort=createdAt, each page after the cursor.
    const w = await makeCi(t, pmAuth, { projectId: a.project.id, typeId: types.switch, name: 'w' });
    const rel2 = await relate(t, pmAuth, w.id, y.id, 'connected_to');
    const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((r) => r.id);
    const first = await pm.get(`/api/v1/ci-relations?ciId=${y.id}&limit=1`);
    expect(ids(first)).toEqual([rel2]);
    const second = await pm.get(
      `/api/v1/ci-relations?ciId=${y.id}&limit=1&cursor=${first.json().nextCursor}`,
    );
    expect(ids(second)).toEqual([rel.json().id]);
    expect(second.json().nextCursor).toBeNull();
    const oldest = await pm.get(`/api/v1/ci-relations?ciId=${y.id}&limit=1&sort=createdAt`);
    expect(ids(oldest)).toEqual([rel.json().id]);
    expect(
      ids(
        await pm.get(
          `/api/v1/ci-relations?ciId=${y.id}&limit=1&sort=createdAt&cursor=${oldest.json().nextCursor}`,
        ),
      ),
    ).toEqual([rel2]);
    expect(
      (await pm.get(`/api/v1/ci-relations?ciId=${y.id}&cursor=${first.json().nextCursor}&sort=createdAt`))
        .statusCode,
    ).toBe(400);
    expect((await pm.delete(`/api/v1/ci-relations/${rel2}`)).statusCode).toBe(200);
    expect((await pm.get(`/api/v1/ci-relations?ciId=${y.id}&direction=out`)).json().items).toEqual([]);
    expect((await pm.delete(`/api/v1/ci-relations/${rel.json().id}`)).statusCode).toBe(200);
    expect((await pm.get(`/api/v1/ci-relations?ciId=${y.id}`)).json().items).toEqual([]);
    const hx = (await pm.get(`/api/v1/cis/${x.id}/history`)).json().items;
    expect(hx.slice(0, 2).map((h: { action: string }) => h.action)).toEqual([
      'relation_remove',
      'relation_add',
    ]);
    expect(hx[1].after).toEqual({ type: 'connected_to', direction: 'out', otherCiId: y.id });
    // Deleting a CI ends its relations.
    await relate(t, pmAuth, x.id, y.id, 'depends_on');
    await pm.delete(`/api/v1/cis/${y.id}`);
    expect((await pm.get(`/api/v1/ci-relations?ciId=${x.id}`)).json().items).toEqual([]);
    const toDeleted = await pm.post('/api/v1/ci-relations', {
      fromCiId: x.id,
      toCiId: y.id,
      type: 'runs_on',
    });
    expect(toDeleted.json().error.details.fields[0]).toMatchObject({ path: 'toCiId', code: 'ci.deleted' });
  });
});

describe('history and past states', () => {
  it('reconstructs what a CI looked like on a past date, with its relations then', async () => {
    const a = await f.tenant();
    const pmAuth = await f.session(a.pm);
    const pm = client(t.app, pmAuth);
    t.clock.set(new Date('2026-01-10T10:00:00+08:00'));
    try {
      const sw = await makeCi(t, pmAuth, {
        projectId: a.project.id,
        typeId: types.switch,
        name: '汇聚交换机',
        status: 'planned',
        attributes: { management_ip: '10.9.0.1', port_count: 24 },
      });
      const up = await makeCi(t, pmAuth, {
        projectId: a.project.id,
        typeId: types.switch,
        name: '核心交换机',
      });
      t.clock.set(new Date('2026-02-01T09:00:00+08:00'));
      await pm.patch(`/api/v1/cis/${sw.id}`, {
        status: 'in_use',
        attributes: { port_count: 48, layer: 'l3' },
        vendor: '华三',
      });
      const rel = await relate(t, pmAuth, sw.id, up.id, 'connected_to');
      t.clock.set(new Date('2026-03-05T23:30:00+08:00'));
      await pm.patch(`/api/v1/cis/${sw.id}`, {
        status: 'faulty',
        name: '汇聚交换机-故障',
        attributes: { management_ip: '10.9.0.2', layer: null },
      });
      await pm.delete(`/api/v1/ci-relations/${rel}`);

      const at = async (date: string) => (await pm.get(`/api/v1/cis/${sw.id}/as-of?date=${date}`)).json();
      expect(await at('2026-01-09')).toEqual({ date: '2026-01-09', existed: false, ci: null, relations: [] });
      const jan = await at('2026-01-31');
      expect(jan).toMatchObject({
        existed: true,
        ci: {
          name: '汇聚交换机',
          status: 'planned',
          vendor: null,
          attributes: { management_ip: '10.9.0.1', port_count: 24 },
          abilities: { update: false, delete: false },
        },
        relations: [],
      });
      const feb = await at('2026-02-01');
      expect(feb.ci).toMatchObject({
        name: '汇聚交换机',
        status: 'in_use',
        vendor: '华三',
        attributes: { management_ip: '10.9.0.1', port_count: 48, layer: 'l3' },
      });
      expect(feb.relations.map((r: { id: string; to: { name: string } }) => [r.id, r.to.name])).toEqual([
        [rel, '核心交换机'],
      ]);
      // 23:30 in Beijing on 5 March is still 5 March: the day's end includes it.
      const mar5 = await at('2026-03-05');
      expect(mar5.ci).toMatchObject({
        name: '汇聚交换机-故障',
        status: 'faulty',
        attributes: { management_ip: '10.9.0.2', port_count: 48 },
      });
      expect(mar5.ci.attributes.layer).toBeUndefined();
      expect(mar5.relations).toEqual([]);
      expect(await at('2026-03-04')).toMatchObject({
        ci: { status: 'in_use' },
        relations: [expect.objectContaining({ id: rel })],
      });
      expect((await pm.get(`/api/v1/cis/${sw.id}/as-of?date=2026-13-01`)).statusCode).toBe(400);

      const page1 = (await pm.get(`/api/v1/cis/${sw.id}/history?limit=3`)).json();
      expect(page1.items).toHaveLength(3);
      const page2 = (await pm.get(`/api/v1/cis/${sw.id}/history?limit=50&cursor=${page1.nextCursor}`)).json();
      expect([...page1.items, ...page2.items].map((h: { id: number }) => h.id)).toEqual(
        [...page1.items, ...page2.items]
          .map((h: { id: number }) => h.id)
          .sort((x: number, y: number) => y - x),
      );
      expect((await pm.get(`/api/v1/cis/${sw.id}/history?cursor=zzz`)).statusCode).toBe(400);
    } finally {
      t.clock.set(new Date());
    }
  });

  it('keeps history append-only in the database', async () => {
    await expect(
      t.deps.pool.query(`UPDATE ci_history SET field = 'x' WHERE id = (SELECT min(id) FROM ci_history)`),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.deps.pool.query(`DELETE FROM ci_history WHERE id = (SELECT min(id) FROM ci_history)`),
    ).rejects.toThrow(/append-only/);
  });
});

// ── Security, per endpoint ───────────────────────────────────────────────────
async function pair() {
  const a = await f.tenant();
  const b = await f.tenant();
  const pm = await f.session(a.pm);
  const x = await makeCi(t, pm, { projectId: a.project.id, typeId: types.switch, name: `x-${Date.now()}` });
  const y = await makeCi(t, pm, { projectId: a.project.id, typeId: types.switch, name: `y-${Date.now()}` });
  return { a, b, pm, x, y };
}

for (const path of ['graph', 'impact', 'history', 'as-of?date=2026-01-01']) {
  securityTests(`GET /cis/:id/${path}`, async () => {
    const { a, b, x } = await pair();
    return {
      ...t,
      f,
      method: 'GET',
      url: `/api/v1/cis/${x.id}/${path}`,
      allowed: await f.session(a.contact),
      outsider: await f.session(b.contact),
    };
  });
}

securityTests('GET /ci-relations', async () => {
  const { a, b, x } = await pair();
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/ci-relations?ciId=${x.id}`,
    allowed: await f.session(a.fieldEngineer),
    outsider: await f.session(b.pm),
  };
});

securityTests('POST /ci-relations', async () => {
  const { a, b, x, y } = await pair();
  return {
    ...t,
    f,
    method: 'POST',
    url: '/api/v1/ci-relations',
    body: { fromCiId: x.id, toCiId: y.id, type: 'connected_to' },
    allowed: await f.session(a.engineer),
    outsider: await f.session(b.pm),
    outsiderStatus: 400,
    tooLittleRole: await f.session(a.contact),
  };
});

securityTests('DELETE /ci-relations/:id', async () => {
  const { a, b, pm, x, y } = await pair();
  const rel = await relate(t, pm, x.id, y.id, 'depends_on');
  return {
    ...t,
    f,
    method: 'DELETE',
    url: `/api/v1/ci-relations/${rel}`,
    allowed: await f.session(a.engineer),
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.contact),
  };
});
