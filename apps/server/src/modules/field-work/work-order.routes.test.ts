import { readdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { fieldTenant, png, signatureUrl } from './field-work.test-support.js';
import type { FieldTenant } from './field-work.test-support.js';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  t.clock.set(new Date('2026-06-15T02:00:00Z')); // 10:00 in Shanghai
});

const q = async (text: ReturnType<typeof sql>) => (await t.deps.db.execute(text)).rows;

async function incidentOf(d: FieldTenant) {
  const res = await client(t.app, await f.session(d.agent)).post('/api/v1/tickets', {
    projectId: d.project.id,
    title: '解放路信号机黄闪',
    requesterId: d.contact.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
}

async function createWo(d: FieldTenant, over: Record<string, unknown> = {}) {
  const res = await client(t.app, await f.session(d.agent)).post('/api/v1/work-orders', {
    projectId: d.project.id,
    title: '更换解放路信号机电源模块',
    ciIds: [d.controller.id],
    siteId: d.suburb.id,
    instructions: '携带备用电源模块，到场后先拍照',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('a work order on the ticket engine', () => {
  it('is dispatched, accepted, checked in, done, signed on screen by the customer and closed', async () => {
    const d = await fieldTenant(t.deps, f);
    const incident = await incidentOf(d);
    const agent = client(t.app, await f.session(d.agent));
    const field = client(t.app, await f.session(d.fieldEngineer));
    const wo = await createWo(d, { parentId: incident.id, assigneeId: d.fieldEngineer.id });
    expect(wo.number).toMatch(/^WO-2026-\d{6}$/);
    expect(wo).toMatchObject({
      kind: 'work_order',
      state: 'dispatched',
      parent: { id: incident.id },
      assignee: { id: d.fieldEngineer.id },
      workOrder: {
        site: { id: d.suburb.id },
        area: { key: 'suburb', minutes: 240 },
        dispatchedTo: { id: d.subcontractor.id },
        cis: [{ id: d.controller.id, typeKey: 'signal_controller' }],
        // Dispatched at 10:00 on a 7×24 calendar, 4 hours to the suburbs.
        arrival: { targetMinutes: 240, state: 'running', dueAt: '2026-06-15T06:00:00.000Z' },
      },
    });
    expect(wo.actions.map((a: { action: string }) => a.action)).toContain('dispatch');
    // The engine's own read shows it too, and the incident lists it as its child.
    const asTicket = await agent.get(`/api/v1/tickets/${wo.id}`);
    expect(asTicket.json()).toMatchObject({ kind: 'work_order', number: wo.number });
    expect((await agent.get(`/api/v1/tickets/${incident.id}`)).json().children).toEqual([
      expect.objectContaining({ id: wo.id }),
    ]);

    // The subcontractor's engineer sees it in its list, accepts, and checks in at 11:30.
    const mine = await field.get('/api/v1/work-orders?queue=mine');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([wo.id]);
    expect((await field.post(`/api/v1/work-orders/${wo.id}/accept`, {})).json().state).toBe('accepted');
    t.clock.advance(2 * 3_600_000);
    const fieldLater = client(t.app, await f.session(d.fieldEngineer));
    const checkedIn = await fieldLater.post(`/api/v1/work-orders/${wo.id}/check-in`, {
      at: '2026-06-15T03:30:00.000Z',
      location: { lat: 30.27, lng: 120.15, accuracyM: 12 },
    });
    expect(checkedIn.statusCode, checkedIn.body).toBe(200);
    expect(checkedIn.json()).toMatchObject({
      state: 'on_site',
      workOrder: {
        checkedInAt: '2026-06-15T03:30:00.000Z',
        checkInLocation: { lat: 30.27, lng: 120.15, accuracyM: 12 },
        arrival: { state: 'met' },
      },
    });
    const [clock] = await q(
      sql`SELECT events FROM sla_clocks WHERE ticket_id = ${wo.id} AND metric = 'arrival'`,
    );
    expect(clock!.events).toMatchObject([
      { type: 'start' },
      { type: 'stop', at: Date.parse('2026-06-15T03:30:00Z') },
    ]);

    const done = await fieldLater.post(`/api/v1/work-orders/${wo.id}/complete`, {
      workPerformed: '更换电源模块，恢复多时段控制',
      timeSpentMinutes: 50,
      partsUsed: '电源模块 ×1',
    });
    expect(done.json()).toMatchObject({
      state: 'work_done',
      workOrder: {
        workPerformed: '更换电源模块，恢复多时段控制',
        timeSpentMinutes: 50,
        partsUsed: '电源模块 ×1',
      },
    });
    const signed = await fieldLater.post(`/api/v1/work-orders/${wo.id}/sign-off`, {
      signerName: '王科长',
      signature: signatureUrl(png(120, 40)),
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({
      state: 'signed_off',
      workOrder: { signOff: { signerName: '王科长' } },
    });
    const attachmentId = signed.json().workOrder.signOff.signatureAttachmentId;
    const file = await client(t.app, await f.session(d.agent)).get(
      `/api/v1/attachments/${attachmentId}/content`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.from(file.rawPayload).equals(png(120, 40))).toBe(true);

    const closed = await client(t.app, await f.session(d.agent)).post(
      `/api/v1/work-orders/${wo.id}/close`,
      {},
    );
    expect(closed.json().state).toBe('closed');
    const audit = await q(sql`SELECT action FROM audit_log WHERE object_id = ${wo.id} ORDER BY id`);
    // Each action's work-order part is written by the hook inside the engine's transition, before its audit row.
    expect(audit.map((r) => r.action)).toEqual([
      'ticket.create',
      'work_order.dispatch',
      'ticket.dispatch',
      'ticket.accept',
      'work_order.check_in',
      'ticket.check_in',
      'work_order.complete',
      'ticket.complete',
      'attachment.upload',
      'work_order.sign_off',
      'ticket.sign_off',
      'ticket.close',
    ]);
    const history = await client(t.app, await f.session(d.agent)).get(`/api/v1/tickets/${wo.id}/history`);
    expect(history.json().items.filter((e: { type: string }) => e.type === 'transition')).toHaveLength(6);
  });

  it('a rejection sends it back to dispatch: the engineer is taken off, managers hear why, the arrival clock keeps running', async () => {
    const d = await fieldTenant(t.deps, f);
    const wo = await createWo(d, { assigneeId: d.fieldEngineer.id });
    const field = client(t.app, await f.session(d.fieldEngineer));
    const rejected = await field.post(`/api/v1/work-orders/${wo.id}/reject`, {
      reason: '人员不足，无法按时到场',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ id: wo.id, state: 'new' });
    // Taken off the order, the engineer no longer sees it (nor its company: it is no longer dispatched there).
    const agent = client(t.app, await f.session(d.agent));
    const back = (await agent.get(`/api/v1/work-orders/${wo.id}`)).json();
    expect(back).toMatchObject({
      state: 'new',
      assignee: null,
      workOrder: { rejectReason: '人员不足，无法按时到场', dispatchedTo: null },
    });
    expect((await field.get(`/api/v1/work-orders/${wo.id}`)).statusCode).toBe(404);
    const told = await q(
      sql`SELECT user_id, params FROM notifications WHERE object_id = ${wo.id} AND kind = 'workOrder.rejected'`,
    );
    expect(told.map((r) => r.user_id).sort()).toEqual([d.pm.id, d.agent.id].sort());
    // Dispatched again to the engineer of the project: the same arrival clock goes on.
    const again = await agent.post(`/api/v1/work-orders/${wo.id}/dispatch`, { assigneeId: d.engineer.id });
    expect(again.json()).toMatchObject({ state: 'dispatched', workOrder: { dispatchedTo: null } });
    const clocks = await q(
      sql`SELECT events FROM sla_clocks WHERE ticket_id = ${wo.id} AND metric = 'arrival'`,
    );
    expect(clocks).toHaveLength(1);
    expect(clocks[0]!.events).toHaveLength(1);
  });

  it('the generic /tickets/:id/:action path runs the same hook (the arrival clock starts at dispatch)', async () => {
    const d = await fieldTenant(t.deps, f);
    const wo = await createWo(d, { siteId: d.city.id, ciIds: [d.switchA.id] });
    expect(wo.workOrder.arrival).toBeNull();
    const res = await client(t.app, await f.session(d.agent)).post(`/api/v1/tickets/${wo.id}/dispatch`, {
      assigneeId: d.engineer.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await client(t.app, await f.session(d.agent)).get(`/api/v1/work-orders/${wo.id}`)).json();
    expect(after.workOrder).toMatchObject({
      area: { key: 'city' },
      arrival: { targetMinutes: 120, state: 'running' },
    });
    const sla = (await client(t.app, await f.session(d.agent)).get(`/api/v1/tickets/${wo.id}/sla`)).json();
    expect(sla.clocks.map((c: { metric: string }) => c.metric).sort()).toEqual([
      'arrival',
      'resolution',
      'response',
    ]);
  });
});

describe('signature and bad input: a field-level 4xx, nothing saved', () => {
  async function filesIn(dir: string) {
    try {
      const subs = await readdir(dir);
      let n = 0;
      for (const s of subs) n += (await readdir(`${dir}/${s}`)).length;
      return n;
    } catch {
      return 0;
    }
  }

  it('a signature on a work order that is not done is 409 naming `signature`, and leaves no file, row or audit', async () => {
    const d = await fieldTenant(t.deps, f);
    const wo = await createWo(d, { assigneeId: d.fieldEngineer.id });
    const field = client(t.app, await f.session(d.fieldEngineer));
    await field.post(`/api/v1/work-orders/${wo.id}/accept`, {});
    const files = await filesIn(t.deps.config.attachmentsDir);
    const audits = await q(sql`SELECT count(*)::int AS n FROM audit_log WHERE object_id = ${wo.id}`);
    const res = await field.post(`/api/v1/work-orders/${wo.id}/sign-off`, {
      signerName: '王科长',
      signature: signatureUrl(),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { fields: [{ path: 'signature', code: 'workOrder.notDone' }] },
    });
    expect(await q(sql`SELECT id FROM attachments WHERE owner_id = ${wo.id}`)).toEqual([]);
    expect(await q(sql`SELECT count(*)::int AS n FROM audit_log WHERE object_id = ${wo.id}`)).toEqual(audits);
    expect(await filesIn(t.deps.config.attachmentsDir)).toBe(files);
    expect((await field.get(`/api/v1/work-orders/${wo.id}`)).json().state).toBe('accepted');
  });

  it('refuses a signature that is not a PNG, or too large, at `signature`; check-in in the future at `at`', async () => {
    const d = await fieldTenant(t.deps, f);
    const wo = await createWo(d, { assigneeId: d.fieldEngineer.id });
    const field = client(t.app, await f.session(d.fieldEngineer));
    await field.post(`/api/v1/work-orders/${wo.id}/accept`, {});
    const future = await field.post(`/api/v1/work-orders/${wo.id}/check-in`, { at: '2030-01-01T00:00:00Z' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields).toEqual([
      expect.objectContaining({ path: 'at', code: 'workOrder.checkInInFuture' }),
    ]);
    await field.post(`/api/v1/work-orders/${wo.id}/check-in`, {});
    await field.post(`/api/v1/work-orders/${wo.id}/complete`, { workPerformed: '已处理' });
    for (const [signature, code] of [
      ['data:image/jpeg;base64,/9j/4AAQ', 'workOrder.signatureFormat'],
      [
        `data:image/png;base64,${Buffer.from('not a png at all, really not').toString('base64')}`,
        'workOrder.signatureFormat',
      ],
      [signatureUrl(Buffer.concat([png(), Buffer.alloc(600 * 1024)])), 'workOrder.signatureTooLarge'],
    ] as const) {
      const res = await field.post(`/api/v1/work-orders/${wo.id}/sign-off`, {
        signerName: '王科长',
        signature,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.fields[0]).toMatchObject({ path: 'signature', code });
    }
    const missing = await field.post(`/api/v1/work-orders/${wo.id}/sign-off`, { signature: signatureUrl() });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields[0].path).toBe('signerName');
    expect(await q(sql`SELECT id FROM attachments WHERE owner_id = ${wo.id}`)).toEqual([]);
    expect((await field.get(`/api/v1/work-orders/${wo.id}`)).json().state).toBe('work_done');
  });

  it('create names each bad field: a CI of another project, a site of another customer, an unknown area, the window', async () => {
    const d = await fieldTenant(t.deps, f);
    const other = await fieldTenant(t.deps, f);
    const res = await client(t.app, await f.session(d.agent)).post('/api/v1/work-orders', {
      projectId: d.project.id,
      title: '巡检整改',
      ciIds: [d.switchA.id, other.switchA.id],
      siteId: other.city.id,
      areaKey: 'mars',
      plannedStart: '2026-06-16T02:00:00Z',
      plannedEnd: '2026-06-16T01:00:00Z',
      subcontractorId: other.subcontractor.id,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res.json().error.details.fields.map((x: { path: string; code: string }) => `${x.path}:${x.code}`),
    ).toEqual([
      'ciIds.1:workOrder.ciNotInProject',
      'siteId:workOrder.siteOfOtherCustomer',
      'areaKey:workOrder.unknownArea',
      'plannedEnd:workOrder.plannedEndBeforeStart',
      'subcontractorId:workOrder.subcontractorNotEngaged',
    ]);
    expect(
      await q(sql`SELECT id FROM tickets WHERE project_id = ${d.project.id} AND kind = 'work_order'`),
    ).toEqual([]);
  });
});

describe('who sees and works a work order', () => {
  it('a subcontractor sees only the work orders dispatched to its company; a work order dispatched to the company is seen by its staff', async () => {
    const d = await fieldTenant(t.deps, f);
    const rival = await f.subcontractor();
    await f.engage(d.project.id, rival.id);
    const rivalEngineer = await f.subStaff(rival.id);
    await f.member(d.project.id, rivalEngineer.id, 'field_engineer');
    const ours = await createWo(d, { assigneeId: d.fieldEngineer.id });
    const toCompany = await createWo(d, { assigneeId: d.engineer.id, subcontractorId: d.subcontractor.id });
    const staffOnly = await createWo(d, { assigneeId: d.engineer.id });
    const colleague = await f.subStaff(d.subcontractor.id);
    await f.member(d.project.id, colleague.id, 'field_engineer');

    const list = async (a: Auth) =>
      (
        (await client(t.app, a).get(`/api/v1/work-orders?projectId=${d.project.id}`)).json().items as {
          id: string;
        }[]
      )
        .map((i) => i.id)
        .sort();
    expect(await list(await f.session(colleague))).toEqual([ours.id, toCompany.id].sort());
    expect(await list(await f.session(rivalEngineer))).toEqual([]);
    expect(await list(await f.session(d.agent))).toEqual([ours.id, toCompany.id, staffOnly.id].sort());
    const rivalClient = client(t.app, await f.session(rivalEngineer));
    expect((await rivalClient.get(`/api/v1/work-orders/${ours.id}`)).statusCode).toBe(404);
    expect((await rivalClient.post(`/api/v1/work-orders/${ours.id}/accept`, {})).statusCode).toBe(404);
    // The colleague sees the one dispatched to the company but is not its engineer: it cannot accept it.
    const col = client(t.app, await f.session(colleague));
    expect((await col.get(`/api/v1/work-orders/${toCompany.id}`)).statusCode).toBe(200);
    expect((await col.post(`/api/v1/work-orders/${toCompany.id}/accept`, {})).statusCode).toBe(403);
    expect((await col.get(`/api/v1/work-orders/${staffOnly.id}`)).statusCode).toBe(404);
  });

  it('the desk plans, the assignee records the work, a contact does neither', async () => {
    const d = await fieldTenant(t.deps, f);
    const wo = await createWo(d, { assigneeId: d.fieldEngineer.id });
    const agent = client(t.app, await f.session(d.agent));
    const planned = await agent.patch(`/api/v1/work-orders/${wo.id}`, {
      plannedStart: '2026-06-16T01:00:00Z',
      plannedEnd: '2026-06-16T04:00:00Z',
      siteId: d.city.id,
      ciIds: [d.switchA.id, d.switchB.id],
    });
    expect(planned.statusCode, planned.body).toBe(200);
    expect(planned.json().workOrder).toMatchObject({
      site: { id: d.city.id },
      area: { key: 'city' },
    });
    expect(
      planned
        .json()
        .workOrder.cis.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual([d.switchA.id, d.switchB.id].sort());
    const engineer = client(t.app, await f.session(d.fieldEngineer));
    expect((await engineer.patch(`/api/v1/work-orders/${wo.id}`, { partsUsed: '光模块' })).statusCode).toBe(
      403,
    );
    await engineer.post(`/api/v1/work-orders/${wo.id}/accept`, {});
    const logged = await engineer.patch(`/api/v1/work-orders/${wo.id}`, {
      partsUsed: '光模块 ×2',
      timeSpentMinutes: 30,
    });
    expect(logged.json().workOrder).toMatchObject({ partsUsed: '光模块 ×2', timeSpentMinutes: 30 });
    expect((await engineer.patch(`/api/v1/work-orders/${wo.id}`, { instructions: '改' })).statusCode).toBe(
      403,
    );
    const contact = client(t.app, await f.session(d.contact));
    expect((await contact.get(`/api/v1/work-orders/${wo.id}`)).statusCode).toBe(200);
    expect((await contact.patch(`/api/v1/work-orders/${wo.id}`, { instructions: '改' })).statusCode).toBe(
      403,
    );
    expect(
      (await contact.post('/api/v1/work-orders', { projectId: d.project.id, title: 'x' })).statusCode,
    ).toBe(403);
  });
});

describe('arrival targets', () => {
  it('managers replace them; each problem is a field error', async () => {
    const d = await fieldTenant(t.deps, f);
    const pm = client(t.app, await f.session(d.pm));
    const bad = await pm.put(`/api/v1/projects/${d.project.id}/arrival-targets`, {
      targets: [
        {
          areaKey: 'city',
          label: { 'zh-CN': '市区', en: 'City' },
          minutes: 120,
          isDefault: true,
          siteIds: [d.city.id],
        },
        {
          areaKey: 'city',
          label: { 'zh-CN': '', en: 'Again' },
          minutes: 0,
          isDefault: true,
          siteIds: [d.city.id],
        },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad.json().error.details.fields.map((x: { path: string; code: string }) => `${x.path}:${x.code}`),
    ).toEqual([
      'targets.1.areaKey:arrival.duplicate_area',
      'targets.1.label.zh-CN:arrival.required',
      'targets.1.minutes:arrival.invalid_minutes',
      'targets.1.isDefault:arrival.several_defaults',
      'targets.1.siteIds.0:arrival.siteInTwoAreas',
    ]);
    const ok = await pm.put(`/api/v1/projects/${d.project.id}/arrival-targets`, {
      targets: [
        { areaKey: 'county', label: { 'zh-CN': '区县', en: 'Counties' }, minutes: 360, isDefault: true },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      targets: [{ areaKey: 'county', minutes: 360, isDefault: true, siteIds: [] }],
      calendar: { id: d.calendarId },
      abilities: { update: true },
    });
    const engineer = client(t.app, await f.session(d.engineer));
    expect(
      (await engineer.get(`/api/v1/projects/${d.project.id}/arrival-targets`)).json().abilities.update,
    ).toBe(false);
    expect(
      (await engineer.put(`/api/v1/projects/${d.project.id}/arrival-targets`, { targets: [] })).statusCode,
    ).toBe(403);
  });
});
