import type { Actor } from '../access/actor.js';
import { hasGlobalRole, rolesIn } from '../access/actor.js';
import type { ProjectRole } from '../access/roles.js';
import { STAFF_PROJECT_ROLES } from '../access/roles.js';

/**
 * Who may do what in field work (inspections and work orders), as pure predicates. Reading is
 * decided by the project's scope first (access/project-scope.ts); these say what a caller who can
 * see the project may do. The server mirrors the visibility rules in SQL.
 *
 * - Plans and project templates are kept by the project's managers and technical lead (and the
 *   system admin); templates for every project (project null) by the system admin only. Built-in
 *   templates are never edited: a tenant copies one and revises the copy.
 * - Inspection tasks: staff who see the project read them; subcontractor staff only the tasks
 *   assigned to someone of their company (or to the company); customer contacts read the monthly
 *   report, not the tasks.
 * - Readings are entered by the task's assignee, a member of its team, someone of the assigned
 *   subcontractor, or a staff engineer, technical lead or manager of the project.
 * - Findings are turned into incidents and work orders, or resolved by hand, by the project's
 *   staff (the system admin is no agent, 三员): they raise tickets.
 */
export const INSPECTION_PLAN_ROLES: readonly ProjectRole[] = [
  'project_lead',
  'project_manager',
  'technical_lead',
];
/** Staff roles that may enter readings on any task of their project. */
export const INSPECTION_WORK_ROLES: readonly ProjectRole[] = [
  'project_lead',
  'project_manager',
  'technical_lead',
  'engineer',
];

const isAdmin = (a: Actor) => a.kind === 'staff' && hasGlobalRole(a, 'admin');
const staffRoles = (a: Actor, projectId: string) => (a.kind === 'staff' ? rolesIn(a, projectId) : []);

export interface InspectionAbilities {
  /** Create, edit, pause and archive the project's inspection plans; cancel its tasks. */
  managePlans: boolean;
  /** Create and revise templates of the project. */
  manageTemplates: boolean;
  /** Convert findings to incidents or work orders, resolve them by hand. */
  manageFindings: boolean;
  /** Read the tasks and findings of the project (subcontractor staff: their company's only). */
  readTasks: boolean;
  /** Read the monthly inspection report (and its workbook). */
  readReport: boolean;
}

/** Abilities on the inspections of a project the actor can already see. */
export function inspectionAbilities(actor: Actor, projectId: string): InspectionAbilities {
  const roles = staffRoles(actor, projectId);
  const plans = isAdmin(actor) || roles.some((r) => INSPECTION_PLAN_ROLES.includes(r));
  return {
    managePlans: plans,
    manageTemplates: plans,
    manageFindings: roles.some((r) => (STAFF_PROJECT_ROLES as readonly ProjectRole[]).includes(r)),
    readTasks: actor.kind !== 'customer_contact',
    readReport: actor.kind !== 'subcontractor_staff',
  };
}

/** Who may create or revise a template: a project's (its plan managers) or every project's (the admin). */
export function canManageTemplate(
  actor: Actor,
  template: { projectId: string | null; builtIn: boolean },
): boolean {
  if (template.builtIn) return false;
  if (template.projectId === null) return isAdmin(actor);
  return inspectionAbilities(actor, template.projectId).manageTemplates;
}

/** The facts of an inspection task that decide who sees and works it. */
export interface InspectionTaskFacts {
  projectId: string;
  assigneeId: string | null;
  /** The company of the assignee, or the subcontractor the plan assigns it to. */
  subcontractorId: string | null;
  status: 'open' | 'in_progress' | 'submitted' | 'cancelled';
}

/** Whether the actor may see a task of a project it can see (`canSeeProject` first). */
export function canSeeInspectionTask(actor: Actor, task: InspectionTaskFacts): boolean {
  if (actor.kind === 'customer_contact') return false;
  if (actor.kind === 'subcontractor_staff')
    return (
      task.assigneeId === actor.userId ||
      (task.subcontractorId !== null && task.subcontractorId === actor.subcontractorId)
    );
  return true;
}

export interface InspectionTaskAbilities {
  /** Save readings and skip reasons. */
  enterReadings: boolean;
  /** Submit the task with its results. */
  submit: boolean;
  /** Cancel a task not yet submitted. */
  cancel: boolean;
}

/**
 * Abilities on a task the actor can see. `teamMember`: the actor is in the task's team (the server
 * looks it up). Only open and in-progress tasks take readings.
 */
export function inspectionTaskAbilities(
  actor: Actor,
  task: InspectionTaskFacts,
  teamMember: boolean,
): InspectionTaskAbilities {
  const live = task.status === 'open' || task.status === 'in_progress';
  const worker =
    task.assigneeId === actor.userId ||
    (teamMember && actor.kind !== 'customer_contact') ||
    (actor.kind === 'subcontractor_staff' &&
      task.subcontractorId !== null &&
      task.subcontractorId === actor.subcontractorId) ||
    staffRoles(actor, task.projectId).some((r) => INSPECTION_WORK_ROLES.includes(r));
  return {
    enterReadings: live && worker,
    submit: live && worker,
    cancel: live && inspectionAbilities(actor, task.projectId).managePlans,
  };
}

/**
 * Whether subcontractor staff may see a work order: it is assigned to someone of their company or
 * dispatched to the company itself. Everyone else follows the ticket rules (`canSeeTicket`).
 */
export function subcontractorSeesWorkOrder(
  actor: Actor,
  wo: { assigneeSubcontractorId: string | null; dispatchedToSubcontractorId: string | null },
): boolean {
  if (actor.kind !== 'subcontractor_staff' || actor.subcontractorId === null) return false;
  return (
    wo.assigneeSubcontractorId === actor.subcontractorId ||
    wo.dispatchedToSubcontractorId === actor.subcontractorId
  );
}

export interface WorkOrderAbilities {
  /** Plan the work: window, site, instructions, CIs (the desk and the project's managers). */
  plan: boolean;
  /** Record the work: performed, time spent, parts used (the assignee while working, or the desk). */
  recordWork: boolean;
}

/** Abilities on a work order's own fields, given the actor's ticket relations and the state category. */
export function workOrderAbilities(
  actor: Actor,
  wo: { stateCategory: 'open' | 'in_progress' | 'pending' | 'resolved' | 'final' },
  relations: readonly string[],
): WorkOrderAbilities {
  const desk =
    actor.kind === 'staff' && (relations.includes('agent') || relations.includes('project_manager'));
  const live = wo.stateCategory !== 'final';
  const working = wo.stateCategory === 'in_progress' || wo.stateCategory === 'resolved';
  return {
    plan: desk && live,
    recordWork: live && ((relations.includes('assignee') && working) || desk),
  };
}
