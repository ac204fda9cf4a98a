import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { canSeeUser } from '@opsdesk/domain';
import type { ProjectFacts, UserFacts } from '@opsdesk/domain';
import { actorOf, findPrincipalByUserId } from '../auth/auth.repository.js';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories, UserRow } from '../../test/factories.js';
import { client } from '../../test/http.js';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
});

/**
 * A small world of customers, projects, subcontractors and users, each named with this run's
 * tag. For every user as the caller, the list and the single reads must show exactly the users
 * the domain rule `canSeeUser` allows: the SQL twin in user.repository.ts agrees with it.
 */
describe('user visibility: SQL agrees with canSeeUser', () => {
  it('for admins, staff, managers, contacts and subcontractor staff', async () => {
    const k = randomBytes(4).toString('hex');
    const division = `事业部-${k}`;
    const region = `大区-${k}`;
    const people: UserRow[] = [];
    const memberOf = new Map<string, string[]>();
    const user = async (
      kind: 'admin' | 'security' | 'auditor' | 'staff',
      over: Parameters<Factories['user']>[0] = {},
    ) => {
      const roles = {
        admin: ['admin'],
        security: ['security_admin'],
        auditor: ['auditor'],
        staff: [],
      } as const;
      const u = await f.user({
        displayName: `${k}-${people.length}`,
        globalRoles: [...roles[kind]],
        ...over,
      });
      people.push(u);
      return u;
    };
    const member = async (projectId: string, u: UserRow, role: Parameters<Factories['member']>[2]) => {
      await f.member(projectId, u.id, role);
      memberOf.set(u.id, [...(memberOf.get(u.id) ?? []), projectId]);
    };

    const cA = await f.customer();
    const cB = await f.customer();
    const cC = await f.customer();
    const pA = await f.project({ customerId: cA.id, division });
    const pB = await f.project({ customerId: cB.id, region });
    const pC = await f.project({ customerId: cC.id });
    const [s1, s2, s3] = [await f.subcontractor(), await f.subcontractor(), await f.subcontractor()];
    await f.engage(pA.id, s1.id);
    await f.engage(pB.id, s2.id);
    const projects: ProjectFacts[] = [
      { id: pA.id, customerId: cA.id, division, region: null, subcontractorIds: [s1.id] },
      { id: pB.id, customerId: cB.id, division: null, region, subcontractorIds: [s2.id] },
      { id: pC.id, customerId: cC.id, division: null, region: null, subcontractorIds: [] },
    ];

    await user('admin');
    await user('security');
    await user('auditor');
    await member(pA.id, await user('staff'), 'engineer');
    await member(pB.id, await user('staff'), 'project_manager');
    await member(pC.id, await user('staff'), 'service_desk_agent');
    await user('staff');
    await user('staff', { managesDivision: division });
    await user('staff', { managesRegion: region });
    await member(pA.id, await user('staff', { kind: 'customer_contact', customerId: cA.id }), 'requester');
    await user('staff', { kind: 'customer_contact', customerId: cA.id, disabled: true });
    await user('staff', { kind: 'customer_contact', customerId: cB.id });
    await user('staff', { kind: 'customer_contact', customerId: cC.id });
    await member(
      pA.id,
      await user('staff', { kind: 'subcontractor_staff', subcontractorId: s1.id }),
      'field_engineer',
    );
    await user('staff', { kind: 'subcontractor_staff', subcontractorId: s1.id });
    await user('staff', { kind: 'subcontractor_staff', subcontractorId: s2.id });
    await user('staff', { kind: 'subcontractor_staff', subcontractorId: s3.id });

    const facts = (u: UserRow): UserFacts => ({
      id: u.id,
      kind: u.kind,
      customerId: u.customerId,
      subcontractorId: u.subcontractorId,
      memberProjectIds: memberOf.get(u.id) ?? [],
    });
    const sizes: number[] = [];
    for (const caller of people.filter((u) => !u.disabled)) {
      const principal = await findPrincipalByUserId(t.deps.db, caller.id);
      const actor = actorOf(principal!);
      const expected = people.filter((u) => canSeeUser(actor, facts(u), projects)).map((u) => u.id);
      const http = client(t.app, await f.session(caller));
      const listed = (await http.get(`/api/v1/users?q=${k}&limit=200&sort=createdAt`))
        .json()
        .items.map((x: { id: string }) => x.id);
      expect(listed.sort(), caller.displayName).toEqual([...expected].sort());
      for (const u of people) {
        const res = await http.get(`/api/v1/users/${u.id}`);
        expect(res.statusCode, `${caller.displayName} → ${u.displayName}`).toBe(
          expected.includes(u.id) ? 200 : 404,
        );
      }
      sizes.push(expected.length);
    }
    // The world is not trivial: some callers see everyone, some only a few.
    expect(Math.max(...sizes)).toBe(people.length);
    expect(Math.min(...sizes)).toBeLessThan(people.length / 2);
  });
});
