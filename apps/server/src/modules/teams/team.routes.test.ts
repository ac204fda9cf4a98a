import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { teamMembers } from '../../db/schema/index.js';
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

const ids = (page: { items: { id: string }[] }) => page.items.map((x) => x.id);
const byPath = (res: { json(): { error: { details: { fields: { path: string; code: string }[] } } } }) =>
  Object.fromEntries(res.json().error.details.fields.map((x) => [x.path, x.code]));

describe('teams', () => {
  it('creates, reads, lists, updates and deletes a team with members and lead, auditing membership', async () => {
    const [lead, m1, m2] = [
      await f.user({ displayName: 'A-组长' }),
      await f.user({ displayName: 'B-工程师' }),
      await f.user({ displayName: 'C-工程师' }),
    ];
    const http = client(t.app, admin);
    const name = `网络组-${Date.now()}`;
    const created = await http.post('/api/v1/teams', {
      name,
      description: '网络专业',
      leadUserId: lead.id,
      memberIds: [lead.id, m1.id, m1.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const team = created.json();
    expect(team).toMatchObject({
      name,
      description: '网络专业',
      leadUserId: lead.id,
      leadName: 'A-组长',
      abilities: { update: true, delete: true },
    });
    expect(team.members).toEqual([
      { userId: lead.id, displayName: 'A-组长' },
      { userId: m1.id, displayName: 'B-工程师' },
    ]);

    expect((await http.get(`/api/v1/teams/${team.id}`)).json()).toEqual(team);
    const list = (await http.get(`/api/v1/teams?q=${encodeURIComponent(name)}`)).json();
    expect(list).toMatchObject({ total: 1, nextCursor: null });
    expect(list.items).toEqual([team]);

    // A rename keeps description, lead and members; memberIds replaces the membership.
    const renamed = await http.patch(`/api/v1/teams/${team.id}`, { name: `${name}-改` });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: `${name}-改`,
      description: '网络专业',
      leadUserId: lead.id,
      members: team.members,
    });
    const moved = await http.patch(`/api/v1/teams/${team.id}`, {
      memberIds: [m2.id, m1.id],
      leadUserId: null,
    });
    expect(moved.json()).toMatchObject({ leadUserId: null, leadName: null, description: '网络专业' });
    expect(moved.json().members.map((m: { userId: string }) => m.userId)).toEqual([m1.id, m2.id]);

    expect((await http.delete(`/api/v1/teams/${team.id}`)).statusCode).toBe(200);
    expect((await http.get(`/api/v1/teams/${team.id}`)).statusCode).toBe(404);
    expect(
      (await t.deps.pool.query(`SELECT 1 FROM team_members WHERE team_id = $1`, [team.id])).rowCount,
    ).toBe(0);

    const audit = await t.deps.pool.query(
      `SELECT action, changes FROM audit_log WHERE object_id = $1 ORDER BY id`,
      [team.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'team.create',
      'team.update',
      'team.update',
      'team.delete',
    ]);
    expect(audit.rows[0].changes.memberIds).toEqual({ before: null, after: [lead.id, m1.id].sort() });
    expect(audit.rows[1].changes).toEqual({ name: { before: name, after: `${name}-改` } });
    expect(audit.rows[2].changes).toEqual({
      leadUserId: { before: lead.id, after: null },
      memberIds: { before: [lead.id, m1.id].sort(), after: [m1.id, m2.id].sort() },
    });
    expect(audit.rows[3].changes.memberIds).toEqual({ before: [m1.id, m2.id].sort(), after: null });
  });

  it('admits only staff as members or lead, and only users that exist', async () => {
    const a = await f.tenant();
    const staff = await f.user();
    const http = client(t.app, admin, 'en');
    const name = `混合组-${Date.now()}`;
    const contactMember = await http.post('/api/v1/teams', {
      name,
      memberIds: [staff.id, a.contact.id],
      leadUserId: a.fieldEngineer.id,
    });
    expect(contactMember.statusCode).toBe(400);
    expect(byPath(contactMember)).toEqual({ memberIds: 'roleForKind', leadUserId: 'roleForKind' });
    expect(contactMember.json().error.details.fields[0].message).toBe(
      'This kind of user cannot hold this role',
    );

    const unknown = await http.post('/api/v1/teams', {
      name,
      memberIds: [a.contact.id, randomUUID()],
      leadUserId: randomUUID(),
    });
    expect(byPath(unknown)).toEqual({ memberIds: 'unknownReference', leadUserId: 'unknownReference' });
    expect((await t.deps.pool.query(`SELECT 1 FROM teams WHERE name = $1`, [name])).rowCount).toBe(0);

    const team = await f.team();
    const patch = await http.patch(`/api/v1/teams/${team.id}`, { memberIds: [a.fieldEngineer.id] });
    expect(byPath(patch)).toEqual({ memberIds: 'roleForKind' });
    const badShape = await http.post('/api/v1/teams', { name: '', memberIds: ['x'], color: 'red' });
    expect(Object.keys(byPath(badShape)).sort()).toEqual(['color', 'memberIds.0', 'name']);
  });

  it('reports a duplicate name on the name field', async () => {
    const existing = await f.team();
    const res = await client(t.app, admin).post('/api/v1/teams', { name: existing.name });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ path: 'name', code: 'unique' });
  });

  it('shows teams to staff only: contacts and subcontractor staff see none', async () => {
    const a = await f.tenant();
    const team = await f.team({ leadUserId: a.pm.id });
    await t.deps.db.insert(teamMembers).values({ teamId: team.id, userId: a.engineer.id });
    const staff = client(t.app, await f.session(a.engineer));
    const seen = (await staff.get(`/api/v1/teams/${team.id}`)).json();
    expect(seen).toMatchObject({
      leadName: a.pm.displayName,
      members: [{ userId: a.engineer.id, displayName: a.engineer.displayName }],
    });
    expect(seen.abilities).toEqual({ update: false, delete: false });
    expect(ids((await staff.get('/api/v1/teams?limit=200&sort=-createdAt')).json())).toContain(team.id);
    for (const who of [a.contact, a.fieldEngineer]) {
      const http = client(t.app, await f.session(who));
      expect((await http.get('/api/v1/teams')).json()).toEqual({ items: [], nextCursor: null, total: 0 });
      expect((await http.get(`/api/v1/teams/${team.id}`)).statusCode).toBe(404);
    }
  });

  it('pages through teams with a keyset cursor, without repeats', async () => {
    const prefix = `分页组-${Date.now()}-`;
    for (let i = 0; i < 5; i++) await f.team({ name: `${prefix}${i}` });
    const http = client(t.app, admin);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/teams?limit=2&sort=-name&q=${encodeURIComponent(prefix)}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await http.get(url)).json();
      expect(page.total).toBe(5);
      seen.push(...page.items.map((x: { name: string }) => x.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([4, 3, 2, 1, 0].map((i) => `${prefix}${i}`));
  });
});

securityTests('GET /teams/:id', async () => {
  const a = await f.tenant();
  const team = await f.team();
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/teams/${team.id}`,
    allowed: await f.session(a.engineer),
    outsider: await f.session(a.fieldEngineer),
  };
});

securityTests('GET /teams', async () => {
  const a = await f.tenant();
  return { ...t, f, method: 'GET', url: '/api/v1/teams', allowed: await f.session(a.engineer) };
});

securityTests('POST /teams', async () => {
  const a = await f.tenant();
  return {
    ...t,
    f,
    method: 'POST',
    url: '/api/v1/teams',
    body: { name: `新团队-${Date.now()}`, memberIds: [a.engineer.id] },
    allowed: admin,
    tooLittleRole: await f.session(a.pm),
  };
});

securityTests('PATCH /teams/:id', async () => {
  const a = await f.tenant();
  const team = await f.team();
  return {
    ...t,
    f,
    method: 'PATCH',
    url: `/api/v1/teams/${team.id}`,
    body: { description: '更新', memberIds: [a.engineer.id] },
    allowed: admin,
    outsider: await f.session(a.contact),
    tooLittleRole: await f.session(a.pm),
  };
});

securityTests('DELETE /teams/:id', async () => {
  const a = await f.tenant();
  const team = await f.team();
  return {
    ...t,
    f,
    method: 'DELETE',
    url: `/api/v1/teams/${team.id}`,
    allowed: admin,
    outsider: await f.session(a.fieldEngineer),
    tooLittleRole: await f.session(a.engineer),
  };
});
