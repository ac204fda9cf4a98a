import { beforeAll, describe, expect, it } from 'vitest';
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
});

type FieldBody = { error: { details: { fields: { path: string; code: string }[] } } };
const fields = (body: FieldBody) => body.error.details.fields.map((x) => ({ path: x.path, code: x.code }));

describe('project members', () => {
  it('adds staff, contacts of the customer and engaged field engineers, each in a fitting role', async () => {
    const a = await f.tenant();
    const http = client(t.app, await f.session(a.pm));
    const url = `/api/v1/projects/${a.project.id}/members`;

    const staff = await f.user();
    const eng = await http.post(url, {
      userId: staff.id,
      role: 'engineer',
      specialty: 'database_middleware',
    });
    expect(eng.statusCode, eng.body).toBe(201);
    expect(eng.json()).toMatchObject({
      projectId: a.project.id,
      userId: staff.id,
      displayName: staff.displayName,
      userKind: 'staff',
      organisationName: null,
      role: 'engineer',
      specialty: 'database_middleware',
      abilities: { delete: true },
    });

    const contact = await f.contact(a.customer.id);
    const req = await http.post(url, { userId: contact.id, role: 'customer_approver' });
    expect(req.statusCode, req.body).toBe(201);
    expect(req.json()).toMatchObject({
      userKind: 'customer_contact',
      organisationName: a.customer.name,
      specialty: null,
    });

    const fe = await f.subStaff(a.subcontractor.id);
    const field = await http.post(url, { userId: fe.id, role: 'field_engineer' });
    expect(field.statusCode, field.body).toBe(201);
    expect(field.json().organisationName).toBe(a.subcontractor.name);

    const audit = await t.deps.pool.query(`SELECT action, changes FROM audit_log WHERE object_id = $1`, [
      eng.json().id,
    ]);
    expect(audit.rows).toEqual([
      {
        action: 'project_member.create',
        changes: {
          id: { before: null, after: eng.json().id },
          projectId: { before: null, after: a.project.id },
          userId: { before: null, after: staff.id },
          role: { before: null, after: 'engineer' },
          specialty: { before: null, after: 'database_middleware' },
        },
      },
    ]);
  });

  it('refuses a user who cannot hold the role on this project, naming the rule', async () => {
    const a = await f.tenant();
    const b = await f.tenant();
    const http = client(t.app, await f.session(a.pm), 'en');
    const url = `/api/v1/projects/${a.project.id}/members`;
    const idleSub = await f.subcontractor();
    const disabled = await f.user({ disabled: true });
    const cases: [Record<string, unknown>, { path: string; code: string }][] = [
      [
        { userId: (await f.user()).id, role: 'requester' },
        { path: 'role', code: 'roleForKind' },
      ],
      [
        { userId: a.contact.id, role: 'engineer' },
        { path: 'role', code: 'roleForKind' },
      ],
      [
        { userId: a.fieldEngineer.id, role: 'technical_lead' },
        { path: 'role', code: 'roleForKind' },
      ],
      [
        { userId: b.contact.id, role: 'customer_approver' },
        { path: 'userId', code: 'contactOfOtherCustomer' },
      ],
      [
        { userId: (await f.subStaff(idleSub.id)).id, role: 'field_engineer' },
        { path: 'userId', code: 'subcontractorNotEngaged' },
      ],
      [
        { userId: b.fieldEngineer.id, role: 'field_engineer' },
        { path: 'userId', code: 'subcontractorNotEngaged' },
      ],
      [
        { userId: (await f.user()).id, role: 'project_manager', specialty: 'network' },
        { path: 'specialty', code: 'specialtyForEngineer' },
      ],
      [
        { userId: a.engineer.id, role: 'engineer' },
        { path: 'userId', code: 'unique' },
      ],
      [
        { userId: disabled.id, role: 'engineer' },
        { path: 'userId', code: 'userDisabled' },
      ],
      [
        { userId: '0190a000-0000-7000-8000-000000000000', role: 'engineer' },
        { path: 'userId', code: 'unknownReference' },
      ],
    ];
    for (const [body, expected] of cases) {
      const res = await http.post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fields(res.json())).toEqual([expected]);
    }
    const after = (await http.get(url)).json().items;
    expect(after).toHaveLength(3);
  });

  it('lists the team to anyone who sees the project, disabled members included, and removes a member', async () => {
    const a = await f.tenant();
    await t.deps.pool.query(`UPDATE users SET disabled = true WHERE id = $1`, [a.engineer.id]);
    const list = (
      await client(t.app, await f.session(a.contact)).get(`/api/v1/projects/${a.project.id}/members`)
    ).json();
    expect(list.items.map((m: { userId: string }) => m.userId).sort()).toEqual(
      [a.pm.id, a.engineer.id, a.fieldEngineer.id].sort(),
    );
    expect(list.items.every((m: { abilities: { delete: boolean } }) => m.abilities.delete === false)).toBe(
      true,
    );

    const engineerMembership = list.items.find((m: { userId: string }) => m.userId === a.engineer.id);
    const pm = client(t.app, await f.session(a.pm));
    expect(
      (await pm.delete(`/api/v1/projects/${a.project.id}/members/${engineerMembership.id}`)).statusCode,
    ).toBe(200);
    expect(
      (await pm.delete(`/api/v1/projects/${a.project.id}/members/${engineerMembership.id}`)).statusCode,
    ).toBe(404);
    const other = await f.tenant();
    const foreign = (await client(t.app, admin).get(`/api/v1/projects/${other.project.id}/members`)).json()
      .items[0];
    expect((await pm.delete(`/api/v1/projects/${a.project.id}/members/${foreign.id}`)).statusCode).toBe(404);

    const audit = await t.deps.pool.query(`SELECT action, changes FROM audit_log WHERE object_id = $1`, [
      engineerMembership.id,
    ]);
    expect(audit.rows).toMatchObject([
      {
        action: 'project_member.delete',
        changes: {
          userId: { before: a.engineer.id, after: null },
          role: { before: 'engineer', after: null },
        },
      },
    ]);
  });
});

securityTests('GET /projects/:id/members', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/projects/${a.project.id}/members`,
    allowed: await f.session(a.contact),
    outsider: await f.session(b.contact),
  };
});

securityTests('POST /projects/:id/members', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'POST',
    url: `/api/v1/projects/${a.project.id}/members`,
    body: { userId: (await f.user()).id, role: 'engineer', specialty: 'network' },
    allowed: await f.session(a.pm),
    allowedStatus: 201,
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.engineer),
  };
});

securityTests('DELETE /projects/:id/members/:memberId', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  const staff = await f.user();
  const m = await f.member(a.project.id, staff.id, 'service_desk_agent');
  return {
    ...t,
    f,
    method: 'DELETE',
    url: `/api/v1/projects/${a.project.id}/members/${m.id}`,
    allowed: await f.session(a.pm),
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.contact),
  };
});
