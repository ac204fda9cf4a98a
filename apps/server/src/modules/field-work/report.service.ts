import { and, asc, eq, gte, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import {
  DEFAULT_TIME_ZONE,
  checklistFor,
  findTemplateItem,
  formatDate,
  formatReadingValue,
  inspectionAbilities,
  localToInstant,
  normalRangeText,
  parseDate,
} from '@opsdesk/domain';
import type { InspectionTemplate } from '@opsdesk/domain';
import type { InspectionReport } from '@opsdesk/contracts';
import {
  attachments,
  inspectionFindings,
  inspectionPlans,
  inspectionReadings,
  inspectionTaskCis,
  inspectionTasks,
  sites,
  tickets,
  users,
} from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { findVisibleProject } from '../tickets/ticket.lookups.js';
import { disposition } from './finding.repository.js';
import type { FindingRow } from './finding.repository.js';
import { loadVersions } from './template.repository.js';

/** The local days and instants of a month ('YYYY-MM') in Asia/Shanghai. */
export function monthRange(month: string) {
  const first = `${month}-01`;
  const [y = 0, m = 0] = month.split('-').map(Number);
  const nextFirst = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return {
    first,
    last: formatDate(parseDate(nextFirst)! - 1),
    from: new Date(localToInstant(DEFAULT_TIME_ZONE, first)),
    to: new Date(localToInstant(DEFAULT_TIME_ZONE, nextFirst)),
  };
}

/**
 * The monthly inspection report of a project (巡检报告): the month's tasks (scheduled in it) done
 * against due and on time, every CI's results, the abnormal items with their remarks, the findings
 * opened, closed and carried over (open at the month's end), and the photos. Results are shown with
 * the template version they were judged against. Staff and the customer's contacts read it.
 */
export async function inspectionReport(
  ctx: Ctx,
  projectId: string,
  month: string,
): Promise<InspectionReport> {
  const project = await findVisibleProject(ctx.db, ctx.actor, projectId);
  if (!project) throw AppError.notFound();
  if (!inspectionAbilities(ctx.actor, projectId).readReport) throw AppError.forbidden();
  const { lang, db, now } = ctx;
  const { first, last, from, to } = monthRange(month);

  const taskRows = await db
    .select({ t: inspectionTasks, planName: inspectionPlans.name, assignee: users.displayName })
    .from(inspectionTasks)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionTasks.planId))
    .leftJoin(users, eq(users.id, inspectionTasks.assigneeId))
    .where(
      and(
        eq(inspectionTasks.projectId, projectId),
        gte(inspectionTasks.scheduledDate, first),
        lte(inspectionTasks.scheduledDate, last),
        ne(inspectionTasks.status, 'cancelled'),
      ),
    )
    .orderBy(asc(inspectionTasks.scheduledDate), asc(inspectionTasks.title), asc(inspectionTasks.id));
  const done = (t: (typeof taskRows)[number]['t']) => t.status === 'submitted';
  const onTime = (t: (typeof taskRows)[number]['t']) =>
    done(t) && t.submittedAt !== null && t.submittedAt <= t.dueAt;
  const activePlans = await db
    .select({ id: inspectionPlans.id, name: inspectionPlans.name })
    .from(inspectionPlans)
    .where(
      and(
        eq(inspectionPlans.projectId, projectId),
        eq(inspectionPlans.active, true),
        isNull(inspectionPlans.archivedAt),
      ),
    );
  const planMap = new Map<
    string,
    { id: string; name: string; tasksDue: number; tasksDone: number; tasksOnTime: number }
  >();
  for (const p of activePlans) planMap.set(p.id, { ...p, tasksDue: 0, tasksDone: 0, tasksOnTime: 0 });
  for (const { t, planName } of taskRows) {
    const p = planMap.get(t.planId) ?? {
      id: t.planId,
      name: planName,
      tasksDue: 0,
      tasksDone: 0,
      tasksOnTime: 0,
    };
    p.tasksDue++;
    if (done(t)) p.tasksDone++;
    if (onTime(t)) p.tasksOnTime++;
    planMap.set(t.planId, p);
  }

  const submittedIds = taskRows.filter((r) => done(r.t)).map((r) => r.t.id);
  const ciRows = submittedIds.length
    ? await db
        .select({ ci: inspectionTaskCis, siteName: sites.name })
        .from(inspectionTaskCis)
        .leftJoin(sites, eq(sites.id, inspectionTaskCis.siteId))
        .where(inArray(inspectionTaskCis.taskId, submittedIds))
    : [];
  const readings = submittedIds.length
    ? await db.select().from(inspectionReadings).where(inArray(inspectionReadings.taskId, submittedIds))
    : [];
  const refs = [
    ...new Map(
      taskRows.flatMap((r) => r.t.templates).map((x) => [`${x.id}@${x.version}`, x] as const),
    ).values(),
  ];
  const templates: InspectionTemplate[] = await loadVersions(db, refs);
  const photoIds = [...new Set(readings.flatMap((r) => r.photos))];
  const photoNames = new Map(
    (photoIds.length
      ? await db
          .select({ id: attachments.id, fileName: attachments.fileName })
          .from(attachments)
          .where(inArray(attachments.id, photoIds))
      : []
    ).map((a) => [a.id, a.fileName]),
  );

  const readingsOf = new Map<string, typeof readings>();
  for (const r of readings) {
    const k = `${r.taskId}/${r.ciId}`;
    const list = readingsOf.get(k);
    if (list) list.push(r);
    else readingsOf.set(k, [r]);
  }
  const cisOut: InspectionReport['cis'] = [];
  const abnormal: InspectionReport['abnormal'] = [];
  const photos: InspectionReport['photos'] = [];
  let skipped = 0;
  for (const { t } of taskRows.filter((r) => done(r.t))) {
    const pinned = templates.filter((x) => t.templates.some((p) => p.id === x.id && p.version === x.version));
    const list = ciRows.filter((c) => c.ci.taskId === t.id).sort((a, b) => a.ci.position - b.ci.position);
    for (const { ci, siteName } of list) {
      if (ci.skipReason) skipped++;
      const order = checklistFor(pinned, ci.ciTypeKey)?.items.map((i) => i.key) ?? [];
      const mine = (readingsOf.get(`${t.id}/${ci.ciId}`) ?? [])
        .slice()
        .sort((a, b) => order.indexOf(a.itemKey) - order.indexOf(b.itemKey));
      const results = [];
      for (const r of mine) {
        const item = findTemplateItem(templates, r);
        if (!item) continue;
        const title = item.title[lang];
        const value = formatReadingValue(item, r.value)[lang];
        const normalRange = normalRangeText(item.reading)?.[lang] ?? null;
        results.push({
          itemKey: r.itemKey,
          title,
          value,
          normalRange,
          normal: r.normal,
          remark: r.remark,
          photos: r.photos,
        });
        if (!r.normal)
          abnormal.push({
            taskId: t.id,
            ciName: ci.ciName,
            itemKey: r.itemKey,
            title,
            severity: item.severity,
            value,
            normalRange,
            remark: r.remark,
            photos: r.photos,
          });
        for (const p of r.photos)
          photos.push({
            attachmentId: p,
            taskId: t.id,
            ciName: ci.ciName,
            itemTitle: title,
            fileName: photoNames.get(p) ?? '',
          });
      }
      cisOut.push({
        taskId: t.id,
        ciId: ci.ciId,
        name: ci.ciName,
        typeKey: ci.ciTypeKey,
        siteName: siteName ?? null,
        skipReason: ci.skipReason,
        results: ci.skipReason ? [] : results,
      });
    }
  }

  const findingRows = await db
    .select({
      f: inspectionFindings,
      ciName: sql<string>`(SELECT c.name FROM cis c WHERE c.id = ${inspectionFindings.ciId})`,
    })
    .from(inspectionFindings)
    .where(
      and(
        eq(inspectionFindings.projectId, projectId),
        or(
          and(gte(inspectionFindings.createdAt, from), lt(inspectionFindings.createdAt, to)),
          and(gte(inspectionFindings.resolvedAt, from), lt(inspectionFindings.resolvedAt, to)),
          and(
            lt(inspectionFindings.createdAt, to),
            or(eq(inspectionFindings.status, 'open'), gte(inspectionFindings.resolvedAt, to)),
          ),
        ),
      ),
    )
    .orderBy(asc(inspectionFindings.createdAt), asc(inspectionFindings.id));
  const ticketIds = findingRows
    .flatMap((r) => [r.f.workOrderId, r.f.incidentId])
    .filter((x): x is string => !!x);
  const numbers = new Map(
    (ticketIds.length
      ? await db
          .select({ id: tickets.id, number: tickets.number })
          .from(tickets)
          .where(inArray(tickets.id, ticketIds))
      : []
    ).map((x) => [x.id, x.number]),
  );
  const present = ({ f, ciName }: { f: FindingRow; ciName: string }) => ({
    id: f.id,
    ciName,
    title: f.title[lang],
    severity: f.severity,
    quote: f.quote[lang],
    status: f.status,
    disposition: disposition(f),
    ticketNumber: numbers.get(f.workOrderId ?? f.incidentId ?? '') ?? null,
    createdAt: f.createdAt.toISOString(),
    resolvedAt: f.resolvedAt?.toISOString() ?? null,
  });
  const inMonth = (d: Date | null) => d !== null && d >= from && d < to;
  const opened = findingRows.filter((r) => inMonth(r.f.createdAt)).map(present);
  const closed = findingRows.filter((r) => inMonth(r.f.resolvedAt)).map(present);
  const carriedOver = findingRows
    .filter((r) => r.f.createdAt < to && (r.f.resolvedAt === null || r.f.resolvedAt >= to))
    .map(present);

  const due = taskRows.length;
  const tasksOnTime = taskRows.filter((r) => onTime(r.t)).length;
  return {
    projectId,
    projectName: project.name,
    month,
    from: from.toISOString(),
    to: to.toISOString(),
    generatedAt: now.toISOString(),
    summary: {
      plans: planMap.size,
      tasksDue: due,
      tasksDone: submittedIds.length,
      tasksOnTime,
      onTimeRate: due ? Math.round((tasksOnTime / due) * 1000) / 1000 : null,
      tasksOverdue: taskRows.filter((r) => !done(r.t) && r.t.dueAt <= now).length,
      cisInspected: cisOut.filter((c) => !c.skipReason).length,
      cisSkipped: skipped,
      readings: readings.length,
      abnormal: abnormal.length,
      findingsOpened: opened.length,
      findingsClosed: closed.length,
      findingsCarriedOver: carriedOver.length,
      photos: photos.length,
    },
    plans: [...planMap.values()],
    tasks: taskRows.map(({ t, planName, assignee }) => ({
      id: t.id,
      title: t.title,
      planName,
      scheduledDate: t.scheduledDate,
      dueAt: t.dueAt.toISOString(),
      status: t.status,
      submittedAt: t.submittedAt?.toISOString() ?? null,
      onTime: onTime(t),
      assignee: assignee ?? null,
      counts: t.counts ?? null,
    })),
    cis: cisOut,
    abnormal,
    findings: { opened, closed, carriedOver },
    photos,
  };
}
