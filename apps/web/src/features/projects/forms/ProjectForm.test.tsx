import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Project } from '@opsdesk/contracts';
import { click, jsonResponse, pageText, renderWithApp, typeInto, waitFor } from '../../../test/render';
import { ProjectEditForm } from './ProjectForm';

const project: Project = {
  id: '01900000-0000-7000-8000-000000000001',
  code: 'JTJ-2026-01',
  name: '信号系统运维',
  customerId: '01900000-0000-7000-8000-000000000002',
  customerName: '市交通局',
  status: 'planned',
  division: '交通事业部',
  region: '华东大区',
  startDate: '2026-03-01',
  endDate: '2027-02-28',
  description: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  abilities: {
    update: true,
    delete: true,
    manageMembers: true,
    manageSubcontractors: true,
    cmdbCreate: true,
    cmdbImport: true,
  },
  contractNo: 'HT-001',
  contractValue: '35000000.00',
  businessLine: 'urban_traffic',
  deliveryType: 'own_build',
  warrantyEnd: '2028-12-31',
  serviceHours: { onSite: '5x8', hotline: '7x24', note: null },
  scopeDescription: null,
  customerSelfMaintains: false,
  viaReseller: false,
  renewalStatus: 'first_term',
  phase: null,
  dutyTeamId: null,
  serviceMode: null,
};

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const input = (id: string) => document.querySelector(`#${id}`);
const fieldError = (id: string) =>
  input(id)?.closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent;
const submit = () => click(document.querySelector('button[type="submit"]'));
const sentBody = () => {
  const call = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH');
  return call ? (JSON.parse(String(call[1]?.body)) as Record<string, unknown>) : null;
};

// A big antd form in jsdom takes a few seconds on a shared 2-core machine.
const SLOW = 30_000;

describe('the project contract form', () => {
  it(
    'sends the contract value as the decimal string typed, separators and all, never a float',
    async () => {
      fetchMock.mockResolvedValue(jsonResponse(200, project));
      const view = await renderWithApp(<ProjectEditForm project={project} onDone={() => {}} />);
      expect((input('contractValue') as HTMLInputElement).value).toBe('35,000,000.00');
      await typeInto(input('contractValue'), '90,071,992,547,409.93');
      await submit();
      await waitFor(() => sentBody(), 8000);
      expect(sentBody()).toMatchObject({
        contractValue: '90071992547409.93',
        serviceHours: { onSite: '5x8', hotline: '7x24', note: null },
        startDate: '2026-03-01',
        warrantyEnd: '2028-12-31',
      });
      // Unmount before the page is cleared: the success message's timer must not outlive its node.
      await view.unmount();
    },
    SLOW,
  );

  it(
    'puts the server’s field errors on the contract fields, nested service hours included',
    async () => {
      fetchMock.mockResolvedValue(
        jsonResponse(400, {
          error: {
            code: 'VALIDATION_FAILED',
            message: '请求参数有误',
            requestId: 'req-42',
            details: {
              fields: [
                { path: 'contractValue', code: 'moneyFormat', message: '金额格式不正确（最多两位小数）' },
                { path: 'serviceHours.hotline', code: 'serviceHours', message: '服务时间格式应如 5x8、7x24' },
                { path: 'dutyTeamId', code: 'unknownReference', message: '引用的对象不存在' },
              ],
            },
          },
        }),
      );
      await renderWithApp(<ProjectEditForm project={project} onDone={() => {}} />);
      await submit();
      await waitFor(() => fetchMock.mock.calls.length > 0, 8000);
      await waitFor(() => fieldError('contractValue'), 8000);
      expect(fieldError('contractValue')).toBe('金额格式不正确（最多两位小数）');
      expect(fieldError('serviceHours_hotline')).toBe('服务时间格式应如 5x8、7x24');
      expect(fieldError('dutyTeamId')).toBe('引用的对象不存在');
      expect(pageText()).toContain('req-42');
    },
    SLOW,
  );

  it(
    'refuses a negative amount and bad service hours in the browser, with the server’s texts',
    async () => {
      await renderWithApp(<ProjectEditForm project={project} onDone={() => {}} />);
      await typeInto(input('serviceHours_onSite'), '8x5');
      await typeInto(input('contractValue'), '12.345');
      await submit();
      await waitFor(() => fieldError('serviceHours_onSite'), 8000);
      expect(fieldError('serviceHours_onSite')).toBe('服务时间格式应如 5x8、7x24');
      expect(fieldError('contractValue')).toBe('金额格式不正确（最多两位小数）');
      expect(fetchMock).not.toHaveBeenCalled();
    },
    SLOW,
  );
});
