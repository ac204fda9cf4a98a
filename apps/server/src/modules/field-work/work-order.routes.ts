import {
  ArrivalTargetsSchema,
  ArrivalTargetsUpdateSchema,
  EmptyBodySchema,
  IdParams,
  WorkOrderCheckInSchema,
  WorkOrderCompleteSchema,
  WorkOrderCreateSchema,
  WorkOrderDispatchSchema,
  WorkOrderListQuery,
  WorkOrderPage,
  WorkOrderReasonSchema,
  WorkOrderRejectedSchema,
  WorkOrderSchema,
  WorkOrderSignOffSchema,
  WorkOrderUpdateSchema,
} from '@opsdesk/contracts';
import type { z } from 'zod';
import type { Ctx, ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { arrivalTargetsOf, putArrivalTargets } from './arrival.js';
import { workOrderDetail, workOrderPage } from './work-order.presenter.js';
import {
  acceptWorkOrder,
  cancelWorkOrder,
  checkInWorkOrder,
  closeWorkOrder,
  completeWorkOrder,
  createWorkOrder,
  dispatchWorkOrder,
  rejectWorkOrder,
  reworkWorkOrder,
  updateWorkOrder,
} from './work-order.service.js';
import { signOffWorkOrder } from './work-order.signature.js';

const tags = ['work-orders'];

export async function workOrderRoutes(app: ZodApp) {
  app.post(
    '/work-orders',
    {
      schema: {
        tags,
        summary:
          'Create a work order (工单): on its own, or as the child of an incident or request (parentId); dispatched at once when assigneeId is given. Staff of the project.',
        body: WorkOrderCreateSchema,
        response: { 201: WorkOrderSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      const row = await createWorkOrder(c, req.body);
      return reply.code(201).send(await workOrderDetail(c, row.id));
    },
  );

  app.get(
    '/work-orders',
    {
      schema: {
        tags,
        summary:
          'Work orders in scope (subcontractor staff: those dispatched to their company), with the ticket queues and filters',
        querystring: WorkOrderListQuery,
        response: { 200: WorkOrderPage },
      },
    },
    async (req) => workOrderPage(ctx(req), req.query),
  );

  app.get(
    '/work-orders/:id',
    {
      schema: {
        tags,
        summary:
          'A work order: the ticket with its actions, and its own fields (window, site, check-in, sign-off, arrival clock)',
        params: IdParams,
        response: { 200: WorkOrderSchema },
      },
    },
    async (req) => workOrderDetail(ctx(req), req.params.id),
  );

  app.patch(
    '/work-orders/:id',
    {
      schema: {
        tags,
        summary:
          "Change the plan (desk, managers) or the work record (the assignee while working); the ticket's own fields go through PATCH /tickets/:id",
        params: IdParams,
        body: WorkOrderUpdateSchema,
        response: { 200: WorkOrderSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      await updateWorkOrder(c, req.params.id, req.body);
      return workOrderDetail(c, req.params.id);
    },
  );

  function action<S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (c: Ctx, id: string, b: z.output<S>) => Promise<unknown>,
  ) {
    app.post(
      `/work-orders/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: WorkOrderSchema } } },
      async (req) => {
        const c = ctx(req);
        // Validated by `body` above: the type provider cannot see through the generic.
        await run(c, req.params.id, req.body as z.output<S>);
        return workOrderDetail(c, req.params.id);
      },
    );
  }

  action(
    'dispatch',
    'Dispatch (派单) to an engineer of the project or a field engineer of an engaged subcontractor; starts the arrival clock (desk, managers)',
    WorkOrderDispatchSchema,
    (c, id, b) => dispatchWorkOrder(c, id, b),
  );
  action(
    'accept',
    'The dispatched engineer accepts (接单); meets the response target',
    EmptyBodySchema,
    (c, id) => acceptWorkOrder(c, id),
  );
  app.post(
    '/work-orders/:id/reject',
    {
      schema: {
        tags,
        summary:
          'The dispatched engineer rejects (退单) with a reason: back to dispatch, the engineer taken off (so the answer is only the outcome)',
        params: IdParams,
        body: WorkOrderReasonSchema,
        response: { 200: WorkOrderRejectedSchema },
      },
    },
    async (req) => rejectWorkOrder(ctx(req), req.params.id, req.body.reason),
  );
  action(
    'check-in',
    'Check in on site (到场签到): the arrival time (default now; the desk may record one reported by phone) and place; stops the arrival clock',
    WorkOrderCheckInSchema,
    (c, id, b) => checkInWorkOrder(c, id, b),
  );
  action(
    'complete',
    'Work done (完工): what was done, time spent, parts used; stops the resolution clock',
    WorkOrderCompleteSchema,
    (c, id, b) => completeWorkOrder(c, id, b),
  );
  action(
    'sign-off',
    "The customer's sign-off (客户签字确认): signer name and the signature drawn on the phone (PNG data URL), stored as an attachment; only when the work is done (else 409 naming `signature`)",
    WorkOrderSignOffSchema,
    (c, id, b) => signOffWorkOrder(c, id, b),
  );
  action(
    'rework',
    'Send finished work back (返工) with a reason (the customer or the desk)',
    WorkOrderReasonSchema,
    (c, id, b) => reworkWorkOrder(c, id, b.reason),
  );
  action('close', 'Close a signed-off work order (desk, managers)', EmptyBodySchema, (c, id) =>
    closeWorkOrder(c, id),
  );
  action(
    'cancel',
    'Cancel before anyone is on site, with a reason (desk, managers)',
    WorkOrderReasonSchema,
    (c, id, b) => cancelWorkOrder(c, id, b.reason),
  );

  app.get(
    '/projects/:id/arrival-targets',
    {
      schema: {
        tags,
        summary:
          "The project's on-site arrival targets (现场限时服务) per service area, and the calendar they count on",
        params: IdParams,
        response: { 200: ArrivalTargetsSchema },
      },
    },
    async (req) => arrivalTargetsOf(ctx(req), req.params.id),
  );

  app.put(
    '/projects/:id/arrival-targets',
    {
      schema: {
        tags,
        summary: "Replace the project's arrival targets (project managers, the system admin)",
        params: IdParams,
        body: ArrivalTargetsUpdateSchema,
        response: { 200: ArrivalTargetsSchema },
      },
    },
    async (req) => putArrivalTargets(ctx(req), req.params.id, req.body),
  );
}
