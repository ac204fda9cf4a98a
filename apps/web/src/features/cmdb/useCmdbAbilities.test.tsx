import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SystemAbilitiesSchema } from '@opsdesk/contracts';
import type { Me } from '@opsdesk/contracts';
import { RequireSession } from '../../app/session/RequireSession';
import { jsonResponse, pageText, renderWithApp, waitFor } from '../../test/render';
import { useCmdbAbilities } from './useCmdbAbilities';

const PROJECT = '019a0000-0000-7000-8000-0000000000a1';

const me = (kind: Me['kind']): Me => ({
  id: '019a0000-0000-7000-8000-0000000000e1',
  kind,
  username: 'li.gong',
  displayName: '李工',
  locale: 'zh-CN',
  customerId: null,
  subcontractorId: null,
  globalRoles: [],
  memberships: [],
  csrfToken: 'csrf',
  sessionExpiresAt: null,
  idleTimeoutMinutes: 30,
  abilities: Object.fromEntries(
    Object.keys(SystemAbilitiesSchema.shape).map((k) => [k, false]),
  ) as Me['abilities'],
});

let kind: Me['kind'] = 'staff';
let projectAbilities: Record<string, boolean> = {};
const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (url) => {
    const u = String(url);
    if (u.startsWith('/api/v1/me')) return jsonResponse(200, me(kind));
    if (u.startsWith(`/api/v1/projects/${PROJECT}`))
      return jsonResponse(200, { id: PROJECT, abilities: projectAbilities });
    return jsonResponse(200, { items: [], nextCursor: null });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function Probe({ projectId }: { projectId: string | null }) {
  const can = useCmdbAbilities(projectId);
  return <span data-testid="can">{`update=${can.update} import=${can.import} known=${can.known}`}</span>;
}
const shown = () => document.querySelector('[data-testid="can"]')?.textContent;

describe('useCmdbAbilities', () => {
  it("reads the project's own CMDB abilities, never the roles", async () => {
    projectAbilities = { update: false, cmdbCreate: true, cmdbImport: false };
    const view = await renderWithApp(
      <RequireSession>
        <Probe projectId={PROJECT} />
      </RequireSession>,
    );
    await waitFor(() => shown() === 'update=true import=false known=true');
    expect(fetchMock.mock.calls.some(([u]) => String(u).startsWith('/api/v1/cis'))).toBe(false);
    await view.unmount();
  });

  it('offers nothing until the project has answered', async () => {
    projectAbilities = { cmdbCreate: true, cmdbImport: true };
    fetchMock.mockImplementation(async (url) =>
      String(url).startsWith('/api/v1/me') ? jsonResponse(200, me('staff')) : new Promise<Response>(() => {}),
    );
    const view = await renderWithApp(
      <RequireSession>
        <Probe projectId={PROJECT} />
      </RequireSession>,
    );
    await waitFor(() => shown() === 'update=false import=false known=false');
    expect(pageText()).not.toContain('known=true');
    await view.unmount();
  });

  it('with every project shown, offers staff the actions (the form asks for the project) and others none', async () => {
    for (const [k, expected] of [
      ['staff', 'update=true import=true known=true'],
      ['customer_contact', 'update=false import=false known=true'],
    ] as const) {
      kind = k;
      const view = await renderWithApp(
        <RequireSession>
          <Probe projectId={null} />
        </RequireSession>,
      );
      await waitFor(() => shown() === expected);
      await view.unmount();
    }
  });
});
