import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed.js';
import { factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { isolatedDatabase } from '../../test/isolated-db.js';
import { appOn } from './lifecycle.test-support.js';

// The demo seed runs only on an empty database.
let iso: Awaited<ReturnType<typeof isolatedDatabase>>;
let node: Awaited<ReturnType<typeof appOn>>;
const now = new Date('2026-05-11T02:00:00Z');

beforeAll(async () => {
  iso = await isolatedDatabase();
  node = await appOn(iso.url, () => now);
  await seedDemo(node.deps);
});
afterAll(async () => {
  await node.close();
  await iso.drop();
});

const as = async (username: string, lang = 'zh-CN') => {
  const [user] = (await iso.pool.query(`SELECT * FROM users WHERE username = $1`, [username])).rows;
  const f = factories(node.deps);
  const session = await f.session({
    ...user,
    globalRoles: user.global_roles,
    customerId: user.customer_id,
    subcontractorId: user.subcontractor_id,
  });
  return client(node.app, session, lang);
};
const projectId = async (code: string) =>
  (await iso.pool.query(`SELECT id FROM projects WHERE code LIKE $1`, [`${code}%`])).rows[0].id as string;

describe('the service-project demo (opsdesk start --demo)', () => {
  it('explains the suggested mode of each demo project', async () => {
    const admin = await as('admin');
    const expected: [string, string, string, string][] = [
      ['JTJ-', 'on_site', 'business_support', '城交大项目'],
      ['DYYY-', 'on_site', 'technical_support', '侧重于软件的项目'],
      ['HXYH-', 'on_site', 'service_provision', '设备非我司设备'],
    ];
    for (const [code, mode, variant, reason] of expected) {
      const res = await admin.get(`/api/v1/projects/${await projectId(code)}/mode-suggestion`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        assumed: [],
        suggestion: { mode, variant, reasonText: expect.stringContaining(reason) },
      });
    }
  });

  it("shows real content: the hospital's handover starting, the traffic project's checklists, an approval waiting, the roster", async () => {
    const starting = (await (await as('rm.qian')).get('/api/v1/handovers?view=starting')).json().items;
    expect(starting).toEqual([
      expect.objectContaining({
        plannedDate: '2026-05-31',
        standing: 'in_window',
        suggestion: expect.objectContaining({ variant: 'technical_support' }),
      }),
    ]);

    const traffic = await projectId('JTJ-');
    const pm = await as('pm.sun');
    expect((await pm.get(`/api/v1/projects/${traffic}`)).json()).toMatchObject({
      phase: 'implementation',
      contractValue: '35000000.00',
      businessLine: 'urban_traffic',
    });
    const handover = (await pm.get(`/api/v1/projects/${traffic}/handover`)).json();
    expect(handover).toMatchObject({
      decision: { mode: 'on_site', variant: 'business_support' },
      customerManager: { displayName: '郑客户经理' },
    });
    const tasks = (await pm.get(`/api/v1/projects/${traffic}/tasks?limit=200`)).json().items as {
      templateKey: string;
      status: string;
      period: string;
    }[];
    expect(tasks.filter((x) => x.templateKey.startsWith('implementation.')).map((x) => x.period)).toEqual([
      '2026-05',
      '2026-05',
    ]);
    expect(tasks.filter((x) => x.templateKey.startsWith('quality.')).length).toBeGreaterThan(0);

    const approver = await as('jt.feng');
    const waiting = (await approver.get('/api/v1/project-tasks?view=awaiting_approval')).json().items;
    expect(waiting).toEqual([
      expect.objectContaining({
        templateKey: 'start.implementation_plan',
        abilities: expect.objectContaining({ approve: true }),
      }),
    ]);
    expect(
      (await approver.post(`/api/v1/project-tasks/${waiting[0].id}/approve`, { comment: '同意' })).json()
        .status,
    ).toBe('done');

    const onDuty = (await pm.get(`/api/v1/projects/${traffic}/on-duty`)).json();
    expect(onDuty.items).toHaveLength(1);
    const hospital = await projectId('DYYY-');
    expect((await pm.get(`/api/v1/projects/${hospital}/tasks`)).json().items).toHaveLength(8);
  });
});
