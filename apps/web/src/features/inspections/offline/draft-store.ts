import { createStore, del, entries, get, set } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';

/**
 * The phone's copy of an inspection in progress, kept in IndexedDB (idb-keyval) as the engineer
 * types: a dropped connection or a reload loses nothing. Each reading remembers whether the server
 * has it yet (`dirty`); the sync queue (sync.ts) sends the dirty ones with the idempotent
 * `PUT /inspection-tasks/:id/readings` when the network is back, and the draft is removed once the
 * task is submitted.
 *
 * Photos taken offline wait here too, as bytes (an ArrayBuffer clones into IndexedDB everywhere),
 * until they can be uploaded as attachments of the task.
 */

/** A reading as entered: a number item keeps the text typed (`12.5`, `１２℃`), judged like the server does. */
export type DraftValue = number | boolean | string | null;

export interface DraftReading {
  ciId: string;
  itemKey: string;
  value: DraftValue;
  remark: string;
  /** Photos uploaded as attachments of the task (their ids). */
  photos: string[];
  /** Photos taken while offline, waiting in the queue (local ids). */
  pendingPhotos: string[];
  flagged: boolean;
  /** When the engineer last changed it: an older reading never overwrites a newer one on the server. */
  enteredAt: string;
  /** Not yet accepted by the server. */
  dirty: boolean;
  /** The server's refusal of the last attempt, shown on the item until the next change. */
  errors?: string[] | undefined;
}

export interface DraftSkip {
  /** Why the CI was not inspected; null un-skips it. */
  reason: string | null;
  enteredAt: string;
  dirty: boolean;
}

export interface TaskDraft {
  taskId: string;
  readings: Record<string, DraftReading>;
  skips: Record<string, DraftSkip>;
  /** The engineer pressed submit while the network was away: sent once the readings are through. */
  submitRequested: boolean;
  updatedAt: string;
}

export interface QueuedPhoto {
  id: string;
  taskId: string;
  ciId: string;
  itemKey: string;
  name: string;
  type: string;
  bytes: ArrayBuffer;
  createdAt: string;
}

export const readingKey = (ciId: string, itemKey: string) => `${ciId}/${itemKey}`;
const draftKey = (taskId: string) => `draft:${taskId}`;
const photoKey = (id: string) => `photo:${id}`;

let store: UseStore | null = null;
/** Opened on first use: importing the module must not touch IndexedDB (jsdom, private mode). */
function db(): UseStore {
  store ??= createStore('opsdesk-field-work', 'inspection-drafts');
  return store;
}

export function emptyDraft(taskId: string): TaskDraft {
  return { taskId, readings: {}, skips: {}, submitRequested: false, updatedAt: new Date(0).toISOString() };
}

export async function loadDraft(taskId: string): Promise<TaskDraft | undefined> {
  return get<TaskDraft>(draftKey(taskId), db());
}

// One write at a time per task: each change reads the latest draft, so none is lost to a race.
const chains = new Map<string, Promise<unknown>>();
function serial<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = chains.get(key) ?? Promise.resolve();
  const next = previous.then(run, run);
  chains.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

/** Applies a change to the task's draft and stores it; resolves with the draft as stored. */
export function updateDraft(taskId: string, change: (draft: TaskDraft) => void): Promise<TaskDraft> {
  return serial(taskId, async () => {
    const current = (await loadDraft(taskId)) ?? emptyDraft(taskId);
    const next: TaskDraft = structuredClone(current);
    change(next);
    next.updatedAt = new Date().toISOString();
    await set(draftKey(taskId), next, db());
    return next;
  });
}

/** Stores a whole draft (the page's copy, after it changed in memory), in order with other writes. */
export function saveDraft(draft: TaskDraft): Promise<void> {
  return serial(draft.taskId, () => set(draftKey(draft.taskId), draft, db()));
}

/**
 * How the queue reads and changes a draft. The page keeps the draft in memory (so an input shows
 * each keystroke at once) and stores every change; tests and other callers use IndexedDB directly.
 */
export interface DraftAccess {
  read: () => Promise<TaskDraft | undefined>;
  mutate: (change: (draft: TaskDraft) => void) => Promise<TaskDraft>;
  remove: () => Promise<void>;
}

export function idbDraftAccess(taskId: string): DraftAccess {
  return {
    read: () => serial(taskId, () => loadDraft(taskId)),
    mutate: (change) => updateDraft(taskId, change),
    remove: () => deleteDraft(taskId),
  };
}

/** Forgets a task's draft and its queued photos (after the task is submitted). */
export function deleteDraft(taskId: string): Promise<void> {
  return serial(taskId, async () => {
    for (const p of await queuedPhotos(taskId)) await del(photoKey(p.id), db());
    await del(draftKey(taskId), db());
  });
}

/** The drafts on this device (the task list marks the tasks with readings not yet sent). */
export async function listDrafts(): Promise<TaskDraft[]> {
  const all = await entries<string, unknown>(db());
  return all.filter(([k]) => String(k).startsWith('draft:')).map(([, v]) => v as TaskDraft);
}

/** The readings and skips the server does not have yet. */
export function pendingCount(draft: TaskDraft | undefined): number {
  if (!draft) return 0;
  return (
    Object.values(draft.readings).filter((r) => r.dirty).length +
    Object.values(draft.skips).filter((s) => s.dirty).length
  );
}

export async function queuePhoto(photo: Omit<QueuedPhoto, 'id' | 'createdAt'>): Promise<QueuedPhoto> {
  const queued: QueuedPhoto = {
    ...photo,
    id: `local-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    createdAt: new Date().toISOString(),
  };
  await set(photoKey(queued.id), queued, db());
  return queued;
}

export async function queuedPhotos(taskId: string): Promise<QueuedPhoto[]> {
  const all = await entries<string, unknown>(db());
  return all
    .filter(([k]) => String(k).startsWith('photo:'))
    .map(([, v]) => v as QueuedPhoto)
    .filter((p) => p.taskId === taskId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function queuedPhoto(id: string): Promise<QueuedPhoto | undefined> {
  return get<QueuedPhoto>(photoKey(id), db());
}

export async function removeQueuedPhoto(id: string): Promise<void> {
  await del(photoKey(id), db());
}
