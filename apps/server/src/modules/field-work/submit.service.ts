import { and, eq, inArray, sql } from 'drizzle-orm';
import { evaluateTask, findTemplateItem, quoteReading } from '@opsdesk/domain';
import type {
  FindingDraft,
  InspectionResult,
  InspectionSeverity,
  InspectionTemplate,
  LocalisedText,
} from '@opsdesk/domain';
import type { InspectionSubmitSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { inspectionFindings, inspectionTasks, ticketCis } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { FieldProblem } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.record.js';
import { notify } from '../notifications/notification.service.js';
import { createTicket, kickMail } from '../tickets/ticket.create.service.js';
import { projectManagerIds } from '../tickets/ticket.lookups.js';
import { ticketRefs } from '../tickets/ticket.repository.js';
import { presentFindings } from './finding.repository.js';
import type { FindingRow } from './finding.repository.js';
import { applyBatch, lockLiveTask } from './readings.service.js';
import { entriesOf, pinnedTemplates, taskCis, taskReadings } from './task.repository.js';
import type { TaskRow } from './task.repository.js';
import { taskDetail } from './task.service.js';

/** How urgent the incident raised for a finding is, by the item's severity (impact, urgency → the matrix). */
const INCIDENT_LEVEL: Record<InspectionSeverity, { impact: number; urgency: number }> = {
  critical: { impact: 2, urgency: 1 },
  major: { impact: 3, urgency: 2 },
  minor: { impact: 3, urgency: 3 },
  info: { impact: 4, urgency: 4 },
};

/** The incident's text: the CI, the item, the reading quoted and where it was read. */
export function incidentText(
  ciName: string,
  title: LocalisedText,
  quote: LocalisedText,
  task: Pick<TaskRow, 'title' | 'scheduledDate'>,
) {
  return {
    title: `[巡检] ${ciName}：${title['zh-CN']}`.slice(0, 300),
    description: [
      `巡检任务「${task.title}」（${task.scheduledDate}）发现异常：`,
      '',
      `> ${quote['zh-CN']}`,
      '',
      `Inspection finding on ${ciName}: ${quote.en}`,
    ].join('\n'),
  };
}

/**
 * Raises the incident of a finding through the ticket service, in the caller's transaction (a
 * savepoint of it), with the CI linked and the reading quoted; links it on the finding.
 */
export async function raiseIncident(
  tx: Tx,
  ctx: Ctx,
  f: FindingRow,
  ciName: string,
  task: Pick<TaskRow, 'title' | 'scheduledDate'>,
  over: {
    title?: string | undefined;
    impact?: number | undefined;
    urgency?: number | undefined;
    groupId?: string | null | undefined;
    assigneeId?: string | null | undefined;
  } = {},
  trusted = false,
): Promise<string> {
  const text = incidentText(ciName, f.title, f.quote, task);
  const level = INCIDENT_LEVEL[f.severity];
  const txCtx: Ctx = { ...ctx, db: tx };
  const ticket = await createTicket(
    txCtx,
    {
      kind: 'incident',
      projectId: f.projectId,
      title: over.title ?? text.title,
      description: text.description,
      channel: 'api',
      impact: over.impact ?? level.impact,
      urgency: over.urgency ?? level.urgency,
      businessStopped: false,
      tags: ['巡检'],
      watcherIds: [],
      groupId: over.groupId ?? null,
      assigneeId: over.assigneeId ?? null,
    },
    { trusted },
  );
  await tx
    .insert(ticketCis)
    .values({ ticketId: ticket.id, ciId: f.ciId, addedAt: ctx.now, addedBy: ctx.actor.userId })
    .onConflictDoNothing();
  await tx
    .update(inspectionFindings)
    .set({ incidentId: ticket.id, updatedAt: ctx.now })
    .where(eq(inspectionFindings.id, f.id));
  await recordAudit(tx, ctx, {
    action: 'inspection_finding.incident',
    objectType: 'inspection_finding',
    objectId: f.id,
    detail: { ticketId: ticket.id, number: ticket.number, ciId: f.ciId, automatic: trusted },
  });
  return ticket.id;
}

type Outcome = { created: string[]; recurring: string[]; resolved: string[]; incidents: string[] };

/** Records one round's abnormal reading on an open finding it repeats. */
async function recur(
  tx: Tx,
  ctx: Ctx,
  findingId: string,
  task: TaskRow,
  r: Pick<InspectionResult, 'value' | 'remark' | 'photos' | 'abnormalReason'>,
  quote: LocalisedText,
) {
  await tx
    .update(inspectionFindings)
    .set({
      occurrences: sql`${inspectionFindings.occurrences} + 1`,
      lastTaskId: task.id,
      lastSeenAt: ctx.now,
      value: r.value,
      remark: r.remark,
      photos: [...r.photos],
      abnormalReason: r.abnormalReason,
      quote,
      updatedAt: ctx.now,
    })
    .where(eq(inspectionFindings.id, findingId));
  await recordAudit(tx, ctx, {
    action: 'inspection_finding.recur',
    objectType: 'inspection_finding',
    objectId: findingId,
    detail: { taskId: task.id },
  });
}

function quoteOf(templates: readonly InspectionTemplate[], r: InspectionResult): LocalisedText {
  const item = findTemplateItem(templates, r);
  return item ? quoteReading(item, r.value, r.remark) : { 'zh-CN': '', en: '' };
}

async function submitIn(
  tx: Tx,
  ctx: Ctx,
  id: string,
  body: z.output<typeof InspectionSubmitSchema>,
): Promise<Outcome> {
  const task = await lockLiveTask(tx, ctx, id, 'submit');
  if (body.readings.length || body.skips.length) await applyBatch(tx, ctx, task, body);
  const templates = await pinnedTemplates(tx, task);
  const ciRows = (await taskCis(tx, id)).map((c) => c.ci);
  const { cis, entries } = entriesOf(
    ciRows,
    (await taskReadings(tx, id)).map((r) => r.r),
  );
  const open = ciRows.length
    ? await tx
        .select()
        .from(inspectionFindings)
        .where(
          and(
            inArray(
              inspectionFindings.ciId,
              ciRows.map((c) => c.ciId),
            ),
            eq(inspectionFindings.status, 'open'),
          ),
        )
        .for('update')
    : [];
  const ev = evaluateTask(templates, cis, entries, open);
  if (!ev.complete) {
    const problems: FieldProblem[] = [
      ...ev.problems.map((p) => ({ path: `cis.${p.path}`, rule: `rule.inspection.reading.${p.code}` })),
      ...ev.unanswered.map((u) => ({ path: `cis.${u.path}`, rule: 'rule.inspection.reading.unanswered' })),
    ];
    throw AppError.validation(problems.slice(0, 500));
  }
  const now = ctx.now;
  await tx
    .update(inspectionTasks)
    .set({
      status: 'submitted',
      submittedAt: now,
      submittedBy: ctx.actor.userId,
      counts: ev.counts,
      updatedAt: now,
    })
    .where(eq(inspectionTasks.id, id));
  const names = new Map(ciRows.map((c) => [c.ciId, c.ciName]));
  const out: Outcome = { created: [], recurring: [], resolved: [], incidents: [] };
  const createdRows: FindingRow[] = [];

  for (const d of ev.findings.create as FindingDraft[]) {
    const [row] = await tx
      .insert(inspectionFindings)
      .values({
        id: uuid7(now.getTime()),
        projectId: task.projectId,
        ciId: d.ciId,
        templateId: d.templateId,
        templateVersion: d.templateVersion,
        ciTypeKey: d.ciTypeKey,
        itemKey: d.itemKey,
        severity: d.severity,
        autoIncident: d.autoIncident,
        title: d.title,
        quote: d.quote,
        value: d.value,
        abnormalReason: d.abnormalReason,
        remark: d.remark,
        photos: [...d.photos],
        status: 'open',
        raisedTaskId: id,
        lastTaskId: id,
        lastSeenAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({
        target: [inspectionFindings.ciId, inspectionFindings.templateId, inspectionFindings.itemKey],
        where: sql`status = 'open'`,
      })
      .returning();
    if (!row) {
      // Another round opened one on this CI and item meanwhile: this reading repeats it.
      const [held] = await tx
        .select({ id: inspectionFindings.id })
        .from(inspectionFindings)
        .where(
          and(
            eq(inspectionFindings.ciId, d.ciId),
            eq(inspectionFindings.templateId, d.templateId),
            eq(inspectionFindings.itemKey, d.itemKey),
            eq(inspectionFindings.status, 'open'),
          ),
        )
        .for('update');
      if (held) {
        await recur(tx, ctx, held.id, task, d, d.quote);
        out.recurring.push(held.id);
      }
      continue;
    }
    createdRows.push(row);
    out.created.push(row.id);
    await recordAudit(tx, ctx, {
      action: 'inspection_finding.create',
      objectType: 'inspection_finding',
      objectId: row.id,
      detail: { taskId: id, ciId: d.ciId, itemKey: d.itemKey, severity: d.severity, quote: d.quote['zh-CN'] },
    });
  }
  for (const { finding, result } of ev.findings.recurring) {
    await recur(tx, ctx, finding.id, task, result, quoteOf(templates, result));
    out.recurring.push(finding.id);
  }
  for (const { finding, result } of ev.findings.resolved) {
    await tx
      .update(inspectionFindings)
      .set({
        status: 'resolved',
        resolution: 'reading',
        resolvedAt: now,
        resolvedBy: ctx.actor.userId,
        resolvedTaskId: id,
        resolutionNote: quoteOf(templates, result)['zh-CN'],
        updatedAt: now,
      })
      .where(eq(inspectionFindings.id, finding.id));
    await recordAudit(tx, ctx, {
      action: 'inspection_finding.resolve',
      objectType: 'inspection_finding',
      objectId: finding.id,
      detail: { taskId: id, resolution: 'reading' },
    });
    out.resolved.push(finding.id);
  }
  // Severe readings raise an incident at once, whoever submitted (a subcontractor's engineer too).
  for (const f of createdRows.filter((r) => r.autoIncident))
    out.incidents.push(await raiseIncident(tx, ctx, f, names.get(f.ciId) ?? '', task, {}, true));

  await recordAudit(tx, ctx, {
    action: 'inspection_task.submit',
    objectType: 'inspection_task',
    objectId: id,
    changes: { status: { before: task.status, after: 'submitted' } },
    detail: {
      counts: ev.counts,
      findings: {
        created: out.created.length,
        recurring: out.recurring.length,
        resolved: out.resolved.length,
      },
      incidents: out.incidents,
    },
  });
  if (out.created.length)
    await notify(tx, {
      userIds: (await projectManagerIds(tx, task.projectId)).filter((u) => u !== ctx.actor.userId),
      kind: 'inspection.findings',
      params: { title: task.title, count: out.created.length },
      link: `/inspection-tasks/${id}`,
      objectType: 'inspection_task',
      objectId: id,
      projectId: task.projectId,
      dedupeKey: `inspection_task:${id}:findings`,
      now,
    });
  return out;
}

/**
 * `POST /inspection-tasks/:id/submit`: an optional last batch, then — only when every item of every
 * CI not skipped has a valid reading — in one transaction the task closes with its counts, new
 * findings open (one per abnormal reading no open finding tracks), repeated ones are recorded,
 * cleared ones resolve, severe ones raise incidents, all audited. Otherwise a field error per item
 * still missing (`cis.<ciId>.readings.<itemKey>`) and nothing changes.
 */
export async function submitTask(ctx: Ctx, id: string, body: z.output<typeof InspectionSubmitSchema>) {
  const out = await ctx.db.transaction((tx) => submitIn(tx, ctx, id, body));
  await kickMail(ctx);
  const load = async (ids: string[]) =>
    ids.length
      ? presentFindings(
          ctx.db,
          ctx.actor,
          ctx.lang,
          await ctx.db.select().from(inspectionFindings).where(inArray(inspectionFindings.id, ids)),
        )
      : [];
  return {
    task: await taskDetail(ctx, id),
    findings: {
      created: await load(out.created),
      recurring: await load(out.recurring),
      resolved: await load(out.resolved),
    },
    incidents: await ticketRefs(ctx.db, ctx.actor, out.incidents),
  };
}
