import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { fieldTenant, signatureUrl, upload } from './field-work.test-support.js';
import type { FieldTenant } from './field-work.test-support.js';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
});

const q = async (text: ReturnType<typeof sql>) => (await t.deps.db.execute(text)).rows;
type Item = {
  key: string;
  ciTypeKey: string;
  photo: string;
  reading: { type: string; min?: number | null; max?: number | null; normal?: unknown; required?: boolean };
};
type Task = {
  id: string;
  status: string;
  templates: { id: string; version: number; items: Item[] }[];
  cis: {
    ciId: string;
    typeKey: string;
    findings: { id: string; itemKey: string; status: string; occurrences: number }[];
  }[];
};

/** A small template for switches and servers, so each CI has three items. */
const ITEMS = [
  {
    key: 'cpu',
    ciTypeKey: 'physical_server',
    title: { 'zh-CN': 'CPU 使用率', en: 'CPU usage' },
    method: { 'zh-CN': 'top', en: 'top' },
    reading: { type: 'number', unit: '%', min: 0, max: 80 },
    severity: 'minor',
  },
  {
    key: 'raid',
    ciTypeKey: 'physical_server',
    title: { 'zh-CN': 'RAID 状态正常', en: 'RAID healthy' },
    method: { 'zh-CN': '看', en: 'Look' },
    reading: { type: 'boolean', normal: true },
    severity: 'major',
    photo: 'when_abnormal',
  },
  {
    key: 'note',
    ciTypeKey: 'physical_server',
    title: { 'zh-CN': '备注', en: 'Notes' },
    method: { 'zh-CN': '记', en: 'Note' },
    reading: { type: 'text' },
    severity: 'info',
  },
  {
    key: 'temp',
    ciTypeKey: 'switch',
    title: { 'zh-CN': '温度', en: 'Temperature' },
    method: { 'zh-CN': '看', en: 'Look' },
    reading: { type: 'number', unit: '°C', min: 0, max: 60 },
    severity: 'minor',
  },
  {
    key: 'fans',
    ciTypeKey: 'switch',
    title: { 'zh-CN': '风扇正常', en: 'Fans running' },
    method: { 'zh-CN': '看', en: 'Look' },
    reading: { type: 'boolean', normal: true },
    severity: 'minor',
  },
  {
    key: 'uplink',
    ciTypeKey: 'switch',
    title: { 'zh-CN': '上联状态', en: 'Uplink' },
    method: { 'zh-CN': '看', en: 'Look' },
    reading: {
      type: 'choice',
      options: [
        { value: 'up', label: { 'zh-CN': '正常', en: 'Up' } },
        { value: 'down', label: { 'zh-CN': '中断', en: 'Down' } },
      ],
      normal: ['up'],
    },
    severity: 'critical',
  },
];

async function templateFor(d: FieldTenant, items = ITEMS) {
  const res = await client(t.app, await f.session(d.pm)).post('/api/v1/inspection-templates', {
    projectId: d.project.id,
    name: { 'zh-CN': '机房设备巡检', en: 'Room devices' },
    items,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function planFor(d: FieldTenant, templateIds: string[], over: Record<string, unknown> = {}) {
  const res = await client(t.app, await f.session(d.pm)).post(
    `/api/v1/projects/${d.project.id}/inspection-plans`,
    {
      name: '月度巡检',
      templateIds,
      selection: { mode: 'filter', filter: { siteIds: [d.city.id] } },
      schedule: { kind: 'monthly', day: 15 },
      assigneeId: d.engineer.id,
      dueDays: 3,
      startsOn: '2026-06-01',
      ...over,
    },
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function tasksOf(planId: string, auth: Auth) {
  const res = await client(t.app, auth).get(`/api/v1/inspection-tasks?planId=${planId}&sort=scheduledDate`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; periodKey: string; status: string }[];
}

async function task(id: string, auth: Auth): Promise<Task> {
  const res = await client(t.app, auth).get(`/api/v1/inspection-tasks/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A normal reading for every item of every CI (photos where an item always wants one). */
function normalReadings(tk: Task, photos: string[] = []) {
  const out: Record<string, unknown>[] = [];
  for (const ci of tk.cis)
    for (const tpl of tk.templates)
      for (const it of tpl.items.filter((i) => i.ciTypeKey === ci.typeKey)) {
        const r = it.reading;
        const value =
          r.type === 'number'
            ? r.min != null && r.max != null
              ? (r.min + r.max) / 2
              : (r.min ?? r.max ?? 1)
            : r.type === 'boolean'
              ? r.normal
              : r.type === 'choice'
                ? (r.normal as string[])[0]
                : 'ok';
        out.push({ ciId: ci.ciId, itemKey: it.key, value, ...(it.photo === 'always' ? { photos } : {}) });
      }
  return out;
}

describe('doing an inspection: readings judged at once, nothing saved half-way, then submitted', () => {
  it('creating a plan generates the task already due; each bad reading is a field error and a refused batch saves nothing', async () => {
    t.clock.set(new Date('2026-06-15T02:00:00Z'));
    const d = await fieldTenant(t.deps, f);
    const plan = await planFor(d, [await templateFor(d)]);
    expect(plan).toMatchObject({
      active: true,
      nextRunAt: '2026-07-14T16:00:00.000Z',
      lastTask: { periodKey: '2026-06' },
    });
    const engineer = await f.session(d.engineer);
    const [listed] = await tasksOf(plan.id, engineer);
    const tk = await task(listed!.id, engineer);
    expect(tk).toMatchObject({
      title: '月度巡检（2026-06）',
      scheduledDate: '2026-06-15',
      dueAt: '2026-06-17T16:00:00.000Z',
      status: 'open',
      ciCount: 3,
      counts: { cis: 3, items: 9, answered: 1, unanswered: 8 },
      complete: false,
      abilities: { enterReadings: true, submit: true, cancel: false },
    });
    const notice = await q(
      sql`SELECT user_id FROM notifications WHERE object_id = ${tk.id} AND kind = 'inspection.taskCreated'`,
    );
    expect(notice).toEqual([{ user_id: d.engineer.id }]);

    const phone = client(t.app, engineer);
    const bad = await phone.put(`/api/v1/inspection-tasks/${tk.id}/readings`, {
      readings: [
        { ciId: d.server.id, itemKey: 'cpu', value: 35 },
        { ciId: d.server.id, itemKey: 'raid', value: 'yes' },
        { ciId: d.switchA.id, itemKey: 'temp', value: '72℃' },
        { ciId: d.switchA.id, itemKey: 'warp', value: 1 },
        { ciId: d.controller.id, itemKey: 'temp', value: 1 },
        { ciId: d.switchB.id, itemKey: 'temp', value: '1,5' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad.json().error.details.fields.map((x: { path: string; code: string }) => `${x.path}:${x.code}`),
    ).toEqual([
      'readings.1.value:inspection.reading.wrong_type',
      'readings.2.remark:inspection.reading.remark_required',
      'readings.3.itemKey:inspection.reading.unknown_item',
      'readings.4.ciId:inspection.reading.unknown_ci',
      'readings.5.value:inspection.reading.comma_in_number',
    ]);
    expect(bad.json().error.details.fields[0].message).toBe('读数类型不符（应为是/否）');
    expect(await q(sql`SELECT id FROM inspection_readings WHERE task_id = ${tk.id}`)).toEqual([]);
    expect((await task(tk.id, engineer)).status).toBe('open');

    // The same batch put right: judged by the server; an abnormal reading carries its remark.
    const batch = {
      readings: [
        { ciId: d.server.id, itemKey: 'cpu', value: '３５％' },
        { ciId: d.switchA.id, itemKey: 'temp', value: '72℃', remark: '机房空调故障' },
      ],
    };
    const ok = await phone.put(`/api/v1/inspection-tasks/${tk.id}/readings`, batch);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      saved: 2,
      stale: [],
      status: 'in_progress',
      readings: [
        { ciId: d.server.id, itemKey: 'cpu', value: 35, normal: true, abnormalReason: null },
        { ciId: d.switchA.id, itemKey: 'temp', value: 72, normal: false, abnormalReason: 'above_max' },
      ],
      counts: { answered: 3, abnormal: 1 },
    });
    // Sent again (the phone did not hear the answer): nothing new.
    expect((await phone.put(`/api/v1/inspection-tasks/${tk.id}/readings`, batch)).json()).toMatchObject({
      saved: 0,
      stale: [],
    });
    expect(await q(sql`SELECT count(*)::int AS n FROM inspection_readings WHERE task_id = ${tk.id}`)).toEqual(
      [{ n: 2 }],
    );
    // An older reading from another phone's queue does not overwrite a newer one.
    const stale = await phone.put(`/api/v1/inspection-tasks/${tk.id}/readings`, {
      readings: [{ ciId: d.server.id, itemKey: 'cpu', value: 10, enteredAt: '2026-06-15T01:00:00Z' }],
    });
    expect(stale.json().stale).toEqual([{ ciId: d.server.id, itemKey: 'cpu' }]);
    expect(
      await q(sql`SELECT value FROM inspection_readings WHERE task_id = ${tk.id} AND item_key = 'cpu'`),
    ).toEqual([{ value: 35 }]);
    // A photo must have been uploaded to the task.
    const ghost = await phone.put(`/api/v1/inspection-tasks/${tk.id}/readings`, {
      readings: [
        {
          ciId: d.server.id,
          itemKey: 'raid',
          value: false,
          remark: '硬盘告警',
          photos: ['01a00000-0000-7000-8000-000000000000'],
        },
      ],
    });
    expect(ghost.json().error.details.fields).toEqual([
      expect.objectContaining({ path: 'readings.0.photos.0', code: 'inspection.reading.unknown_photo' }),
    ]);
    const noPhoto = await phone.put(`/api/v1/inspection-tasks/${tk.id}/readings`, {
      readings: [{ ciId: d.server.id, itemKey: 'raid', value: false, remark: '硬盘告警' }],
    });
    expect(noPhoto.json().error.details.fields).toEqual([
      expect.objectContaining({ path: 'readings.0.photos', code: 'inspection.reading.photo_required' }),
    ]);
    const photo = await upload(t.app, engineer, 'inspection_task', tk.id);
    expect(photo.statusCode, photo.body).toBe(201);
    const withPhoto = await phone.put(`/api/v1/inspection-tasks/${tk.id}/readings`, {
      readings: [
        { ciId: d.server.id, itemKey: 'raid', value: false, remark: '硬盘告警', photos: [photo.json().id] },
      ],
    });
    expect(withPhoto.statusCode, withPhoto.body).toBe(200);

    // Submitting before every item is read names what is missing, and changes nothing.
    const early = await phone.post(`/api/v1/inspection-tasks/${tk.id}/submit`, {});
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.fields).toContainEqual(
      expect.objectContaining({
        path: `cis.${d.switchB.id}.readings.temp`,
        code: 'inspection.reading.unanswered',
      }),
    );
    expect((await task(tk.id, engineer)).status).toBe('in_progress');

    // The rest, in the final submit: switch B is skipped (room locked); its readings are not needed.
    const all = normalReadings(await task(tk.id, engineer)).filter(
      (r) =>
        r.ciId !== d.switchB.id &&
        !(r.ciId === d.server.id && r.itemKey !== 'note') &&
        !(r.ciId === d.switchA.id && r.itemKey === 'temp'),
    );
    const submitted = await phone.post(`/api/v1/inspection-tasks/${tk.id}/submit`, {
      readings: all,
      skips: [{ ciId: d.switchB.id, reason: '机柜钥匙未到' }],
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const out = submitted.json();
    expect(out.task).toMatchObject({ status: 'submitted', counts: { cis: 3, cisSkipped: 1, abnormal: 2 } });
    expect(out.findings.created.map((x: { itemKey: string }) => x.itemKey).sort()).toEqual(['raid', 'temp']);
    // RAID is `major`: an incident at once, the CI linked and the reading quoted; the temperature stays a finding.
    expect(out.incidents).toHaveLength(1);
    const raid = out.findings.created.find((x: { itemKey: string }) => x.itemKey === 'raid');
    expect(raid).toMatchObject({
      disposition: 'incident',
      severity: 'major',
      autoIncident: true,
      incident: { id: out.incidents[0].id },
    });
    const incident = (
      await client(t.app, await f.session(d.agent)).get(`/api/v1/tickets/${out.incidents[0].id}`)
    ).json();
    expect(incident).toMatchObject({
      kind: 'incident',
      title: '[巡检] 平台服务器-01：RAID 状态正常',
      tags: ['巡检'],
    });
    expect(incident.description).toContain('RAID 状态正常：否（正常：是）。备注：硬盘告警');
    expect(await q(sql`SELECT ci_id FROM ticket_cis WHERE ticket_id = ${out.incidents[0].id}`)).toEqual([
      { ci_id: d.server.id },
    ]);
    expect(out.findings.created.find((x: { itemKey: string }) => x.itemKey === 'temp')).toMatchObject({
      disposition: 'open',
      quote: '温度：72°C（正常：0～60°C）。备注：机房空调故障',
    });
    const again = await phone.post(`/api/v1/inspection-tasks/${tk.id}/submit`, {});
    expect(again.statusCode).toBe(409);
    expect((await phone.put(`/api/v1/inspection-tasks/${tk.id}/readings`, { readings: [] })).statusCode).toBe(
      409,
    );
    const audit = await q(sql`SELECT action FROM audit_log WHERE object_id = ${tk.id} ORDER BY id`);
    expect(audit.map((r) => r.action)).toEqual([
      'inspection_task.create',
      'inspection_task.readings',
      'attachment.upload',
      'inspection_task.readings',
      'inspection_task.submit',
    ]);
  });

  it('a built-in template works end to end: the signal controller’s photo item needs a photo', async () => {
    t.clock.set(new Date('2026-06-15T02:00:00Z'));
    const d = await fieldTenant(t.deps, f);
    const plan = await planFor(d, ['builtin.signal_controller'], {
      selection: { mode: 'explicit', ciIds: [d.controller.id] },
      assigneeId: d.fieldEngineer.id,
    });
    const field = await f.session(d.fieldEngineer);
    const [listed] = await tasksOf(plan.id, field);
    const tk = await task(listed!.id, field);
    expect(tk.templates).toMatchObject([{ id: 'builtin.signal_controller', version: 1 }]);
    const photo = (await upload(t.app, field, 'inspection_task', tk.id)).json().id;
    const res = await client(t.app, field).post(`/api/v1/inspection-tasks/${tk.id}/submit`, {
      readings: normalReadings(tk, [photo]),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      task: { status: 'submitted', counts: { items: 13, answered: 13, abnormal: 0 } },
      incidents: [],
    });
  });

  it('a subcontractor sees and works only the tasks assigned to it or its company', async () => {
    t.clock.set(new Date('2026-06-15T02:00:00Z'));
    const d = await fieldTenant(t.deps, f);
    const tpl = await templateFor(d);
    const theirs = await planFor(d, [tpl], { assigneeId: d.fieldEngineer.id, name: '分包巡检' });
    const ours = await planFor(d, [tpl], { name: '自有巡检' });
    const colleague = await f.subStaff(d.subcontractor.id);
    await f.member(d.project.id, colleague.id, 'field_engineer');
    const list = await client(t.app, await f.session(colleague)).get(
      `/api/v1/inspection-tasks?projectId=${d.project.id}`,
    );
    expect(list.json().items.map((x: { plan: { id: string } }) => x.plan.id)).toEqual([theirs.id]);
    const [ourTask] = await tasksOf(ours.id, await f.session(d.pm));
    const field = client(t.app, await f.session(d.fieldEngineer));
    expect((await field.get(`/api/v1/inspection-tasks/${ourTask!.id}`)).statusCode).toBe(404);
    expect(
      (await field.put(`/api/v1/inspection-tasks/${ourTask!.id}/readings`, { readings: [] })).statusCode,
    ).toBe(404);
    expect((await field.get(`/api/v1/projects/${d.project.id}/inspection-plans`)).statusCode).toBe(404);
    // The desk sees the task but is not an inspector; a contact does not see tasks at all.
    const desk = client(t.app, await f.session(d.agent));
    expect(
      (await desk.put(`/api/v1/inspection-tasks/${ourTask!.id}/readings`, { readings: [] })).statusCode,
    ).toBe(403);
    expect(
      (await client(t.app, await f.session(d.contact)).get(`/api/v1/inspection-tasks/${ourTask!.id}`))
        .statusCode,
    ).toBe(404);
  });
});

describe('plans', () => {
  it('a paused plan owes nothing for the periods it missed; on resume the next period is the next due', async () => {
    t.clock.set(new Date('2026-06-15T02:00:00Z'));
    const d = await fieldTenant(t.deps, f);
    const plan = await planFor(d, [await templateFor(d)]);
    const pause = await client(t.app, await f.session(d.pm)).patch(`/api/v1/inspection-plans/${plan.id}`, {
      active: false,
    });
    expect(pause.json()).toMatchObject({ active: false, nextRunAt: null });
    t.clock.set(new Date('2026-08-20T02:00:00Z'));
    const resume = await client(t.app, await f.session(d.pm)).patch(`/api/v1/inspection-plans/${plan.id}`, {
      active: true,
    });
    expect(resume.json()).toMatchObject({
      active: true,
      nextRunAt: '2026-09-14T16:00:00.000Z',
      lastTask: { periodKey: '2026-06' },
    });
    expect((await tasksOf(plan.id, await f.session(d.pm))).map((x) => x.periodKey)).toEqual(['2026-06']);
    const audit = await q(sql`SELECT action FROM audit_log WHERE object_id = ${plan.id} ORDER BY id`);
    expect(audit.map((r) => r.action)).toEqual([
      'inspection_plan.create',
      'inspection_plan.update',
      'inspection_plan.update',
    ]);
  });

  it('names each problem of a plan at its field', async () => {
    t.clock.set(new Date('2026-06-15T02:00:00Z'));
    const d = await fieldTenant(t.deps, f);
    const other = await fieldTenant(t.deps, f);
    const res = await client(t.app, await f.session(d.pm)).post(
      `/api/v1/projects/${d.project.id}/inspection-plans`,
      {
        name: '坏计划',
        templateIds: ['builtin.network', 'builtin.network', 'nope'],
        selection: { mode: 'explicit', ciIds: [other.switchA.id] },
        schedule: { kind: 'cron', expression: '*/5 * * * *' },
        assigneeId: other.engineer.id,
        dueDays: 0,
      },
    );
    expect(res.statusCode).toBe(400);
    expect(
      res.json().error.details.fields.map((x: { path: string; code: string }) => `${x.path}:${x.code}`),
    ).toEqual([
      'templateIds.1:inspection.plan.duplicate_template',
      'templateIds.2:inspection.plan.unknown_template',
      'dueDays:inspection.plan.invalid_due_days',
      'schedule.expression:inspection.plan.cron_too_frequent',
      'selection.ciIds.0:inspection.plan.ciNotInProject',
      'assigneeId:notProjectStaff',
    ]);
  });
});

describe('two rounds: findings carry over until a reading clears them; template versions are pinned', () => {
  it('round 2 shows round 1’s open findings on their CIs, resolves what reads normal, repeats what does not, and reports both months', async () => {
    t.clock.set(new Date('2026-06-15T02:00:00Z'));
    const d = await fieldTenant(t.deps, f);
    const tpl = await templateFor(d);
    const plan = await planFor(d, [tpl]);
    const engineer = await f.session(d.engineer);
    const phone = client(t.app, engineer);
    const [june] = await tasksOf(plan.id, engineer);
    const round1 = await task(june!.id, engineer);
    const photo = (await upload(t.app, engineer, 'inspection_task', round1.id)).json().id;
    const readings1 = normalReadings(round1).map((r) =>
      r.ciId === d.switchA.id && r.itemKey === 'temp'
        ? { ...r, value: 65, remark: '通风不良' }
        : r.ciId === d.switchB.id && r.itemKey === 'uplink'
          ? { ...r, value: 'down', remark: '上联光纤松动', photos: [photo] }
          : r,
    );
    const r1 = await phone.post(`/api/v1/inspection-tasks/${round1.id}/submit`, { readings: readings1 });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json().incidents).toHaveLength(1); // the uplink is critical

    // A month later the template is tightened: the next task pins the new version, June's results keep theirs.
    const pm = client(t.app, await f.session(d.pm));
    const tighter = ITEMS.map((i) => (i.key === 'cpu' ? { ...i, reading: { ...i.reading, max: 50 } } : i));
    expect((await pm.put(`/api/v1/inspection-templates/${tpl}`, { items: tighter })).json().version).toBe(2);
    t.clock.set(new Date('2026-07-15T02:00:00Z'));
    const pm2 = client(t.app, await f.session(d.pm));
    // Saving the plan (unchanged) runs its generation now, as the sweep would.
    expect((await pm2.patch(`/api/v1/inspection-plans/${plan.id}`, {})).statusCode).toBe(200);
    const engineer2 = await f.session(d.engineer);
    const tasks = await tasksOf(plan.id, engineer2);
    expect(tasks.map((x) => x.periodKey)).toEqual(['2026-06', '2026-07']);
    const round2 = await task(tasks[1]!.id, engineer2);
    expect(round2.templates).toMatchObject([{ id: tpl, version: 2 }]);
    const carried = Object.fromEntries(round2.cis.map((c) => [c.ciId, c.findings]));
    expect(carried[d.switchA.id]).toMatchObject([{ itemKey: 'temp', status: 'open', occurrences: 1 }]);
    expect(carried[d.switchB.id]).toMatchObject([
      { itemKey: 'uplink', status: 'open', incident: { state: 'new' } },
    ]);
    expect(carried[d.server.id]).toEqual([]);

    // Round 2: the temperature is back to normal, the uplink still down, and the CPU at 60 % is now abnormal (v2).
    const readings2 = normalReadings(round2).map((r) =>
      r.ciId === d.switchB.id && r.itemKey === 'uplink'
        ? { ...r, value: 'down', remark: '待更换光模块' }
        : r.ciId === d.server.id && r.itemKey === 'cpu'
          ? { ...r, value: 60, remark: '月末批处理' }
          : r,
    );
    const r2 = await client(t.app, engineer2).post(`/api/v1/inspection-tasks/${round2.id}/submit`, {
      readings: readings2,
    });
    expect(r2.statusCode, r2.body).toBe(200);
    expect(r2.json().findings.resolved).toMatchObject([
      { itemKey: 'temp', status: 'resolved', resolution: 'reading' },
    ]);
    expect(r2.json().findings.recurring).toMatchObject([
      { itemKey: 'uplink', occurrences: 2, quote: '上联状态：中断（正常：正常）。备注：待更换光模块' },
    ]);
    expect(r2.json().findings.created).toMatchObject([
      { itemKey: 'cpu', templateVersion: 2, severity: 'minor' },
    ]);
    expect(r2.json().incidents).toEqual([]); // a repeated finding raises no second incident
    // June's CPU reading of 50 % (the v1 midpoint 40 %) stays normal, judged against v1.
    expect(
      await q(
        sql`SELECT template_version, normal FROM inspection_readings WHERE task_id = ${round1.id} AND item_key = 'cpu'`,
      ),
    ).toEqual([{ template_version: 1, normal: true }]);

    const open = await pm2.get(`/api/v1/inspection-findings?projectId=${d.project.id}&status=open`);
    expect(
      open
        .json()
        .items.map((x: { itemKey: string }) => x.itemKey)
        .sort(),
    ).toEqual(['cpu', 'uplink']);
    const byCi = await pm2.get(`/api/v1/inspection-findings?ciId=${d.switchA.id}`);
    expect(byCi.json().items).toMatchObject([
      { itemKey: 'temp', status: 'resolved', resolvedBy: { id: d.engineer.id } },
    ]);

    const june2 = (await pm2.get(`/api/v1/projects/${d.project.id}/inspection-report?month=2026-06`)).json();
    expect(june2.summary).toMatchObject({
      plans: 1,
      tasksDue: 1,
      tasksDone: 1,
      tasksOnTime: 1,
      onTimeRate: 1,
      cisInspected: 3,
      readings: 9,
      abnormal: 2,
      findingsOpened: 2,
      findingsClosed: 0,
      findingsCarriedOver: 2,
      photos: 1,
    });
    expect(
      june2.abnormal.map((a: { title: string; remark: string }) => `${a.title}:${a.remark}`).sort(),
    ).toEqual(['上联状态:上联光纤松动', '温度:通风不良']);
    expect(june2.cis.find((c: { ciId: string }) => c.ciId === d.server.id).results).toContainEqual(
      expect.objectContaining({ itemKey: 'cpu', value: '40%', normalRange: '0～80%', normal: true }),
    );
    const july = (await pm2.get(`/api/v1/projects/${d.project.id}/inspection-report?month=2026-07`)).json();
    expect(july.summary).toMatchObject({
      tasksDue: 1,
      tasksDone: 1,
      findingsOpened: 1,
      findingsClosed: 1,
      findingsCarriedOver: 2,
    });
    expect(july.findings.carriedOver.map((x: { title: string }) => x.title).sort()).toEqual([
      'CPU 使用率',
      '上联状态',
    ]);

    // The same report as a workbook; the customer's contact may read it, the subcontractor may not.
    const contact = client(t.app, await f.session(d.contact));
    const xlsx = await contact.get(`/api/v1/projects/${d.project.id}/inspection-report.xlsx?month=2026-06`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '巡检任务',
      '巡检结果',
      '异常项',
      '遗留问题',
      '照片',
    ]);
    expect(wb.getWorksheet('异常项')!.rowCount).toBe(3);
    const field = client(t.app, await f.session(d.fieldEngineer));
    expect(
      (await field.get(`/api/v1/projects/${d.project.id}/inspection-report?month=2026-06`)).statusCode,
    ).toBe(403);
    expect(
      (await pm2.get(`/api/v1/projects/${d.project.id}/inspection-report?month=2026-13`)).statusCode,
    ).toBe(400);
  });
});

describe('findings become incidents and work orders, or are resolved by hand', () => {
  it('a kept finding → incident → work order (its child) → closing the work order resolves the finding', async () => {
    t.clock.set(new Date('2026-06-15T02:00:00Z'));
    const d = await fieldTenant(t.deps, f);
    const plan = await planFor(d, [await templateFor(d)]);
    const engineer = await f.session(d.engineer);
    const [listed] = await tasksOf(plan.id, engineer);
    const tk = await task(listed!.id, engineer);
    const readings = normalReadings(tk).map((r) =>
      r.ciId === d.switchA.id && r.itemKey === 'fans'
        ? { ...r, value: false, remark: '2 号风扇停转' }
        : r.ciId === d.switchB.id && r.itemKey === 'temp'
          ? { ...r, value: 61, remark: '略高' }
          : r,
    );
    const out = (
      await client(t.app, engineer).post(`/api/v1/inspection-tasks/${tk.id}/submit`, { readings })
    ).json();
    const fans = out.findings.created.find((x: { itemKey: string }) => x.itemKey === 'fans');
    const temp = out.findings.created.find((x: { itemKey: string }) => x.itemKey === 'temp');
    expect(fans).toMatchObject({ disposition: 'open', abilities: { convert: true, resolve: true } });

    const agent = client(t.app, await f.session(d.agent));
    const asIncident = await agent.post(`/api/v1/inspection-findings/${fans.id}/incident`, { urgency: 2 });
    expect(asIncident.statusCode, asIncident.body).toBe(200);
    expect(asIncident.json()).toMatchObject({ disposition: 'incident', incident: { stateCategory: 'open' } });
    expect((await agent.post(`/api/v1/inspection-findings/${fans.id}/incident`, {})).statusCode).toBe(409);
    const asWo = await agent.post(`/api/v1/inspection-findings/${fans.id}/work-order`, {
      assigneeId: d.engineer.id,
    });
    expect(asWo.statusCode, asWo.body).toBe(200);
    const woId = asWo.json().workOrder.id;
    const wo = (await agent.get(`/api/v1/work-orders/${woId}`)).json();
    expect(wo).toMatchObject({
      state: 'dispatched',
      parent: { id: asIncident.json().incident.id },
      workOrder: {
        findingId: fans.id,
        site: { id: d.city.id },
        cis: [{ id: d.switchA.id }],
        area: { key: 'city' },
      },
    });
    const eng = client(t.app, engineer);
    await eng.post(`/api/v1/work-orders/${woId}/accept`, {});
    await eng.post(`/api/v1/work-orders/${woId}/check-in`, {});
    await eng.post(`/api/v1/work-orders/${woId}/complete`, { workPerformed: '更换风扇' });
    const signed = await eng.post(`/api/v1/work-orders/${woId}/sign-off`, {
      signerName: '王科长',
      signature: signatureUrl(),
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect((await agent.post(`/api/v1/work-orders/${woId}/close`, {})).statusCode).toBe(200);
    expect((await agent.get(`/api/v1/inspection-findings/${fans.id}`)).json()).toMatchObject({
      status: 'resolved',
      resolution: 'ticket_closed',
      resolutionNote: wo.number,
    });

    const resolved = await agent.post(`/api/v1/inspection-findings/${temp.id}/resolve`, {
      note: '已调整机房空调',
    });
    expect(resolved.json()).toMatchObject({
      status: 'resolved',
      resolution: 'manual',
      resolutionNote: '已调整机房空调',
    });
    expect(
      (await agent.post(`/api/v1/inspection-findings/${temp.id}/resolve`, { note: '再次' })).statusCode,
    ).toBe(409);
    expect((await agent.post(`/api/v1/inspection-findings/${temp.id}/resolve`, {})).statusCode).toBe(400);
    const field = client(t.app, await f.session(d.fieldEngineer));
    expect((await field.get(`/api/v1/inspection-findings/${temp.id}`)).statusCode).toBe(404);
  });
});
