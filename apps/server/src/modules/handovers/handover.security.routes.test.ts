import { beforeAll, expect } from 'vitest';
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
  t.clock.set(new Date('2026-02-04T02:00:00Z')); // 2026-02-04, 10:00 in Shanghai
});

const open = async (s: ServiceTenant, body: Record<string, unknown>) =>
  client(t.app, await f.session(s.pm)).post(`/api/v1/projects/${s.project.id}/handover`, body);

async function handoverCase(
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body: unknown,
  who: (
    s: ServiceTenant,
    extra: { lead: ServiceTenant['pm'] },
  ) => { allowed: ServiceTenant['pm']; tooLittle: ServiceTenant['pm'] },
  setup: 'none' | 'open' | 'decided' = 'open',
) {
  const s = await serviceTenant(f);
  const o = await serviceTenant(f);
  const lead = await f.user({ managesRegion: s.project.region });
  if (setup !== 'none')
    expect((await open(s, { plannedDate: '2026-03-01', serviceLeadId: lead.id })).statusCode).toBe(201);
  if (setup === 'decided') {
    const r = await client(t.app, await f.session(s.regionalManager)).post(
      `/api/v1/projects/${s.project.id}/handover/decide`,
      { mode: 'on_site', variant: 'business_support', reason: '按规则' },
    );
    expect(r.statusCode).toBe(200);
  }
  const r = who(s, { lead });
  return {
    ...t,
    f,
    method,
    url: `/api/v1/projects/${s.project.id}/handover${path}`,
    body,
    allowed: await f.session(r.allowed),
    ...(method === 'POST' && path === '' ? { allowedStatus: 201 } : {}),
    outsider: await f.session(o.regionalManager),
    tooLittleRole: await f.session(r.tooLittle),
  };
}

securityTests('GET /projects/:id/handover', () =>
  handoverCase('GET', '', undefined, (s) => ({ allowed: s.engineer, tooLittle: s.requester })),
);
securityTests('POST /projects/:id/handover', () =>
  handoverCase(
    'POST',
    '',
    { plannedDate: '2026-03-01' },
    (s) => ({ allowed: s.pm, tooLittle: s.regionalManager }),
    'none',
  ),
);
securityTests('PATCH /projects/:id/handover', () =>
  handoverCase('PATCH', '', { plannedDate: '2026-03-08' }, (s) => ({ allowed: s.pm, tooLittle: s.engineer })),
);
securityTests('POST /projects/:id/handover/decide', () =>
  handoverCase(
    'POST',
    '/decide',
    { mode: 'on_site', variant: 'business_support', reason: '按规则' },
    (s) => ({ allowed: s.divisionManager, tooLittle: s.pm }),
  ),
);
securityTests('POST /projects/:id/handover/customer-manager', () =>
  handoverCase(
    'POST',
    '/customer-manager',
    { userId: '' },
    (s, x) => ({ allowed: x.lead, tooLittle: s.regionalManager }),
    'decided',
  ).then(async (c) => ({ ...c, body: { userId: (await f.user()).id } })),
);
securityTests('POST /projects/:id/handover/subcontractor-decision', () =>
  handoverCase(
    'POST',
    '/subcontractor-decision',
    { needed: true, reason: '需要分包商负责外场' },
    (s) => ({ allowed: s.pm, tooLittle: s.engineer }),
    'decided',
  ).then(async (c) => {
    // The mode has a customer manager: until one is named only an admin decides, so name the allowed caller.
    const projectId = c.url.split('/')[4]!;
    await t.deps.pool.query(`UPDATE handovers SET customer_manager_id = $1 WHERE project_id = $2`, [
      c.allowed.user.id,
      projectId,
    ]);
    return c;
  }),
);
securityTests('GET /handovers', async () => {
  const s = await serviceTenant(f);
  return {
    ...t,
    f,
    method: 'GET',
    url: '/api/v1/handovers?view=starting',
    allowed: await f.session(s.pm),
    tooLittleRole: await f.session(s.requester),
  };
});
