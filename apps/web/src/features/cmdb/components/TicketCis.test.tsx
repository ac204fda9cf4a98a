import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ci, TicketCi } from '@opsdesk/contracts';
import { click, jsonResponse, pageText, renderWithApp, waitFor } from '../../../test/render';
import { TicketCis } from './TicketCis';

const TICKET = '019a0000-0000-7000-8000-0000000000c1';
const PROJECT = '019a0000-0000-7000-8000-0000000000a1';

const ci = (id: string, name: string, over: Partial<Ci> = {}): Ci => ({
  id,
  projectId: PROJECT,
  projectName: '信号系统运维',
  type: {
    id: '019a0000-0000-7000-8000-0000000000b1',
    key: 'switch',
    label: { 'zh-CN': '交换机', en: 'Switch' },
    category: 'network',
  },
  typeVersion: 1,
  name,
  status: 'in_use',
  owner: null,
  site: null,
  tags: [],
  attributes: {},
  vendor: null,
  model: null,
  serialNo: null,
  assetTag: null,
  purchaseDate: null,
  price: null,
  warrantyEnd: null,
  supportContract: null,
  supplier: null,
  description: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  abilities: { update: false, delete: false },
  ...over,
});
const core = ci('019a0000-0000-7000-8000-0000000000d1', '核心交换机-01');
const old = ci('019a0000-0000-7000-8000-0000000000d2', '汇聚交换机-外场', {
  deletedAt: '2026-02-01T00:00:00.000Z',
});
const named = (c: Ci): TicketCi => ({ ci: c, addedAt: '2026-03-01T00:00:00.000Z' });

let listed: TicketCi[] = [];
let link = false;
const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  listed = [named(core), named(old)];
  link = false;
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (url, init) => {
    const u = String(url);
    if (u.startsWith(`/api/v1/tickets/${TICKET}/cis`))
      return jsonResponse(200, { items: listed, nextCursor: null, abilities: { link } });
    if (init?.method === 'DELETE') {
      listed = listed.filter((x) => !u.includes(x.ci.id));
      return jsonResponse(200, { ok: true });
    }
    const impact = /\/api\/v1\/cis\/([^/]+)\/impact/.exec(u);
    if (impact) {
      const root = listed.find((x) => x.ci.id === impact[1])?.ci ?? core;
      return jsonResponse(200, {
        root: { id: root.id, name: root.name, status: root.status, type: root.type },
        depth: 6,
        items: [],
        businessServices: [],
        truncated: false,
      });
    }
    return jsonResponse(200, { items: [], nextCursor: null });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const unlinkButtons = () => [...document.querySelectorAll('button[aria-label="移除该配置项"]')];

describe('TicketCis', () => {
  it("lists the ticket's CIs from the API, read-only when the caller may not change them", async () => {
    const view = await renderWithApp(<TicketCis ticketId={TICKET} projectId={PROJECT} />);
    await waitFor(() => pageText().includes('核心交换机-01'));
    expect(pageText()).toContain('汇聚交换机-外场');
    expect(pageText()).toContain('已删除');
    expect(
      fetchMock.mock.calls.some(([u]) => String(u).startsWith(`/api/v1/tickets/${TICKET}/cis?limit=200`)),
    ).toBe(true);
    // Each CI comes with the list: no request per CI.
    expect(fetchMock.mock.calls.some(([u]) => String(u) === `/api/v1/cis/${core.id}`)).toBe(false);
    expect(unlinkButtons()).toHaveLength(0);
    expect(document.querySelector('[aria-label="搜索并添加配置项"]')).toBeNull();
    await view.unmount();
  });

  it('offers to remove and add CIs when the API says so, and reloads the list after a change', async () => {
    link = true;
    const view = await renderWithApp(<TicketCis ticketId={TICKET} projectId={PROJECT} />);
    await waitFor(() => unlinkButtons().length === 2);
    expect(document.querySelector('[aria-label="搜索并添加配置项"]')).not.toBeNull();
    await click(unlinkButtons()[0]!);
    await waitFor(() => !pageText().includes('核心交换机-01'));
    expect(
      fetchMock.mock.calls.some(
        ([u, init]) => init?.method === 'DELETE' && String(u) === `/api/v1/cis/${core.id}/tickets/${TICKET}`,
      ),
    ).toBe(true);
    expect(pageText()).toContain('汇聚交换机-外场');
    await view.unmount();
  });

  it('says so when the ticket names no CI', async () => {
    listed = [];
    const view = await renderWithApp(<TicketCis ticketId={TICKET} projectId={PROJECT} />);
    await waitFor(() => pageText().includes('尚未指定涉及的配置项。'));
    await view.unmount();
  });
});
