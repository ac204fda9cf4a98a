import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProjectAbilitiesSchema } from '@opsdesk/contracts';
import type { Project } from '@opsdesk/contracts';
import { click, jsonResponse, pageText, renderWithApp, typeInto, waitFor } from '../../../test/render';
import { ProjectList, serviceModeQuery, supportsFilter } from './ProjectList';

const noAbilities = Object.fromEntries(
  Object.keys(ProjectAbilitiesSchema.shape).map((k) => [k, false]),
) as Project['abilities'];

const base: Project = {
  id: '01900000-0000-7000-8000-000000000001',
  code: 'JTJ-2026-01',
  name: '信号系统运维',
  customerId: '01900000-0000-7000-8000-000000000002',
  customerName: '市交通局',
  status: 'active',
  division: '交通事业部',
  region: '华东大区',
  startDate: '2026-03-01',
  endDate: '2027-02-28',
  description: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  abilities: noAbilities,
  contractNo: null,
  contractValue: null,
  businessLine: 'urban_traffic',
  deliveryType: null,
  warrantyEnd: null,
  serviceHours: { onSite: '5x8', hotline: '7x24', note: null },
  scopeDescription: null,
  customerSelfMaintains: false,
  viaReseller: false,
  renewalStatus: 'first_term',
  phase: 'implementation',
  dutyTeamId: null,
  serviceMode: { mode: 'on_site', variant: 'technical_support' },
};
const undecided: Project = {
  ...base,
  id: '01900000-0000-7000-8000-000000000003',
  code: 'JTJ-2026-02',
  name: '站台设备维护',
  serviceMode: null,
};

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (url) =>
    String(url).startsWith('/api/v1/projects')
      ? jsonResponse(200, { items: [base, undecided], nextCursor: null, total: 2 })
      : jsonResponse(200, { items: [], nextCursor: null }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** The query of every `GET /projects` sent so far. */
const projectQueries = () =>
  fetchMock.mock.calls
    .map(([url]) => String(url))
    .filter((u) => u.startsWith('/api/v1/projects'))
    .map((u) => new URL(u, 'http://x').searchParams);
const labelled = (label: string) => document.querySelector(`[aria-label="${label}"]`);

const SLOW = 30_000;

describe('the project list filters', () => {
  it('offers every filter the contract accepts', () => {
    for (const name of [
      'customerId',
      'status',
      'phase',
      'region',
      'division',
      'businessLine',
      'serviceMode',
      'overdue',
    ])
      expect(supportsFilter(name), name).toBe(true);
    expect(supportsFilter('colour')).toBe(false);
  });

  it('sends one mode filter as the mode and, when chosen, its variant', () => {
    expect(serviceModeQuery('on_site')).toEqual({ serviceMode: 'on_site' });
    expect(serviceModeQuery('remote.technical_support')).toEqual({
      serviceMode: 'remote',
      serviceVariant: 'technical_support',
    });
  });

  it(
    'reads the filters from the URL, sends them to the API, and shows the chosen mode',
    async () => {
      const route =
        '/projects?phase=implementation&serviceMode=on_site.technical_support&overdue=true' +
        `&region=${encodeURIComponent('华东大区')}&division=${encodeURIComponent('交通事业部')}&businessLine=urban_traffic`;
      const view = await renderWithApp(<ProjectList />, { route });
      await waitFor(() => pageText().includes('信号系统运维'), 8000);

      const sent = projectQueries().at(-1)!;
      expect(Object.fromEntries(sent)).toMatchObject({
        phase: 'implementation',
        serviceMode: 'on_site',
        serviceVariant: 'technical_support',
        overdue: 'true',
        region: '华东大区',
        division: '交通事业部',
        businessLine: 'urban_traffic',
      });
      for (const label of ['服务模式', '生命周期阶段', '大区', '事业部', '业务线', '逾期', '客户', '状态'])
        expect(labelled(label), label).not.toBeNull();
      // The mode column (and the filter showing its choice), and a project whose handover is not decided.
      expect(pageText()).toContain('驻场技术保障');
      expect(pageText()).toContain('有逾期任务');
      expect(pageText()).toContain('未确定');
      await view.unmount();
    },
    SLOW,
  );

  it(
    'writes a filter typed by the user into the URL and asks again',
    async () => {
      const view = await renderWithApp(<ProjectList />, { route: '/projects?overdue=false' });
      await waitFor(() => pageText().includes('信号系统运维'), 8000);
      expect(projectQueries().at(-1)!.get('overdue')).toBe('false');

      await typeInto(labelled('大区'), '华南大区');
      await click(labelled('大区')!.closest('.ant-input-search')!.querySelector('.ant-input-search-btn'));
      await waitFor(() => projectQueries().at(-1)!.get('region') === '华南大区', 8000);
      const url = new URLSearchParams(view.router.state.location.search);
      expect(url.get('region')).toBe('华南大区');
      expect(url.get('overdue')).toBe('false');
      await view.unmount();
    },
    SLOW,
  );

  it(
    'drops a value the contract does not know rather than failing the page',
    async () => {
      const view = await renderWithApp(<ProjectList />, {
        route: '/projects?serviceMode=hybrid&phase=start',
      });
      await waitFor(() => projectQueries().length > 0, 8000);
      const sent = projectQueries().at(-1)!;
      expect(sent.get('serviceMode')).toBeNull();
      expect(sent.get('phase')).toBe('start');
      await view.unmount();
    },
    SLOW,
  );
});
