import { aliasedTable, and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { Actor, ProjectTaskStatus, TaskCategory, TaskPhase } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { projectVisible } from '../../db/scope.js';
import { attachments, projects, projectTaskComments, projectTasks, users } from '../../db/schema/index.js';
import { keyset } from '../../http/pagination.js';
import type { KeysetInput } from '../../http/pagination.js';

export type TaskRow = typeof projectTasks.$inferSelect;
export type NewTask = typeof projectTasks.$inferInsert;
export type CommentRow = typeof projectTaskComments.$inferSelect;

/** A task as every read returns it: with its project's code and name and the people's names. */
export type TaskView = TaskRow & {
  projectCode: string;
  projectName: string;
  ownerName: string | null;
  completedByName: string | null;
  approvedByName: string | null;
  attachmentCount: number;
};

export const LIVE_STATUSES: ProjectTaskStatus[] = ['open', 'awaiting_approval'];
/** Categories customers and subcontractor staff see: the checklists, not the provider's internal staffing and quality work. */
export const PUBLIC_CATEGORIES: TaskCategory[] = ['checklist', 'approval', 'custom'];

const owner = aliasedTable(users, 'owner');
const completer = aliasedTable(users, 'completer');
const approver = aliasedTable(users, 'approver');

const viewColumns = {
  task: projectTasks,
  projectCode: projects.code,
  projectName: projects.name,
  ownerName: owner.displayName,
  completedByName: completer.displayName,
  approvedByName: approver.displayName,
  attachmentCount: sql<number>`(SELECT count(*)::int FROM ${attachments} a WHERE a.owner_type = 'project_task' AND a.owner_id = ${projectTasks.id} AND a.deleted_at IS NULL)`,
};

type Joined = {
  task: TaskRow;
  projectCode: string;
  projectName: string;
  ownerName: string | null;
  completedByName: string | null;
  approvedByName: string | null;
  attachmentCount: number;
};
const flat = ({ task, ...rest }: Joined): TaskView => ({
  ...task,
  ...rest,
  attachmentCount: Number(rest.attachmentCount),
});

function viewQuery(db: DbOrTx) {
  return db
    .select(viewColumns)
    .from(projectTasks)
    .innerJoin(projects, eq(projects.id, projectTasks.projectId))
    .leftJoin(owner, eq(owner.id, projectTasks.ownerId))
    .leftJoin(completer, eq(completer.id, projectTasks.completedBy))
    .leftJoin(approver, eq(approver.id, projectTasks.approvedBy));
}

/** The categories of tasks the actor may read: all for staff, the public ones for everyone else. */
const categoryVisible = (actor: Actor): SQL | undefined =>
  actor.kind === 'staff' ? undefined : inArray(projectTasks.category, PUBLIC_CATEGORIES);

/** What of the tasks the actor may read: in scope, and for non-staff only the public categories. */
export function taskVisible(actor: Actor): SQL {
  return and(projectVisible(actor, projectTasks.projectId), categoryVisible(actor))!;
}

export async function findTaskView(db: DbOrTx, actor: Actor, id: string): Promise<TaskView | null> {
  const rows = await viewQuery(db).where(and(eq(projectTasks.id, id), taskVisible(actor)));
  return rows[0] ? flat(rows[0]) : null;
}

/** The task row locked for a change, if the actor can see it. */
export async function lockTask(db: DbOrTx, actor: Actor, id: string): Promise<TaskRow | null> {
  const rows = await db
    .select()
    .from(projectTasks)
    .where(and(eq(projectTasks.id, id), taskVisible(actor)))
    .for('update');
  return rows[0] ?? null;
}

export interface TaskFilter {
  phase?: TaskPhase | undefined;
  category?: TaskCategory | undefined;
  status?: ProjectTaskStatus | undefined;
  overdue?: 'true' | 'false' | undefined;
}

const overdueSql = (today: string) =>
  and(inArray(projectTasks.status, LIVE_STATUSES), lt(projectTasks.dueDate, today));

/**
 * The project (a column holding its id, already in the actor's scope) has at least one overdue task
 * the actor may read: the project list's `overdue` filter, with the task list's meaning of overdue.
 */
export function hasOverdueTask(actor: Actor, projectIdColumn: AnyColumn, today: string): SQL {
  const where = and(eq(projectTasks.projectId, projectIdColumn), overdueSql(today), categoryVisible(actor));
  return sql`EXISTS (SELECT 1 FROM ${projectTasks} WHERE ${where})`;
}

function page(db: DbOrTx, query: KeysetInput, where: SQL | undefined) {
  const ks = keyset<Joined & Record<string, unknown>>(
    query,
    { dueDate: { column: projectTasks.dueDate }, createdAt: { column: projectTasks.createdAt } },
    projectTasks.id,
    { defaultSort: 'dueDate', rowKey: (r, k) => r.task[k as keyof TaskRow], rowId: (r) => r.task.id },
  );
  return viewQuery(db)
    .where(and(where, ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit)
    .then((rows) => {
      const p = ks.page(rows as (Joined & Record<string, unknown>)[]);
      return { items: p.items.map(flat), nextCursor: p.nextCursor };
    });
}

export function listProjectTasks(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  query: KeysetInput & TaskFilter,
  today: string,
) {
  return page(
    db,
    query,
    and(
      eq(projectTasks.projectId, projectId),
      taskVisible(actor),
      query.phase ? eq(projectTasks.phase, query.phase) : undefined,
      query.category ? eq(projectTasks.category, query.category) : undefined,
      query.status ? eq(projectTasks.status, query.status) : undefined,
      query.overdue === 'true'
        ? overdueSql(today)
        : query.overdue === 'false'
          ? sql`NOT (${overdueSql(today)})`
          : undefined,
    ),
  );
}

export type TaskListView = 'overdue' | 'mine' | 'awaiting_approval' | 'due_soon';

/** The cross-project views, in the actor's scope. Approvers see the approvals of projects where they approve. */
export function listTaskView(
  db: DbOrTx,
  actor: Actor,
  view: TaskListView,
  query: KeysetInput,
  today: string,
  soon: string,
) {
  const live = inArray(projectTasks.status, LIVE_STATUSES);
  const filter: Record<TaskListView, SQL | undefined> = {
    overdue: overdueSql(today),
    mine: and(live, eq(projectTasks.ownerId, actor.userId)),
    awaiting_approval: and(
      eq(projectTasks.status, 'awaiting_approval'),
      actor.kind === 'customer_contact'
        ? sql`${projectTasks.projectId} IN (SELECT m.project_id FROM project_members m WHERE m.user_id = ${actor.userId} AND m.role = 'customer_approver')`
        : undefined,
    ),
    due_soon: and(live, sql`${projectTasks.dueDate} BETWEEN ${today} AND ${soon}`),
  };
  return page(db, query, and(taskVisible(actor), filter[view]));
}

export async function countTasks(db: DbOrTx, actor: Actor, projectId: string, today: string) {
  const [row] = await db
    .select({
      open: sql<number>`count(*) FILTER (WHERE ${projectTasks.status} = 'open')::int`,
      overdue: sql<number>`count(*) FILTER (WHERE ${overdueSql(today)})::int`,
      awaitingApproval: sql<number>`count(*) FILTER (WHERE ${projectTasks.status} = 'awaiting_approval')::int`,
      done: sql<number>`count(*) FILTER (WHERE ${projectTasks.status} = 'done')::int`,
    })
    .from(projectTasks)
    .where(and(eq(projectTasks.projectId, projectId), taskVisible(actor)));
  return {
    open: row?.open ?? 0,
    overdue: row?.overdue ?? 0,
    awaitingApproval: row?.awaitingApproval ?? 0,
    done: row?.done ?? 0,
  };
}

/** Inserts generated tasks; one that already exists (same template and period) is skipped. Returns those inserted. */
export async function insertTasks(db: DbOrTx, rows: NewTask[]): Promise<TaskRow[]> {
  if (!rows.length) return [];
  return db
    .insert(projectTasks)
    .values(rows)
    .onConflictDoNothing({ target: [projectTasks.projectId, projectTasks.templateKey, projectTasks.period] })
    .returning();
}

export async function updateTaskRow(db: DbOrTx, id: string, patch: Partial<NewTask>): Promise<TaskRow> {
  const [row] = await db.update(projectTasks).set(patch).where(eq(projectTasks.id, id)).returning();
  return row!;
}

/** Generated tasks of a project by template key (any status), locked: used to sync what a decision implies. */
export function lockGeneratedTasks(db: DbOrTx, projectId: string, keyPrefix: string): Promise<TaskRow[]> {
  return db
    .select()
    .from(projectTasks)
    .where(
      and(
        eq(projectTasks.projectId, projectId),
        sql`${projectTasks.templateKey} LIKE ${`${keyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
      ),
    )
    .for('update');
}

export async function findGeneratedTask(
  db: DbOrTx,
  projectId: string,
  templateKey: string,
  period = '',
): Promise<TaskRow | null> {
  const rows = await db
    .select()
    .from(projectTasks)
    .where(
      and(
        eq(projectTasks.projectId, projectId),
        eq(projectTasks.templateKey, templateKey),
        eq(projectTasks.period, period),
      ),
    )
    .for('update');
  return rows[0] ?? null;
}

// ── Comments ──────────────────────────────────────────────────────────────
export async function insertComment(
  db: DbOrTx,
  row: typeof projectTaskComments.$inferInsert,
): Promise<CommentRow> {
  const [created] = await db.insert(projectTaskComments).values(row).returning();
  return created!;
}

export type CommentView = CommentRow & { authorName: string | null; authorKind: string | null };

export function listComments(db: DbOrTx, taskId: string): Promise<CommentView[]> {
  return db
    .select({
      id: projectTaskComments.id,
      taskId: projectTaskComments.taskId,
      authorId: projectTaskComments.authorId,
      kind: projectTaskComments.kind,
      body: projectTaskComments.body,
      createdAt: projectTaskComments.createdAt,
      authorName: users.displayName,
      authorKind: users.kind,
    })
    .from(projectTaskComments)
    .leftJoin(users, eq(users.id, projectTaskComments.authorId))
    .where(eq(projectTaskComments.taskId, taskId))
    .orderBy(projectTaskComments.createdAt, projectTaskComments.id);
}

/** Live attachments of a task (evidence, or the document to approve). */
export async function countTaskAttachments(db: DbOrTx, taskId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(attachments)
    .where(
      and(
        eq(attachments.ownerType, 'project_task'),
        eq(attachments.ownerId, taskId),
        isNull(attachments.deletedAt),
      ),
    );
  return Number(row?.n ?? 0);
}
