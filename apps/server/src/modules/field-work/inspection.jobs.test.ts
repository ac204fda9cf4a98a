import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { isolatedDatabase } from '../../test/isolated-db.js';
import { appOn } from '../lifecycle/lifecycle.test-support.js';
import { fieldTenant } from './field-work.test-support.js';
import { sweepClocks } from '../sla/sla.sweep.js';
import { sweepInspectionPlans } from './inspection.generation.js';

/**
 * Two opsdesk nodes on one database, one clock, a simulated quarter: every inspection plan's task
 * of every period is generated exactly once, although both nodes run the generation sweep at the
 * same instants (and one of them twice). The plans' rows are claimed with FOR UPDATE SKIP LOCKED,
 * the watermark moves in the task's transaction, and (plan, period) is unique — see
 * docs/decisions/0400. A plan changed mid-month (day 5 → day 20) owes no second task that month.
 */
let iso: Awaited<ReturnType<typeof isolatedDatabase>>;
let nodeA: Awaited<ReturnType<typeof appOn>>;
let nodeB: Awaited<ReturnType<typeof appOn>>;
let f: Factories;
let now = new Date('2025-12-31T16:10:00Z'); // 2026-01-01 00:10 in Shanghai
const clock = () => now;

beforeAll(async () => {
  iso = await isolatedDatabase();
  nodeA = await appOn(iso.url, clock);
  nodeB = await appOn(iso.url, clock);
  f = factories(nodeA.deps);
});
afterAll(async () => {
  await nodeA.close();
  await nodeB.close();
  await iso.drop();
});

const q = async (text: string, params: unknown[] = []) => (await iso.pool.query(text, params)).rows;

describe('inspection task generation on two nodes over a simulated quarter', () => {
  it('makes each period’s task exactly once, for monthly, weekly, quarterly and cron plans', async () => {
    const d = await fieldTenant(nodeA.deps, f);
    const pm = async () => client(nodeA.app, await f.session(d.pm));
    const base = {
      templateIds: ['builtin.network', 'builtin.server'],
      selection: { mode: 'filter', filter: { siteIds: [d.city.id] } },
      assigneeId: d.engineer.id,
      startsOn: '2026-01-01',
    };
    const make = async (name: string, schedule: unknown, dueDays: number) => {
      const res = await (
        await pm()
      ).post(`/api/v1/projects/${d.project.id}/inspection-plans`, {
        ...base,
        name,
        schedule,
        dueDays,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const monthly = await make('月度', { kind: 'monthly', day: 5 }, 5);
    const weekly = await make('每周', { kind: 'weekly', weekday: 1 }, 1);
    const quarterly = await make('季度', { kind: 'quarterly', month: 3, day: 31 }, 10);
    const cron = await make('周一周四', { kind: 'cron', expression: '0 9 * * 1,4' }, 1);

    // Every six hours for a quarter, both nodes sweep at the same instant (node A twice).
    const end = new Date('2026-03-31T22:00:00Z').getTime();
    for (let at = now.getTime(); at <= end; at += 6 * 3_600_000) {
      now = new Date(at);
      if (now.toISOString() === '2026-01-10T04:10:00.000Z') {
        const moved = await (
          await pm()
        ).patch(`/api/v1/inspection-plans/${monthly}`, { schedule: { kind: 'monthly', day: 20 } });
        expect(moved.statusCode, moved.body).toBe(200);
      }
      await Promise.all([
        sweepInspectionPlans(nodeA.deps),
        sweepInspectionPlans(nodeB.deps),
        sweepInspectionPlans(nodeA.deps),
      ]);
    }

    const keys = async (planId: string) =>
      (
        await q(
          `SELECT period_key, scheduled_date::text AS day FROM inspection_tasks WHERE plan_id = $1 ORDER BY scheduled_date, period_key`,
          [planId],
        )
      ).map((r) => `${r.period_key}@${r.day}`);
    expect(await keys(monthly)).toEqual(['2026-01@2026-01-05', '2026-02@2026-02-20', '2026-03@2026-03-20']);
    const mondays = [
      '01-05',
      '01-12',
      '01-19',
      '01-26',
      '02-02',
      '02-09',
      '02-16',
      '02-23',
      '03-02',
      '03-09',
      '03-16',
      '03-23',
      '03-30',
    ];
    expect(await keys(weekly)).toEqual(
      mondays.map((m, i) => `2026-W${String(i + 2).padStart(2, '0')}@2026-${m}`),
    );
    expect(await keys(quarterly)).toEqual(['2026-Q1@2026-03-31']);
    const thursdays = [
      '01-01',
      '01-08',
      '01-15',
      '01-22',
      '01-29',
      '02-05',
      '02-12',
      '02-19',
      '02-26',
      '03-05',
      '03-12',
      '03-19',
      '03-26',
    ];
    const cronDays = [...mondays, ...thursdays].sort().map((m) => `2026-${m}`);
    expect((await keys(cron)).map((k) => k.split('@')[1])).toEqual(cronDays);
    expect((await keys(cron))[0]).toBe('2026-01-01T01:00Z@2026-01-01');

    // Each task once: one audit row and one notice each, every task with its CIs.
    const tasks = await q(`SELECT id FROM inspection_tasks WHERE project_id = $1`, [d.project.id]);
    expect(tasks).toHaveLength(3 + 13 + 1 + 26);
    expect(
      await q(
        `SELECT object_id, count(*)::int AS n FROM audit_log WHERE action = 'inspection_task.create' GROUP BY 1 HAVING count(*) <> 1`,
      ),
    ).toEqual([]);
    expect(
      await q(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'inspection_task.create'`),
    ).toEqual([{ n: tasks.length }]);
    expect(
      await q(
        `SELECT count(*)::int AS n FROM notifications WHERE kind = 'inspection.taskCreated' AND user_id = $1`,
        [d.engineer.id],
      ),
    ).toEqual([{ n: tasks.length }]);
    expect(
      await q(
        `SELECT t.id FROM inspection_tasks t WHERE NOT EXISTS (SELECT 1 FROM inspection_task_cis c WHERE c.task_id = t.id)`,
      ),
    ).toEqual([]);
    // Each plan's next run is its next period, in April.
    expect(
      (await q(`SELECT name, next_run_at FROM inspection_plans ORDER BY name`)).map((r) => [
        r.name,
        (r.next_run_at as Date).toISOString(),
      ]),
    ).toEqual([
      ['周一周四', '2026-04-02T01:00:00.000Z'],
      ['季度', '2026-06-29T16:00:00.000Z'], // June 30: day 31 of a 30-day month
      ['月度', '2026-04-19T16:00:00.000Z'],
      ['每周', '2026-04-05T16:00:00.000Z'],
    ]);
  });
});

describe('the arrival clock runs on the SLA engine', () => {
  it('an engineer not on site in time: the SLA sweep records one arrival breach and tells the managers', async () => {
    now = new Date('2026-04-01T02:00:00Z');
    const d = await fieldTenant(nodeA.deps, f);
    const created = await client(nodeA.app, await f.session(d.agent)).post('/api/v1/work-orders', {
      projectId: d.project.id,
      title: '核心交换机端口故障',
      siteId: d.city.id,
      assigneeId: d.engineer.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json().workOrder.arrival).toEqual({
      targetMinutes: 120,
      state: 'running',
      dueAt: '2026-04-01T04:00:00.000Z',
    });
    now = new Date('2026-04-01T04:05:00Z');
    await Promise.all([sweepClocks(nodeA.deps), sweepClocks(nodeB.deps)]);
    // (Its 60-minute response clock is breached too: nobody accepted it.)
    expect(await q(`SELECT metric FROM sla_breaches WHERE ticket_id = $1 ORDER BY metric`, [id])).toEqual([
      { metric: 'arrival' },
      { metric: 'response' },
    ]);
    const told = await q(
      `SELECT user_id, params->>'metricLabel' AS label FROM notifications WHERE object_id = $1 AND kind = 'sla.breached' AND params->>'metric' = 'arrival'`,
      [id],
    );
    expect(told.length).toBeGreaterThan(0);
    expect(told.map((r) => r.label)).toEqual(told.map(() => '到场时限'));
    expect(told.map((r) => r.user_id)).toContain(d.pm.id);
    // Arriving later stops the clock as breached; the list shows it.
    const eng = client(nodeA.app, await f.session(d.engineer));
    await eng.post(`/api/v1/work-orders/${id}/accept`, {});
    const onSite = await eng.post(`/api/v1/work-orders/${id}/check-in`, {});
    expect(onSite.json().workOrder.arrival).toMatchObject({ state: 'breached' });
  });
});
