import { describe, expect, it } from 'vitest';
import { evaluateReading } from './reading.js';
import type { InspectionItem, InspectionTemplate, TemplateProblem } from './template.js';
import { checklistFor, coveredCiTypes, findTemplateItem, validateTemplate } from './template.js';
import { CPU, FANS, NOTES, RAID, TEMPLATE, UPLINK } from './testing.js';
import type { TemplateDiff } from './versioning.js';
import { createTemplate, reviseTemplate } from './versioning.js';

/** Admin-edited JSON arrives untyped; the validator must cope with what the types forbid. */
const fromJson = (value: unknown): InspectionTemplate => value as InspectionTemplate;
const withItem = (i: number, patch: Record<string, unknown>): InspectionTemplate =>
  fromJson({ ...TEMPLATE, items: TEMPLATE.items.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
const withReading = (i: number, reading: unknown) => withItem(i, { reading });

describe('validateTemplate', () => {
  it('accepts a template with every reading type', () => {
    expect(validateTemplate(TEMPLATE)).toEqual([]);
  });

  it.each<[string, InspectionTemplate, TemplateProblem]>([
    ['blank id', { ...TEMPLATE, id: ' ' }, { path: 'id', code: 'required' }],
    ['version 0', { ...TEMPLATE, version: 0 }, { path: 'version', code: 'invalid' }],
    ['fractional version', { ...TEMPLATE, version: 1.5 }, { path: 'version', code: 'invalid' }],
    [
      'no English name',
      fromJson({ ...TEMPLATE, name: { 'zh-CN': '模板' } }),
      { path: 'name.en', code: 'required' },
    ],
    ['no items', { ...TEMPLATE, items: [] }, { path: 'items', code: 'no_items' }],
    ['items not a list', fromJson({ ...TEMPLATE, items: {} }), { path: 'items', code: 'invalid' }],
    [
      'unknown auto-incident severity',
      fromJson({ ...TEMPLATE, autoIncidentSeverities: ['major', 'severe'] }),
      { path: 'autoIncidentSeverities.1', code: 'unknown_severity' },
    ],
    [
      'item not an object',
      fromJson({ ...TEMPLATE, items: [CPU, null] }),
      { path: 'items.1', code: 'invalid' },
    ],
    ['bad key', withItem(0, { key: 'CPU usage' }), { path: 'items.0.key', code: 'invalid_key' }],
    [
      'duplicate key on one CI type',
      fromJson({ ...TEMPLATE, items: [CPU, { ...FANS, key: 'cpu_usage' }] }),
      { path: 'items.1.key', code: 'duplicate_key' },
    ],
    [
      'unknown CI type',
      withItem(0, { ciTypeKey: 'toaster' }),
      { path: 'items.0.ciTypeKey', code: 'unknown_ci_type' },
    ],
    [
      'blank zh-CN title',
      withItem(0, { title: { 'zh-CN': '', en: 'CPU' } }),
      { path: 'items.0.title.zh-CN', code: 'required' },
    ],
    ['no method', withItem(0, { method: undefined }), { path: 'items.0.method', code: 'required' }],
    [
      'unknown photo rule',
      withItem(0, { photo: 'sometimes' }),
      { path: 'items.0.photo', code: 'unknown_photo_rule' },
    ],
    [
      'unknown severity',
      withItem(0, { severity: 'blocker' }),
      { path: 'items.0.severity', code: 'unknown_severity' },
    ],
    [
      'unknown reading type',
      withReading(0, { type: 'date' }),
      { path: 'items.0.reading.type', code: 'unknown_reading_type' },
    ],
    ['no reading', withReading(0, null), { path: 'items.0.reading', code: 'unknown_reading_type' }],
    [
      'number without unit',
      withReading(0, { type: 'number', max: 80 }),
      { path: 'items.0.reading.unit', code: 'invalid' },
    ],
    [
      'number with text bound',
      withReading(0, { type: 'number', unit: '%', max: '80' }),
      { path: 'items.0.reading.max', code: 'invalid' },
    ],
    [
      'number with NaN bound',
      withReading(0, { type: 'number', unit: '%', min: Number.NaN }),
      { path: 'items.0.reading.min', code: 'invalid' },
    ],
    [
      'min above max',
      withReading(0, { type: 'number', unit: '%', min: 90, max: 80 }),
      { path: 'items.0.reading.min', code: 'min_above_max' },
    ],
    [
      'yes/no without normal',
      withReading(1, { type: 'boolean' }),
      { path: 'items.1.reading.normal', code: 'invalid' },
    ],
    [
      'one option',
      withReading(2, {
        type: 'choice',
        options: [{ value: 'a', label: { 'zh-CN': 'A', en: 'A' } }],
        normal: ['a'],
      }),
      { path: 'items.2.reading.options', code: 'too_few_options' },
    ],
    [
      'duplicate option',
      withReading(2, {
        type: 'choice',
        options: [
          RAID.reading.type === 'choice' ? RAID.reading.options[0] : null,
          RAID.reading.type === 'choice' ? RAID.reading.options[0] : null,
        ],
        normal: ['optimal'],
      }),
      { path: 'items.2.reading.options.1.value', code: 'duplicate_option' },
    ],
    [
      'option without label',
      withReading(2, {
        type: 'choice',
        options: [{ value: 'a' }, { value: 'b', label: { 'zh-CN': 'B', en: 'B' } }],
        normal: ['a'],
      }),
      { path: 'items.2.reading.options.0.label', code: 'required' },
    ],
    [
      'normal not an option',
      withReading(2, { ...RAID.reading, normal: ['perfect'] }),
      { path: 'items.2.reading.normal.0', code: 'normal_not_an_option' },
    ],
    [
      'no normal option',
      withReading(2, { ...RAID.reading, normal: [] }),
      { path: 'items.2.reading.normal', code: 'no_normal_option' },
    ],
    [
      'text with odd required',
      withReading(3, { type: 'text', required: 'yes' }),
      { path: 'items.3.reading.required', code: 'invalid' },
    ],
  ])('%s', (_n, template, problem) => {
    expect(validateTemplate(template)).toContainEqual(problem);
  });

  it('allows the same key on two CI types (an item per type)', () => {
    expect(validateTemplate({ ...TEMPLATE, items: [CPU, { ...CPU, ciTypeKey: 'virtual_machine' }] })).toEqual(
      [],
    );
  });
  it("checks CI types against the tenant's list", () => {
    const custom = { ...TEMPLATE, items: [{ ...CPU, ciTypeKey: 'kiosk' }] };
    expect(validateTemplate(custom)).toEqual([{ path: 'items.0.ciTypeKey', code: 'unknown_ci_type' }]);
    expect(validateTemplate(custom, ['kiosk'])).toEqual([]);
  });
  it('survives JSON unchanged', () => {
    const copy = fromJson(JSON.parse(JSON.stringify(TEMPLATE)));
    expect(copy).toEqual(TEMPLATE);
    expect(validateTemplate(copy)).toEqual([]);
  });
});

describe('template versioning', () => {
  const tighter: InspectionItem = {
    ...CPU,
    reading: { type: 'number', unit: '%', min: 0, max: 60 },
    severity: 'major',
  };

  it('creates version 1, frozen, with major and critical raising incidents by default', () => {
    const r = createTemplate('t', { name: TEMPLATE.name, items: [CPU] });
    expect(r.ok && r.template).toMatchObject({
      id: 't',
      version: 1,
      autoIncidentSeverities: ['major', 'critical'],
    });
    expect(r.ok && Object.isFrozen(r.template.items[0]?.reading)).toBe(true);
    expect(createTemplate('t', { name: TEMPLATE.name, items: [] })).toEqual({
      ok: false,
      problems: [{ path: 'items', code: 'no_items' }],
    });
  });

  it('a revision is the next version; the current one stays as it was', () => {
    const r = reviseTemplate(TEMPLATE, { items: [tighter, FANS, RAID, NOTES, UPLINK] });
    if (!r.ok) throw new Error('revision refused');
    expect(r.changed).toBe(true);
    expect(r.template.version).toBe(2);
    expect(r.template.id).toBe(TEMPLATE.id);
    expect(TEMPLATE.version).toBe(1);
    expect(TEMPLATE.items[0]).toEqual(CPU);
    expect(r.diff.changed).toEqual([{ ciTypeKey: 'physical_server', key: 'cpu_usage' }]);
  });

  it('freezes the new version deeply, so editing the input afterwards cannot alter it', () => {
    const items = [{ ...tighter, reading: { type: 'number' as const, unit: '%', max: 60 } }];
    const r = reviseTemplate(TEMPLATE, { items });
    if (!r.ok) throw new Error('revision refused');
    (items[0] as { reading: { max: number } }).reading.max = 10;
    expect(r.template.items[0]?.reading).toEqual({ type: 'number', unit: '%', max: 60 });
    expect(Object.isFrozen(r.template)).toBe(true);
    expect(Object.isFrozen(r.template.items)).toBe(true);
    expect(Object.isFrozen(r.template.items[0]?.title)).toBe(true);
    expect(() => {
      (r.template.items as InspectionItem[]).push(CPU);
    }).toThrow(TypeError);
  });

  it('results stay valid: a result is judged with, and looked up in, the version it references', () => {
    // 70 % was normal under v1 (≤ 80) and is abnormal under v2 (≤ 60); the stored v1 result keeps its judgement.
    const v1 = TEMPLATE;
    const r = reviseTemplate(v1, { items: [tighter, FANS, RAID, NOTES, UPLINK] });
    if (!r.ok) throw new Error('revision refused');
    const v2 = r.template;
    const ref = { templateId: 'tpl-1', ciTypeKey: 'physical_server', itemKey: 'cpu_usage' };
    const itemV1 = findTemplateItem([v1, v2], { ...ref, templateVersion: 1 });
    const itemV2 = findTemplateItem([v1, v2], { ...ref, templateVersion: 2 });
    expect(itemV1).toEqual(CPU);
    expect(itemV1 && evaluateReading(itemV1, { value: 70 })).toMatchObject({ ok: true, normal: true });
    expect(itemV2 && evaluateReading(itemV2, { value: 70, remark: 'x' })).toMatchObject({
      ok: true,
      normal: false,
    });
    expect(findTemplateItem([v2], { ...ref, templateVersion: 1 })).toBeUndefined();
    expect(findTemplateItem([v1, v2], { ...ref, templateVersion: 3 })).toBeUndefined();
  });

  it('an unchanged revision mints no version (key order and null bounds do not count as changes)', () => {
    const reversedKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reversedKeys)
        : typeof v === 'object' && v !== null
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reversedKeys(x)]),
            )
          : v;
    const reordered = reversedKeys(TEMPLATE.items) as InspectionItem[];
    expect(Object.keys(reordered[0] ?? {})[0]).toBe('severity');
    const r = reviseTemplate(TEMPLATE, {
      items: reordered,
      name: { en: TEMPLATE.name.en, 'zh-CN': TEMPLATE.name['zh-CN'] },
    });
    expect(r).toMatchObject({ ok: true, changed: false });
    expect(r.ok && r.template).toBe(TEMPLATE);
    const unbounded = { ...CPU, reading: { type: 'number' as const, unit: '%' } };
    const withNulls = { ...CPU, reading: { type: 'number' as const, unit: '%', min: null, max: null } };
    expect(reviseTemplate({ ...TEMPLATE, items: [unbounded] }, { items: [withNulls] })).toMatchObject({
      changed: false,
    });
    expect(reviseTemplate({ ...TEMPLATE, items: [unbounded] }, { items: [CPU] })).toMatchObject({
      changed: true,
    });
  });

  it('refuses an invalid revision with its problems, leaving the version as it is', () => {
    expect(reviseTemplate(TEMPLATE, { items: [] })).toEqual({
      ok: false,
      problems: [{ path: 'items', code: 'no_items' }],
    });
  });

  it.each<[string, Parameters<typeof reviseTemplate>[1], Partial<TemplateDiff>]>([
    [
      'an added item',
      { items: [...TEMPLATE.items, { ...FANS, key: 'psu' }] },
      { added: [{ ciTypeKey: 'physical_server', key: 'psu' }] },
    ],
    [
      'a removed item',
      { items: TEMPLATE.items.slice(1) },
      { removed: [{ ciTypeKey: 'physical_server', key: 'cpu_usage' }] },
    ],
    ['a new order', { items: [...TEMPLATE.items].reverse() }, { reordered: true, changed: [] }],
    ['a new name', { name: { 'zh-CN': '新名称', en: 'New name' } }, { nameChanged: true }],
    ['new auto-incident severities', { autoIncidentSeverities: ['critical'] }, { autoIncidentChanged: true }],
  ])('diff names %s', (_n, changes, expected) => {
    const r = reviseTemplate(TEMPLATE, changes);
    expect(r).toMatchObject({ ok: true, changed: true, diff: expected });
  });

  it('the same auto-incident severities in another order are no change', () => {
    expect(reviseTemplate(TEMPLATE, { autoIncidentSeverities: ['critical', 'major'] })).toMatchObject({
      changed: false,
    });
  });
});

describe('checklists', () => {
  it('gives the items of a CI type from the template that covers it', () => {
    expect(checklistFor([TEMPLATE], 'switch')).toEqual({ template: TEMPLATE, items: [UPLINK] });
    expect(checklistFor([TEMPLATE], 'physical_server')?.items.map((i) => i.key)).toEqual([
      'cpu_usage',
      'fans',
      'raid',
      'notes',
    ]);
    expect(checklistFor([TEMPLATE], 'printer')).toBeNull();
    expect(coveredCiTypes([TEMPLATE])).toEqual(['physical_server', 'switch']);
  });
  it('refuses two templates covering one CI type', () => {
    expect(() => checklistFor([TEMPLATE, { ...TEMPLATE, id: 'other' }], 'switch')).toThrow(RangeError);
  });
});
