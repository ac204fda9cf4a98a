import type { LocalisedText } from '../lifecycle/types.js';
import type { ReadingValue } from './reading.js';
import type { InspectionItem, ReadingSpec } from './template.js';

/** Words for unit symbols that are not universal; any other unit is shown as written. */
const UNIT_WORDS: Readonly<Record<string, LocalisedText>> = {
  d: { 'zh-CN': '天', en: 'days' },
  h: { 'zh-CN': '小时', en: 'h' },
  min: { 'zh-CN': '分钟', en: 'min' },
  s: { 'zh-CN': '秒', en: 's' },
  pages: { 'zh-CN': '页', en: 'pages' },
};

const TIGHT_UNITS = new Set(['%', '°C', '℃', '%RH']);

/** A number with its unit in each language: `92%`, `23°C`, `30 天` / `30 days`, `12 ms`. */
export function formatQuantity(value: number, unit: string): LocalisedText {
  const word = UNIT_WORDS[unit];
  const join = (u: string) =>
    u === '' ? String(value) : TIGHT_UNITS.has(u) ? `${value}${u}` : `${value} ${u}`;
  return word ? { 'zh-CN': join(word['zh-CN']), en: join(word.en) } : { 'zh-CN': join(unit), en: join(unit) };
}

/** The normal value of a reading spec in words: `18～27°C` / `18 to 27°C`, `≤ 80%`, `是` / `Yes`, the normal options; null for text and unbounded numbers. */
export function normalRangeText(reading: ReadingSpec): LocalisedText | null {
  switch (reading.type) {
    case 'number': {
      const min = reading.min ?? null;
      const max = reading.max ?? null;
      const q = (v: number) => formatQuantity(v, reading.unit);
      if (min !== null && max !== null) {
        const lo = formatQuantity(min, '');
        return { 'zh-CN': `${lo['zh-CN']}～${q(max)['zh-CN']}`, en: `${lo.en} to ${q(max).en}` };
      }
      if (max !== null) return { 'zh-CN': `≤ ${q(max)['zh-CN']}`, en: `≤ ${q(max).en}` };
      if (min !== null) return { 'zh-CN': `≥ ${q(min)['zh-CN']}`, en: `≥ ${q(min).en}` };
      return null;
    }
    case 'boolean':
      return yesNo(reading.normal);
    case 'choice': {
      const labels = reading.options.filter((o) => reading.normal.includes(o.value)).map((o) => o.label);
      return { 'zh-CN': labels.map((l) => l['zh-CN']).join('、'), en: labels.map((l) => l.en).join(', ') };
    }
    case 'text':
      return null;
  }
}

/** A value as it reads in each language: the quantity, 是/否, the option's label, the text. */
export function formatReadingValue(item: InspectionItem, value: ReadingValue | null): LocalisedText {
  const r = item.reading;
  if (value === null) return { 'zh-CN': '（未填写）', en: '(empty)' };
  if (r.type === 'number' && typeof value === 'number') return formatQuantity(value, r.unit);
  if (typeof value === 'boolean') return yesNo(value);
  if (r.type === 'choice') {
    const o = r.options.find((x) => x.value === value);
    if (o) return o.label;
  }
  return { 'zh-CN': String(value), en: String(value) };
}

/**
 * The reading quoted for a finding and the incident or work order made from it, one full sentence
 * per language: `CPU 使用率：92%（正常：0～80%）。备注：批处理任务占用` /
 * `CPU usage: 92% (normal: 0 to 80%). Remark: batch job running`.
 */
export function quoteReading(
  item: InspectionItem,
  value: ReadingValue | null,
  remark: string | null,
): LocalisedText {
  const v = formatReadingValue(item, value);
  const range = normalRangeText(item.reading);
  const zh = `${item.title['zh-CN']}：${v['zh-CN']}${range ? `（正常：${range['zh-CN']}）` : ''}`;
  const en = `${item.title.en}: ${v.en}${range ? ` (normal: ${range.en})` : ''}`;
  return remark ? { 'zh-CN': `${zh}。备注：${remark}`, en: `${en}. Remark: ${remark}` } : { 'zh-CN': zh, en };
}

function yesNo(b: boolean): LocalisedText {
  return b ? { 'zh-CN': '是', en: 'Yes' } : { 'zh-CN': '否', en: 'No' };
}
