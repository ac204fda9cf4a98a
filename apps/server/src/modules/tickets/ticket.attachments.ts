import { ticketAbilities } from '@opsdesk/domain';
import { registerAttachmentOwner } from '../attachments/attachment.owners.js';
import { isGroupMember, userFacts } from './ticket.lookups.js';
import { findTicketView } from './ticket.repository.js';
import { ticketRelations } from '@opsdesk/domain';

// Attachments on tickets: read by whoever sees the ticket, written by those who may work or
// follow it (staff on the project, the requester, an assigned field engineer) while it is open.
registerAttachmentOwner('ticket', async (db, actor, ownerId) => {
  const v = await findTicketView(db, actor, ownerId);
  if (!v) return null;
  const t = v.ticket;
  const assignee = t.assigneeId ? await userFacts(db, t.assigneeId) : null;
  const facts = {
    projectId: t.projectId,
    requesterId: t.requesterId,
    assigneeId: t.assigneeId,
    groupId: t.groupId,
    assigneeSubcontractorId: assignee?.subcontractorId ?? null,
    stateCategory: t.stateCategory,
    rated: t.satisfactionRating !== null,
  };
  const relations = ticketRelations(actor, facts, await isGroupMember(db, t.groupId, actor.userId));
  return { projectId: t.projectId, canRead: true, canWrite: ticketAbilities(actor, facts, relations).attach };
});
