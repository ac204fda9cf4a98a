import type { InspectionTask } from '@opsdesk/contracts';
import { isApiError } from '../../../app/api/client';
import type { ReadingsBatch, ReadingsSaveResult, SubmitResult } from '../api/inspections.api';
import { itemsOf, readyToSend } from '../judge';
import { idbDraftAccess, queuedPhotos, readingKey, removeQueuedPhoto } from './draft-store';
import type { DraftAccess, DraftReading, QueuedPhoto, TaskDraft } from './draft-store';

/** What the queue needs from the API (injected, so the queue is tested without a server). */
export interface SyncApi {
  saveReadings: (taskId: string, batch: ReadingsBatch) => Promise<ReadingsSaveResult>;
  submit: (taskId: string, body: ReadingsBatch) => Promise<SubmitResult>;
  uploadPhoto: (taskId: string, file: File) => Promise<{ id: string }>;
}

export type SyncOutcome =
  /** Nothing was waiting. */
  | { kind: 'idle' }
  /** Readings sent (and photos uploaded); `held` are still on the phone (incomplete, or refused). */
  | { kind: 'synced'; saved: number; held: number }
  /** The network is away: everything stays queued for the next attempt. */
  | { kind: 'offline' }
  /** The task no longer takes readings (submitted or cancelled elsewhere). */
  | { kind: 'closed' }
  /** The server refused: the readings it named carry its reasons; the rest were sent. */
  | { kind: 'refused'; error: unknown }
  | { kind: 'submitted'; result: SubmitResult | null }
  | { kind: 'submitRefused'; error: unknown };

const isOffline = (e: unknown) => isApiError(e) && (e.status === 0 || e.code === 'UNAVAILABLE');
const isClosed = (e: unknown) => isApiError(e) && e.status === 409;

/** `readings.3.remark` → 3. */
function readingIndex(path: string): number | null {
  const m = /^readings\.(\d+)(?:\.|$)/.exec(path);
  return m ? Number(m[1]) : null;
}

async function uploadQueuedPhotos(taskId: string, api: SyncApi, access: DraftAccess): Promise<void> {
  for (const p of await queuedPhotos(taskId)) await uploadOne(taskId, p, api, access);
}

async function uploadOne(taskId: string, p: QueuedPhoto, api: SyncApi, access: DraftAccess) {
  const file = new File([p.bytes], p.name, { type: p.type });
  const { id } = await api.uploadPhoto(taskId, file);
  await access.mutate((d) => {
    const r = d.readings[readingKey(p.ciId, p.itemKey)];
    if (!r) return;
    r.pendingPhotos = r.pendingPhotos.filter((x) => x !== p.id);
    if (!r.photos.includes(id)) r.photos.push(id);
  });
  await removeQueuedPhoto(p.id);
}

type ReadingWire = NonNullable<ReadingsBatch['readings']>[number];

function wire(r: DraftReading): ReadingWire {
  return {
    ciId: r.ciId,
    itemKey: r.itemKey,
    value: r.value,
    remark: r.remark.trim() ? r.remark : null,
    photos: r.photos,
    flagged: r.flagged,
    enteredAt: r.enteredAt,
  };
}

/** The batch of what is ready: dirty readings the rules accept (or clear), and dirty skips. */
function batchOf(task: InspectionTask, draft: TaskDraft) {
  const items = new Map<string, ReturnType<typeof itemsOf>>();
  for (const ci of task.cis) items.set(ci.ciId, itemsOf(task, ci));
  const ready: DraftReading[] = [];
  let held = 0;
  for (const r of Object.values(draft.readings)) {
    if (!r.dirty) continue;
    const item = items.get(r.ciId)?.find((i) => i.key === r.itemKey);
    if (!r.errors?.length && readyToSend(item, r)) ready.push(r);
    else held++;
  }
  const skips = Object.entries(draft.skips)
    .filter(([, s]) => s.dirty)
    .map(([ciId, s]) => ({ ciId, reason: s.reason }));
  return { ready, skips, held };
}

/** Marks what the server took as synced — unless the engineer changed it again meanwhile. */
function markSent(d: TaskDraft, sent: DraftReading[], skips: { ciId: string; reason: string | null }[]) {
  for (const s of sent) {
    const r = d.readings[readingKey(s.ciId, s.itemKey)];
    if (r && r.enteredAt === s.enteredAt) {
      r.dirty = false;
      r.errors = undefined;
    }
  }
  for (const s of skips) {
    const mine = d.skips[s.ciId];
    if (mine && mine.reason === s.reason) mine.dirty = false;
  }
}

/**
 * One round of the queue for a task: upload the photos taken offline, send the ready readings and
 * skips in one idempotent batch (a batch sent twice changes nothing), and — when the engineer asked
 * to submit — submit. A refused batch saves nothing on the server, so the readings it names are
 * held with the reasons and the rest are sent again at once.
 */
export async function syncTask(
  task: InspectionTask,
  api: SyncApi,
  access: DraftAccess = idbDraftAccess(task.id),
): Promise<SyncOutcome> {
  const taskId = task.id;
  try {
    await uploadQueuedPhotos(taskId, api, access);
  } catch (e) {
    if (isOffline(e)) return { kind: 'offline' };
    if (isClosed(e)) return { kind: 'closed' };
    // A photo the server refuses (type, size) stays queued and visible; the readings go on.
  }
  let draft = (await access.read()) ?? null;
  if (!draft) return { kind: 'idle' };
  let saved = 0;
  for (let attempt = 0; attempt < 2; attempt++) {
    const { ready, skips } = batchOf(task, draft);
    if (!ready.length && !skips.length) break;
    try {
      const result = await api.saveReadings(taskId, { readings: ready.map(wire), skips });
      saved += result.saved + result.cleared;
      draft = await access.mutate((d) => markSent(d, ready, skips));
      break;
    } catch (e) {
      if (isOffline(e)) return { kind: 'offline' };
      if (isClosed(e)) return { kind: 'closed' };
      const fields = isApiError(e) ? e.fields : [];
      const named = fields.filter((f) => readingIndex(f.path) !== null);
      if (!named.length) return { kind: 'refused', error: e };
      draft = await access.mutate((d) => {
        for (const f of named) {
          const sent = ready[readingIndex(f.path)!];
          const r = sent && d.readings[readingKey(sent.ciId, sent.itemKey)];
          if (r && r.enteredAt === sent.enteredAt) r.errors = [...(r.errors ?? []), f.message];
        }
      });
      if (attempt === 1) return { kind: 'refused', error: e };
    }
  }
  const { held } = batchOf(task, draft);
  if (draft.submitRequested) {
    if (held > 0) {
      await access.mutate((d) => void (d.submitRequested = false));
      return { kind: 'synced', saved, held };
    }
    try {
      const result = await api.submit(taskId, { readings: [], skips: [] });
      await access.remove();
      return { kind: 'submitted', result };
    } catch (e) {
      if (isOffline(e)) return { kind: 'offline' };
      if (isClosed(e)) {
        // Submitted already (another tab, or the answer was lost): the phone treats that as done.
        await access.remove();
        return { kind: 'submitted', result: null };
      }
      await access.mutate((d) => void (d.submitRequested = false));
      return { kind: 'submitRefused', error: e };
    }
  }
  return saved > 0 || held > 0 ? { kind: 'synced', saved, held } : { kind: 'idle' };
}
