import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from './built-in/index.js';
import { SYSTEM_CI_TYPES } from '../cmdb/types.js';
import { INSPECTION_CI_TYPE_KEYS } from './ci-types.js';
import { validatePlan } from './plan.js';
import type { ReadingInput } from './reading.js';
import { evaluateReading } from './reading.js';
import type { InspectionItem, InspectionTemplate } from './template.js';
import { checklistFor, coveredCiTypes, validateTemplate } from './template.js';

const ALL_ITEMS = BUILT_IN_TEMPLATES.flatMap((t) =>
  t.items.map((i) => [`${t.id} ${i.ciTypeKey}/${i.key}`, i] as const),
);
const CJK = /[\u4e00-\u9fff]/;

/** A reading an engineer would enter for a healthy device. */
function healthy(item: InspectionItem): ReadingInput {
  const r = item.reading;
  switch (r.type) {
    case 'number': {
      const lo = r.min ?? (r.max ?? 0) - 10;
      const hi = r.max ?? lo + 10;
      return { value: String((lo + hi) / 2) };
    }
    case 'boolean':
      return { value: r.normal };
    case 'choice':
      return { value: r.normal[0] };
    case 'text':
      return { value: '正常', photos: item.photo === 'always' ? ['photo-1'] : [] };
  }
}

describe('CI type keys', () => {
  it("are the CMDB's built-in types plus ups", () => {
    expect([...INSPECTION_CI_TYPE_KEYS].sort()).toEqual([...SYSTEM_CI_TYPES, 'ups'].sort());
  });
});

describe('BUILT_IN_TEMPLATES', () => {
  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s is valid, version 1, frozen, and survives JSON',
    (_id, t) => {
      expect(validateTemplate(t)).toEqual([]);
      expect(t.version).toBe(1);
      expect(t.id).toMatch(/^builtin\.[a-z_]+$/);
      expect(Object.isFrozen(t.items[0]?.reading)).toBe(true);
      expect(JSON.parse(JSON.stringify(t))).toEqual(t);
    },
  );

  it('has one template per area of the seed’s monthly inspection, none overlapping, so a plan may combine any', () => {
    expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.id)).size).toBe(BUILT_IN_TEMPLATES.length);
    const covered = coveredCiTypes(BUILT_IN_TEMPLATES);
    for (const type of covered) expect(() => checklistFor(BUILT_IN_TEMPLATES, type)).not.toThrow();
    for (const type of covered) expect(INSPECTION_CI_TYPE_KEYS).toContain(type);
    expect(covered).toEqual(
      expect.arrayContaining([
        'physical_server',
        'virtual_machine',
        'router',
        'switch',
        'firewall',
        'storage_array',
        'ups',
        'room',
        'pc',
        'printer',
        'video_conference',
        'signal_controller',
        'database_instance',
        'middleware_instance',
      ]),
    );
    const plan = {
      templateIds: BUILT_IN_TEMPLATES.map((t) => t.id),
      selection: { mode: 'filter', filter: {} },
      schedule: { kind: 'monthly', day: 1 },
      assigneeId: 'u',
      teamId: null,
      dueDays: 5,
    } as const;
    expect(validatePlan(plan, BUILT_IN_TEMPLATES as InspectionTemplate[])).toEqual([]);
  });

  it('checks what a signal controller inspection needs: 灯组状态, 时钟同步, 通信状态, 故障记录, 机柜温湿度', () => {
    const keys = checklistFor(BUILT_IN_TEMPLATES, 'signal_controller')?.items.map((i) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'signal_groups',
        'clock_offset',
        'communication',
        'fault_log',
        'cabinet_temperature',
        'cabinet_humidity',
      ]),
    );
  });

  it.each(ALL_ITEMS)('%s: bilingual text, and a healthy reading passes', (_n, item) => {
    expect(item.title['zh-CN']).toMatch(CJK);
    expect(item.title.en).not.toMatch(CJK);
    expect(item.method.en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(evaluateReading(item, healthy(item))).toMatchObject({ ok: true, normal: true });
  });

  it.each(ALL_ITEMS.filter(([, i]) => i.reading.type !== 'text'))(
    '%s: an unhealthy reading is abnormal and needs a reason',
    (_n, item) => {
      const r = item.reading;
      const bad: unknown =
        r.type === 'number'
          ? (r.max ?? null) !== null
            ? (r.max as number) + 1
            : (r.min as number) - 1
          : r.type === 'boolean'
            ? !r.normal
            : r.type === 'choice'
              ? r.options.find((o) => !r.normal.includes(o.value))?.value
              : null;
      if (r.type === 'number' && r.min == null && r.max == null) return; // a counter: never abnormal
      expect(evaluateReading(item, { value: bad, photos: ['p'] })).toEqual({
        ok: false,
        normal: false,
        problems: [{ path: 'remark', code: 'remark_required' }],
      });
    },
  );

  it('raises incidents at once for what endangers people or data: a signal controller off its plan, a green conflict, water in the room', () => {
    const auto = BUILT_IN_TEMPLATES.flatMap((t) =>
      t.items
        .filter((i) => t.autoIncidentSeverities.includes(i.severity))
        .map((i) => `${i.ciTypeKey}/${i.key}`),
    );
    expect(auto).toEqual(
      expect.arrayContaining([
        'signal_controller/run_mode',
        'signal_controller/conflict_monitor',
        'room/water_leak',
        'physical_server/raid_status',
      ]),
    );
    expect(auto).not.toContain('printer/supplies');
  });
});
