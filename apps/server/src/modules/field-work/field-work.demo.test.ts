import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createDb } from '../../db/client.js';
import { seedDemo } from '../../demo/seed.js';
import type { Deps } from '../../http/context.js';
import { inlineQueue } from '../../jobs/job-system.js';
import { JOBS } from '../../jobs/registry.js';
import { isolatedDatabase } from '../../test/isolated-db.js';

let iso: Awaited<ReturnType<typeof isolatedDatabase>>;
let deps: Deps;

beforeAll(async () => {
  iso = await isolatedDatabase();
  deps = {
    config: loadConfig(
      {},
      {
        jobs: false,
        webDist: null,
        attachmentsDir: path.join(os.tmpdir(), `opsdesk-test-files-${process.pid}`),
      },
    ),
    pool: iso.pool,
    db: createDb(iso.pool),
    now: () => new Date(),
    jobs: inlineQueue(
      () => deps,
      () => JOBS,
    ),
  };
  await seedDemo(deps);
});
afterAll(async () => {
  await iso.drop();
});

const q = async (text: string) => (await iso.pool.query(text)).rows;

describe('demo field work', () => {
  it('has inspection plans for the traffic and hospital projects, with a task due today', async () => {
    const plans = await q(
      `SELECT p.code, i.name FROM inspection_plans i JOIN projects p ON p.id = i.project_id ORDER BY i.name`,
    );
    expect(plans).toHaveLength(3);
    const today = await q(
      `SELECT t.title, t.status FROM inspection_tasks t WHERE t.opens_at <= now() AND t.due_at > now() AND t.status = 'open'
       AND (t.due_at - t.opens_at) <= interval '1 day'`,
    );
    expect(today.map((r) => r.title).join()).toContain('信号机月度巡检');
    const done = await q(
      `SELECT title, (counts->>'abnormal')::int AS abnormal FROM inspection_tasks WHERE status = 'submitted' ORDER BY title`,
    );
    expect(done.map((r) => r.abnormal)).toEqual([1, 2]);
  });

  it('has findings, one of which raised an incident with its CI linked, and work orders in different states', async () => {
    const findings = await q(
      `SELECT f.item_key, f.status, t.kind AS ticket FROM inspection_findings f LEFT JOIN tickets t ON t.id = f.incident_id ORDER BY f.item_key`,
    );
    expect(findings).toEqual([
      { item_key: 'capacity_usage', status: 'open', ticket: null },
      { item_key: 'cpu_usage', status: 'open', ticket: null },
      { item_key: 'uplink_ports', status: 'open', ticket: 'incident' },
    ]);
    const linked = await q(
      `SELECT c.name FROM ticket_cis tc JOIN cis c ON c.id = tc.ci_id JOIN inspection_findings f ON f.incident_id = tc.ticket_id`,
    );
    expect(linked).toEqual([{ name: '汇聚交换机-外场' }]);
    const wos = await q(
      `SELECT t.state, t.number, w.finding_id IS NOT NULL AS from_finding FROM tickets t JOIN work_orders w ON w.ticket_id = t.id ORDER BY t.state`,
    );
    expect(wos.map((r) => r.state)).toEqual(['dispatched', 'on_site', 'work_done']);
    expect(wos.every((r) => /^WO-\d{4}-\d{6}$/.test(r.number))).toBe(true);
    expect(wos.find((r) => r.state === 'on_site')!.from_finding).toBe(true);
    expect(await q(`SELECT count(*)::int AS n FROM sla_clocks WHERE metric = 'arrival'`)).toEqual([{ n: 3 }]);
  });
});
