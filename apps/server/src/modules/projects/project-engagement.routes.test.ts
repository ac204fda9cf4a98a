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

describe('project subcontractors', () => {
  it('engages a subcontractor once, and refuses an unknown one', async () => {
    const a = await f.tenant();
    const http = client(t.app, await f.session(a.pm));
    const url = `/api/v1/projects/${a.project.id}/subcontractors`;
    const sub = await f.subcontractor();
    const res = await http.post(url, { subcontractorId: sub.id, scope: '路口设备巡检' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      projectId: a.project.id,
      subcontractorId: sub.id,
      subcontractorName: sub.name,
      scope: '路口设备巡检',
      abilities: { delete: true },
    });
    expect(fields((await http.post(url, { subcontractorId: sub.id })).json())).toEqual([
      { path: 'subcontractorId', code: 'unique' },
    ]);
    expect(
      fields((await http.post(url, { subcontractorId: '0190a000-0000-7000-8000-000000000000' })).json()),
    ).toEqual([{ path: 'subcontractorId', code: 'unknownReference' }]);
    const list = (await client(t.app, await f.session(a.contact)).get(url)).json().items;
    expect(list.map((e: { subcontractorId: string }) => e.subcontractorId).sort()).toEqual(
      [a.subcontractor.id, sub.id].sort(),
    );
    const audit = await t.deps.pool.query(`SELECT action FROM audit_log WHERE object_id = $1`, [
      `${a.project.id}:${sub.id}`,
    ]);
    expect(audit.rows).toEqual([{ action: 'project_subcontractor.create' }]);
  });

  it("ending an engagement removes that company's field engineers from the project, audited", async () => {
    const a = await f.tenant();
    const second = await f.subStaff(a.subcontractor.id);
    await f.member(a.project.id, second.id, 'field_engineer');
    const otherSub = await f.subcontractor();
    await f.engage(a.project.id, otherSub.id);
    const otherFe = await f.subStaff(otherSub.id);
    await f.member(a.project.id, otherFe.id, 'field_engineer');
    // The same engineer on another project keeps that membership.
    const elsewhere = await f.project();
    await f.engage(elsewhere.id, a.subcontractor.id);
    await f.member(elsewhere.id, second.id, 'field_engineer');

    const res = await client(t.app, await f.session(a.pm)).delete(
      `/api/v1/projects/${a.project.id}/subcontractors/${a.subcontractor.id}`,
    );
    expect(res.statusCode, res.body).toBe(200);

    const left = await t.deps.pool.query(
      `SELECT project_id, user_id FROM project_members WHERE user_id = ANY($1) ORDER BY user_id`,
      [[a.fieldEngineer.id, second.id, otherFe.id]],
    );
    expect(left.rows).toEqual(
      [
        { project_id: elsewhere.id, user_id: second.id },
        { project_id: a.project.id, user_id: otherFe.id },
      ].sort((x, y) => (x.user_id < y.user_id ? -1 : 1)),
    );
    const audit = await t.deps.pool.query(
      `SELECT action, detail, request_id FROM audit_log WHERE object_id = $1 OR (action = 'project_member.delete' AND changes->'projectId'->>'before' = $2) ORDER BY id`,
      [`${a.project.id}:${a.subcontractor.id}`, a.project.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'project_member.delete',
      'project_member.delete',
      'project_subcontractor.delete',
    ]);
    expect(audit.rows[0].detail).toEqual({
      reason: 'subcontractor_disengaged',
      subcontractorId: a.subcontractor.id,
    });
    expect(audit.rows[2].detail).toEqual({ removedFieldEngineers: 2 });
    expect(new Set(audit.rows.map((r) => r.request_id)).size).toBe(1);

    // The field engineer no longer sees the project.
    expect(
      (await client(t.app, await f.session(a.fieldEngineer)).get(`/api/v1/projects/${a.project.id}`))
        .statusCode,
    ).toBe(404);
  });
});

securityTests('GET /projects/:id/subcontractors', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/projects/${a.project.id}/subcontractors`,
    allowed: await f.session(a.fieldEngineer),
    outsider: await f.session(b.fieldEngineer),
  };
});

securityTests('POST /projects/:id/subcontractors', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'POST',
    url: `/api/v1/projects/${a.project.id}/subcontractors`,
    body: { subcontractorId: (await f.subcontractor()).id },
    allowed: await f.session(a.pm),
    allowedStatus: 201,
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.engineer),
  };
});

securityTests('DELETE /projects/:id/subcontractors/:subcontractorId', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'DELETE',
    url: `/api/v1/projects/${a.project.id}/subcontractors/${a.subcontractor.id}`,
    allowed: admin,
    outsider: await f.session(b.fieldEngineer),
    tooLittleRole: await f.session(a.fieldEngineer),
  };
});
