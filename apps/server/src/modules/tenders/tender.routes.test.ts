import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import { serviceTenant } from '../lifecycle/lifecycle.test-support.js';
import type { ServiceTenant } from '../lifecycle/lifecycle.test-support.js';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  t.clock.set(new Date('2026-02-04T02:00:00Z'));
});

/** A project whose mode (on-site business support) calls for a subcontractor, with its customer manager named. */
async function decided() {
  const s = await serviceTenant(f);
  const lead = await f.user({ managesRegion: s.project.region });
  const cm = await f.user();
  const pm = client(t.app, await f.session(s.pm));
  expect(
    (
      await pm.post(`/api/v1/projects/${s.project.id}/handover`, {
        plannedDate: '2026-03-01',
        serviceLeadId: lead.id,
      })
    ).statusCode,
  ).toBe(201);
  const rm = client(t.app, await f.session(s.regionalManager));
  expect(
    (
      await rm.post(`/api/v1/projects/${s.project.id}/handover/decide`, {
        mode: 'on_site',
        variant: 'business_support',
        reason: '按规则',
      })
    ).statusCode,
  ).toBe(200);
  expect(
    (
      await client(t.app, await f.session(lead)).post(
        `/api/v1/projects/${s.project.id}/handover/customer-manager`,
        { userId: cm.id },
      )
    ).statusCode,
  ).toBe(200);
  return { s, cm };
}

const tenderTask = async (s: ServiceTenant) =>
  (
    (
      await client(t.app, await f.session(s.pm)).get(`/api/v1/projects/${s.project.id}/tasks?phase=handover`)
    ).json().items as { templateKey: string; status: string }[]
  ).find((x) => x.templateKey === 'handover.subcontractor_tender');

describe('a subcontractor tender request', () => {
  it('goes draft → published → awarded; the winner is engaged on the project and the tender task is done', async () => {
    const { s, cm } = await decided();
    const http = client(t.app, await f.session(cm));
    expect((await tenderTask(s))!.status).toBe('open');
    const draft = await http.post(`/api/v1/projects/${s.project.id}/tenders`, {
      title: '外场设备维护分包',
      scope: '320 个路口信号机',
      budget: 1200000,
      bidDeadline: '2026-03-20',
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({
      status: 'draft',
      budget: '1200000.00',
      createdBy: { id: cm.id },
      abilities: { update: true, publish: true, award: false },
    });
    const id = draft.json().id;
    expect((await http.patch(`/api/v1/tenders/${id}`, { budget: '1150000.5' })).json().budget).toBe(
      '1150000.50',
    );
    expect(
      (
        await http.post(`/api/v1/tenders/${id}/award`, {
          subcontractorId: s.subcontractor.id,
          reason: '报价最低',
        })
      ).statusCode,
    ).toBe(409);
    expect((await http.post(`/api/v1/tenders/${id}/publish`, {})).json()).toMatchObject({
      status: 'published',
      publishedBy: { id: cm.id },
      abilities: { update: false, award: true },
    });
    expect((await http.patch(`/api/v1/tenders/${id}`, { title: '改' })).statusCode).toBe(409);

    const winner = await f.subcontractor();
    const awarded = await http.post(`/api/v1/tenders/${id}/award`, {
      subcontractorId: winner.id,
      reason: '资质齐全，报价合理',
    });
    expect(awarded.statusCode, awarded.body).toBe(200);
    expect(awarded.json()).toMatchObject({
      status: 'awarded',
      awardedSubcontractor: { id: winner.id, name: winner.name },
      awardReason: '资质齐全，报价合理',
    });
    const engaged = (await http.get(`/api/v1/projects/${s.project.id}/subcontractors`)).json().items;
    expect(engaged).toContainEqual(
      expect.objectContaining({ subcontractorId: winner.id, scope: '320 个路口信号机' }),
    );
    expect((await tenderTask(s))!.status).toBe('done');
    const bell = await t.deps.pool.query(
      `SELECT kind FROM notifications WHERE user_id = $1 AND object_id = $2`,
      [s.pm.id, id],
    );
    expect(bell.rows).toEqual([{ kind: 'tender.awarded' }]);
    // The winner's staff now see the project; the tender itself stays internal.
    const winnerStaff = await f.subStaff(winner.id);
    const ws = client(t.app, await f.session(winnerStaff));
    expect((await ws.get(`/api/v1/projects/${s.project.id}`)).statusCode).toBe(200);
    expect((await ws.get(`/api/v1/tenders/${id}`)).statusCode).toBe(404);
    expect((await ws.get(`/api/v1/projects/${s.project.id}/tenders`)).statusCode).toBe(403);
    const audit = await t.deps.pool.query(`SELECT action FROM audit_log WHERE object_id = $1 ORDER BY id`, [
      id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'tender.create',
      'tender.update',
      'tender.publish',
      'tender.award',
    ]);
  });

  it('refuses bad input field by field: a negative budget, an unknown subcontractor, a bad date', async () => {
    const { s, cm } = await decided();
    const http = client(t.app, await f.session(cm), 'en');
    const neg = await http.post(`/api/v1/projects/${s.project.id}/tenders`, { title: '分包', budget: -1 });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().error.details.fields).toEqual([
      { path: 'budget', code: 'negativeValue', message: 'The amount cannot be negative' },
    ]);
    expect(
      (
        await http.post(`/api/v1/projects/${s.project.id}/tenders`, {
          title: '分包',
          bidDeadline: '2026-02-30',
        })
      ).json().error.details.fields[0].path,
    ).toBe('bidDeadline');
    expect((await http.get(`/api/v1/projects/${s.project.id}/tenders`)).json().items).toEqual([]);
    const id = (await http.post(`/api/v1/projects/${s.project.id}/tenders`, { title: '分包' })).json().id;
    await http.post(`/api/v1/tenders/${id}/publish`, {});
    const unknown = await http.post(`/api/v1/tenders/${id}/award`, {
      subcontractorId: '0190a000-0000-7000-8000-000000000000',
      reason: 'x',
    });
    expect(unknown.json().error.details.fields[0]).toMatchObject({
      path: 'subcontractorId',
      code: 'unknownReference',
    });
    expect((await http.get(`/api/v1/tenders/${id}`)).json().status).toBe('published');
  });
});

async function tenderCase(
  method: 'GET' | 'POST' | 'PATCH',
  path: (id: string, projectId: string) => string,
  body: unknown,
  status: 'draft' | 'published' = 'draft',
  allowedStatus?: number,
) {
  const { s, cm } = await decided();
  const o = await serviceTenant(f);
  const http = client(t.app, await f.session(cm));
  const id = (await http.post(`/api/v1/projects/${s.project.id}/tenders`, { title: '分包' })).json()
    .id as string;
  if (status === 'published') await http.post(`/api/v1/tenders/${id}/publish`, {});
  return {
    ...t,
    f,
    method,
    url: `/api/v1${path(id, s.project.id)}`,
    body,
    allowed: await f.session(method === 'GET' ? s.engineer : cm),
    ...(allowedStatus ? { allowedStatus } : {}),
    outsider: await f.session(o.pm),
    tooLittleRole: await f.session(method === 'GET' ? s.fieldEngineer : s.engineer),
  };
}

securityTests('GET /projects/:id/tenders', () =>
  tenderCase('GET', (_id, p) => `/projects/${p}/tenders`, undefined),
);
securityTests('POST /projects/:id/tenders', () =>
  tenderCase('POST', (_id, p) => `/projects/${p}/tenders`, { title: '第二轮' }, 'draft', 201),
);
securityTests('GET /tenders/:id', async () => ({
  ...(await tenderCase('GET', (id) => `/tenders/${id}`, undefined)),
  tooLittleRole: undefined,
}));
securityTests('PATCH /tenders/:id', () =>
  tenderCase('PATCH', (id) => `/tenders/${id}`, { scope: '全部外场' }),
);
securityTests('POST /tenders/:id/publish', () => tenderCase('POST', (id) => `/tenders/${id}/publish`, {}));
securityTests('POST /tenders/:id/award', async () => {
  const c = await tenderCase('POST', (id) => `/tenders/${id}/award`, {}, 'published');
  return { ...c, body: { subcontractorId: (await f.subcontractor()).id, reason: '综合评分第一' } };
});
