import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProjectAbilitiesSchema } from '@opsdesk/contracts';
import type { Membership, Project } from '@opsdesk/contracts';
import { click, jsonResponse, pageText, renderWithApp, waitFor } from '../../../test/render';
import { ProjectMembers } from './ProjectMembers';

const PROJECT = '01900000-0000-7000-8000-000000000001';
const abilities = Object.fromEntries(
  Object.keys(ProjectAbilitiesSchema.shape).map((k) => [k, k === 'manageMembers']),
) as Project['abilities'];
const project = { id: PROJECT, name: '信号系统运维', abilities } as Project;
const member = (id: string, displayName: string, canDelete: boolean): Membership => ({
  id,
  projectId: PROJECT,
  userId: id.replace(/1$/, '2'),
  displayName,
  userKind: 'staff',
  organisationName: null,
  role: 'engineer',
  specialty: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  abilities: { delete: canDelete },
});
const ZHANG = '01900000-0000-7000-8000-0000000000e1';
const LI = '01900000-0000-7000-8000-0000000000f1';

let members: Membership[] = [];
const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  members = [member(ZHANG, '张工', true), member(LI, '李工', false)];
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (url, init) => {
    const u = String(url);
    if (init?.method === 'DELETE') {
      members = members.filter((m) => !u.endsWith(`/members/${m.id}`));
      return jsonResponse(200, { ok: true });
    }
    return jsonResponse(200, { items: members });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('ProjectMembers: removing a member', () => {
  it('offers 移除 only on rows the caller may remove; confirms, sends DELETE and refreshes the list', async () => {
    await renderWithApp(<ProjectMembers project={project} />);
    await waitFor(() => expect(pageText()).toContain('李工'));
    const removeButtons = () =>
      [...document.querySelectorAll('button')].filter((b) => b.textContent?.replace(/\s/g, '') === '移除');
    expect(removeButtons()).toHaveLength(1);
    await click(removeButtons()[0]!);
    await waitFor(() => expect(pageText()).toContain('确定移除“张工”吗？'));
    await click(document.querySelector('.ant-modal-confirm-btns .ant-btn-primary'));
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(
          ([url, init]) =>
            init?.method === 'DELETE' && String(url) === `/api/v1/projects/${PROJECT}/members/${ZHANG}`,
        ),
      ).toBe(true),
    );
    await waitFor(() => expect(document.querySelector('table')?.textContent).not.toContain('张工'));
    expect(document.querySelector('table')?.textContent).toContain('李工');
  });
});
