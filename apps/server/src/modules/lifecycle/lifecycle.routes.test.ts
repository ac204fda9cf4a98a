import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import { serviceTenant } from './lifecycle.test-support.js';
import type { ServiceTenant } from './lifecycle.test-support.js';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
});

const at = (iso: string) => t.clock.set(new Date(iso));
type Task = {
  id: string;
  projectName: string;
  templateKey: string;
  dueDate: string;
  category: string;
  phase: string;
  period: string;
  status: string;
  overdue: boolean;
  owner: { id: string } | null;
  titleText: string;
};
const tasksOf = async (s: ServiceTenant, who = s.pm, query = '') => {
  const res = await client(t.app, await f.session(who)).get(
    `/api/v1/projects/${s.project.id}/tasks?limit=200${query}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Task[];
};
const act = async (s: ServiceTenant, action: string, who = s.pm) =>
  client(t.app, await f.session(who)).post(`/api/v1/projects/${s.project.id}/lifecycle/${action}`, {});

describe('the delivery lifecycle of a project', () => {
  it('starts a project: the start checklist appears, due 3 weeks after the service start, with owners and audit', async () => {
    at('2026-03-01T02:00:00Z');
    const s = await serviceTenant(f);
    const before = (
      await client(t.app, await f.session(s.pm)).get(`/api/v1/projects/${s.project.id}/lifecycle`)
    ).json();
    expect(before).toMatchObject({
      phase: null,
      actions: ['start'],
      counts: { open: 0, overdue: 0 },
      abilities: { manage: true },
    });

    const res = await act(s, 'start');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      phase: 'start',
      actions: ['implement'],
      counts: { open: 8, overdue: 0, awaitingApproval: 0, done: 0 },
    });

    const tasks = await tasksOf(s);
    expect(tasks.map((x) => [x.templateKey, x.dueDate])).toEqual([
      ['start.form_team', '2026-03-22'],
      ['start.collect_information', '2026-03-22'],
      ['start.service_plan', '2026-03-22'],
      ['start.implementation_plan', '2026-03-22'],
      ['start.kickoff_meeting', '2026-03-22'],
      ['start.emergency_plan', '2026-03-22'],
      ['start.maintenance_plan', '2026-03-22'],
      ['start.service_continuity', '2026-03-22'],
    ]);
    expect(tasks.filter((x) => x.category === 'approval').map((x) => x.templateKey)).toEqual([
      'start.service_plan',
      'start.implementation_plan',
    ]);
    expect(tasks.find((x) => x.templateKey === 'start.form_team')!.owner!.id).toBe(s.pm.id);
    expect(tasks.find((x) => x.templateKey === 'start.emergency_plan')!.owner!.id).toBe(s.lead.id);
    expect(tasks[0]!.titleText).toBe('成立项目维护小组');

    const project = (
      await client(t.app, await f.session(s.pm)).get(`/api/v1/projects/${s.project.id}`)
    ).json();
    expect(project).toMatchObject({ phase: 'start', status: 'active' });
    const audit = await t.deps.pool.query(
      `SELECT action, changes, detail FROM audit_log WHERE object_id = $1 OR detail->>'projectId' = $1 ORDER BY id`,
      [s.project.id],
    );
    expect(audit.rows.filter((r) => r.action === 'project_task.create')).toHaveLength(8);
    expect(audit.rows.find((r) => r.action === 'project.phase')).toMatchObject({
      changes: { phase: { before: null, after: 'start' }, status: { before: 'planned', after: 'active' } },
      detail: { action: 'start' },
    });
  });

  it('runs implementation with its monthly items, closing with its checklist, then closes and stops reminders', async () => {
    at('2026-03-01T02:00:00Z');
    const s = await serviceTenant(f);
    expect((await act(s, 'start')).statusCode).toBe(200);
    at('2026-04-10T02:00:00Z');
    expect((await act(s, 'implement')).json()).toMatchObject({
      phase: 'implementation',
      actions: ['begin_closing'],
    });
    const monthly = (await tasksOf(s, s.pm, '&phase=implementation')).map((x) => [
      x.templateKey,
      x.period,
      x.dueDate,
    ]);
    expect(monthly).toEqual([
      ['implementation.monthly_report', '2026-04', '2026-05-05'],
      ['implementation.operations_meeting', '2026-04', '2026-05-10'],
    ]);
    // Implementing twice is refused; nothing is generated twice.
    const again = await act(s, 'implement');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { allowed: ['begin_closing'] },
    });

    expect((await act(s, 'begin_closing')).json().phase).toBe('closing');
    const closing = (await tasksOf(s, s.pm, '&phase=closing')).map((x) => [x.templateKey, x.dueDate]);
    expect(closing).toEqual([
      ['closing.collect_documents', '2027-02-21'],
      ['closing.annual_summary', '2027-02-21'],
      ['closing.annual_review_meeting', '2027-02-25'],
      ['closing.handover_work', '2027-02-28'],
      ['closing.renewal_decision', '2027-02-28'],
    ]);
    const closed = await act(s, 'renew');
    expect(closed.json()).toMatchObject({ phase: 'renewed', actions: [] });
    const reminders = await t.deps.pool.query(
      `SELECT count(*)::int AS n FROM project_tasks WHERE project_id = $1 AND next_reminder_at IS NOT NULL`,
      [s.project.id],
    );
    expect(reminders.rows[0].n).toBe(0);
    expect(
      (await client(t.app, await f.session(s.pm)).get(`/api/v1/projects/${s.project.id}`)).json().status,
    ).toBe('closed');
  });

  it('needs the service dates to start, naming the missing field, and saves nothing', async () => {
    const s = await serviceTenant(f, { startDate: null, endDate: null });
    const res = await client(t.app, await f.session(s.pm), 'en').post(
      `/api/v1/projects/${s.project.id}/lifecycle/start`,
      {},
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      {
        path: 'startDate',
        code: 'requiredToStart',
        message: 'The service start and end dates are needed to start the project',
      },
      {
        path: 'endDate',
        code: 'requiredToStart',
        message: 'The service start and end dates are needed to start the project',
      },
    ]);
    expect(await tasksOf(s)).toEqual([]);
    const bad = await client(t.app, await f.session(s.pm)).post(
      `/api/v1/projects/${s.project.id}/lifecycle/launch`,
      {},
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].path).toBe('action');
  });

  it('flags overdue tasks and filters them', async () => {
    at('2026-03-01T02:00:00Z');
    const s = await serviceTenant(f);
    await act(s, 'start');
    at('2026-03-23T02:00:00Z');
    const overdue = await tasksOf(s, s.pm, '&overdue=true');
    expect(overdue).toHaveLength(8);
    expect(overdue.every((x) => x.overdue)).toBe(true);
    const lifecycle = (
      await client(t.app, await f.session(s.pm)).get(`/api/v1/projects/${s.project.id}/lifecycle`)
    ).json();
    expect(lifecycle.counts).toMatchObject({ open: 8, overdue: 8 });
    expect(await tasksOf(s, s.pm, '&overdue=false')).toEqual([]);
  });

  it("shows a customer contact and subcontractor staff the project's checklists, not the provider's internal tasks", async () => {
    at('2026-03-01T02:00:00Z');
    const s = await serviceTenant(f);
    await act(s, 'start');
    await client(t.app, await f.session(s.pm)).post(`/api/v1/projects/${s.project.id}/tasks`, {
      phase: 'start',
      title: { 'zh-CN': '内部检查', en: 'Internal check' },
      dueDate: '2026-03-15',
    });
    await t.deps.pool.query(
      `INSERT INTO project_tasks (id, project_id, phase, category, template_key, title_zh, title_en, due_date) VALUES (gen_random_uuid(), $1, 'handover', 'handover', 'handover.assign_customer_manager', '配备客户经理', 'Assign', '2026-03-10')`,
      [s.project.id],
    );
    expect(await tasksOf(s)).toHaveLength(10);
    for (const who of [s.approver, s.requester, s.fieldEngineer]) {
      const seen = await tasksOf(s, who);
      expect(seen).toHaveLength(9);
      expect(seen.every((x) => x.category !== 'handover')).toBe(true);
    }
    const other = await serviceTenant(f);
    expect(
      (await client(t.app, await f.session(other.approver)).get(`/api/v1/projects/${s.project.id}/tasks`))
        .statusCode,
    ).toBe(404);
  });

  it('lists tasks across projects: mine, overdue, due soon', async () => {
    at('2026-03-01T02:00:00Z');
    const s = await serviceTenant(f);
    await act(s, 'start');
    const lead = async () => client(t.app, await f.session(s.lead)); // a fresh session each time the clock moves
    const mine = (await (await lead()).get('/api/v1/project-tasks?view=mine')).json().items as Task[];
    expect(mine.map((x) => x.templateKey).sort()).toEqual([
      'start.collect_information',
      'start.emergency_plan',
      'start.maintenance_plan',
      'start.service_continuity',
    ]);
    at('2026-03-18T02:00:00Z');
    const soon = await (await lead()).get('/api/v1/project-tasks?view=due_soon');
    expect(soon.statusCode, soon.body).toBe(200);
    expect(soon.json().items.filter((x: Task) => x.projectName === s.project.name)).toHaveLength(8);
    expect((await (await lead()).get('/api/v1/project-tasks?view=overdue')).json().items).toHaveLength(0);
    at('2026-03-25T02:00:00Z');
    expect((await (await lead()).get('/api/v1/project-tasks?view=overdue')).json().items).toHaveLength(8);
    const contact = (
      await client(t.app, await f.session(s.requester)).get('/api/v1/project-tasks?view=overdue')
    ).json().items as Task[];
    expect(contact.map((x) => x.templateKey).sort()).toHaveLength(8);
  });
});

securityTests('GET /projects/:id/lifecycle', async () => {
  const s = await serviceTenant(f);
  const o = await serviceTenant(f);
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/projects/${s.project.id}/lifecycle`,
    allowed: await f.session(s.requester),
    outsider: await f.session(o.pm),
  };
});

securityTests('POST /projects/:id/lifecycle/:action', async () => {
  const s = await serviceTenant(f);
  const o = await serviceTenant(f);
  return {
    ...t,
    f,
    method: 'POST',
    url: `/api/v1/projects/${s.project.id}/lifecycle/start`,
    body: {},
    allowed: await f.session(s.pm),
    outsider: await f.session(o.pm),
    tooLittleRole: await f.session(s.engineer),
  };
});

securityTests('GET /projects/:id/tasks', async () => {
  const s = await serviceTenant(f);
  const o = await serviceTenant(f);
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/projects/${s.project.id}/tasks`,
    allowed: await f.session(s.fieldEngineer),
    outsider: await f.session(o.fieldEngineer),
  };
});

securityTests('POST /projects/:id/tasks', async () => {
  const s = await serviceTenant(f);
  const o = await serviceTenant(f);
  return {
    ...t,
    f,
    method: 'POST',
    url: `/api/v1/projects/${s.project.id}/tasks`,
    body: {
      phase: 'implementation',
      title: { 'zh-CN': '专项检查', en: 'Special check' },
      dueDate: '2026-06-30',
      ownerId: s.engineer.id,
    },
    allowed: await f.session(s.pm),
    allowedStatus: 201,
    outsider: await f.session(o.pm),
    tooLittleRole: await f.session(s.approver),
  };
});

securityTests('GET /project-tasks', async () => {
  const s = await serviceTenant(f);
  return {
    ...t,
    f,
    method: 'GET',
    url: '/api/v1/project-tasks?view=mine',
    allowed: await f.session(s.engineer),
  };
});
