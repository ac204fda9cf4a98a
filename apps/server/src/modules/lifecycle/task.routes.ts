import {
  IdParams,
  ProjectTaskCommentCreateSchema,
  ProjectTaskCommentList,
  ProjectTaskCommentSchema,
  ProjectTaskSchema,
  ProjectTaskUpdateSchema,
  TaskCancelSchema,
  TaskNoteSchema,
  TaskRejectSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentComment, presentTask } from './lifecycle.presenter.js';
import { approveTask, rejectTask, submitForApproval } from './task-approval.service.js';
import {
  addComment,
  cancelTask,
  completeTask,
  getTask,
  reopenTask,
  taskComments,
  updateTask,
} from './task.service.js';
import type { TaskView } from './task.repository.js';

const tags = ['lifecycle'];
const one = { params: IdParams, response: { 200: ProjectTaskSchema } };

/** One lifecycle task: read, edit, its actions (each mirrors the task's states) and its comments. */
export async function taskRoutes(app: ZodApp) {
  const send = (req: Parameters<typeof ctx>[0], t: TaskView) => {
    const c = ctx(req);
    return presentTask(t, c.actor, c.lang, c.now);
  };

  app.get('/project-tasks/:id', { schema: { tags, summary: 'Get a lifecycle task', ...one } }, async (req) =>
    send(req, await getTask(ctx(req), req.params.id)),
  );

  app.patch(
    '/project-tasks/:id',
    {
      schema: {
        tags,
        summary: 'Edit a task: title, description, owner, due date (managers)',
        ...one,
        body: ProjectTaskUpdateSchema,
      },
    },
    async (req) => send(req, await updateTask(ctx(req), req.params.id, req.body)),
  );

  app.post(
    '/project-tasks/:id/complete',
    {
      schema: {
        tags,
        summary: 'Mark a task done (owner or managers; not approvals)',
        ...one,
        body: TaskNoteSchema,
      },
    },
    async (req) => send(req, await completeTask(ctx(req), req.params.id, req.body.comment)),
  );

  app.post(
    '/project-tasks/:id/reopen',
    { schema: { tags, summary: 'Reopen a done or cancelled task (managers)', ...one, body: TaskNoteSchema } },
    async (req) => send(req, await reopenTask(ctx(req), req.params.id, req.body.comment)),
  );

  app.post(
    '/project-tasks/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a task that does not apply, with a reason (managers)',
        ...one,
        body: TaskCancelSchema,
      },
    },
    async (req) => send(req, await cancelTask(ctx(req), req.params.id, req.body.comment)),
  );

  app.post(
    '/project-tasks/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit an approval task (its document attached) to the customer',
        ...one,
        body: TaskNoteSchema,
      },
    },
    async (req) => send(req, await submitForApproval(ctx(req), req.params.id, req.body.comment)),
  );

  app.post(
    '/project-tasks/:id/approve',
    {
      schema: {
        tags,
        summary: "Approve a plan (the customer's approver, in the portal)",
        ...one,
        body: TaskNoteSchema,
      },
    },
    async (req) => send(req, await approveTask(ctx(req), req.params.id, req.body.comment)),
  );

  app.post(
    '/project-tasks/:id/reject',
    {
      schema: {
        tags,
        summary: "Reject a plan with a comment (the customer's approver)",
        ...one,
        body: TaskRejectSchema,
      },
    },
    async (req) => send(req, await rejectTask(ctx(req), req.params.id, req.body.comment)),
  );

  app.get(
    '/project-tasks/:id/comments',
    {
      schema: {
        tags,
        summary: "A task's comments and approval history",
        params: IdParams,
        response: { 200: ProjectTaskCommentList },
      },
    },
    async (req) => ({
      items: (await taskComments(ctx(req), req.params.id)).map(presentComment),
    }),
  );

  app.post(
    '/project-tasks/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on a task',
        params: IdParams,
        body: ProjectTaskCommentCreateSchema,
        response: { 201: ProjectTaskCommentSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentComment(await addComment(ctx(req), req.params.id, req.body.body))),
  );
}
