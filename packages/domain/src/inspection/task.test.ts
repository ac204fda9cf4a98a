import { describe, expect, it } from 'vitest';
import type { CiEntry, TaskCi } from './task.js';
import { evaluateTask } from './task.js';
import { TEMPLATE } from './testing.js';

const srv1: TaskCi = { ciId: 'srv-1', ciTypeKey: 'physical_server' };
const srv2: TaskCi = { ciId: 'srv-2', ciTypeKey: 'physical_server' };
const sw1: TaskCi = { ciId: 'sw-1', ciTypeKey: 'switch' };
const CIS = [srv1, srv2, sw1];

const healthyServer: CiEntry = {
  readings: { cpu_usage: { value: '35' }, fans: { value: true }, raid: { value: 'optimal' } },
};

describe('evaluateTask', () => {
  it('a task nobody has touched: not started, every required item unanswered, optional text needs nothing', () => {
    const e = evaluateTask([TEMPLATE], CIS, {});
    expect(e.complete).toBe(false);
    expect(e.cis.map((c) => [c.ciId, c.state, c.total, c.answered])).toEqual([
      ['srv-1', 'not_started', 4, 1],
      ['srv-2', 'not_started', 4, 1],
      ['sw-1', 'not_started', 1, 0],
    ]);
    expect(e.unanswered.map((u) => u.path)).toEqual([
      'srv-1.readings.cpu_usage',
      'srv-1.readings.fans',
      'srv-1.readings.raid',
      'srv-2.readings.cpu_usage',
      'srv-2.readings.fans',
      'srv-2.readings.raid',
      'sw-1.readings.uplink',
    ]);
    expect(e.problems).toEqual([]);
  });

  it('complete when every item of every CI is answered; counts normal and abnormal; abnormal readings become findings', () => {
    const e = evaluateTask([TEMPLATE], CIS, {
      'srv-1': healthyServer,
      'srv-2': {
        readings: {
          cpu_usage: { value: '９２', remark: '备份任务占用' },
          fans: { value: true },
          raid: { value: 'degraded', remark: '2 号盘故障' },
          notes: { value: '已报厂家' },
        },
      },
      'sw-1': { readings: { uplink: { value: true } } },
    });
    expect(e.complete).toBe(true);
    expect(e.problems).toEqual([]);
    expect(e.unanswered).toEqual([]);
    expect(e.counts).toEqual({
      cis: 3,
      cisDone: 3,
      cisSkipped: 0,
      items: 9,
      answered: 9,
      normal: 7,
      abnormal: 2,
      unanswered: 0,
    });
    expect(e.results).toHaveLength(9);
    expect(e.results.find((r) => r.ciId === 'srv-2' && r.itemKey === 'cpu_usage')).toEqual({
      ciId: 'srv-2',
      ciTypeKey: 'physical_server',
      templateId: 'tpl-1',
      templateVersion: 1,
      itemKey: 'cpu_usage',
      value: 92,
      normal: false,
      abnormalReason: 'above_max',
      remark: '备份任务占用',
      photos: [],
    });
    expect(e.findings.create.map((f) => [f.ciId, f.itemKey, f.severity, f.autoIncident])).toEqual([
      ['srv-2', 'cpu_usage', 'minor', false],
      ['srv-2', 'raid', 'major', true],
    ]);
    expect(e.findings.create[1]?.quote['zh-CN']).toBe(
      '检查 raid：降级（正常：正常、未配置）。备注：2 号盘故障',
    );
  });

  it('reports each bad reading as a field-level problem with a path into the entries', () => {
    const e = evaluateTask([TEMPLATE], CIS, {
      'srv-1': {
        readings: { cpu_usage: { value: 'high' }, fans: { value: false }, raid: { value: 'optimal' } },
      },
    });
    expect(e.complete).toBe(false);
    expect(e.problems).toEqual([
      {
        path: 'srv-1.readings.cpu_usage.value',
        code: 'not_a_number',
        ciId: 'srv-1',
        itemKey: 'cpu_usage',
        field: 'value',
      },
      {
        path: 'srv-1.readings.fans.remark',
        code: 'remark_required',
        ciId: 'srv-1',
        itemKey: 'fans',
        field: 'remark',
      },
      {
        path: 'srv-1.readings.fans.photos',
        code: 'photo_required',
        ciId: 'srv-1',
        itemKey: 'fans',
        field: 'photos',
      },
    ]);
    expect(e.cis[0]).toMatchObject({ state: 'in_progress', answered: 2, normal: 2 }); // raid and the optional notes
    expect(e.unanswered.some((u) => u.ciId === 'srv-1')).toBe(false);
  });

  it('a CI with all answers but a problem elsewhere in it is not done', () => {
    const e = evaluateTask([TEMPLATE], [srv1], {
      'srv-1': { readings: { ...healthyServer.readings, bogus: { value: 1 } } },
    });
    expect(e.problems).toEqual([
      { path: 'srv-1.readings.bogus', code: 'unknown_item', ciId: 'srv-1', itemKey: 'bogus' },
    ]);
    expect(e.cis[0]?.state).toBe('in_progress');
    expect(e.complete).toBe(false);
  });

  it('refuses entries for CIs outside the task', () => {
    const e = evaluateTask([TEMPLATE], [srv1], { 'srv-1': healthyServer, 'srv-9': healthyServer });
    expect(e.problems).toEqual([{ path: 'srv-9', code: 'unknown_ci', ciId: 'srv-9' }]);
  });

  it('a skipped CI needs a reason, counts as skipped, and its readings are ignored', () => {
    const e = evaluateTask([TEMPLATE], [srv1, sw1], {
      'srv-1': { skipReason: '机房门禁故障，无法进入', readings: { cpu_usage: { value: 'junk' } } },
      'sw-1': { readings: { uplink: { value: true } } },
    });
    expect(e.complete).toBe(true);
    expect(e.counts).toMatchObject({ cisSkipped: 1, cisDone: 1, items: 1, answered: 1 });
    expect(e.results.map((r) => r.ciId)).toEqual(['sw-1']);
    expect(evaluateTask([TEMPLATE], [srv1], { 'srv-1': { skipReason: '  ' } }).problems).toEqual([
      { path: 'srv-1.skipReason', code: 'skip_reason_required', ciId: 'srv-1', field: 'skipReason' },
    ]);
    expect(evaluateTask([TEMPLATE], [srv1], { 'srv-1': { skipReason: 5 } }).problems[0]?.code).toBe(
      'wrong_type',
    );
    expect(
      evaluateTask([TEMPLATE], [srv1], { 'srv-1': { skipReason: null, ...healthyServer } }).complete,
    ).toBe(true);
  });

  it('a CI whose type no template covers must be skipped', () => {
    const printer: TaskCi = { ciId: 'prn-1', ciTypeKey: 'printer' };
    expect(evaluateTask([TEMPLATE], [printer], {}).problems).toEqual([
      { path: 'prn-1', code: 'no_checklist', ciId: 'prn-1' },
    ]);
    expect(evaluateTask([TEMPLATE], [printer], { 'prn-1': { skipReason: '设备已报废' } }).complete).toBe(
      true,
    );
  });

  it('treats CI ids and item keys as data, not object properties', () => {
    const proto: TaskCi = { ciId: '__proto__', ciTypeKey: 'switch' };
    const e = evaluateTask(
      [TEMPLATE],
      [proto],
      JSON.parse('{"__proto__": {"readings": {"uplink": {"value": true}}}}'),
    );
    expect(e.complete).toBe(true);
    expect(
      evaluateTask([TEMPLATE], [srv1], { 'srv-1': { readings: JSON.parse('{"toString": {"value": 1}}') } })
        .problems[0]?.code,
    ).toBe('unknown_item');
  });

  it('does not raise a second finding for an open one read abnormal again', () => {
    const open = [
      { id: 'f-1', ciId: 'srv-2', templateId: 'tpl-1', itemKey: 'raid', severity: 'major' as const },
    ];
    const e = evaluateTask(
      [TEMPLATE],
      [srv2],
      {
        'srv-2': {
          readings: {
            cpu_usage: { value: 10 },
            fans: { value: true },
            raid: { value: 'degraded', remark: '仍待备件' },
          },
        },
      },
      open,
    );
    expect(e.findings.create).toEqual([]);
    expect(e.findings.recurring.map((r) => r.finding.id)).toEqual(['f-1']);
  });
});
