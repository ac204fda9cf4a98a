import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CiType } from '@opsdesk/contracts';
import { click, jsonResponse, pageText, renderWithApp, typeInto, waitFor } from '../../../test/render';
import { CiTypeEditForm, cleanAttribute } from './CiTypeForm';

const l = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const type: CiType = {
  id: '019a0000-0000-7000-8000-0000000000b1',
  key: 'switch',
  label: l('交换机', 'Switch'),
  category: 'network',
  system: true,
  sortOrder: 2,
  version: 1,
  attributes: [
    { key: 'management_ip', label: l('管理IP', 'Management IP'), kind: 'ip', system: true, unique: true },
    { key: 'port_count', label: l('端口数', 'Ports'), kind: 'integer', system: true, unit: '口', min: 0 },
  ],
  createdAt: '2026-11-26T00:00:00.000Z',
  updatedAt: '2026-11-26T00:00:00.000Z',
  abilities: { update: true, delete: false },
};

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
});
afterEach(() => vi.unstubAllGlobals());

const buttonWith = (text: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s/g, '') === text) ?? null;

describe('cleanAttribute', () => {
  it('keeps only the settings of the kind, and never the built-in flag', () => {
    expect(
      cleanAttribute({
        key: ' rack_units ',
        label: l('高度', 'Height'),
        kind: 'integer',
        unit: 'U',
        min: '',
        max: 52,
        options: [{ value: 'x', label: l('x', 'x') }],
        maxLength: 20,
        system: true,
      }),
    ).toEqual({
      key: 'rack_units',
      label: l('高度', 'Height'),
      kind: 'integer',
      required: false,
      unique: false,
      unit: 'U',
      min: null,
      max: 52,
    });
    expect(cleanAttribute({ key: 'd', label: l('d', 'd'), kind: 'date', unique: true }).unique).toBe(false);
  });
});

describe('CiTypeEditForm', () => {
  it('adds an attribute to a built-in type, sends the definitions without built-in flags, and lists a server error without a field above the form', async () => {
    fetchMock.mockImplementation(async (url, init) => {
      if (init?.method === 'PATCH')
        return jsonResponse(400, {
          error: {
            code: 'VALIDATION_FAILED',
            message: '提交的内容有误，请检查标出的字段',
            requestId: 'r1',
            details: {
              fields: [
                {
                  path: 'attributes.2.options',
                  code: 'ciType.no_options',
                  message: '枚举属性至少需要一个选项',
                },
              ],
            },
          },
        });
      return jsonResponse(200, { items: [], nextCursor: null });
    });
    await renderWithApp(<CiTypeEditForm type={type} onDone={() => {}} />);
    // Saved attributes keep their key and kind; built-in ones cannot be removed.
    expect((document.getElementById('attributes_0_key') as HTMLInputElement).disabled).toBe(true);
    await click(buttonWith('添加属性'));
    await typeInto(document.getElementById('attributes_2_key'), 'uplink');
    await typeInto(document.getElementById('attributes_2_label_zh-CN'), '上联方式');
    await typeInto(document.getElementById('attributes_2_label_en'), 'Uplink');
    await click(document.querySelector('button[type="submit"]'));
    await waitFor(() => fetchMock.mock.calls.find(([, i]) => i?.method === 'PATCH'));
    const [url, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'PATCH')!;
    expect(String(url)).toBe(`/api/v1/ci-types/${type.id}`);
    const body = JSON.parse(String(init?.body)) as { attributes: Record<string, unknown>[] };
    expect(body.attributes).toEqual([
      {
        key: 'management_ip',
        label: l('管理IP', 'Management IP'),
        kind: 'ip',
        required: false,
        unique: true,
      },
      {
        key: 'port_count',
        label: l('端口数', 'Ports'),
        kind: 'integer',
        required: false,
        unique: false,
        unit: '口',
        min: 0,
        max: null,
      },
      {
        key: 'uplink',
        label: l('上联方式', 'Uplink'),
        kind: 'text',
        required: false,
        unique: false,
        maxLength: null,
      },
    ]);
    await waitFor(() => pageText().includes('提交的内容有误'));
    // `attributes.2.options` has no field while the kind is text: the form lists it above.
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('枚举属性至少需要一个选项');
  });
});
