import { describe, expect, it } from 'vitest';
import type { InspectionResult, OpenFindingRef } from './findings.js';
import { carryOver, findingsFromResults, reconcileFindings } from './findings.js';
import type { CiEntry, TaskCi } from './task.js';
import { evaluateTask } from './task.js';
import type { InspectionSeverity, InspectionTemplate } from './template.js';
import { CPU, TEMPLATE } from './testing.js';
import { reviseTemplate } from './versioning.js';

interface Finding extends OpenFindingRef {
  round: number;
}

/** v2 tightens CPU to ≤ 60 % and drops the fans item. */
const V2 = ((): InspectionTemplate => {
  const r = reviseTemplate(TEMPLATE, {
    items: TEMPLATE.items
      .filter((i) => i.key !== 'fans')
      .map((i) =>
        i.key === 'cpu_usage'
          ? { ...CPU, reading: { type: 'number' as const, unit: '%', min: 0, max: 60 } }
          : i,
      ),
  });
  if (!r.ok) throw new Error('revision refused');
  return r.template;
})();

const srv = (n: number): TaskCi => ({ ciId: `srv-${n}`, ciTypeKey: 'physical_server' });
const readings = (cpu: number | string, fans: boolean, raid: string, remark = '见现场记录'): CiEntry => ({
  readings: {
    cpu_usage: { value: cpu, remark },
    fans: { value: fans, remark, photos: ['p'] },
    raid: { value: raid, remark },
  },
});
const skipped = (reason = '设备断电'): CiEntry => ({ skipReason: reason });

interface Round {
  templates: InspectionTemplate[];
  cis: TaskCi[];
  entries: Record<string, CiEntry>;
  /** What each open finding shows on at the start of this round: `ciId → ['ciId/itemKey', …]`. */
  shown: Record<string, string[]>;
  created: string[];
  recurring: string[];
  resolved: string[];
  unchanged: string[];
}

/** Runs rounds in order: each round's open findings are the previous round's open findings, minus resolved, plus created. */
function play(rounds: Round[]): void {
  let open: Finding[] = [];
  let nextId = 1;
  const name = (f: { ciId: string; itemKey: string }) => `${f.ciId}/${f.itemKey}`;
  rounds.forEach((r, i) => {
    const shown = carryOver(open, r.cis);
    expect(
      Object.fromEntries(Object.entries(shown.byCi).map(([ci, fs]) => [ci, fs.map(name)])),
      `round ${i + 1} shown`,
    ).toEqual(r.shown);
    const e = evaluateTask(r.templates, r.cis, r.entries, open);
    expect(e.complete, `round ${i + 1} complete`).toBe(true);
    const f = e.findings;
    expect(f.create.map(name), `round ${i + 1} created`).toEqual(r.created);
    expect(
      f.recurring.map((x) => name(x.finding)),
      `round ${i + 1} recurring`,
    ).toEqual(r.recurring);
    expect(
      f.resolved.map((x) => name(x.finding)),
      `round ${i + 1} resolved`,
    ).toEqual(r.resolved);
    expect(f.unchanged.map(name), `round ${i + 1} unchanged`).toEqual(r.unchanged);
    const resolved = new Set(f.resolved.map((x) => x.finding.id));
    open = [
      ...open.filter((x) => !resolved.has(x.id)),
      ...f.create.map((d) => ({
        id: `f-${nextId++}`,
        ciId: d.ciId,
        templateId: d.templateId,
        itemKey: d.itemKey,
        severity: d.severity,
        round: i + 1,
      })),
    ];
  });
}

describe('findings across rounds (遗留问题 carry over until resolved)', () => {
  it.each<[string, Round[]]>([
    [
      'two rounds: one clears, one recurs, one is new',
      [
        {
          templates: [TEMPLATE],
          cis: [srv(1), srv(2)],
          entries: { 'srv-1': readings(92, true, 'optimal'), 'srv-2': readings(30, true, 'degraded') },
          shown: { 'srv-1': [], 'srv-2': [] },
          created: ['srv-1/cpu_usage', 'srv-2/raid'],
          recurring: [],
          resolved: [],
          unchanged: [],
        },
        {
          templates: [TEMPLATE],
          cis: [srv(1), srv(2)],
          entries: { 'srv-1': readings(40, true, 'optimal'), 'srv-2': readings(30, false, 'degraded') },
          shown: { 'srv-1': ['srv-1/cpu_usage'], 'srv-2': ['srv-2/raid'] },
          created: ['srv-2/fans'],
          recurring: ['srv-2/raid'],
          resolved: ['srv-1/cpu_usage'],
          unchanged: [],
        },
      ],
    ],
    [
      'three rounds: a skipped CI keeps its finding; a revised template still resolves it by item key',
      [
        {
          templates: [TEMPLATE],
          cis: [srv(1), srv(2)],
          entries: { 'srv-1': readings(92, false, 'optimal'), 'srv-2': readings(30, true, 'degraded') },
          shown: { 'srv-1': [], 'srv-2': [] },
          created: ['srv-1/cpu_usage', 'srv-1/fans', 'srv-2/raid'],
          recurring: [],
          resolved: [],
          unchanged: [],
        },
        {
          templates: [TEMPLATE],
          cis: [srv(1), srv(2)],
          entries: { 'srv-1': skipped(), 'srv-2': readings(30, true, 'optimal') },
          // most severe first: fans (minor) and cpu (minor) keep their order
          shown: { 'srv-1': ['srv-1/cpu_usage', 'srv-1/fans'], 'srv-2': ['srv-2/raid'] },
          created: [],
          recurring: [],
          resolved: ['srv-2/raid'],
          unchanged: ['srv-1/cpu_usage', 'srv-1/fans'],
        },
        {
          // v2: CPU ≤ 60 %, no fans item. 55 % is normal under v2 → resolved; the fans finding can no
          // longer be read, so it stays open for a person to close.
          templates: [V2],
          cis: [srv(1), srv(2)],
          entries: {
            'srv-1': { readings: { cpu_usage: { value: 55 }, raid: { value: 'optimal' } } },
            'srv-2': { readings: { cpu_usage: { value: 70, remark: '高峰' }, raid: { value: 'optimal' } } },
          },
          shown: { 'srv-1': ['srv-1/cpu_usage', 'srv-1/fans'], 'srv-2': [] },
          created: ['srv-2/cpu_usage'], // 70 % was fine under v1, not under v2
          recurring: [],
          resolved: ['srv-1/cpu_usage'],
          unchanged: ['srv-1/fans'],
        },
      ],
    ],
    [
      'three rounds: abnormal twice, then normal',
      [
        {
          templates: [TEMPLATE],
          cis: [srv(1)],
          entries: { 'srv-1': readings(30, true, 'degraded') },
          shown: { 'srv-1': [] },
          created: ['srv-1/raid'],
          recurring: [],
          resolved: [],
          unchanged: [],
        },
        {
          templates: [TEMPLATE],
          cis: [srv(1)],
          entries: { 'srv-1': readings(30, true, 'degraded') },
          shown: { 'srv-1': ['srv-1/raid'] },
          created: [],
          recurring: ['srv-1/raid'],
          resolved: [],
          unchanged: [],
        },
        {
          templates: [TEMPLATE],
          cis: [srv(1)],
          entries: { 'srv-1': readings(30, true, 'optimal') },
          shown: { 'srv-1': ['srv-1/raid'] },
          created: [],
          recurring: [],
          resolved: ['srv-1/raid'],
          unchanged: [],
        },
      ],
    ],
  ])('%s', (_n, rounds) => {
    play(rounds);
  });
});

describe('findingsFromResults', () => {
  const result = (over: Partial<InspectionResult>): InspectionResult => ({
    ciId: 'srv-1',
    ciTypeKey: 'physical_server',
    templateId: 'tpl-1',
    templateVersion: 1,
    itemKey: 'cpu_usage',
    value: 92,
    normal: false,
    abnormalReason: 'above_max',
    remark: '高峰',
    photos: [],
    ...over,
  });
  it('makes one finding per abnormal reading, quoting it, with the automatic-incident flag from the severity', () => {
    const drafts = findingsFromResults(
      [
        result({}),
        result({ itemKey: 'fans', value: true, normal: true, abnormalReason: null }),
        result({ itemKey: 'raid', value: 'degraded', abnormalReason: 'not_normal_option', photos: ['p1'] }),
      ],
      [TEMPLATE],
    );
    expect(drafts).toEqual([
      {
        templateId: 'tpl-1',
        templateVersion: 1,
        ciTypeKey: 'physical_server',
        itemKey: 'cpu_usage',
        ciId: 'srv-1',
        severity: 'minor',
        autoIncident: false,
        title: { 'zh-CN': '检查 cpu_usage', en: 'Check cpu_usage' },
        quote: {
          'zh-CN': '检查 cpu_usage：92%（正常：0～80%）。备注：高峰',
          en: 'Check cpu_usage: 92% (normal: 0 to 80%). Remark: 高峰',
        },
        value: 92,
        abnormalReason: 'above_max',
        remark: '高峰',
        photos: [],
      },
      expect.objectContaining({ itemKey: 'raid', severity: 'major', autoIncident: true, photos: ['p1'] }),
    ]);
  });
  it.each<[InspectionSeverity[], boolean, boolean]>([
    [['major', 'critical'], false, true],
    [['critical'], false, false],
    [['minor', 'major', 'critical'], true, true],
    [[], false, false],
  ])('automatic incidents for %j: minor → %s, major → %s', (severities, minor, major) => {
    const t = { ...TEMPLATE, autoIncidentSeverities: severities };
    const [cpu, raid] = findingsFromResults(
      [result({}), result({ itemKey: 'raid', value: 'degraded' })],
      [t],
    );
    expect([cpu?.autoIncident, raid?.autoIncident]).toEqual([minor, major]);
  });
  it('judges by the version the result references and refuses a version it was not given', () => {
    expect(() => findingsFromResults([result({ templateVersion: 2 })], [TEMPLATE])).toThrow(RangeError);
    expect(findingsFromResults([result({ templateVersion: 2 })], [TEMPLATE, V2])[0]?.quote.en).toContain(
      '0 to 60%',
    );
  });
});

describe('reconcileFindings', () => {
  it('matches on CI, template and item: another CI or template is not the same finding', () => {
    const open = [
      { id: 'a', ciId: 'srv-1', templateId: 'tpl-1', itemKey: 'raid', severity: 'major' as const },
      { id: 'b', ciId: 'srv-1', templateId: 'other', itemKey: 'cpu_usage', severity: 'minor' as const },
    ];
    const results: InspectionResult[] = [
      {
        ciId: 'srv-2',
        ciTypeKey: 'physical_server',
        templateId: 'tpl-1',
        templateVersion: 1,
        itemKey: 'raid',
        value: 'degraded',
        normal: false,
        abnormalReason: 'not_normal_option',
        remark: 'x',
        photos: [],
      },
      {
        ciId: 'srv-1',
        ciTypeKey: 'physical_server',
        templateId: 'tpl-1',
        templateVersion: 1,
        itemKey: 'cpu_usage',
        value: 10,
        normal: true,
        abnormalReason: null,
        remark: null,
        photos: [],
      },
    ];
    const r = reconcileFindings(open, results, [TEMPLATE]);
    expect(r.unchanged.map((f) => f.id)).toEqual(['a', 'b']);
    expect(r.create.map((d) => `${d.ciId}/${d.itemKey}`)).toEqual(['srv-2/raid']);
    expect(r.resolved).toEqual([]);
  });
});

describe('carryOver', () => {
  const f = (id: string, ciId: string, severity: InspectionSeverity) => ({ id, ciId, severity });
  it('shows each finding on its CI, most severe first, and keeps those of CIs outside the task apart', () => {
    const r = carryOver(
      [
        f('1', 'a', 'minor'),
        f('2', 'b', 'info'),
        f('3', 'a', 'critical'),
        f('4', 'gone', 'major'),
        f('5', 'a', 'minor'),
      ],
      ['a', { ciId: 'b' }, 'c'],
    );
    expect(Object.fromEntries(Object.entries(r.byCi).map(([k, v]) => [k, v.map((x) => x.id)]))).toEqual({
      a: ['3', '1', '5'],
      b: ['2'],
      c: [],
    });
    expect(r.notInTask.map((x) => x.id)).toEqual(['4']);
  });
  it('treats a CI id like __proto__ as data', () => {
    const r = carryOver([f('1', '__proto__', 'minor'), f('2', 'constructor', 'minor')], ['__proto__']);
    expect(r.byCi['__proto__']?.map((x) => x.id)).toEqual(['1']);
    expect(r.notInTask.map((x) => x.id)).toEqual(['2']);
  });
});
