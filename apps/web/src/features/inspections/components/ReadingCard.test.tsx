import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InspectionItem } from '@opsdesk/contracts';
import { click, jsonResponse, renderWithApp, typeInto, waitFor } from '../../../test/render';
import { judge } from '../judge';
import type { DraftReading } from '../offline/draft-store';
import { ReadingCard } from './ReadingCard';

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () => jsonResponse(200, { items: [], nextCursor: null }));
});
afterEach(() => vi.unstubAllGlobals());

const l = (zh: string, en = zh) => ({ 'zh-CN': zh, en });
const CPU: InspectionItem = {
  key: 'cpu_usage',
  ciTypeKey: 'switch',
  title: l('CPU 使用率', 'CPU usage'),
  method: l('display cpu-usage'),
  reading: { type: 'number', unit: '%', min: null, max: 70 },
  photo: 'never',
  severity: 'minor',
};
const LIGHTS: InspectionItem = {
  key: 'status_lights',
  ciTypeKey: 'switch',
  title: l('设备指示灯正常', 'Status lights normal'),
  method: l('现场查看'),
  reading: { type: 'boolean', normal: true },
  photo: 'when_abnormal',
  severity: 'major',
};

/** The page's wiring in small: the card's changes go into the reading, judged again at once. */
function Harness({ item }: { item: InspectionItem }) {
  const [r, setR] = useState<DraftReading | undefined>();
  return (
    <ReadingCard
      item={item}
      reading={r}
      evaluation={judge(item, r)}
      disabled={false}
      onChange={(patch) =>
        setR((prev) => ({
          ciId: 'ci',
          itemKey: item.key,
          value: null,
          remark: '',
          photos: [],
          pendingPhotos: [],
          flagged: false,
          enteredAt: '',
          dirty: true,
          ...prev,
          ...patch,
        }))
      }
      onPhoto={() => {}}
      onRemovePhoto={() => {}}
    />
  );
}

const card = () => document.querySelector('[data-item]') as HTMLElement;
const state = () => card().getAttribute('data-state');
const text = () => card().textContent ?? '';

describe('a reading as it is typed: judged at once by the domain rules', () => {
  it('a number within range is normal; above the bound abnormal, asking for the reason', async () => {
    await renderWithApp(<Harness item={CPU} />);
    const input = await waitFor(() => card().querySelector('input[inputmode="decimal"]'));
    expect(text()).toContain('正常值：≤ 70%');
    expect(state()).toBe('empty');

    await typeInto(input, '35');
    expect(state()).toBe('normal');
    expect(text()).toContain('正常');
    expect(card().querySelector('textarea')).toBeNull();

    await typeInto(input, '９２％'); // full-width digits and percent sign from a Chinese keyboard
    expect(state()).toBe('abnormal');
    expect(text()).toContain('异常');
    expect(text()).toContain('高于上限');
    expect(text()).toContain('读数异常，请在备注中写明原因');

    await typeInto(card().querySelector('textarea'), '批处理高峰');
    expect(text()).not.toContain('读数异常，请在备注中写明原因');
    expect(state()).toBe('abnormal');
  });

  it('refuses a comma instead of guessing, and says so', async () => {
    await renderWithApp(<Harness item={CPU} />);
    const input = await waitFor(() => card().querySelector('input[inputmode="decimal"]'));
    await typeInto(input, '1,5');
    expect(text()).toContain('请用小数点，不要用逗号');
    await typeInto(input, 'abc');
    expect(text()).toContain('应为数字');
  });

  it('a yes/no item: the abnormal answer asks for the reason and a photo', async () => {
    await renderWithApp(<Harness item={LIGHTS} />);
    const no = await waitFor(() =>
      [...card().querySelectorAll('label')].find((x) => x.textContent === '否')?.querySelector('input'),
    );
    await click(no!);
    expect(state()).toBe('abnormal');
    expect(text()).toContain('不是正常答案');
    expect(text()).toContain('该项需要拍照');
    expect(
      card().querySelector('input[type="file"][accept="image/*"][capture="environment"]'),
    ).not.toBeNull();
    const yes = [...card().querySelectorAll('label')]
      .find((x) => x.textContent === '是')!
      .querySelector('input');
    await click(yes!);
    expect(state()).toBe('normal');
    expect(text()).not.toContain('该项需要拍照');
  });
});
