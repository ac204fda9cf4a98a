import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { InspectionTask } from '@opsdesk/contracts';
import { isApiError } from '../../../app/api/client';
import { attachmentApi } from '../../../shared/attachments/attachments.api';
import { findingKeys } from '../../findings/api/findings.api';
import { inspectionApi, inspectionKeys } from '../api/inspections.api';
import type { SubmitResult } from '../api/inspections.api';
import {
  deleteDraft,
  emptyDraft,
  loadDraft,
  queuePhoto,
  readingKey,
  removeQueuedPhoto,
  saveDraft,
} from './draft-store';
import type { DraftAccess, DraftReading, TaskDraft } from './draft-store';
import { syncTask } from './sync';
import type { SyncApi, SyncOutcome } from './sync';
import { useOnline } from './useOnline';

/** How long after the last keystroke the queue sends (typing a number is several changes). */
const SEND_AFTER_MS = 800;
/** Retry while something waits and the network seems up (a server restart, a flaky link). */
const RETRY_MS = 20_000;

export type ReadingPatch = Partial<Pick<DraftReading, 'value' | 'remark' | 'flagged'>>;

function blankReading(ciId: string, itemKey: string): DraftReading {
  return {
    ciId,
    itemKey,
    value: null,
    remark: '',
    photos: [],
    pendingPhotos: [],
    flagged: false,
    enteredAt: '',
    dirty: true,
  };
}

/**
 * The inspection page's draft. It lives in memory (an input shows each keystroke at once) and every
 * change is written to IndexedDB at once, in order; the queue sends what the server lacks whenever
 * the browser is online — shortly after typing stops, when the network comes back, and every 20 s
 * while something waits.
 */
export function useInspectionDraft(task: InspectionTask | undefined) {
  const taskId = task?.id;
  const qc = useQueryClient();
  const online = useOnline();
  const [draft, setDraft] = useState<TaskDraft | undefined>(undefined);
  /** Every change has reached IndexedDB (what a reload would find). */
  const [stored, setStored] = useState(true);
  const [syncing, setSyncing] = useState(false);
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);
  const [submitted, setSubmitted] = useState<SubmitResult | null | undefined>(undefined);
  const memory = useRef<TaskDraft | null>(null);
  const writes = useRef(0);
  const taskRef = useRef(task);
  taskRef.current = task;
  const running = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!taskId) return;
    let live = true;
    memory.current = null;
    setDraft(undefined);
    void loadDraft(taskId)
      .catch(() => undefined)
      .then((d) => {
        if (!live) return;
        memory.current = d ?? emptyDraft(taskId);
        setDraft(memory.current);
      });
    return () => {
      live = false;
    };
  }, [taskId]);

  const access: DraftAccess = useMemo(
    () => ({
      read: async () => memory.current ?? undefined,
      mutate: async (change) => {
        const base = memory.current ?? emptyDraft(taskId ?? '');
        const next = structuredClone(base);
        change(next);
        next.updatedAt = new Date().toISOString();
        memory.current = next;
        setDraft(next);
        writes.current++;
        setStored(false);
        try {
          await saveDraft(next);
        } finally {
          writes.current--;
          if (writes.current === 0) setStored(true);
        }
        return next;
      },
      remove: async () => {
        if (!taskId) return;
        memory.current = emptyDraft(taskId);
        setDraft(memory.current);
        await deleteDraft(taskId);
      },
    }),
    [taskId],
  );

  const syncApi: SyncApi = {
    saveReadings: inspectionApi.saveReadings,
    submit: inspectionApi.submit,
    uploadPhoto: (id, file) => attachmentApi.upload({ ownerType: 'inspection_task', ownerId: id }, file),
  };
  const apiRef = useRef(syncApi);
  apiRef.current = syncApi;

  const sync = useCallback(async () => {
    const current = taskRef.current;
    if (!current || !memory.current || !navigator.onLine) return;
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    setSyncing(true);
    try {
      do {
        again.current = false;
        const result = await syncTask(current, apiRef.current, access);
        setOutcome(result);
        if (result.kind === 'submitted') {
          setSubmitted(result.result);
          void qc.invalidateQueries({ queryKey: inspectionKeys.all });
          void qc.invalidateQueries({ queryKey: findingKeys.all });
          break;
        }
        if (result.kind === 'synced' || result.kind === 'closed')
          void qc.invalidateQueries({ queryKey: inspectionKeys.task(current.id) });
      } while (again.current);
    } finally {
      running.current = false;
      setSyncing(false);
    }
  }, [qc, access]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void sync(), SEND_AFTER_MS);
  }, [sync]);

  const loaded = draft !== undefined;
  // Back online (or the page opened with the network up and a draft waiting): send now.
  useEffect(() => {
    if (online && loaded) void sync();
  }, [online, loaded, sync]);

  const waiting =
    !!draft &&
    (draft.submitRequested ||
      Object.values(draft.readings).some((r) => r.dirty) ||
      Object.values(draft.skips).some((s) => s.dirty));
  useEffect(() => {
    if (!online || !waiting) return;
    const h = setInterval(() => void sync(), RETRY_MS);
    return () => clearInterval(h);
  }, [online, waiting, sync]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  /** One change to an item: in memory and IndexedDB first, then queued for the server. */
  const edit = useCallback(
    async (
      ciId: string,
      itemKey: string,
      base: DraftReading | undefined,
      apply: (r: DraftReading) => void,
    ) => {
      await access.mutate((d) => {
        const key = readingKey(ciId, itemKey);
        const mine = d.readings[key];
        // The freshest copy: an unsent change on the phone, else what the page shows, else blank.
        const prev = (mine?.dirty ? mine : (base ?? mine)) ?? blankReading(ciId, itemKey);
        const r: DraftReading = {
          ...prev,
          photos: [...prev.photos],
          pendingPhotos: [...prev.pendingPhotos],
          enteredAt: new Date().toISOString(),
          dirty: true,
          errors: undefined,
        };
        apply(r);
        d.readings[key] = r;
      });
      schedule();
    },
    [access, schedule],
  );

  const change = useCallback(
    (ciId: string, itemKey: string, base: DraftReading | undefined, patch: ReadingPatch) =>
      edit(ciId, itemKey, base, (r) => Object.assign(r, patch)),
    [edit],
  );

  const setSkip = useCallback(
    async (ciId: string, reason: string | null) => {
      await access.mutate((d) => {
        d.skips[ciId] = { reason, enteredAt: new Date().toISOString(), dirty: true };
      });
      schedule();
    },
    [access, schedule],
  );

  /** A photo for an item: uploaded at once when online, else queued on the phone. */
  const addPhoto = useCallback(
    async (ciId: string, itemKey: string, base: DraftReading | undefined, file: File) => {
      if (!taskId) return;
      if (navigator.onLine) {
        try {
          const uploaded = await apiRef.current.uploadPhoto(taskId, file);
          await edit(ciId, itemKey, base, (r) => void r.photos.push(uploaded.id));
          return;
        } catch (e) {
          // Not reachable after all: queue it like an offline photo. A refused file is the caller's.
          if (!(isApiError(e) && e.status === 0)) throw e;
        }
      }
      const queued = await queuePhoto({
        taskId,
        ciId,
        itemKey,
        name: file.name || 'photo.jpg',
        type: file.type || 'image/jpeg',
        bytes: await file.arrayBuffer(),
      });
      await edit(ciId, itemKey, base, (r) => void r.pendingPhotos.push(queued.id));
    },
    [taskId, edit],
  );

  const removePhoto = useCallback(
    async (ciId: string, itemKey: string, base: DraftReading | undefined, photoId: string) => {
      await edit(ciId, itemKey, base, (r) => {
        r.photos = r.photos.filter((p) => p !== photoId);
        r.pendingPhotos = r.pendingPhotos.filter((p) => p !== photoId);
      });
      if (photoId.startsWith('local-')) await removeQueuedPhoto(photoId);
    },
    [edit],
  );

  /** Submit: now when online, else as soon as the network is back (the readings go first). */
  const requestSubmit = useCallback(async () => {
    await access.mutate((d) => void (d.submitRequested = true));
    if (navigator.onLine) await sync();
  }, [access, sync]);

  return {
    draft,
    loaded,
    stored,
    online,
    syncing,
    outcome,
    submitted,
    change,
    setSkip,
    addPhoto,
    removePhoto,
    requestSubmit,
    syncNow: sync,
  };
}
