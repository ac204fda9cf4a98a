import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueReminder } from '@opsdesk/domain';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { isolatedDatabase } from '../../test/isolated-db.js';
import { sweepSchedule, sweepTaskReminders } from './lifecycle.jobs.js';
import { appOn, serviceTenant } from './lifecycle.test-support.js';
import type { ServiceTenant } from './lifecycle.test-support.js';

/**
 * Two opsdesk nodes on one database, one clock, a simulated month of scheduled work: every
 * reminder, every monthly item, the closing checklist and each T−30 notice happen exactly once.
 *
 * Why the sweep and not the queue gives "exactly once": pg-boss sends one job per cron slot across
 * nodes, but a job can still run twice (a retry after a crash, a slow worker whose lock expired,
 * a manual run). So pg-boss is not needed here, and the test is harder than the queue would make
 * it: both nodes run every sweep at the same instant. Each sweep claims its due rows with
 * `FOR UPDATE SKIP LOCKED` and records what it did (the reminder step, `recurring_through`, the
 * phase, `start_notified_at`) in the same transaction as the notifications and tasks it writes;
 * the other node skips the locked rows and, once they commit, no longer finds them due.
 */
let iso: Awaited<ReturnType<typeof isolatedDatabase>>;
let nodeA: Awaited<ReturnType<typeof appOn>>;
let nodeB: Awaited<ReturnType<typeof appOn>>;
let f: Factories;
let now = new Date('2026-03-01T02:00:00Z'); // 10:00 in Shanghai
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
const act = async (s: ServiceTenant, action: string) => {
  const res = await client(nodeA.app, await f.session(s.pm)).post(
    `/api/v1/projects/${s.project.id}/lifecycle/${action}`,
    {},
  );
  expect(res.statusCode, res.body).toBe(200);
};

describe('scheduled work on two nodes over a simulated month', () => {
  it('sends every reminder, generates every recurring item and closing checklist, and every T−30 notice exactly once', async () => {
    // A: starts on 2026-03-01; its start checklist is due 03-22.
    const a = await serviceTenant(f);
    await act(a, 'start');
    // B: started long ago (its checklist is overdue), in implementation, ending 03-20: closing begins 03-06.
    const b = await serviceTenant(f, { startDate: '2026-01-01', endDate: '2026-03-20' });
    await act(b, 'start');
    await act(b, 'implement');
    // C: in implementation all year: April's items appear on April 1.
    const c = await serviceTenant(f, { startDate: '2026-01-01', endDate: '2026-12-31' });
    await act(c, 'start');
    await act(c, 'implement');
    // D, E: handovers whose 30-day windows open on 02-18 (already) and on 03-11.
    const d = await serviceTenant(f);
    const e = await serviceTenant(f);
    for (const [s, plannedDate] of [
      [d, '2026-03-20'],
      [e, '2026-04-10'],
    ] as const) {
      const res = await client(nodeA.app, await f.session(s.pm)).post(
        `/api/v1/projects/${s.project.id}/handover`,
        { plannedDate },
      );
      expect(res.statusCode, res.body).toBe(201);
    }

    // Twice a day (10:00 and 22:00 Shanghai) for a month, both nodes run both sweeps at once.
    const instants: Date[] = [];
    for (let t = now.getTime(); t <= new Date('2026-04-02T14:00:00Z').getTime(); t += 12 * 3_600_000)
      instants.push(new Date(t));
    for (const at of instants) {
      now = at;
      await Promise.all([sweepSchedule(nodeA.deps), sweepSchedule(nodeB.deps)]);
      await Promise.all([
        sweepTaskReminders(nodeA.deps),
        sweepTaskReminders(nodeB.deps),
        sweepTaskReminders(nodeA.deps),
      ]);
    }

    // Monthly items: March at implementation, April on April 1 — once each (C); none for B after closing began.
    const monthly = await q(
      `SELECT p.code, t.period, count(*)::int AS n FROM project_tasks t JOIN projects p ON p.id = t.project_id WHERE t.phase = 'implementation' AND t.category = 'checklist' GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(monthly).toEqual(
      [
        { code: b.project.code, period: '2026-03', n: 2 },
        { code: c.project.code, period: '2026-03', n: 2 },
        { code: c.project.code, period: '2026-04', n: 2 },
      ].sort((x, y) => x.code.localeCompare(y.code) || x.period.localeCompare(y.period)),
    );
    const creates = await q(
      `SELECT object_id, count(*)::int AS n FROM audit_log WHERE action = 'project_task.create' GROUP BY 1 HAVING count(*) > 1`,
    );
    expect(creates).toEqual([]);

    // B entered its closing phase once, with its checklist, and its manager heard once.
    expect(
      await q(
        `SELECT detail->>'action' AS action, actor_name FROM audit_log WHERE action = 'project.phase' AND object_id = $1 ORDER BY id`,
        [b.project.id],
      ),
    ).toEqual([
      { action: 'start', actor_name: expect.any(String) },
      { action: 'implement', actor_name: expect.any(String) },
      { action: 'begin_closing', actor_name: 'system' },
    ]);
    expect(
      (
        await q(`SELECT count(*)::int AS n FROM project_tasks WHERE project_id = $1 AND phase = 'closing'`, [
          b.project.id,
        ])
      )[0].n,
    ).toBe(5);
    expect(
      await q(`SELECT user_id, created_at FROM notifications WHERE kind = 'project.closing_started'`),
    ).toEqual([{ user_id: b.pm.id, created_at: new Date('2026-03-06T02:00:00Z') }]);

    // Each handover's window opened once: its regional and division managers and the project manager heard once.
    for (const [s, opened] of [
      [d, '2026-03-01T02:00:00Z'],
      [e, '2026-03-11T02:00:00Z'],
    ] as const) {
      const told = await q(
        `SELECT user_id, created_at FROM notifications WHERE kind = 'handover.started' AND project_id = $1 ORDER BY user_id`,
        [s.project.id],
      );
      expect(told).toEqual(
        [s.regionalManager.id, s.divisionManager.id, s.pm.id]
          .sort()
          .map((user_id) => ({ user_id, created_at: new Date(opened) })),
      );
      expect(
        await q(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'handover.window_opened' AND detail->>'projectId' = $1`,
          [s.project.id],
        ),
      ).toEqual([{ n: 1 }]);
    }

    // Reminders: replay each task's schedule with the pure rule over the same instants, then compare.
    const tasks = await q(`SELECT id, due_date, owner_id, created_at FROM project_tasks`);
    const expected: string[] = [];
    for (const t of tasks) {
      let next = 0;
      for (const at of instants) {
        if (at < t.created_at) continue;
        const r = dueReminder(t.due_date, next, at);
        if (!r) continue;
        expected.push(`${t.id}|${r.step}|${r.kind}|${t.owner_id}`);
        next = r.nextStep;
      }
    }
    const sent = await q(
      `SELECT object_id, dedupe_key, kind, user_id FROM notifications WHERE kind LIKE 'project_task.%'`,
    );
    const got = sent.map(
      (n) =>
        `${n.object_id}|${n.dedupe_key.split(':')[3]}|${n.kind.slice('project_task.'.length)}|${n.user_id}`,
    );
    expect(got.sort()).toEqual(expected.sort());
    expect(new Set(got).size).toBe(got.length);

    // Spot checks by hand. A's 8 start tasks, due 03-22: 03-19, 03-22, 03-23 and 03-30 — 32 reminders to their owners.
    const aSent = await q(
      `SELECT n.kind, n.user_id, n.created_at FROM notifications n JOIN project_tasks t ON t.id = n.object_id WHERE t.project_id = $1`,
      [a.project.id],
    );
    expect(aSent).toHaveLength(32);
    expect(new Set(aSent.map((n) => n.created_at.toISOString()))).toEqual(
      new Set([
        '2026-03-19T02:00:00.000Z',
        '2026-03-22T02:00:00.000Z',
        '2026-03-23T02:00:00.000Z',
        '2026-03-30T02:00:00.000Z',
      ]),
    );
    expect(aSent.filter((n) => n.user_id === a.lead.id)).toHaveLength(16);
    // B's start tasks were long overdue: one catch-up nudge on day one, then weekly (03-06, 03-13, 03-20, 03-27).
    const bForm = await q(
      `SELECT n.created_at FROM notifications n JOIN project_tasks t ON t.id = n.object_id WHERE t.project_id = $1 AND t.template_key = 'start.form_team' ORDER BY 1`,
      [b.project.id],
    );
    expect(bForm.map((n) => n.created_at.toISOString().slice(0, 10))).toEqual([
      '2026-03-01',
      '2026-03-06',
      '2026-03-13',
      '2026-03-20',
      '2026-03-27',
    ]);
    expect(
      await q(`SELECT count(*)::int AS n FROM project_tasks WHERE next_reminder_at < $1`, [now]),
    ).toEqual([{ n: 0 }]);
  });
});
