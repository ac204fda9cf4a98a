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
async function ticket(projectId: string, title = '路口信号机离线', requesterId: string | null = null) {
  const id = uuid7();
  await t.deps.pool.query(
    `INSERT INTO tickets (id, number, kind, project_id, channel, impact, urgency, priority, title, state, state_category, requester_id)
     VALUES ($1, $2, 'incident', $3, 'phone', 2, 2, 2, $4, 'new', 'open', $5)`,
    [id, `INC-T-${randomBytes(4).toString('hex')}`, projectId, title, requesterId],
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
    const page1 = (await http.get(`/api/v1/cis/${ci.id}/tickets?limit=1`)).json();
    expect(page1.items.map((x: { ticketId: string }) => x.ticketId)).toEqual([t2]);
    const page2 = (await http.get(`/api/v1/cis/${ci.id}/tickets?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((x: { ticketId: string }) => x.ticketId)).toEqual([t1]);
    expect(page2.nextCursor).toBeNull();
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

describe('CIs of a ticket', () => {
  it('lists the CIs a ticket names, in the order they were named, to those who see the ticket', async () => {
    const { a, ci } = await tenantWithCi();
    const pm = await f.session(a.pm);
    const second = await makeCi(t, pm, { projectId: a.project.id, typeId: sw, name: '汇聚交换机' });
    const third = await makeCi(t, pm, { projectId: a.project.id, typeId: sw, name: '核心交换机' });
    const tk = await ticket(a.project.id, '网络中断', a.contact.id);
    const http = client(t.app, pm);
    for (const id of [second.id, ci.id, third.id])
      expect((await http.put(`/api/v1/cis/${id}/tickets/${tk}`)).statusCode).toBe(200);
    expect((await http.delete(`/api/v1/cis/${third.id}/tickets/${tk}`)).statusCode).toBe(200);

    const staff = (await http.get(`/api/v1/tickets/${tk}/cis`)).json();
    expect(staff.items.map((x: { ci: { id: string } }) => x.ci.id)).toEqual([second.id, ci.id]);
    expect(staff.items[0]).toMatchObject({ ci: { name: '汇聚交换机', projectId: a.project.id } });
    expect(typeof staff.items[0].addedAt).toBe('string');
    expect(staff.abilities).toEqual({ link: true });
    expect(staff.nextCursor).toBeNull();

    // The requester (a contact of the customer) reads them, and may not change them.
    const requester = (
      await client(t.app, await f.session(a.contact)).get(`/api/v1/tickets/${tk}/cis`)
    ).json();
    expect(requester.items.map((x: { ci: { id: string } }) => x.ci.id)).toEqual([second.id, ci.id]);
    expect(requester.abilities).toEqual({ link: false });
    expect(requester.items[0].ci.abilities).toEqual({ update: false, delete: false });

    // Pages follow the keyset.
    const first = (await http.get(`/api/v1/tickets/${tk}/cis?limit=1`)).json();
    expect(first.items.map((x: { ci: { id: string } }) => x.ci.id)).toEqual([second.id]);
    const next = (await http.get(`/api/v1/tickets/${tk}/cis?limit=1&cursor=${first.nextCursor}`)).json();
    expect(next.items.map((x: { ci: { id: string } }) => x.ci.id)).toEqual([ci.id]);
    expect(next.nextCursor).toBeNull();
    expect((await http.get(`/api/v1/tickets/${tk}/cis?cursor=nonsense`)).statusCode).toBe(400);

    // A deleted CI stays named on the ticket.
    expect((await http.delete(`/api/v1/cis/${second.id}`)).statusCode).toBe(200);
    const after = (await http.get(`/api/v1/tickets/${tk}/cis`)).json();
    expect(after.items[0].ci).toMatchObject({ id: second.id });
    expect(after.items[0].ci.deletedAt).not.toBeNull();
  });

  it('hides the ticket from callers outside the ticket scope (404), and lists nothing for a ticket with no CIs', async () => {
    const { a, ci } = await tenantWithCi();
    const tk = await ticket(a.project.id);
    expect(
      (await client(t.app, await f.session(a.pm)).put(`/api/v1/cis/${ci.id}/tickets/${tk}`)).statusCode,
    ).toBe(200);
    // Subcontractor staff see only tickets assigned to their company: this one is unassigned.
    expect(
      (await client(t.app, await f.session(a.fieldEngineer)).get(`/api/v1/tickets/${tk}/cis`)).statusCode,
    ).toBe(404);
    expect(
      (await client(t.app, await f.session((await f.tenant()).pm)).get(`/api/v1/tickets/${tk}/cis`))
        .statusCode,
    ).toBe(404);
    expect(
      (await client(t.app, await f.session(a.pm)).get(`/api/v1/tickets/${uuid7()}/cis`)).statusCode,
    ).toBe(404);
    const empty = (
      await client(t.app, await f.session(a.pm)).get(`/api/v1/tickets/${await ticket(a.project.id)}/cis`)
    ).json();
    expect(empty).toEqual({ items: [], nextCursor: null, abilities: { link: true } });
  });
});

securityTests('GET /tickets/:id/cis', async () => {
  const { a, ci } = await tenantWithCi();
  const tk = await ticket(a.project.id, '网络中断', a.contact.id);
  await client(t.app, await f.session(a.pm)).put(`/api/v1/cis/${ci.id}/tickets/${tk}`);
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/tickets/${tk}/cis`,
    allowed: await f.session(a.contact),
    outsider: await f.session((await f.tenant()).pm),
  };
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
