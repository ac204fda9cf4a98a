import type { Actor, ProjectFacts } from '../access/actor.js';
import { rolesIn } from '../access/actor.js';
import { canSeeProject } from '../access/project-scope.js';
import { PROJECT_MANAGING_ROLES, STAFF_PROJECT_ROLES } from '../access/roles.js';
import type { ProjectRole } from '../access/roles.js';
import type { ActorRelation, StateCategory } from '../lifecycle/types.js';

/**
 * Who may see and work a ticket, as pure predicates. The server mirrors `canSeeTicket` in SQL
 * (modules/tickets/ticket.scope.ts) and hands `ticketRelations` to the lifecycle engine.
 *
 * - Staff see the tickets of the projects they see (project-scope.ts).
 * - Customer contacts see every ticket of their customer's projects — not only the ones they
 *   raised: a customer's IT department follows its colleagues' faults — and never internal notes.
 * - Subcontractor staff see only tickets assigned to someone of their company, on projects their
 *   company is engaged on, and no internal notes.
 */
export interface TicketFacts {
  projectId: string;
  requesterId: string | null;
  assigneeId: string | null;
  groupId: string | null;
  /** The subcontractor the assignee belongs to, when the assignee is subcontractor staff. */
  assigneeSubcontractorId: string | null;
  stateCategory: StateCategory;
  rated: boolean;
}

export function canSeeTicket(actor: Actor, ticket: TicketFacts, project: ProjectFacts): boolean {
  if (!canSeeProject(actor, project)) return false;
  if (actor.kind === 'subcontractor_staff')
    return (
      ticket.assigneeSubcontractorId !== null && ticket.assigneeSubcontractorId === actor.subcontractorId
    );
  return true;
}

const STAFF_ROLES: readonly ProjectRole[] = STAFF_PROJECT_ROLES;

/** Whether the actor works on the project's service desk (any staff role in it). */
export function isProjectAgent(actor: Actor, projectId: string): boolean {
  return actor.kind === 'staff' && rolesIn(actor, projectId).some((r) => STAFF_ROLES.includes(r));
}

export function isProjectManager(actor: Actor, projectId: string): boolean {
  return actor.kind === 'staff' && rolesIn(actor, projectId).some((r) => PROJECT_MANAGING_ROLES.includes(r));
}

/**
 * The relations the actor holds to a ticket it can see (lifecycle/types.ts `ACTOR_RELATIONS`).
 * `groupMember`: whether the actor is in the ticket's assignment group (the server looks it up).
 */
export function ticketRelations(actor: Actor, ticket: TicketFacts, groupMember: boolean): ActorRelation[] {
  const out: ActorRelation[] = [];
  if (isProjectAgent(actor, ticket.projectId)) out.push('agent');
  if (ticket.assigneeId !== null && ticket.assigneeId === actor.userId) out.push('assignee');
  if (groupMember && actor.kind === 'staff') out.push('group_member');
  if (ticket.requesterId !== null && ticket.requesterId === actor.userId) out.push('requester');
  if (actor.kind === 'customer_contact' && rolesIn(actor, ticket.projectId).includes('customer_approver'))
    out.push('customer_approver');
  if (isProjectManager(actor, ticket.projectId)) out.push('project_manager');
  if (actor.kind === 'subcontractor_staff' && rolesIn(actor, ticket.projectId).includes('field_engineer'))
    out.push('field_engineer');
  return out;
}

export interface TicketAbilities {
  /** Edit fields (title, category, impact/urgency, tags, group …). */
  update: boolean;
  /** Public reply. */
  reply: boolean;
  /** Internal note; also reading them. */
  internalNotes: boolean;
  /** Assign and bulk-assign. */
  assign: boolean;
  merge: boolean;
  link: boolean;
  /** Add or remove watchers other than oneself. */
  manageWatchers: boolean;
  /** Rate the service (the requester, once, after close). */
  rate: boolean;
  /** Upload attachments. */
  attach: boolean;
}

/** Abilities on a ticket the actor can see, given its relations (from `ticketRelations`). */
export function ticketAbilities(
  actor: Actor,
  ticket: TicketFacts,
  relations: readonly ActorRelation[],
): TicketAbilities {
  const staffWorker =
    actor.kind === 'staff' &&
    (relations.includes('agent') || relations.includes('assignee') || relations.includes('group_member'));
  const manager = relations.includes('project_manager');
  const live = ticket.stateCategory !== 'final';
  const requester = relations.includes('requester');
  const contact = actor.kind === 'customer_contact';
  const fieldAssignee = actor.kind === 'subcontractor_staff' && relations.includes('assignee');
  return {
    update: (staffWorker || manager) && live,
    reply: live && (staffWorker || manager || contact || fieldAssignee),
    internalNotes: actor.kind === 'staff' && (staffWorker || manager),
    assign: (staffWorker || manager) && live,
    merge: (relations.includes('agent') || manager) && live,
    link: staffWorker || manager,
    manageWatchers: staffWorker || manager,
    rate: requester && ticket.stateCategory === 'final' && !ticket.rated,
    attach: live && (staffWorker || manager || requester || fieldAssignee),
  };
}

/** Whether the actor may read internal notes and internal history of a ticket it can see. */
export function seesInternalNotes(actor: Actor): boolean {
  return actor.kind === 'staff';
}

/**
 * Whether the actor may raise a ticket on a project it can see (check scope first): staff working
 * there, or a contact of its customer. The system admin is no agent (三员): it configures, not serves.
 */
export function canRaiseTicket(actor: Actor, projectId: string): boolean {
  return isProjectAgent(actor, projectId) || actor.kind === 'customer_contact';
}
