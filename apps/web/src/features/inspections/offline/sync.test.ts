import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InspectionTask } from '@opsdesk/contracts';
import { ApiError } from '../../../app/api/client';
import type { ReadingsBatch, ReadingsSaveResult, SubmitResult } from '../api/inspections.api';
import {
  deleteDraft,
  idbDraftAccess,
  listDrafts,
  loadDraft,
  pendingCount,
  queuePhoto,
  queuedPhotos,
  readingKey,
  updateDraft,
} from './draft-store';
import type { DraftReading } from './draft-store';
import { syncTask } from './sync';
import type { SyncApi } from './sync';

// A task as `GET /inspection-tasks/:id` returns it: two switches, three items each.
const SW1 = '019a0000-0000-7000-8000-000000000011';
const SW2 = '019a0000-0000-7000-8000-000000000012';
let seq = 0;
const newTaskId = () => `019a0000-0000-7000-8000-${String(++seq).padStart(12, '0')}`;

function taskOf(id: string): InspectionTask {
  const l = (zh: string) => ({ 'zh-CN': zh, en: zh });
  const ci = (ciId: string, name: string) => ({
    ciId,
    name,
    typeKey: 'switch',
    site: null,
    position: 0,
    skipReason: null,
    templateId: 'tpl',
    state: 'not_started' as const,
    total: 3,
    answered: 0,
    normal: 0,
    abnormal: 0,
    readings: [],
    findings: [],
  });
  return {
    id,
    projectId: '019a0000-0000-7000-8000-0000000000a1',
    plan: { id: '019a0000-0000-7000-8000-0000000000b1', name: '月度巡检' },
    title: '月度巡检（2026-06）',
    periodKey: '2026-06',
    scheduledDate: '2026-06-15',
    opensAt: '2026-06-14T16:00:00.000Z',
    dueAt: '2026-06-17T16:00:00.000Z',
    status: 'open',
    overdue: false,
    assignee: null,
    team: null,
    subcontractorId: null,
    ciCount: 2,
    startedAt: null,
    submittedAt: null,
    project: { id: '019a0000-0000-7000-8000-0000000000a1', name: '项目' },
    templates: [
      {
        id: 'tpl',
        version: 1,
        name: l('机房巡检'),
        autoIncidentSeverities: ['major', 'critical'],
        items: [
          {
            key: 'temp',
            ciTypeKey: 'switch',
            title: l('温度'),
            method: l('看'),
            reading: { type: 'number', unit: '°C', min: 0, max: 60 },
            photo: 'never',
            severity: 'minor',
          },
          {
            key: 'fans',
            ciTypeKey: 'switch',
            title: l('风扇正常'),
            method: l('看'),
            reading: { type: 'boolean', normal: true },
            photo: 'when_abnormal',
            severity: 'major',
          },
          {
            key: 'note',
            ciTypeKey: 'switch',
            title: l('备注'),
            method: l('记'),
            reading: { type: 'text' },
            photo: 'never',
            severity: 'info',
          },
        ],
      },
    ],
    cis: [ci(SW1, '核心交换机'), ci(SW2, '汇聚交换机')],
    counts: {
      cis: 2,
      cisDone: 0,
      cisSkipped: 0,
      items: 6,
      answered: 0,
      normal: 0,
      abnormal: 0,
      unanswered: 6,
    },
    complete: false,
    submittedBy: null,
    cancelReason: null,
    abilities: { enterReadings: true, submit: true, cancel: false },
  };
}

const saved = (n: number): ReadingsSaveResult => ({
  saved: n,
  cleared: 0,
  stale: [],
  readings: [],
  counts: {
    cis: 2,
    cisDone: 0,
    cisSkipped: 0,
    items: 6,
    answered: n,
    normal: n,
    abnormal: 0,
    unanswered: 6 - n,
  },
  complete: false,
  status: 'in_progress',
});

function fakeApi() {
  const batches: ReadingsBatch[] = [];
  const api = {
    saveReadings: vi.fn(async (_id: string, batch: ReadingsBatch) => {
      batches.push(structuredClone(batch));
      return saved(batch.readings?.length ?? 0);
    }),
    submit: vi.fn(async (): Promise<SubmitResult> => ({}) as SubmitResult),
    uploadPhoto: vi.fn(async (_id: string, _file: File) => ({ id: '019a0000-0000-7000-8000-0000000000f1' })),
  } satisfies SyncApi;
  return { api, batches };
}

const offline = () => new ApiError({ status: 0, code: 'UNAVAILABLE', message: '服务暂不可用' });

/** A reading typed on the phone: in the draft, not yet sent. */
function typed(
  ciId: string,
  itemKey: string,
  patch: Partial<DraftReading>,
  at = new Date().toISOString(),
): DraftReading {
  return {
    ciId,
    itemKey,
    value: null,
    remark: '',
    photos: [],
    pendingPhotos: [],
    flagged: false,
    enteredAt: at,
    dirty: true,
    ...patch,
  };
}

async function enter(taskId: string, r: DraftReading) {
  await updateDraft(taskId, (d) => void (d.readings[readingKey(r.ciId, r.itemKey)] = r));
}

beforeEach(() => {
  vi.restoreAllMocks();
});

describe('the offline draft store (IndexedDB)', () => {
  it('keeps every reading across a reload: a fresh module reads what the last one wrote', async () => {
    const taskId = newTaskId();
    await enter(taskId, typed(SW1, 'temp', { value: '45' }));
    await enter(taskId, typed(SW2, 'fans', { value: false, remark: '2 号风扇停转' }));
    vi.resetModules();
    const fresh = await import('./draft-store');
    const draft = await fresh.loadDraft(taskId);
    expect(draft?.readings[readingKey(SW1, 'temp')]).toMatchObject({ value: '45', dirty: true });
    expect(draft?.readings[readingKey(SW2, 'fans')]).toMatchObject({ value: false, remark: '2 号风扇停转' });
    expect(pendingCount(draft)).toBe(2);
    expect((await listDrafts()).map((d) => d.taskId)).toContain(taskId);
  });

  it('loses no change when many are made at once (each applies to the latest stored draft)', async () => {
    const taskId = newTaskId();
    await Promise.all(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((k, i) => enter(taskId, typed(i % 2 ? SW1 : SW2, k, { value: k }))),
    );
    expect(Object.keys((await loadDraft(taskId))!.readings)).toHaveLength(6);
  });

  it('keeps photos taken offline as bytes until they are sent, and forgets them with the draft', async () => {
    const taskId = newTaskId();
    const bytes = new TextEncoder().encode('not really a jpeg').buffer;
    const p = await queuePhoto({
      taskId,
      ciId: SW1,
      itemKey: 'fans',
      name: 'fan.jpg',
      type: 'image/jpeg',
      bytes,
    });
    const [back] = await queuedPhotos(taskId);
    expect(back).toMatchObject({ id: p.id, name: 'fan.jpg', type: 'image/jpeg' });
    expect(new TextDecoder().decode(back!.bytes)).toBe('not really a jpeg');
    await deleteDraft(taskId);
    expect(await queuedPhotos(taskId)).toEqual([]);
  });
});

describe('the sync queue', () => {
  it('sends only what the rules accept; an abnormal reading waits for its remark', async () => {
    const taskId = newTaskId();
    const { api, batches } = fakeApi();
    await enter(taskId, typed(SW1, 'temp', { value: '45' }));
    await enter(taskId, typed(SW1, 'fans', { value: false })); // abnormal, no remark, no photo yet
    await enter(taskId, typed(SW1, 'note', { value: '1,5' })); // text: any text is fine

    const first = await syncTask(taskOf(taskId), api);
    expect(first).toEqual({ kind: 'synced', saved: 2, held: 1 });
    expect(batches[0]!.readings!.map((r) => `${r.itemKey}=${String(r.value)}`)).toEqual([
      'temp=45',
      'note=1,5',
    ]);
    expect(batches[0]!.readings![0]).toMatchObject({ ciId: SW1, remark: null, photos: [], flagged: false });
    const draft = await loadDraft(taskId);
    expect(draft!.readings[readingKey(SW1, 'temp')]!.dirty).toBe(false);
    expect(draft!.readings[readingKey(SW1, 'fans')]!.dirty).toBe(true);
    expect(pendingCount(draft)).toBe(1);
  });

  it('keeps everything when the network is away, and sends it all once it is back', async () => {
    const taskId = newTaskId();
    const { api, batches } = fakeApi();
    api.saveReadings.mockRejectedValueOnce(offline());
    await enter(taskId, typed(SW1, 'temp', { value: '72', remark: '空调故障' }));
    await enter(taskId, typed(SW2, 'temp', { value: '38' }));
    expect(await syncTask(taskOf(taskId), api)).toEqual({ kind: 'offline' });
    expect(pendingCount(await loadDraft(taskId))).toBe(2);

    expect(await syncTask(taskOf(taskId), api)).toEqual({ kind: 'synced', saved: 2, held: 0 });
    expect(batches.at(-1)!.readings).toHaveLength(2);
    expect(pendingCount(await loadDraft(taskId))).toBe(0);
    // Nothing new: nothing sent (the batch is idempotent anyway).
    expect(await syncTask(taskOf(taskId), api)).toEqual({ kind: 'idle' });
    expect(api.saveReadings).toHaveBeenCalledTimes(2);
  });

  it('a reading changed while its batch was on the way stays queued with the newer value', async () => {
    const taskId = newTaskId();
    const { api, batches } = fakeApi();
    await enter(taskId, typed(SW1, 'temp', { value: '45' }, '2026-06-15T02:00:00.000Z'));
    api.saveReadings.mockImplementationOnce(async (_id, batch) => {
      batches.push(structuredClone(batch));
      await enter(taskId, typed(SW1, 'temp', { value: '46' }, '2026-06-15T02:00:05.000Z'));
      return saved(1);
    });
    await syncTask(taskOf(taskId), api);
    const r = (await loadDraft(taskId))!.readings[readingKey(SW1, 'temp')]!;
    expect(r).toMatchObject({ value: '46', dirty: true });
    await syncTask(taskOf(taskId), api);
    expect(batches.at(-1)!.readings![0]).toMatchObject({
      value: '46',
      enteredAt: '2026-06-15T02:00:05.000Z',
    });
  });

  it('a refused batch: the reading the server names keeps its reason, the others are sent again at once', async () => {
    const taskId = newTaskId();
    const { api, batches } = fakeApi();
    await enter(taskId, typed(SW1, 'temp', { value: '45' }));
    await enter(
      taskId,
      typed(SW1, 'fans', { value: false, remark: '停转', photos: ['019a0000-0000-7000-8000-0000000000e9'] }),
    );
    api.saveReadings.mockImplementationOnce(async (_id, batch) => {
      batches.push(structuredClone(batch));
      throw new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: '提交的内容有误',
        fields: [
          {
            path: 'readings.1.photos.0',
            code: 'inspection.reading.unknown_photo',
            message: '照片须先上传到本巡检任务',
          },
        ],
      });
    });
    const out = await syncTask(taskOf(taskId), api);
    expect(out).toEqual({ kind: 'synced', saved: 1, held: 1 });
    expect(batches[1]!.readings!.map((r) => r.itemKey)).toEqual(['temp']);
    const fans = (await loadDraft(taskId))!.readings[readingKey(SW1, 'fans')]!;
    expect(fans).toMatchObject({ dirty: true, errors: ['照片须先上传到本巡检任务'] });
  });

  it('uploads the photos taken offline first and sends the reading with the attachment id', async () => {
    const taskId = newTaskId();
    const { api, batches } = fakeApi();
    const p = await queuePhoto({
      taskId,
      ciId: SW1,
      itemKey: 'fans',
      name: 'fan.jpg',
      type: 'image/jpeg',
      bytes: new Uint8Array([0xff, 0xd8, 0xff]).buffer,
    });
    await enter(taskId, typed(SW1, 'fans', { value: false, remark: '停转', pendingPhotos: [p.id] }));
    await syncTask(taskOf(taskId), api);
    expect(api.uploadPhoto).toHaveBeenCalledTimes(1);
    const file = api.uploadPhoto.mock.calls[0]![1];
    expect([file.name, file.type, file.size]).toEqual(['fan.jpg', 'image/jpeg', 3]);
    expect(batches[0]!.readings![0]).toMatchObject({ photos: ['019a0000-0000-7000-8000-0000000000f1'] });
    expect(await queuedPhotos(taskId)).toEqual([]);
    expect((await loadDraft(taskId))!.readings[readingKey(SW1, 'fans')]).toMatchObject({
      pendingPhotos: [],
      dirty: false,
    });
  });

  it('a submit asked for offline goes after the readings, then the draft is gone; a 409 counts as done', async () => {
    const taskId = newTaskId();
    const { api, batches } = fakeApi();
    await enter(taskId, typed(SW1, 'temp', { value: '45' }));
    await updateDraft(taskId, (d) => void (d.submitRequested = true));
    const out = await syncTask(taskOf(taskId), api);
    expect(out.kind).toBe('submitted');
    expect(batches).toHaveLength(1);
    expect(api.submit).toHaveBeenCalledAfter(api.saveReadings);
    expect(await loadDraft(taskId)).toBeUndefined();

    const again = newTaskId();
    await updateDraft(again, (d) => void (d.submitRequested = true));
    api.submit.mockRejectedValueOnce(
      new ApiError({ status: 409, code: 'INVALID_TRANSITION', message: '已提交' }),
    );
    expect(await syncTask(taskOf(again), api)).toEqual({ kind: 'submitted', result: null });
    expect(await loadDraft(again)).toBeUndefined();
  });

  it('does not submit while a reading on the phone is incomplete; the request is dropped for the engineer to see', async () => {
    const taskId = newTaskId();
    const { api } = fakeApi();
    await enter(taskId, typed(SW1, 'fans', { value: false }));
    await updateDraft(taskId, (d) => void (d.submitRequested = true));
    expect(await syncTask(taskOf(taskId), api)).toEqual({ kind: 'synced', saved: 0, held: 1 });
    expect(api.submit).not.toHaveBeenCalled();
    expect((await loadDraft(taskId))!.submitRequested).toBe(false);
  });

  it('works the same through the access the page uses (idbDraftAccess)', async () => {
    const taskId = newTaskId();
    const access = idbDraftAccess(taskId);
    await access.mutate(
      (d) => void (d.readings[readingKey(SW2, 'temp')] = typed(SW2, 'temp', { value: '30' })),
    );
    const { api } = fakeApi();
    expect(await syncTask(taskOf(taskId), api, access)).toEqual({ kind: 'synced', saved: 1, held: 0 });
    expect(pendingCount(await access.read())).toBe(0);
  });
});
