import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { serviceTenant } from '../lifecycle/lifecycle.test-support.js';
import type { ServiceTenant } from '../lifecycle/lifecycle.test-support.js';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  t.clock.set(new Date('2026-02-04T02:00:00Z')); // 2026-02-04, 10:00 in Shanghai
});

type Task = {
  templateKey: string;
  dueDate: string;
  status: string;
  owner: { id: string } | null;
  category: string;
  period: string;
};
const tasksOf = async (s: ServiceTenant, query = '') =>
  (
    await client(t.app, await f.session(s.pm)).get(`/api/v1/projects/${s.project.id}/tasks?limit=200${query}`)
  ).json().items as Task[];
const open = async (s: ServiceTenant, body: Record<string, unknown>) =>
  client(t.app, await f.session(s.pm)).post(`/api/v1/projects/${s.project.id}/handover`, body);

describe('the service handover of a project', () => {
  it('opens 30 days ahead with the managers of its region and division, and shows in "handovers starting" with the suggested mode', async () => {
    const s = await serviceTenant(f);
    const res = await open(s, { plannedDate: '2026-03-01' }); // 25 days away
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      plannedDate: '2026-03-01',
      startDate: '2026-01-30',
      standing: 'in_window',
      regionalManager: { id: s.regionalManager.id },
      divisionManager: { id: s.divisionManager.id },
      serviceLead: null,
      suggestion: {
        mode: 'on_site',
        variant: 'business_support',
        ruleKey: 'business_support_urban_traffic',
        reasonText: expect.stringContaining('城交大项目'),
      },
      decision: null,
      abilities: {
        update: true,
        decideMode: false,
        assignCustomerManager: false,
        decideSubcontractor: false,
      },
    });
    const view = (
      await client(t.app, await f.session(s.regionalManager)).get('/api/v1/handovers?view=starting')
    ).json();
    expect(view.items).toEqual([
      expect.objectContaining({
        projectId: s.project.id,
        plannedDate: '2026-03-01',
        standing: 'in_window',
        suggestion: expect.objectContaining({ variant: 'business_support' }),
        decision: null,
      }),
    ]);
    expect(
      (await client(t.app, await f.session(s.regionalManager)).get('/api/v1/handovers?view=overdue')).json()
        .items,
    ).toEqual([]);
    const again = await open(s, { plannedDate: '2026-03-05' });
    expect(again.statusCode).toBe(409);
  });

  it('is decided by the regional manager: the follow-up and quality tasks follow the mode, the service lead hears', async () => {
    const s = await serviceTenant(f);
    const serviceLead = await f.user({ managesRegion: s.project.region });
    expect(
      (
        await open(s, {
          plannedDate: '2026-03-01',
          serviceLeadId: serviceLead.id,
          regionalManagerId: s.regionalManager.id,
        })
      ).statusCode,
    ).toBe(201);
    const rm = client(t.app, await f.session(s.regionalManager));
    expect((await rm.get(`/api/v1/projects/${s.project.id}/handover`)).json().abilities).toMatchObject({
      decideMode: true,
      update: false,
    });

    const decided = await rm.post(`/api/v1/projects/${s.project.id}/handover/decide`, {
      mode: 'on_site',
      variant: 'business_support',
      reason: '城交大项目，按规则配置客户经理和分包商',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      standing: 'decided',
      decision: {
        mode: 'on_site',
        variant: 'business_support',
        suggestedRuleKey: 'business_support_urban_traffic',
        overridesSuggestion: false,
        decidedBy: { id: s.regionalManager.id },
        reason: '城交大项目，按规则配置客户经理和分包商',
      },
    });
    const tasks = await tasksOf(s);
    expect(
      tasks.filter((x) => x.category === 'handover').map((x) => [x.templateKey, x.dueDate, x.owner?.id]),
    ).toEqual([
      ['handover.assign_customer_manager', '2026-03-01', serviceLead.id],
      ['handover.decide_subcontractor', '2026-03-15', s.pm.id],
      ['handover.subcontractor_tender', '2026-03-31', s.pm.id],
    ]);
    const quality = tasks.filter((x) => x.category === 'quality');
    expect(quality).toHaveLength(12); // on-site management, monthly, 2026-03 … 2027-02
    expect(new Set(quality.map((x) => x.templateKey))).toEqual(new Set(['quality.on_site_management']));
    const bell = await t.deps.pool.query(`SELECT kind, params FROM notifications WHERE user_id = $1`, [
      serviceLead.id,
    ]);
    expect(bell.rows).toEqual([
      { kind: 'handover.mode_decided', params: expect.objectContaining({ modeZh: '驻场业务支撑' }) },
    ]);
    expect(
      (await client(t.app, await f.session(s.regionalManager)).get('/api/v1/handovers?view=starting'))
        .json()
        .items.map((x: { projectId: string }) => x.projectId),
    ).not.toContain(s.project.id);

    // The branch service lead names the customer manager, who takes over the subcontractor work.
    const cm = await f.user();
    const assigned = await client(t.app, await f.session(serviceLead)).post(
      `/api/v1/projects/${s.project.id}/handover/customer-manager`,
      { userId: cm.id, note: '郑经理驻场' },
    );
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({
      customerManager: { id: cm.id },
      abilities: { assignCustomerManager: true },
    });
    const members = (
      await client(t.app, await f.session(s.pm)).get(`/api/v1/projects/${s.project.id}/members`)
    ).json().items;
    expect(members).toContainEqual(expect.objectContaining({ userId: cm.id, role: 'customer_manager' }));
    const after = await tasksOf(s, '&phase=handover');
    expect(after.map((x) => [x.templateKey, x.status, x.owner?.id])).toEqual([
      ['handover.assign_customer_manager', 'done', serviceLead.id],
      ['handover.decide_subcontractor', 'open', cm.id],
      ['handover.subcontractor_tender', 'open', cm.id],
    ]);

    // The customer manager decides no subcontractor is needed: the tender task is cancelled.
    const cmHttp = client(t.app, await f.session(cm));
    const none = await cmHttp.post(`/api/v1/projects/${s.project.id}/handover/subcontractor-decision`, {
      needed: false,
      reason: '原有分包合同继续有效',
    });
    expect(none.json()).toMatchObject({ subcontractorDecision: { needed: false, decidedBy: { id: cm.id } } });
    expect((await tasksOf(s, '&phase=handover')).map((x) => x.status)).toEqual(['done', 'done', 'cancelled']);
    // …then that one is needed after all: the tender task opens again.
    await cmHttp.post(`/api/v1/projects/${s.project.id}/handover/subcontractor-decision`, {
      needed: true,
      reason: '原分包商退出',
    });
    expect((await tasksOf(s, '&phase=handover')).map((x) => x.status)).toEqual(['done', 'done', 'open']);

    const audit = await t.deps.pool.query(
      `SELECT action FROM audit_log WHERE object_type = 'handover' AND detail->>'projectId' = $1 ORDER BY id`,
      [s.project.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'handover.create',
      'handover.decide',
      'handover.assign_customer_manager',
      'handover.decide_subcontractor',
      'handover.decide_subcontractor',
    ]);
  });

  it('records a decision against the suggestion, and a change of mode brings the tasks in line', async () => {
    const s = await serviceTenant(f);
    await open(s, { plannedDate: '2026-03-01' });
    const dm = client(t.app, await f.session(s.divisionManager));
    const remote = await dm.post(`/api/v1/projects/${s.project.id}/handover/decide`, {
      mode: 'remote',
      variant: 'technical_support',
      reason: '客户自建运维团队',
    });
    expect(remote.json().decision).toMatchObject({
      mode: 'remote',
      overridesSuggestion: true,
      suggestedRuleKey: 'business_support_urban_traffic',
    });
    let tasks = await tasksOf(s);
    expect(tasks.filter((x) => x.category === 'handover')).toEqual([]);
    expect(new Set(tasks.filter((x) => x.category === 'quality').map((x) => x.templateKey))).toEqual(
      new Set(['quality.on_site_return_visit', 'quality.phone_return_visit']),
    );

    await dm.post(`/api/v1/projects/${s.project.id}/handover/decide`, {
      mode: 'on_site',
      variant: 'equipment_maintenance',
      reason: '客户改变主意',
    });
    tasks = await tasksOf(s);
    expect(
      tasks.filter((x) => x.category === 'handover' && x.status === 'open').map((x) => x.templateKey),
    ).toEqual(['handover.decide_subcontractor', 'handover.subcontractor_tender']);
    const liveQuality = new Set(
      tasks.filter((x) => x.category === 'quality' && x.status === 'open').map((x) => x.templateKey),
    );
    expect(liveQuality).toEqual(new Set(['quality.periodic_check', 'quality.on_site_return_visit']));
    expect(
      tasks
        .filter((x) => x.templateKey === 'quality.phone_return_visit')
        .every((x) => x.status === 'cancelled'),
    ).toBe(true);
    // Equipment maintenance has no customer manager: a project manager decides on the subcontractor.
    expect(
      (await client(t.app, await f.session(s.pm)).get(`/api/v1/projects/${s.project.id}/handover`)).json()
        .abilities.decideSubcontractor,
    ).toBe(true);
  });

  it('refuses bad input field by field and saves nothing', async () => {
    const s = await serviceTenant(f);
    const pm = client(t.app, await f.session(s.pm), 'en');
    const url = `/api/v1/projects/${s.project.id}/handover`;
    expect((await pm.post(url, { plannedDate: '2026-13-01' })).json().error.details.fields[0]).toMatchObject({
      path: 'plannedDate',
    });
    expect(
      (await pm.post(url, { plannedDate: '2026-03-01', serviceLeadId: s.requester.id })).json().error.details
        .fields[0],
    ).toMatchObject({ path: 'serviceLeadId', code: 'staffOnly' });
    const stranger = await f.user();
    expect(
      (await pm.post(url, { plannedDate: '2026-03-01', regionalManagerId: stranger.id })).json().error.details
        .fields[0],
    ).toMatchObject({ path: 'regionalManagerId', code: 'cannotSeeProject' });
    expect((await pm.get(url)).statusCode).toBe(404);
    await open(s, { plannedDate: '2026-03-01' });
    const rm = client(t.app, await f.session(s.regionalManager), 'en');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ mode: 'hybrid', variant: 'business_support', reason: 'x' }, 'mode', 'invalid_value'],
      [{ mode: 'remote', variant: 'business_support', reason: 'x' }, 'variant', 'variantNotOfMode'],
      [{ mode: 'on_site', variant: 'business_support', reason: '' }, 'reason', 'too_small'],
      [{ mode: 'on_site', variant: 'business_support' }, 'reason', 'invalid_type'],
    ];
    for (const [body, path, code] of cases) {
      const res = await rm.post(`${url}/decide`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.fields[0]).toMatchObject({ path, code });
    }
    expect((await pm.get(url)).json().decision).toBeNull();
    expect(await tasksOf(s)).toEqual([]);
    // The customer manager comes after the mode.
    const early = await client(t.app, await f.session(await f.admin())).post(`${url}/customer-manager`, {
      userId: s.pm.id,
    });
    expect(early.statusCode).toBe(409);
  });

  it('lists handovers past their date, and decided projects still without the customer manager their mode needs', async () => {
    const s = await serviceTenant(f);
    await open(s, { plannedDate: '2026-02-01' });
    const rm = client(t.app, await f.session(s.regionalManager));
    expect((await rm.get('/api/v1/handovers?view=overdue')).json().items).toEqual([
      expect.objectContaining({ projectId: s.project.id, standing: 'overdue' }),
    ]);
    await rm.post(`/api/v1/projects/${s.project.id}/handover/decide`, {
      mode: 'on_site',
      variant: 'technical_support',
      reason: '软件为主',
    });
    expect((await rm.get('/api/v1/handovers?view=overdue')).json().items).toEqual([]);
    const missing = (await rm.get('/api/v1/handovers?view=missing_customer_manager')).json().items;
    expect(missing).toEqual([
      expect.objectContaining({
        projectId: s.project.id,
        decision: { mode: 'on_site', variant: 'technical_support' },
      }),
    ]);
    const cm = await f.user();
    await f.member(s.project.id, cm.id, 'customer_manager');
    expect((await rm.get('/api/v1/handovers?view=missing_customer_manager')).json().items).toEqual([]);
    expect(
      (await client(t.app, await f.session(s.requester)).get('/api/v1/handovers?view=overdue')).statusCode,
    ).toBe(403);
  });

  it('moves its date: a later window sends the T−30 notice again', async () => {
    const s = await serviceTenant(f);
    await open(s, { plannedDate: '2026-03-01' });
    await t.deps.pool.query(`UPDATE handovers SET start_notified_at = now() WHERE project_id = $1`, [
      s.project.id,
    ]);
    const moved = await client(t.app, await f.session(s.pm)).patch(
      `/api/v1/projects/${s.project.id}/handover`,
      { plannedDate: '2026-04-15' },
    );
    expect(moved.json()).toMatchObject({
      plannedDate: '2026-04-15',
      startDate: '2026-03-16',
      standing: 'upcoming',
    });
    const row = await t.deps.pool.query(`SELECT start_notified_at FROM handovers WHERE project_id = $1`, [
      s.project.id,
    ]);
    expect(row.rows[0].start_notified_at).toBeNull();
  });
});
