// Test fixtures for the inspection rules. Not exported from the package.
import type { InspectionItem, InspectionTemplate, ReadingSpec } from './template.js';
import { frozenCopy } from './versioning.js';

export function item(key: string, reading: ReadingSpec, more: Partial<InspectionItem> = {}): InspectionItem {
  return {
    key,
    ciTypeKey: 'physical_server',
    title: { 'zh-CN': `检查 ${key}`, en: `Check ${key}` },
    method: { 'zh-CN': '查看', en: 'Look' },
    reading,
    photo: 'never',
    severity: 'minor',
    ...more,
  };
}

/** One item of every reading type, for a physical server, and one for a switch. */
export const CPU = item('cpu_usage', { type: 'number', unit: '%', min: 0, max: 80 });
export const TEMP = item(
  'inlet_temp',
  { type: 'number', unit: '°C', min: 18, max: 27 },
  { severity: 'major' },
);
export const FANS = item('fans', { type: 'boolean', normal: true }, { photo: 'when_abnormal' });
export const LEAK = item('water_seen', { type: 'boolean', normal: false }, { severity: 'critical' });
export const RAID = item(
  'raid',
  {
    type: 'choice',
    options: [
      { value: 'optimal', label: { 'zh-CN': '正常', en: 'Optimal' } },
      { value: 'degraded', label: { 'zh-CN': '降级', en: 'Degraded' } },
      { value: 'no_raid', label: { 'zh-CN': '未配置', en: 'None' } },
    ],
    normal: ['optimal', 'no_raid'],
  },
  { severity: 'major' },
);
export const NOTES = item('notes', { type: 'text' });
export const VERSION = item('version', { type: 'text', required: true });
export const PHOTO = item('cabinet_photo', { type: 'text' }, { photo: 'always', severity: 'info' });
export const UPLINK = item(
  'uplink',
  { type: 'boolean', normal: true },
  { ciTypeKey: 'switch', severity: 'major' },
);

export const TEMPLATE: InspectionTemplate = frozenCopy({
  id: 'tpl-1',
  version: 1,
  name: { 'zh-CN': '测试模板', en: 'Test template' },
  items: [CPU, FANS, RAID, NOTES, UPLINK],
  autoIncidentSeverities: ['major', 'critical'],
});
