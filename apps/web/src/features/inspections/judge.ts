import { checklistFor, evaluateReading, evaluateTask, isBlankInput } from '@opsdesk/contracts';
import type {
  CiEntry,
  InspectionItem,
  InspectionTask,
  ReadingEvaluation,
  ReadingInput,
} from '@opsdesk/contracts';
import type { ServerReading, TaskCi } from './api/inspections.api';
import { readingKey } from './offline/draft-store';
import type { DraftReading, TaskDraft } from './offline/draft-store';

/**
 * The phone judges each reading as it is typed with the very rules the server applies on save
 * (`evaluateReading` and `evaluateTask` of the domain, re-exported by the contracts), so the
 * engineer sees normal/abnormal at once and the queue sends only what the server will accept.
 */

/** The check items of a CI in the task: the pinned template version that covers its type. */
export function itemsOf(
  task: Pick<InspectionTask, 'templates'>,
  ci: Pick<TaskCi, 'typeKey'>,
): readonly InspectionItem[] {
  return checklistFor(task.templates as Parameters<typeof checklistFor>[0], ci.typeKey)?.items ?? [];
}

/** A stored reading in the draft's shape (numbers as text, as the input box shows them). */
export function fromServer(r: ServerReading): DraftReading {
  return {
    ciId: r.ciId,
    itemKey: r.itemKey,
    value: typeof r.value === 'number' ? String(r.value) : r.value,
    remark: r.remark ?? '',
    photos: [...r.photos],
    pendingPhotos: [],
    flagged: r.flagged,
    enteredAt: r.enteredAt,
    dirty: false,
  };
}

/**
 * What the engineer sees for one item: a change not yet sent wins; otherwise the newer of the
 * server's and this phone's last synced copy (the server's after a refresh, this phone's in the
 * moment between a save and the refresh).
 */
export function effectiveReading(
  server: ServerReading | undefined,
  local: DraftReading | undefined,
): DraftReading | undefined {
  if (local?.dirty) return local;
  if (!server) return local;
  if (!local) return fromServer(server);
  return local.enteredAt > server.enteredAt ? local : fromServer(server);
}

/** Every item's effective reading in a task, by `ciId/itemKey`. */
export function effectiveReadings(task: InspectionTask, draft: TaskDraft | undefined) {
  const out = new Map<string, DraftReading>();
  const server = new Map<string, ServerReading>();
  for (const ci of task.cis) for (const r of ci.readings) server.set(readingKey(r.ciId, r.itemKey), r);
  const keys = new Set([...server.keys(), ...Object.keys(draft?.readings ?? {})]);
  for (const key of keys) {
    const r = effectiveReading(server.get(key), draft?.readings[key]);
    if (r) out.set(key, r);
  }
  return out;
}

/** The domain's input for a draft reading; photos still in the queue count (they will be sent). */
export function toReadingInput(r: DraftReading | undefined): ReadingInput {
  if (!r) return {};
  return {
    value: r.value,
    remark: r.remark,
    photos: [...r.photos, ...r.pendingPhotos],
    flagged: r.flagged,
  };
}

/** The judgement of one item as entered so far. */
export function judge(item: InspectionItem, r: DraftReading | undefined): ReadingEvaluation {
  return evaluateReading(item, toReadingInput(r));
}

/** Whether the queue may send this reading now: valid (or cleared), its photos uploaded. */
export function readyToSend(item: InspectionItem | undefined, r: DraftReading): boolean {
  if (!item || r.pendingPhotos.length > 0) return false;
  const input = toReadingInput(r);
  return isBlankInput(input) || evaluateReading(item, input).ok;
}

/** The skip reason of a CI as the engineer sees it (a change not yet sent wins). */
export function effectiveSkip(ci: TaskCi, draft: TaskDraft | undefined): string | null {
  const local = draft?.skips[ci.ciId];
  return local?.dirty ? local.reason : ci.skipReason;
}

/** Where the whole task stands with what is on this phone: progress and whether it may be submitted. */
export function evaluateDraft(task: InspectionTask, draft: TaskDraft | undefined) {
  const readings = effectiveReadings(task, draft);
  const entries: Record<string, CiEntry> = {};
  for (const ci of task.cis) {
    const skip = effectiveSkip(ci, draft);
    const own: Record<string, ReadingInput> = {};
    for (const item of itemsOf(task, ci)) {
      const r = readings.get(readingKey(ci.ciId, item.key));
      if (r) own[item.key] = toReadingInput(r);
    }
    entries[ci.ciId] = skip !== null ? { skipReason: skip } : { readings: own };
  }
  return evaluateTask(
    task.templates as Parameters<typeof evaluateTask>[0],
    task.cis.map((c) => ({ ciId: c.ciId, ciTypeKey: c.typeKey })),
    entries,
  );
}

/**
 * Why a reading is abnormal (above the bound, not the normal answer …) while its remark or photo
 * is still missing: the rules are asked again as if those were given.
 */
export function abnormalReasonOf(item: InspectionItem, r: DraftReading | undefined) {
  const input = toReadingInput(r);
  const probe = evaluateReading(item, {
    ...input,
    remark: typeof input.remark === 'string' && input.remark.trim() ? input.remark : '-',
    photos: ['-'],
  });
  return probe.ok ? probe.abnormalReason : null;
}
