import {
  ActionParams,
  BulkAssignResult,
  BulkAssignSchema,
  IdParams,
  TicketSchema,
  TransitionBodySchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { bulkAssign, transitionTicket } from './ticket.action.service.js';
import { detailOf } from './ticket.routes.js';

const tags = ['tickets'];

/** The actions of the default lifecycles, each documented as its own sub-resource. */
const ACTIONS: Record<string, string> = {
  assign: 'Assign (needs assigneeId; optional groupId and reason)',
  take: 'Take a new ticket into work (meets the response target; the caller becomes the assignee)',
  start: 'The assignee starts work (meets the response target)',
  pend: 'Put on hold, pausing the SLA (needs pendingReason: customer, vendor or change)',
  resume: 'Resume work; the SLA runs again',
  resolve: 'Resolve (needs resolutionCode and resolutionText); stops the resolution clock',
  reopen: 'Reopen within the window (needs reopenReason); the requester rejecting a resolution',
  close: 'Close a resolved ticket; the requester confirming the resolution',
  cancel: 'Cancel (needs cancelReason)',
  answer: 'Answer a consultation (needs answerText)',
};

export async function ticketActionRoutes(app: ZodApp) {
  for (const [action, summary] of Object.entries(ACTIONS)) {
    app.post(
      `/tickets/:id/${action}`,
      {
        schema: {
          tags,
          summary,
          params: IdParams,
          body: TransitionBodySchema,
          response: { 200: TicketSchema },
        },
      },
      async (req) => {
        const c = ctx(req);
        await transitionTicket(c, req.params.id, action, req.body);
        return detailOf(c, req.params.id);
      },
    );
  }
  // Any other action name goes to the lifecycle too: an unknown one answers 409 with the allowed actions.
  app.post(
    '/tickets/:id/:action',
    {
      schema: {
        tags,
        summary:
          'Another lifecycle action of the ticket kind (409 INVALID_TRANSITION lists the allowed ones)',
        params: ActionParams,
        body: TransitionBodySchema,
        response: { 200: TicketSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      await transitionTicket(c, req.params.id, req.params.action, req.body);
      return detailOf(c, req.params.id);
    },
  );
  app.post(
    '/tickets/bulk-assign',
    {
      schema: {
        tags,
        summary: 'Assign many tickets (each an audited transition)',
        body: BulkAssignSchema,
        response: { 200: BulkAssignResult },
      },
    },
    async (req) => bulkAssign(ctx(req), req.body),
  );
}
