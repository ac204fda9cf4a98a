import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { uuid7 } from '../../lib/ids.js';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import { makeCi, typeId } from './cmdb.test-helpers.js';

let t: TestApp;
let f: Factories;
let sw: string;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  sw = await typeId(t, 'switch');
});

/** A ticket straight in the database (the ticket engine's own tests cover making them). */
async function ticket(projectId: string, title = '路口信号机离线') {
  const id = uuid7();
  await t.deps.pool.query(
    `INSERT INTO tickets (id, number, kind, project_id, channel, impact, urgency, priority, title, state, state_category)
     VALUES ($1, $2, 'incident', $3, 'phone', 2, 2, 2, $4, 'new', 'open')`,
    [id, `INC-T-${randomBytes(4).toString('hex')}`, projectId, title],
  );
  return id;
}

async function tenantWithCi() {
  const a = await f.tenant();
  const ci = await makeCi(t, await f.session(a.pm), {
    projectId: a.project.id,
    typeId: sw,
    name: '接入交换机',
  });
  return { a, ci };
}

describe('tickets of a CI', () => {
  it('links tickets to the CIs they affect and lists them on the CI', async () => {
    const { a, ci } = await tenantWithCi();
    const t1 = await ticket(a.project.id, '交换机端口故障');
    const t2 = await ticket(a.project.id, '网络中断');
    const agent = await f.user();
    await f.member(a.project.id, agent.id, 'service_desk_agent');
    const http = client(t.app, await f.session(agent));
    expect((await http.put(`/api/v1/cis/${ci.id}/tickets/${t1}`)).statusCode).toBe(200);
    expect((await http.put(`/api/v1/cis/${ci.id}/tickets/${t2}`)).statusCode).toBe(200);
    expect((await http.put(`/api/v1/cis/${ci.id}/tickets/${t2}`)).statusCode).toBe(200); // idempotent
    const list = (await client(t.app, await f.session(a.contact)).get(`/api/v1/cis/${ci.id}/tickets`)).json();
    expect(list.items.map((x: { ticketId: string; title: string }) => [x.ticketId, x.title]).sort()).toEqual(
      [
        [t1, '交换机端口故障'],
        [t2, '网络中断'],
      ].sort(),
    );
    expect((await http.delete(`/api/v1/cis/${ci.id}/tickets/${t1}`)).statusCode).toBe(200);
    expect(
      (await http.get(`/api/v1/cis/${ci.id}/tickets`))
        .json()
        .items.map((x: { ticketId: string }) => x.ticketId),
    ).toEqual([t2]);
    const audit = await t.deps.pool.query(`SELECT action FROM audit_log WHERE object_id = $1 ORDER BY id`, [
      t1,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(['ticket_ci.add', 'ticket_ci.remove']);
    // A ticket of another project cannot name the CI; a contact cannot link.
    const b = await f.tenant();
    const other = await ticket(b.project.id);
    expect((await http.put(`/api/v1/cis/${ci.id}/tickets/${other}`)).statusCode).toBe(404);
    expect(
      (await client(t.app, await f.session(a.contact)).put(`/api/v1/cis/${ci.id}/tickets/${t1}`)).statusCode,
    ).toBe(403);
  });
});

securityTests('GET /cis/:id/tickets', async () => {
  const { a, ci } = await tenantWithCi();
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/cis/${ci.id}/tickets`,
    allowed: await f.session(a.contact),
    outsider: await f.session((await f.tenant()).pm),
  };
});

securityTests('PUT /cis/:id/tickets/:ticketId', async () => {
  const { a, ci } = await tenantWithCi();
  const tk = await ticket(a.project.id);
  return {
    ...t,
    f,
    method: 'PUT',
    url: `/api/v1/cis/${ci.id}/tickets/${tk}`,
    allowed: await f.session(a.engineer),
    outsider: await f.session((await f.tenant()).pm),
    tooLittleRole: await f.session(a.contact),
  };
});

securityTests('DELETE /cis/:id/tickets/:ticketId', async () => {
  const { a, ci } = await tenantWithCi();
  const tk = await ticket(a.project.id);
  await client(t.app, await f.session(a.pm)).put(`/api/v1/cis/${ci.id}/tickets/${tk}`);
  return {
    ...t,
    f,
    method: 'DELETE',
    url: `/api/v1/cis/${ci.id}/tickets/${tk}`,
    allowed: await f.session(a.engineer),
    outsider: await f.session((await f.tenant()).pm),
    tooLittleRole: await f.session(a.contact),
  };
});
