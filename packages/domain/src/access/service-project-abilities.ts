import type { Actor } from './actor.js';
import { hasGlobalRole, rolesIn } from './actor.js';
import { PROJECT_MANAGING_ROLES } from './roles.js';

/**
 * Who may do what in a service project's handover, lifecycle, tenders and roster. Reading is
 * decided by the project's scope first (project-scope.ts); these say what a caller who can see the
 * project may do. Handover, tenders, mode rules and templates are the provider's internal work:
 * staff only. Lifecycle tasks are visible to everyone who sees the project (customer contacts
 * included), and only the customer's approvers approve.
 */

const isAdmin = (a: Actor) => a.kind === 'staff' && hasGlobalRole(a, 'admin');
const isStaff = (a: Actor) => a.kind === 'staff';
/** Project manager or project lead of the project (staff only). */
export const managesProject = (a: Actor, projectId: string) =>
  isStaff(a) && rolesIn(a, projectId).some((r) => PROJECT_MANAGING_ROLES.includes(r));
const isCustomerManagerOf = (a: Actor, projectId: string) =>
  isStaff(a) && rolesIn(a, projectId).includes('customer_manager');

export interface ServiceProjectAdminAbilities {
  /** Read the mode rules and checklist templates, and the cross-project views. */
  read: boolean;
  /** Edit the mode rules and checklist templates. */
  manage: boolean;
}

export function serviceProjectAdminAbilities(actor: Actor): ServiceProjectAdminAbilities {
  return { read: isStaff(actor), manage: isAdmin(actor) };
}

export interface LifecycleAbilities {
  /** Move the project through its phases, add and edit its tasks. */
  manage: boolean;
}

export function lifecycleAbilities(actor: Actor, projectId: string): LifecycleAbilities {
  return { manage: isAdmin(actor) || managesProject(actor, projectId) };
}

/** The people a handover names, and the project's division and region. */
export interface HandoverFacts {
  projectId: string;
  division: string | null;
  region: string | null;
  regionalManagerId: string | null;
  divisionManagerId: string | null;
  serviceLeadId: string | null;
  customerManagerId: string | null;
  /** The mode is decided: staffing comes after it. */
  decided: boolean;
  /** The chosen mode staffs a customer manager (false before a decision). */
  customerManagerRequired: boolean;
}

export interface HandoverAbilities {
  read: boolean;
  update: boolean;
  decideMode: boolean;
  assignCustomerManager: boolean;
  decideSubcontractor: boolean;
}

/**
 * §4.1: the mode is agreed by the regional manager and the division manager — those the handover
 * names, or whoever manages the project's region or division; §4.2: the branch service lead the
 * handover names staffs the customer manager; §4.3: the customer manager decides on a
 * subcontractor (when the mode has no customer manager, a project manager does). Admins may do all.
 * Staffing comes after the decision.
 */
export function handoverAbilities(actor: Actor, h: HandoverFacts): HandoverAbilities {
  const admin = isAdmin(actor);
  const staff = isStaff(actor);
  const manager = managesProject(actor, h.projectId);
  const me = actor.userId;
  const regionalOrDivision =
    staff &&
    (me === h.regionalManagerId ||
      me === h.divisionManagerId ||
      (actor.managesRegion !== null && actor.managesRegion === h.region) ||
      (actor.managesDivision !== null && actor.managesDivision === h.division));
  const customerManager = staff && (me === h.customerManagerId || isCustomerManagerOf(actor, h.projectId));
  return {
    read: staff,
    update: admin || manager,
    decideMode: admin || regionalOrDivision,
    assignCustomerManager: h.decided && (admin || (staff && me === h.serviceLeadId)),
    decideSubcontractor: h.decided && (admin || customerManager || (manager && !h.customerManagerRequired)),
  };
}

export interface TenderAbilities {
  read: boolean;
  /** Create, edit a draft, publish and award. */
  manage: boolean;
}

/** Tenders are run by the customer manager (§4.3), a project manager or an admin; staff read them. */
export function tenderAbilities(
  actor: Actor,
  t: { projectId: string; customerManagerId: string | null },
): TenderAbilities {
  const manage =
    isAdmin(actor) ||
    managesProject(actor, t.projectId) ||
    isCustomerManagerOf(actor, t.projectId) ||
    (isStaff(actor) && actor.userId === t.customerManagerId);
  return { read: isStaff(actor), manage };
}

export const PROJECT_TASK_STATUSES = ['open', 'awaiting_approval', 'done', 'cancelled'] as const;
export type ProjectTaskStatus = (typeof PROJECT_TASK_STATUSES)[number];

export interface ProjectTaskFacts {
  projectId: string;
  ownerId: string | null;
  category: string;
  status: ProjectTaskStatus;
}

export interface ProjectTaskAbilities {
  update: boolean;
  complete: boolean;
  reopen: boolean;
  cancel: boolean;
  submit: boolean;
  approve: boolean;
  reject: boolean;
  comment: boolean;
  attach: boolean;
}

/**
 * Abilities on a lifecycle task. Managers (project manager/lead, admin) edit, cancel and reopen;
 * the owner and managers complete ordinary tasks and submit approval tasks; only a customer
 * contact holding `customer_approver` on the project approves or rejects, and only while the task
 * awaits approval. Staff comment; an approver comments on approval tasks; the owner on their own.
 */
export function projectTaskAbilities(actor: Actor, t: ProjectTaskFacts): ProjectTaskAbilities {
  const manage = isAdmin(actor) || managesProject(actor, t.projectId);
  const owner = t.ownerId !== null && actor.userId === t.ownerId;
  const live = t.status === 'open' || t.status === 'awaiting_approval';
  const approval = t.category === 'approval';
  const approver =
    actor.kind === 'customer_contact' &&
    rolesIn(actor, t.projectId).includes('customer_approver') &&
    approval;
  const awaiting = t.status === 'awaiting_approval';
  return {
    update: manage && live,
    complete: (manage || owner) && t.status === 'open' && !approval,
    reopen: manage && (t.status === 'done' || t.status === 'cancelled'),
    cancel: manage && live,
    submit: (manage || owner) && t.status === 'open' && approval,
    approve: approver && awaiting,
    reject: approver && awaiting,
    comment: isStaff(actor) || owner || approver,
    attach: (manage || owner) && live,
  };
}

export interface RosterAbilities {
  read: boolean;
  manage: boolean;
}

/** A project's roster: its staff and engaged subcontractor staff read it; managers and admins edit it. */
export function rosterAbilities(actor: Actor, projectId: string): RosterAbilities {
  return {
    read: actor.kind !== 'customer_contact',
    manage: isAdmin(actor) || managesProject(actor, projectId),
  };
}

/** A team's roster: staff read it; its lead and admins edit it. */
export function teamRosterAbilities(actor: Actor, team: { leadUserId: string | null }): RosterAbilities {
  return {
    read: isStaff(actor),
    manage: isAdmin(actor) || (isStaff(actor) && actor.userId === team.leadUserId),
  };
}

/** A shift may be swapped by whoever manages its roster, or handed on by the person on it (with a reason). */
export function shiftAbilities(roster: RosterAbilities, actor: Actor, shift: { userId: string }) {
  return {
    update: roster.manage,
    delete: roster.manage,
    swap: roster.manage || (roster.read && actor.userId === shift.userId),
  };
}
