import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModeImplications, ServiceMode, ServiceModeVariant, TaskCategory } from '@opsdesk/domain';
import { handovers, projectTasks } from '../../db/schema/index.js';
import { uuid7 } from '../../lib/ids.js';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';

let t: TestApp;
let f: Factories;
let admin: Auth;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  admin = await f.session(await f.admin());
  t.clock.set(new Date('2026-06-10T02:00:00Z')); // 2026-06-10, 10:00 in Shanghai
});

const tag = () => randomBytes(4).toString('hex');
const ids = (page: { items: { id: string }[] }) => page.items.map((x) => x.id);
const sorted = (xs: string[]) => [...xs].sort();

const implies: ModeImplications = {
  customerManager: false,
  subcontractor: false,
  supplies: { spares: false, consumables: false, repairCosts: false },
  qualityMonitoring: {
    periodicChecks: false,
    onSiteReturnVisits: false,
    phoneReturnVisits: false,
    onSiteManagement: false,
  },
};

/** A handover of the project, decided on this mode (or still open, without one). */
async function handover(projectId: string, chosen?: [ServiceMode, ServiceModeVariant]) {
  await t.deps.db.insert(handovers).values({
    id: uuid7(),
    projectId,
    plannedDate: '2026-03-01',
    startDate: '2026-01-30',
    ...(chosen
      ? { chosenMode: chosen[0], chosenVariant: chosen[1], chosenImplies: implies, decidedAt: t.clock.now() }
      : {}),
  });
}

async function task(
  projectId: string,
  dueDate: string,
  status: 'open' | 'awaiting_approval' | 'done' | 'cancelled' = 'open',
  category: TaskCategory = 'checklist',
) {
  await t.deps.db.insert(projectTasks).values({
    id: uuid7(),
    projectId,
    phase: 'implementation',
    category,
    titleZh: '任务',
    titleEn: 'Task',
    dueDate,
    status,
  });
}

/**
 * One customer's projects, each standing out on one filter, and another customer's project that
 * would match most of them. Region and division names are fresh, so lists filtered by them hold
 * these projects only.
 */
async function world() {
  const r1 = `华东-${tag()}`;
  const r2 = `华南-${tag()}`;
  const d1 = `交通-${tag()}`;
  const customer = await f.customer();
  const other = await f.customer();
  const on = { customerId: customer.id };
  const a = await f.project({
    ...on,
    phase: 'implementation',
    region: r1,
    division: d1,
    businessLine: 'urban_traffic',
  });
  const b = await f.project({ ...on, phase: 'start', region: r2, businessLine: 'transport' });
  const c = await f.project({ ...on, region: r1 });
  const d = await f.project({ ...on, phase: 'closing', region: r2 });
  const e = await f.project({ customerId: other.id, phase: 'implementation', region: r1, division: d1 });
  await handover(a.id, ['on_site', 'business_support']);
  await handover(b.id, ['remote', 'technical_support']);
  await handover(c.id); // not decided yet
  await handover(d.id, ['on_site', 'technical_support']);
  await handover(e.id, ['on_site', 'business_support']);
  await task(a.id, '2026-06-09'); // overdue since today
  await task(a.id, '2026-07-01');
  await task(b.id, '2026-06-10'); // due today: not overdue yet
  await task(b.id, '2026-05-01', 'done');
  await task(b.id, '2026-05-01', 'cancelled');
  await task(d.id, '2026-06-01', 'awaiting_approval', 'quality'); // overdue, but internal to the provider
  await task(e.id, '2026-06-01');
  const contact = await f.session(await f.contact(customer.id));
  return { r1, r2, d1, customer, other, a, b, c, d, e, contact };
}

describe('filtering the project list', () => {
  it('filters by phase, region, division and business line, counting what it filters', async () => {
    const w = await world();
    const http = client(t.app, admin);
    const list = async (query: string) => (await http.get(`/api/v1/projects?limit=200&${query}`)).json();

    expect(ids(await list(`customerId=${w.customer.id}&phase=implementation`))).toEqual([w.a.id]);
    expect(ids(await list(`customerId=${w.customer.id}&phase=closing`))).toEqual([w.d.id]);
    const inR1 = await list(`region=${encodeURIComponent(w.r1)}`);
    expect(sorted(ids(inR1))).toEqual(sorted([w.a.id, w.c.id, w.e.id]));
    expect(inR1.total).toBe(3);
    expect(sorted(ids(await list(`region=${encodeURIComponent(w.r1)}&customerId=${w.customer.id}`)))).toEqual(
      sorted([w.a.id, w.c.id]),
    );
    expect(sorted(ids(await list(`division=${encodeURIComponent(w.d1)}`)))).toEqual(sorted([w.a.id, w.e.id]));
    expect(
      ids(
        await list(`division=${encodeURIComponent(w.d1)}&phase=implementation&customerId=${w.customer.id}`),
      ),
    ).toEqual([w.a.id]);
    expect(ids(await list(`customerId=${w.customer.id}&businessLine=transport`))).toEqual([w.b.id]);
    // A region is matched exactly, not as a part of a name.
    expect(
      (await list(`region=${encodeURIComponent(w.r1.slice(0, 4))}&customerId=${w.customer.id}`)).items,
    ).toEqual([]);
  });

  it('filters by the service mode chosen at handover, and shows it on each project', async () => {
    const w = await world();
    const http = client(t.app, admin);
    const list = async (query: string) =>
      (await http.get(`/api/v1/projects?limit=200&customerId=${w.customer.id}&${query}`)).json();

    const onSite = await list('serviceMode=on_site');
    expect(sorted(ids(onSite))).toEqual(sorted([w.a.id, w.d.id]));
    expect(onSite.total).toBe(2);
    expect(ids(await list('serviceMode=remote'))).toEqual([w.b.id]);
    expect(ids(await list('serviceMode=on_site&serviceVariant=technical_support'))).toEqual([w.d.id]);
    expect(sorted(ids(await list('serviceVariant=technical_support')))).toEqual(sorted([w.b.id, w.d.id]));
    expect((await list('serviceMode=remote&serviceVariant=business_support')).items).toEqual([]);

    const all = await list('sort=code');
    const modeOf = (id: string) => all.items.find((p: { id: string }) => p.id === id)?.serviceMode;
    expect(modeOf(w.a.id)).toEqual({ mode: 'on_site', variant: 'business_support' });
    expect(modeOf(w.b.id)).toEqual({ mode: 'remote', variant: 'technical_support' });
    expect(modeOf(w.c.id)).toBeNull(); // handover still open
    const one = (await http.get(`/api/v1/projects/${w.d.id}`)).json();
    expect(one.serviceMode).toEqual({ mode: 'on_site', variant: 'technical_support' });
    const bare = await f.project();
    expect((await http.get(`/api/v1/projects/${bare.id}`)).json().serviceMode).toBeNull();
  });

  it('finds projects with an overdue task: still to do and past its due date, as the task list counts it', async () => {
    const w = await world();
    const http = client(t.app, admin);
    const list = async (query: string) =>
      (await http.get(`/api/v1/projects?limit=200&customerId=${w.customer.id}&${query}`)).json();

    const overdue = await list('overdue=true');
    expect(sorted(ids(overdue))).toEqual(sorted([w.a.id, w.d.id]));
    expect(overdue.total).toBe(2);
    expect(sorted(ids(await list('overdue=false')))).toEqual(sorted([w.b.id, w.c.id]));
    expect(ids(await list('overdue=true&serviceMode=on_site&phase=closing'))).toEqual([w.d.id]);

    // The project's own counts agree (the lifecycle module's meaning of overdue).
    const counts = (await http.get(`/api/v1/projects/${w.a.id}/lifecycle`)).json().counts;
    expect(counts.overdue).toBe(1);

    // Paging through a filtered list keeps the filter.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/projects?customerId=${w.customer.id}&overdue=true&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await http.get(url)).json();
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sorted(seen)).toEqual(sorted([w.a.id, w.d.id]));

    // Tomorrow, B's task due today is overdue too.
    t.clock.set(new Date('2026-06-11T02:00:00Z'));
    try {
      expect(sorted(ids(await list('overdue=true')))).toEqual(sorted([w.a.id, w.b.id, w.d.id]));
    } finally {
      t.clock.set(new Date('2026-06-10T02:00:00Z'));
    }
  });

  it("keeps a customer contact's filters within the customer's projects", async () => {
    const w = await world();
    const http = client(t.app, w.contact);
    const list = async (query: string) => (await http.get(`/api/v1/projects?limit=200&${query}`)).json();

    const inR1 = await list(`region=${encodeURIComponent(w.r1)}`);
    expect(sorted(ids(inR1))).toEqual(sorted([w.a.id, w.c.id])); // not the other customer's E
    expect(inR1.total).toBe(2);
    expect(ids(await list(`division=${encodeURIComponent(w.d1)}`))).toEqual([w.a.id]);
    expect(
      ids(
        await list(`region=${encodeURIComponent(w.r1)}&serviceMode=on_site&serviceVariant=business_support`),
      ),
    ).toEqual([w.a.id]);
    expect((await list(`customerId=${w.other.id}&serviceMode=on_site`)).items).toEqual([]);
    // D's overdue task is the provider's quality work, which customers do not see: not overdue for them.
    const overdue = await list('overdue=true');
    expect(ids(overdue)).toEqual([w.a.id]);
    expect(overdue.total).toBe(1);
    expect(sorted(ids(await list('overdue=false')))).toEqual(sorted([w.b.id, w.c.id, w.d.id]));
  });

  it('refuses filter values the contract does not know', async () => {
    const http = client(t.app, admin);
    for (const query of [
      'phase=done',
      'serviceMode=hybrid',
      'serviceVariant=x',
      'overdue=yes',
      'businessLine=x',
      'region=',
    ]) {
      const res = await http.get(`/api/v1/projects?${query}`);
      expect(res.statusCode, query).toBe(400);
    }
  });

  it('uses an index for each new filter', async () => {
    const plan = await t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const explain = async (q: ReturnType<typeof sql>) =>
        (await tx.execute<{ 'QUERY PLAN': string }>(sql`EXPLAIN ${q}`)).rows
          .map((r) => r['QUERY PLAN'])
          .join('\n');
      return {
        phase: await explain(sql`SELECT id FROM projects WHERE phase = 'start'`),
        businessLine: await explain(sql`SELECT id FROM projects WHERE business_line = 'transport'`),
        mode: await explain(
          sql`SELECT project_id FROM handovers WHERE chosen_mode IS NOT NULL AND chosen_mode = 'on_site' AND chosen_variant = 'business_support'`,
        ),
        overdue: await explain(
          sql`SELECT 1 FROM project_tasks WHERE project_id = ${uuid7()}::uuid AND status IN ('open', 'awaiting_approval') AND due_date < '2026-06-10'`,
        ),
      };
    });
    expect(plan.phase).toContain('projects_phase_idx');
    expect(plan.businessLine).toContain('projects_business_line_idx');
    expect(plan.mode).toContain('handovers_chosen_mode_idx');
    expect(plan.overdue).toContain('project_tasks_live_project_due_idx');
  });
});

securityTests('GET /projects with the new filters', async () => {
  const a = await f.tenant();
  return {
    ...t,
    f,
    method: 'GET',
    url: '/api/v1/projects?phase=implementation&serviceMode=on_site&overdue=true&region=x&division=y',
    allowed: await f.session(a.contact),
  };
});
