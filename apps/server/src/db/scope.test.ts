import { beforeAll, describe, expect, it } from 'vitest';
import { and, inArray } from 'drizzle-orm';
import { canSeeProject } from '@opsdesk/domain';
import type { Actor, ProjectFacts, ProjectRole } from '@opsdesk/domain';
import { projects } from './schema/index.js';
import { projectVisible } from './scope.js';
import { testApp } from '../test/app.js';
import type { TestApp } from '../test/app.js';
import { factories } from '../test/factories.js';

/**
 * The scope rule exists twice: as a pure predicate (domain, table-tested) and as SQL (what every
 * repository filters by). This test makes random worlds and actors and checks that both give
 * exactly the same projects.
 */
let t: TestApp;
const facts: ProjectFacts[] = [];
const customerIds: string[] = [];
const subIds: string[] = [];

// A small seeded PRNG so a failure can be replayed.
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

beforeAll(async () => {
  t = await testApp();
  const f = factories(t.deps);
  const rnd = prng(20261126);
  for (let i = 0; i < 3; i++) customerIds.push((await f.customer()).id);
  for (let i = 0; i < 3; i++) subIds.push((await f.subcontractor()).id);
  const tag = `scope-${Date.now()}`;
  for (let i = 0; i < 12; i++) {
    const customerId = customerIds[Math.floor(rnd() * 3)]!;
    const division = rnd() < 0.7 ? `${tag}-div-${Math.floor(rnd() * 2)}` : null;
    const region = rnd() < 0.7 ? `${tag}-reg-${Math.floor(rnd() * 2)}` : null;
    const p = await f.project({ customerId, division, region });
    const engaged = subIds.filter(() => rnd() < 0.3);
    for (const s of engaged) await f.engage(p.id, s);
    facts.push({ id: p.id, customerId, division, region, subcontractorIds: engaged });
  }
});

describe('projectVisible (SQL) agrees with canSeeProject (domain)', () => {
  it('for 200 random actors over 12 projects', async () => {
    const rnd = prng(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const roles: ProjectRole[] = ['engineer', 'project_manager', 'requester', 'field_engineer'];
    const ids = facts.map((p) => p.id);
    for (let n = 0; n < 200; n++) {
      const kind = pick(['staff', 'staff', 'customer_contact', 'subcontractor_staff'] as const);
      const actor: Actor = {
        userId: `u${n}`,
        kind,
        globalRoles: kind === 'staff' && rnd() < 0.1 ? ['admin'] : [],
        customerId: kind === 'customer_contact' ? pick(customerIds) : null,
        subcontractorId: kind === 'subcontractor_staff' ? pick(subIds) : null,
        managesDivision: kind === 'staff' && rnd() < 0.3 ? pick(facts).division : null,
        managesRegion: kind === 'staff' && rnd() < 0.3 ? pick(facts).region : null,
        memberships: facts
          .filter(() => rnd() < 0.2)
          .map((p) => ({ projectId: p.id, role: pick(roles), specialty: null })),
      };
      const rows = await t.deps.db
        .select({ id: projects.id })
        .from(projects)
        .where(and(inArray(projects.id, ids), projectVisible(actor, projects.id)));
      const bySql = rows.map((r) => r.id).sort();
      const byDomain = facts
        .filter((p) => canSeeProject(actor, p))
        .map((p) => p.id)
        .sort();
      expect(bySql, JSON.stringify(actor)).toEqual(byDomain);
    }
  });
});
