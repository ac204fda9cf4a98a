import { and, eq, sql } from 'drizzle-orm';
import { checklistFor, evaluateReading, evaluateTask, isBlankInput } from '@opsdesk/domain';
import type { ReadingValue } from '@opsdesk/domain';
import type { Lang, ReadingsBatchSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { inspectionReadings, inspectionTaskCis, inspectionTasks } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { FieldProblem } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.record.js';
import {
  entriesOf,
  findTask,
  pinnedTemplates,
  taskCis,
  taskPhotoIds,
  taskReadings,
} from './task.repository.js';
import type { ReadingRow, TaskRow } from './task.repository.js';
import { taskAbilities } from './task.service.js';

export type Batch = z.output<typeof ReadingsBatchSchema>;

const TYPE_WORDS: Record<string, Record<Lang, string>> = {
  number: { 'zh-CN': '数字', en: 'a number' },
  boolean: { 'zh-CN': '是/否', en: 'yes or no' },
  choice: { 'zh-CN': '选项之一', en: 'one of the options' },
  text: { 'zh-CN': '文本', en: 'text' },
};

export interface AppliedBatch {
  saved: number;
  cleared: number;
  skips: number;
  stale: { ciId: string; itemKey: string }[];
  judged: {
    ciId: string;
    itemKey: string;
    value: ReadingValue | null;
    normal: boolean;
    abnormalReason: string | null;
  }[];
}

/** The task locked for a change, if it takes readings and the caller may enter them. */
export async function lockLiveTask(tx: Tx, ctx: Ctx, id: string, action: string): Promise<TaskRow> {
  const t = await findTask(tx, ctx.actor, id, true);
  if (!t) throw AppError.notFound();
  if (t.status !== 'open' && t.status !== 'in_progress')
    throw new AppError('INVALID_TRANSITION', { action, state: t.status, allowed: [] }, {}, [
      { path: 'status', rule: 'rule.inspection.taskNotOpen' },
    ]);
  if (!(await taskAbilities(tx, ctx.actor, t)).enterReadings) throw AppError.forbidden();
  return t;
}

/**
 * Checks a batch against the task's pinned templates and writes it, in the caller's transaction.
 * Each reading is judged by the server (`evaluateReading`): a wrong type, a missing remark on an
 * abnormal reading, a photo the task does not have — every problem is a field error at
 * `readings.<i>.<field>` and nothing of the batch is written. Readings upsert by (task, CI, item),
 * so a batch sent twice changes nothing; one entered earlier than the stored reading (an old
 * phone's queue) is reported `stale` and left out. A reading with nothing in it clears the item.
 */
export async function applyBatch(tx: Tx, ctx: Ctx, task: TaskRow, batch: Batch): Promise<AppliedBatch> {
  const now = ctx.now;
  const templates = await pinnedTemplates(tx, task);
  const ciRows = (await taskCis(tx, task.id)).map((r) => r.ci);
  const byCi = new Map(ciRows.map((c) => [c.ciId, c]));
  const photos = batch.readings.some((r) => r.photos?.length)
    ? await taskPhotoIds(tx, task.id)
    : new Set<string>();
  const problems: FieldProblem[] = [];

  const skips = new Map<string, string | null>();
  batch.skips.forEach((s, i) => {
    if (!byCi.has(s.ciId))
      problems.push({ path: `skips.${i}.ciId`, rule: 'rule.inspection.reading.unknown_ci' });
    else if (s.reason !== null && s.reason.trim() === '')
      problems.push({ path: `skips.${i}.reason`, rule: 'rule.inspection.reading.skip_reason_required' });
    else skips.set(s.ciId, s.reason === null ? null : s.reason.trim());
  });

  // The same item twice in one batch: the later entry wins (a phone's queue in order).
  const lastIndex = new Map<string, number>();
  batch.readings.forEach((r, i) => lastIndex.set(`${r.ciId}/${r.itemKey}`, i));
  const writes: (typeof inspectionReadings.$inferInsert)[] = [];
  const clears: { ciId: string; itemKey: string; enteredAt: Date }[] = [];
  const judged: AppliedBatch['judged'] = [];
  batch.readings.forEach((r, i) => {
    if (lastIndex.get(`${r.ciId}/${r.itemKey}`) !== i) return;
    const at = `readings.${i}`;
    const ci = byCi.get(r.ciId);
    if (!ci) return void problems.push({ path: `${at}.ciId`, rule: 'rule.inspection.reading.unknown_ci' });
    const checklist = checklistFor(templates, ci.ciTypeKey);
    if (!checklist)
      return void problems.push({ path: `${at}.ciId`, rule: 'rule.inspection.reading.no_checklist' });
    const item = checklist.items.find((x) => x.key === r.itemKey);
    if (!item)
      return void problems.push({ path: `${at}.itemKey`, rule: 'rule.inspection.reading.unknown_item' });
    // A phone's clock may run ahead; a reading is never dated after the server's now.
    const enteredAt = r.enteredAt && Date.parse(r.enteredAt) < now.getTime() ? new Date(r.enteredAt) : now;
    const input = { value: r.value, remark: r.remark, photos: r.photos, flagged: r.flagged };
    if (isBlankInput(input)) return void clears.push({ ciId: r.ciId, itemKey: r.itemKey, enteredAt });
    const ev = evaluateReading(item, input);
    if (!ev.ok) {
      for (const p of ev.problems)
        problems.push({
          path: `${at}.${p.path}`,
          rule: `rule.inspection.reading.${p.code}`,
          ...(p.code === 'wrong_type' && p.path === 'value'
            ? { params: { expected: TYPE_WORDS[item.reading.type]![ctx.lang] } }
            : {}),
        });
      return;
    }
    ev.photos.forEach((photo, j) => {
      if (!photos.has(photo))
        problems.push({ path: `${at}.photos.${j}`, rule: 'rule.inspection.reading.unknown_photo' });
    });
    writes.push({
      id: uuid7(now.getTime()),
      taskId: task.id,
      ciId: r.ciId,
      itemKey: r.itemKey,
      templateId: checklist.template.id,
      templateVersion: checklist.template.version,
      ciTypeKey: ci.ciTypeKey,
      value: ev.value,
      normal: ev.normal,
      abnormalReason: ev.abnormalReason,
      remark: ev.remark,
      photos: [...ev.photos],
      flagged: r.flagged === true,
      enteredAt,
      savedAt: now,
      savedBy: ctx.actor.userId,
    });
    judged.push({
      ciId: r.ciId,
      itemKey: r.itemKey,
      value: ev.value,
      normal: ev.normal,
      abnormalReason: ev.abnormalReason,
    });
  });
  if (problems.length) throw AppError.validation(problems);

  for (const [ciId, reason] of skips)
    await tx
      .update(inspectionTaskCis)
      .set({ skipReason: reason })
      .where(and(eq(inspectionTaskCis.taskId, task.id), eq(inspectionTaskCis.ciId, ciId)));
  // The task is locked: what is stored cannot change under us, so each reading is compared here.
  const stored = new Map(
    (await tx.select().from(inspectionReadings).where(eq(inspectionReadings.taskId, task.id))).map((r) => [
      `${r.ciId}/${r.itemKey}`,
      r,
    ]),
  );
  const same = (a: ReadingRow, b: (typeof writes)[number]) =>
    JSON.stringify([a.value, a.remark, a.photos, a.flagged]) ===
    JSON.stringify([b.value ?? null, b.remark ?? null, b.photos ?? [], b.flagged ?? false]);
  const stale: AppliedBatch['stale'] = [];
  let saved = 0;
  for (const w of writes) {
    const old = stored.get(`${w.ciId}/${w.itemKey}`);
    if (old && same(old, w)) continue; // sent again: nothing to do
    const { id: _id, taskId: _t, ciId: _c, itemKey: _k, ...changes } = w;
    const rows = await tx
      .insert(inspectionReadings)
      .values(w)
      .onConflictDoUpdate({
        target: [inspectionReadings.taskId, inspectionReadings.ciId, inspectionReadings.itemKey],
        set: changes,
        setWhere: sql`${inspectionReadings.enteredAt} <= excluded.entered_at`,
      })
      .returning({ id: inspectionReadings.id });
    if (rows.length) saved++;
    else stale.push({ ciId: w.ciId, itemKey: w.itemKey });
  }
  let cleared = 0;
  for (const c of clears) {
    const key = and(
      eq(inspectionReadings.taskId, task.id),
      eq(inspectionReadings.ciId, c.ciId),
      eq(inspectionReadings.itemKey, c.itemKey),
    );
    const gone = await tx
      .delete(inspectionReadings)
      .where(and(key, sql`${inspectionReadings.enteredAt} <= ${c.enteredAt}`))
      .returning({ id: inspectionReadings.id });
    if (gone.length) cleared++;
    else if ((await tx.select({ id: inspectionReadings.id }).from(inspectionReadings).where(key)).length)
      stale.push({ ciId: c.ciId, itemKey: c.itemKey });
  }
  return { saved, cleared, skips: skips.size, stale, judged };
}

/** `PUT /inspection-tasks/:id/readings`: the phone's idempotent batch, then where the task stands. */
export async function saveReadings(ctx: Ctx, id: string, batch: Batch) {
  return ctx.db.transaction(async (tx) => {
    const t = await lockLiveTask(tx, ctx, id, 'save_readings');
    const applied = await applyBatch(tx, ctx, t, batch);
    let status = t.status;
    if (applied.saved + applied.cleared + applied.skips > 0) {
      if (status === 'open') {
        status = 'in_progress';
        await tx
          .update(inspectionTasks)
          .set({ status, startedAt: ctx.now, updatedAt: ctx.now })
          .where(eq(inspectionTasks.id, id));
      }
      await recordAudit(tx, ctx, {
        action: 'inspection_task.readings',
        objectType: 'inspection_task',
        objectId: id,
        detail: {
          saved: applied.saved,
          cleared: applied.cleared,
          skips: applied.skips,
          stale: applied.stale.length,
          abnormal: applied.judged.filter((j) => !j.normal).map((j) => `${j.ciId}/${j.itemKey}`),
        },
      });
    }
    const templates = await pinnedTemplates(tx, t);
    const { cis, entries } = entriesOf(
      (await taskCis(tx, id)).map((c) => c.ci),
      (await taskReadings(tx, id)).map((r) => r.r),
    );
    const ev = evaluateTask(templates, cis, entries);
    return {
      saved: applied.saved,
      cleared: applied.cleared,
      stale: applied.stale,
      readings: applied.judged,
      counts: ev.counts,
      complete: ev.complete,
      status,
    };
  });
}
