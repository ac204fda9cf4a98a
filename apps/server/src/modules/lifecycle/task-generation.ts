import { asc, eq } from 'drizzle-orm';
import { reminderAt } from '@opsdesk/domain';
import type { Actor, ChecklistTemplate, GeneratedTask, OwnerHint, ProjectRole } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { checklistTemplates, handovers } from '../../db/schema/index.js';
import type { AnonCtx, Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { enabledMembers } from './project-people.js';
import type { ProjectPerson } from './project-people.js';
import { insertComment, insertTasks, lockGeneratedTasks, updateTaskRow } from './task.repository.js';
import type { TaskRow } from './task.repository.js';

/** Who is acting: a person (request) or the system (a job, the demo seed). */
export type Who = Ctx | AnonCtx;

/** Audit fields that are bookkeeping, not content. */
export const TASK_AUDIT_IGNORE = ['createdAt', 'updatedAt', 'nextReminderAt', 'reminderStep'];

/** The checklist templates in use, as the domain reads them. */
export async function loadTemplates(db: DbOrTx): Promise<ChecklistTemplate[]> {
  const rows = await db
    .select()
    .from(checklistTemplates)
    .orderBy(asc(checklistTemplates.phase), asc(checklistTemplates.position));
  return rows.map((r) => ({
    key: r.key,
    phase: r.phase,
    category: r.category,
    title: { 'zh-CN': r.titleZh, en: r.titleEn },
    description: r.description,
    recurrence: r.recurrence,
    dueOffsetDays: r.dueOffsetDays,
    ownerRole: r.ownerRole,
    position: r.position,
    active: r.active,
  }));
}

interface People {
  members: ProjectPerson[];
  serviceLeadId: string | null;
  customerManagerId: string | null;
}

async function peopleOf(db: DbOrTx, projectId: string): Promise<People> {
  const members = (await enabledMembers(db, projectId)).filter((m) => m.kind === 'staff');
  const [h] = await db
    .select({ serviceLeadId: handovers.serviceLeadId, customerManagerId: handovers.customerManagerId })
    .from(handovers)
    .where(eq(handovers.projectId, projectId));
  return {
    members,
    serviceLeadId: h?.serviceLeadId ?? null,
    customerManagerId: h?.customerManagerId ?? null,
  };
}

const firstWith = (p: People, roles: readonly ProjectRole[]) =>
  p.members.find((m) => roles.includes(m.role))?.userId ?? null;
const manager = (p: People) => firstWith(p, ['project_manager', 'project_lead']);

/** The person an owner hint names on this project; falls back to a project manager, else nobody. */
export function resolveOwner(hint: OwnerHint, p: People): string | null {
  switch (hint.kind) {
    case 'role':
      return firstWith(p, [hint.role]) ?? manager(p);
    case 'service_lead':
      return p.serviceLeadId ?? manager(p);
    case 'customer_manager':
      return p.customerManagerId ?? firstWith(p, ['customer_manager']) ?? manager(p);
    case 'project_manager':
      return manager(p);
  }
}

/**
 * Creates generated tasks on a project, each with its owner and first reminder, auditing each;
 * tasks that already exist (same template and period) are left alone, so generation can run again
 * (a retried job, a second node) without doubling anything. Returns the tasks created.
 */
export async function generateTasks(
  tx: DbOrTx,
  who: Who,
  projectId: string,
  tasks: readonly GeneratedTask[],
  source: string,
): Promise<TaskRow[]> {
  if (!tasks.length) return [];
  const people = await peopleOf(tx, projectId);
  // Time-ordered ids one millisecond apart keep a checklist in template order among equal due dates.
  const base = Date.now();
  const rows = await insertTasks(
    tx,
    tasks.map((t, i) => ({
      id: uuid7(base + i),
      projectId,
      phase: t.phase,
      category: t.category,
      templateKey: t.templateKey,
      period: t.period,
      titleZh: t.title['zh-CN'],
      titleEn: t.title.en,
      description: t.description,
      ownerId: resolveOwner(t.owner, people),
      dueDate: t.dueDate,
      status: 'open' as const,
      reminderStep: 0,
      nextReminderAt: reminderAt(t.dueDate, 0),
      createdAt: who.now,
      updatedAt: who.now,
    })),
  );
  for (const row of rows) {
    await recordAudit(tx, who, {
      action: 'project_task.create',
      objectType: 'project_task',
      objectId: row.id,
      changes: changesOf(null, row, TASK_AUDIT_IGNORE),
      detail: { projectId, generatedBy: source },
    });
  }
  return rows;
}

const keyOf = (t: { templateKey: string | null; period: string }) => `${t.templateKey}|${t.period}`;

/**
 * Makes the generated tasks under `keyPrefix` match what a decision now implies: missing ones are
 * created, cancelled ones that are wanted again reopen, and live ones no longer wanted are cancelled
 * (only those due on or after `keepBefore`, when given: past quality work stays as it was).
 */
export async function syncGeneratedTasks(
  tx: DbOrTx,
  who: Who,
  projectId: string,
  keyPrefix: string,
  wanted: readonly GeneratedTask[],
  source: string,
  keepBefore?: string,
): Promise<void> {
  const existing = await lockGeneratedTasks(tx, projectId, keyPrefix);
  const want = new Map(wanted.map((t) => [keyOf(t), t]));
  const have = new Set(existing.map(keyOf));
  for (const row of existing) {
    const t = want.get(keyOf(row));
    const live = row.status === 'open' || row.status === 'awaiting_approval';
    let patch: Partial<TaskRow> | null = null;
    if (!t && live && (!keepBefore || row.dueDate >= keepBefore))
      patch = { status: 'cancelled', nextReminderAt: null };
    if (t && row.status === 'cancelled')
      patch = {
        status: 'open',
        dueDate: t.dueDate,
        reminderStep: 0,
        nextReminderAt: reminderAt(t.dueDate, 0),
      };
    if (!patch) continue;
    const after = await updateTaskRow(tx, row.id, { ...patch, updatedAt: who.now });
    await insertComment(tx, {
      id: uuid7(),
      taskId: row.id,
      authorId: who.actor?.userId ?? null,
      kind: patch.status === 'cancelled' ? 'cancelled' : 'reopened',
      body: source,
      createdAt: who.now,
    });
    await recordAudit(tx, who, {
      action: patch.status === 'cancelled' ? 'project_task.cancel' : 'project_task.reopen',
      objectType: 'project_task',
      objectId: row.id,
      changes: changesOf(row, after, TASK_AUDIT_IGNORE),
      detail: { projectId, reason: source },
    });
  }
  await generateTasks(
    tx,
    who,
    projectId,
    wanted.filter((t) => !have.has(keyOf(t))),
    source,
  );
}

/** Scheduled work sees every project (it reads; what it writes is audited as "system"). */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  kind: 'staff',
  globalRoles: ['admin'],
  customerId: null,
  subcontractorId: null,
  managesDivision: null,
  managesRegion: null,
  memberships: [],
};
