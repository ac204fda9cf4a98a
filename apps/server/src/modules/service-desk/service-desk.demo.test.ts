import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { seedDemo } from '../../demo/seed.js';
import { isolatedDatabase } from '../../test/isolated-db.js';
import { client } from '../../test/http.js';
import { factories } from '../../test/factories.js';
import { appOn } from '../tickets/ticket.test-support.js';
import { sweepClocks } from '../sla/sla.sweep.js';
import { sweepEmergencyPlans } from '../tickets/ticket.sweeps.js';

let iso: Awaited<ReturnType<typeof isolatedDatabase>>;
let node: Awaited<ReturnType<typeof appOn>>;
beforeAll(async () => {
  iso = await isolatedDatabase();
  node = await appOn(iso.url);
  await seedDemo(node.deps);
});
afterAll(async () => {
  await node.close();
  await iso.drop();
});

describe('demo service desk', () => {
  it('gives the three demo projects calendars, policies, rules and tickets in varied states', async () => {
    const { rows } = await iso.pool
      .query(`SELECT p.code, count(*)::int AS n, array_agg(DISTINCT t.state ORDER BY t.state) AS states
      FROM tickets t JOIN projects p ON p.id = t.project_id GROUP BY p.code ORDER BY p.code`);
    expect(rows).toHaveLength(3);
    expect(rows.reduce((s, r) => s + r.n, 0)).toBeGreaterThanOrEqual(28);
    const states = new Set(rows.flatMap((r) => r.states as string[]));
    for (const s of [
      'new',
      'assigned',
      'in_progress',
      'pending',
      'resolved',
      'closed',
      'cancelled',
      'answered',
    ])
      expect(states).toContain(s);
    const counts = await iso.pool
      .query(`SELECT (SELECT count(*) FROM calendars)::int AS calendars, (SELECT count(*) FROM sla_policies)::int AS policies,
      (SELECT count(*) FROM routing_rules)::int AS rules, (SELECT count(*) FROM sla_clocks)::int AS clocks, (SELECT count(*) FROM holiday_years)::int AS years`);
    expect(counts.rows[0]).toMatchObject({ calendars: 4, policies: 3, rules: 5 });
    expect(counts.rows[0].clocks).toBeGreaterThan(40);
    expect(counts.rows[0].years).toBeGreaterThan(20);
  });

  it('the sweeps run over the demo data: the 13-hour-old business-stopped ticket needs an emergency plan', async () => {
    await sweepClocks(node.deps);
    expect(await sweepEmergencyPlans(node.deps)).toBe(1);
    const breaches = await iso.pool.query(`SELECT count(*)::int AS n FROM sla_breaches`);
    expect(breaches.rows[0].n).toBeGreaterThan(0);
  });

  it('an agent lists and reads demo tickets through the API', async () => {
    const [demoAgent] = await node.deps.db.select().from(users).where(eq(users.username, 'agent.zhou'));
    const agent = client(node.app, await factories(node.deps).session(demoAgent!));
    const list = await agent.get('/api/v1/tickets?limit=100');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.length).toBeGreaterThanOrEqual(28);
    const first = list.json().items[0];
    const sla = await agent.get(`/api/v1/tickets/${first.id}/sla`);
    expect(sla.statusCode, sla.body).toBe(200);
  });
});
