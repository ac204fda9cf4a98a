import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import dayjs from 'dayjs';
import type { AttributeDef } from '@opsdesk/contracts';
import { api } from '../../../app/api/client';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { click, jsonResponse, pageText, renderWithApp, typeInto, waitFor } from '../../../test/render';
import { attributesSchema, attributesToApi, attributesToForm } from '../attributes';
import { AttributeFields } from './AttributeFields';

const l = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const CI = '019a0000-0000-7000-8000-0000000000c1';
const PROJECT = '019a0000-0000-7000-8000-0000000000a1';
const defs: AttributeDef[] = [
  { key: 'hostname', label: l('主机名', 'Host name'), kind: 'text', required: true },
  { key: 'memory_gb', label: l('内存', 'Memory'), kind: 'number', unit: 'GB', min: 0 },
  { key: 'cpu_cores', label: l('CPU核数', 'CPU cores'), kind: 'integer', unit: '核', min: 1 },
  { key: 'installed', label: l('上线日期', 'Installed'), kind: 'date' },
  { key: 'virtual', label: l('虚拟化', 'Virtual'), kind: 'boolean' },
  {
    key: 'layer',
    label: l('层级', 'Layer'),
    kind: 'enum',
    options: [
      { value: 'l2', label: l('二层', 'Layer 2') },
      { value: 'l3', label: l('三层', 'Layer 3') },
    ],
  },
  { key: 'management_ip', label: l('管理IP', 'Management IP'), kind: 'ip', unique: true },
  { key: 'mac_address', label: l('MAC地址', 'MAC address'), kind: 'mac' },
  { key: 'host_server', label: l('宿主机', 'Host server'), kind: 'reference', refTypes: ['physical_server'] },
];

/** The attribute half of the CI form, sent as a PATCH like CiEditForm does. */
function Harness({ initial }: { initial: Record<string, unknown> }) {
  const form = useContractForm({
    schema: z.object({ attributes: attributesSchema(defs) }),
    toInput: (v: FormValues) => ({
      attributes: attributesToApi(defs, v.attributes as Record<string, unknown>, 'patch'),
    }),
    submit: (data) => api.patch(`/cis/${CI}`, data),
  });
  return (
    <ContractFormView form={form} initialValues={{ attributes: attributesToForm(defs, initial) }}>
      <AttributeFields defs={defs} projectId={PROJECT} ciId={CI} />
    </ContractFormView>
  );
}

const fetchMock = vi.fn<typeof fetch>();
const item = (key: string) => document.getElementById(`attributes_${key}`)?.closest('.ant-form-item');
const explainOf = (key: string) => item(key)?.querySelector('.ant-form-item-explain')?.textContent;
const input = (key: string) => document.getElementById(`attributes_${key}`);

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
  // The type catalogue (reference pickers narrow to a type by its key).
  fetchMock.mockImplementation(async (url) =>
    String(url).includes('/ci-types')
      ? jsonResponse(200, { items: [], nextCursor: null })
      : jsonResponse(200, { ok: true }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('AttributeFields: one input per attribute kind, from the type definition', () => {
  it('renders the input each kind needs, labelled with its unit, required ones marked', async () => {
    await renderWithApp(<Harness initial={{}} />);
    const label = (key: string) => item(key)?.querySelector('label')?.textContent;
    expect(defs.map((d) => label(d.key))).toEqual([
      '主机名',
      '内存（GB）',
      'CPU核数（核）',
      '上线日期',
      '虚拟化',
      '层级',
      '管理IP',
      'MAC地址',
      '宿主机',
    ]);
    // text, ip, mac: text boxes; numbers: spin buttons with the unit beside; date: a picker;
    // yes/no, choices and references: selects.
    expect(input('hostname')?.getAttribute('type')).toBe('text');
    expect(input('memory_gb')?.getAttribute('role')).toBe('spinbutton');
    expect(item('memory_gb')?.textContent).toContain('GB');
    expect(input('cpu_cores')?.getAttribute('role')).toBe('spinbutton');
    expect(input('installed')?.closest('.ant-picker')).not.toBeNull();
    for (const k of ['virtual', 'layer', 'host_server'])
      expect(input(k)?.getAttribute('role')).toBe('combobox');
    expect(input('management_ip')?.getAttribute('placeholder')).toBe('10.0.0.1');
    expect(input('mac_address')?.getAttribute('placeholder')).toBe('00:1A:2B:3C:4D:5E');
    expect(item('hostname')?.querySelector('.ant-form-item-required')).not.toBeNull();
    expect(item('memory_gb')?.querySelector('.ant-form-item-required')).toBeNull();
    expect(item('management_ip')?.textContent).toContain('同一项目内该类型的配置项不能重复');
  });

  it('checks values in the browser with the server’s messages, on the field, before sending', async () => {
    await renderWithApp(<Harness initial={{ hostname: 'web-01' }} />);
    await typeInto(input('hostname'), '');
    await typeInto(input('cpu_cores'), '2.5');
    await typeInto(input('management_ip'), '10.0.0.300');
    await typeInto(input('mac_address'), 'xx');
    await click(document.querySelector('button[type="submit"]'));
    await waitFor(() => explainOf('management_ip'));
    expect(explainOf('hostname')).toBe('必填');
    expect(explainOf('management_ip')).toBe('不是有效的 IP 地址');
    expect(explainOf('mac_address')).toBe('不是有效的 MAC 地址');
    expect(explainOf('memory_gb')).toBeFalsy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);
  });

  it('sends typed values and puts the server’s field errors (attributes.<key>) on their inputs', async () => {
    fetchMock.mockImplementation(async (url, init) => {
      if (String(url).includes('/ci-types')) return jsonResponse(200, { items: [], nextCursor: null });
      if (init?.method === 'PATCH')
        return jsonResponse(400, {
          error: {
            code: 'VALIDATION_FAILED',
            message: '请求参数有误',
            requestId: 'r1',
            details: {
              fields: [
                { path: 'attributes.management_ip', code: 'unique', message: '该值已被使用' },
                {
                  path: 'attributes.host_server',
                  code: 'ci.referenceNotFound',
                  message: '本项目中没有引用的配置项',
                },
              ],
            },
          },
        });
      return jsonResponse(404, {});
    });
    await renderWithApp(
      <Harness
        initial={{
          hostname: 'web-01',
          memory_gb: 64,
          installed: '2024-03-05',
          virtual: false,
          layer: 'l3',
          management_ip: '10.0.0.7',
          host_server: '019a0000-0000-7000-8000-0000000000d1',
        }}
      />,
    );
    await typeInto(input('cpu_cores'), '16');
    await click(document.querySelector('button[type="submit"]'));
    await waitFor(() => explainOf('management_ip'));
    expect(explainOf('management_ip')).toBe('该值已被使用');
    expect(explainOf('host_server')).toBe('本项目中没有引用的配置项');
    expect(pageText()).toContain('请求参数有误');
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH')!;
    expect(String(patch[0])).toBe(`/api/v1/cis/${CI}`);
    expect(JSON.parse(String(patch[1]?.body))).toEqual({
      attributes: {
        hostname: 'web-01',
        memory_gb: 64,
        cpu_cores: 16,
        installed: dayjs('2024-03-05').format('YYYY-MM-DD'),
        virtual: false,
        layer: 'l3',
        management_ip: '10.0.0.7',
        mac_address: null,
        host_server: '019a0000-0000-7000-8000-0000000000d1',
      },
    });
  });
});
