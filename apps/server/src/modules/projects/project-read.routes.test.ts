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

const ids = (page: { items: { id: string }[] }) => page.items.map((x) => x.id);

describe('reading projects', () => {
  it('shows each caller only the projects in scope, with filters', async () => {
    const a = await f.tenant();
    const b = await f.tenant();
    const second = await f.project({ customerId: a.customer.id, status: 'closed' });
    const forContact = (
      await client(t.app, await f.session(a.contact)).get('/api/v1/projects?limit=200')
    ).json();
    expect(ids(forContact).sort()).toEqual([a.project.id, second.id].sort());
    expect(forContact.items[0].abilities).toEqual({
      update: false,
      delete: false,
      manageMembers: false,
      manageSubcontractors: false,
      cmdbCreate: false,
      cmdbImport: false,
    });
    expect(
      ids((await client(t.app, await f.session(a.fieldEngineer)).get('/api/v1/projects?limit=200')).json()),
    ).toEqual([a.project.id]);
    expect(
      ids((await client(t.app, await f.session(b.pm)).get('/api/v1/projects?limit=200')).json()),
    ).toEqual([b.project.id]);
    expect(
      (await client(t.app, await f.session(b.pm)).get(`/api/v1/projects/${a.project.id}`)).statusCode,
    ).toBe(404);

    const http = client(t.app, admin);
    expect(
      ids((await http.get(`/api/v1/projects?customerId=${a.customer.id}&status=closed`)).json()),
    ).toEqual([second.id]);
    expect(
      ids((await http.get(`/api/v1/projects?customerId=${a.customer.id}&q=${a.project.code}`)).json()),
    ).toEqual([a.project.id]);
    // q is taken literally: % and _ are not wildcards.
    expect((await http.get(`/api/v1/projects?customerId=${a.customer.id}&q=%25`)).json().items).toEqual([]);
    expect((await http.get(`/api/v1/projects?customerId=${a.customer.id}&q=_`)).json().items).toEqual([]);
  });

  it('pages by start date with projects without one last, in both directions', async () => {
    const customer = await f.customer();
    const made = [
      await f.project({ customerId: customer.id, startDate: '2026-03-01' }),
      await f.project({ customerId: customer.id, startDate: null }),
      await f.project({ customerId: customer.id, startDate: '2026-01-01' }),
      await f.project({ customerId: customer.id, startDate: null }),
      await f.project({ customerId: customer.id, startDate: '2026-02-01' }),
    ];
    const walk = async (sort: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/projects?customerId=${customer.id}&limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await client(t.app, admin).get(url)).json();
        seen.push(...ids(page));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    const [mar, null1, jan, null2, feb] = made.map((p) => p.id);
    const nulls = [null1!, null2!].sort();
    expect(await walk('startDate')).toEqual([jan, feb, mar, ...nulls]);
    expect(await walk('-startDate')).toEqual([mar, feb, jan, ...nulls.reverse()]);
  });
});

securityTests('GET /projects', async () => {
  const a = await f.tenant();
  return { ...t, f, method: 'GET', url: '/api/v1/projects', allowed: await f.session(a.pm) };
});

securityTests('GET /projects/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/projects/${a.project.id}`,
    allowed: await f.session(a.contact),
    outsider: await f.session(b.contact),
  };
});
