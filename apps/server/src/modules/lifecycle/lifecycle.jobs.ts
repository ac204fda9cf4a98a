import { systemCtx } from '../../jobs/system-ctx.js';
import { and, asc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import {
  CLOSING_LEAD_DAYS,
  addDays,
  dueReminder,
  localDateAt,
  monthlyItems,
  periodOf,
  recurringPeriodsDue,
  reminderAt,
} from '@opsdesk/domain';
import { handovers, projects, projectTasks } from '../../db/schema/index.js';
import type { Deps } from '../../http/context.js';
import type { JobDefinition } from '../../jobs/job-system.js';
import { recordAudit } from '../audit/audit.record.js';
import { notify } from '../notifications/notification.service.js';
import { enterPhase } from './lifecycle.service.js';
import { approversOf, managersOf } from './project-people.js';
import { findProject } from '../projects/project.repository.js';
import { SYSTEM_ACTOR, generateTasks, loadTemplates } from './task-generation.js';

/**
 * The scheduled work of service projects, as idempotent sweeps (docs/decisions/0005 and 0101).
 *
 * Exactly once comes from the sweeps, not from the queue: each claims due rows with
 * `FOR UPDATE SKIP LOCKED` (a second node running the same sweep at the same moment skips the rows
 * the first holds, and after the first commits no longer finds them due) and records what it did —
 * the reminder step, `recurring_through`, the phase, `start_notified_at` — in the same transaction
 * as the notifications and tasks it writes. Notifications also carry a dedupe key and generated tasks
 * a unique (project, template, period), so even a retried or duplicated job changes nothing twice.
 */
const BATCH = 100;

/** Sends the task reminders that are due (3 days before, on the day, the day after, then weekly). */
export async function sweepTaskReminders(deps: Deps): Promise<number> {
  const now = deps.now();
  let sent = 0;
  for (;;) {
    const claimed = await deps.db.transaction(async (tx) => {
      const rows = await tx
        .select({ task: projectTasks, projectName: projects.name })
        .from(projectTasks)
        .innerJoin(projects, eq(projects.id, projectTasks.projectId))
        .where(and(isNotNull(projectTasks.nextReminderAt), lte(projectTasks.nextReminderAt, now)))
        .orderBy(asc(projectTasks.nextReminderAt), asc(projectTasks.id))
        .limit(BATCH)
        .for('update', { of: projectTasks, skipLocked: true });
      for (const { task, projectName } of rows) {
        const live = task.status === 'open' || task.status === 'awaiting_approval';
        const r = live ? dueReminder(task.dueDate, task.reminderStep, now) : null;
        if (!r) {
          // Not due after all (a stale time) or finished: put the time right.
          await tx
            .update(projectTasks)
            .set({ nextReminderAt: live ? reminderAt(task.dueDate, task.reminderStep) : null })
            .where(eq(projectTasks.id, task.id));
          continue;
        }
        const userIds = [
          ...(task.ownerId ? [task.ownerId] : await managersOf(tx, task.projectId)),
          ...(task.status === 'awaiting_approval' ? await approversOf(tx, task.projectId) : []),
        ];
        sent += await notify(tx, {
          userIds,
          kind: `project_task.${r.kind}`,
          params: {
            project: projectName,
            titleZh: task.titleZh,
            titleEn: task.titleEn,
            dueDate: task.dueDate,
            daysOverdue: r.daysOverdue,
          },
          link: `/projects/${task.projectId}?tab=lifecycle&task=${task.id}`,
          objectType: 'project_task',
          objectId: task.id,
          projectId: task.projectId,
          dedupeKey: `project_task:${task.id}:${task.dueDate}:${r.step}`,
          now,
        });
        await tx
          .update(projectTasks)
          .set({ reminderStep: r.nextStep, nextReminderAt: r.nextAt })
          .where(eq(projectTasks.id, task.id));
      }
      return rows.length;
    });
    if (claimed < BATCH) return sent;
  }
}

/** Monthly recurring items of projects in implementation, one transaction per project. */
async function sweepRecurring(deps: Deps, today: string): Promise<void> {
  const who = systemCtx(deps, 'service-projects.schedule', deps.now());
  for (;;) {
    const done = await deps.db.transaction(async (tx) => {
      const [p] = await tx
        .select()
        .from(projects)
        .where(
          and(
            eq(projects.phase, 'implementation'),
            lte(projects.startDate, today),
            sql`(${projects.recurringThrough} IS NULL OR ${projects.recurringThrough} < to_char(least(${projects.endDate}, ${today}::date), 'YYYY-MM'))`,
          ),
        )
        .limit(1)
        .for('update', { skipLocked: true });
      if (!p) return true;
      const periods = recurringPeriodsDue(p.startDate!, p.endDate!, p.recurringThrough, today);
      const templates = await loadTemplates(tx);
      await generateTasks(
        tx,
        who,
        p.id,
        periods.flatMap((x) => monthlyItems(templates, x)),
        'schedule:monthly',
      );
      await tx
        .update(projects)
        .set({ recurringThrough: periods.at(-1) ?? periodOf(today) })
        .where(eq(projects.id, p.id));
      return false;
    });
    if (done) return;
  }
}

/** Projects whose end date is 14 days away or less enter their closing phase; their managers hear. */
async function sweepClosing(deps: Deps, today: string): Promise<void> {
  const who = systemCtx(deps, 'service-projects.schedule', deps.now());
  for (;;) {
    const done = await deps.db.transaction(async (tx) => {
      const [p] = await tx
        .select({ id: projects.id })
        .from(projects)
        // closingAppearsOn(end) <= today, as an index-friendly test on the end date
        .where(
          and(eq(projects.phase, 'implementation'), lte(projects.endDate, addDays(today, CLOSING_LEAD_DAYS))),
        )
        .limit(1)
        .for('update', { skipLocked: true });
      if (!p) return true;
      const view = (await findProject(tx, SYSTEM_ACTOR, p.id))!;
      await enterPhase(tx, who, view, 'begin_closing', null);
      await notify(tx, {
        userIds: await managersOf(tx, p.id),
        kind: 'project.closing_started',
        params: { project: view.name },
        link: `/projects/${p.id}?tab=lifecycle`,
        objectType: 'project',
        objectId: p.id,
        projectId: p.id,
        dedupeKey: `project:${p.id}:closing:${view.endDate}`,
        now: who.now,
      });
      return false;
    });
    if (done) return;
  }
}

/** T−30: the regional and division managers (and the project's managers) hear that a handover's window opened. */
async function sweepHandoverStarts(deps: Deps, today: string): Promise<void> {
  const who = systemCtx(deps, 'service-projects.schedule', deps.now());
  for (;;) {
    const claimed = await deps.db.transaction(async (tx) => {
      const rows = await tx
        .select({ h: handovers, projectName: projects.name })
        .from(handovers)
        .innerJoin(projects, eq(projects.id, handovers.projectId))
        .where(
          and(
            isNull(handovers.startNotifiedAt),
            isNull(handovers.decidedAt),
            lte(handovers.startDate, today),
          ),
        )
        .limit(BATCH)
        .for('update', { of: handovers, skipLocked: true });
      for (const { h, projectName } of rows) {
        const people = [h.regionalManagerId, h.divisionManagerId].filter((x): x is string => x !== null);
        await notify(tx, {
          userIds: [...people, ...(await managersOf(tx, h.projectId))],
          kind: 'handover.started',
          params: { project: projectName, plannedDate: h.plannedDate },
          link: `/projects/${h.projectId}?tab=handover`,
          objectType: 'handover',
          objectId: h.id,
          projectId: h.projectId,
          dedupeKey: `handover:${h.id}:started:${h.plannedDate}`,
          now: who.now,
        });
        await tx.update(handovers).set({ startNotifiedAt: who.now }).where(eq(handovers.id, h.id));
        await recordAudit(tx, who, {
          action: 'handover.window_opened',
          objectType: 'handover',
          objectId: h.id,
          detail: { projectId: h.projectId, plannedDate: h.plannedDate, notified: people },
        });
      }
      return rows.length;
    });
    if (claimed < BATCH) return;
  }
}

/** The daily schedule of service projects: recurring items, closing checklists, T−30 handover notices. */
export async function sweepSchedule(deps: Deps): Promise<void> {
  const today = localDateAt(deps.now());
  await sweepRecurring(deps, today);
  await sweepClosing(deps, today);
  await sweepHandoverStarts(deps, today);
}

export const SERVICE_PROJECT_JOBS: JobDefinition[] = [
  {
    name: 'service-projects.task-reminders',
    cron: '*/10 * * * *',
    handler: async (deps) => void (await sweepTaskReminders(deps)),
  },
  { name: 'service-projects.schedule', cron: '*/30 * * * *', handler: (deps) => sweepSchedule(deps) },
];
