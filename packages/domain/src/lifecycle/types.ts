/**
 * The shape of a lifecycle: one engine runs every kind of ticket (incident, service request,
 * consultation, work order; problems and changes later), and each kind brings its lifecycle as
 * data. Everything here is plain JSON (strings, numbers, booleans, arrays, objects), so an
 * administrator can edit a definition later and the server can store it as it is.
 */

/** A text in both UI languages. zh-CN first: it is the language of the people using the product. */
export interface LocalisedText {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** The kinds whose default lifecycles ship with the product. */
export const LIFECYCLE_KINDS = ['incident', 'service_request', 'consultation', 'work_order'] as const;
export type LifecycleKind = (typeof LIFECYCLE_KINDS)[number];

/**
 * How the acting person stands to the ticket. The server works these out (from the actor's
 * memberships and the ticket's assignee, group and requester) and hands the engine every relation
 * the actor holds; a transition is allowed when the actor holds any of the transition's roles.
 *
 * - `agent`: staff member of the ticket's project (service desk, engineers, leads);
 * - `assignee`: the ticket's current assignee (for a work order: the dispatched engineer);
 * - `group_member`: member of the ticket's assignment group;
 * - `requester`: the customer contact who raised it;
 * - `customer_approver`: an approver of the customer in the project;
 * - `project_manager`: project manager or project lead of the project;
 * - `field_engineer`: subcontractor staff engaged on the project;
 * - `system`: a job (auto-close, auto-resume), never a person.
 */
export const ACTOR_RELATIONS = [
  'agent',
  'assignee',
  'group_member',
  'requester',
  'customer_approver',
  'project_manager',
  'field_engineer',
  'system',
] as const;
export type ActorRelation = (typeof ACTOR_RELATIONS)[number];

/**
 * What a state means across kinds, so lists, reports and the SLA engine need not know each
 * kind's own state keys. `resolved` stops the resolution clock; `final` ends every clock.
 */
export const STATE_CATEGORIES = ['open', 'in_progress', 'pending', 'resolved', 'final'] as const;
export type StateCategory = (typeof STATE_CATEGORIES)[number];

export interface LifecycleState {
  key: string;
  category: StateCategory;
  /** SLA clocks do not run while a ticket is in this state (e.g. waiting on the customer). */
  pausesSla: boolean;
  /** No way out but a `reopen` transition; must agree with `category === 'final'`. */
  final: boolean;
  label: LocalisedText;
}

/** The value types a transition may ask for. */
export const FIELD_TYPES = ['text', 'enum', 'id', 'timestamp'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * A field a transition needs. `text` is a non-blank string (trimmed), `id` a non-blank reference
 * (e.g. the assignee's user id, checked for existence by the server), `timestamp` epoch
 * milliseconds (a non-negative integer), `enum` one of `values`.
 */
export type FieldSpec =
  | { name: string; type: 'text' | 'id' | 'timestamp' }
  | { name: string; type: 'enum'; values: readonly string[] };

/**
 * Named conditions a transition may require; the engine evaluates them from the definition's
 * settings and the `LifecycleContext`.
 *
 * - `withinReopenWindow`: less than `reopenWindowDays` have passed since the ticket was resolved;
 * - `autoCloseDue`: at least `autoCloseAfterDays` have passed since it was resolved.
 */
export const GUARD_NAMES = ['withinReopenWindow', 'autoCloseDue'] as const;
export type GuardName = (typeof GUARD_NAMES)[number];

export interface LifecycleTransition {
  /** Unique within a definition; the API's action sub-resource (`POST /tickets/:id/resolve`). */
  action: string;
  from: readonly string[];
  to: string;
  /** Who may take it: one of these relations suffices. */
  roles: readonly ActorRelation[];
  requiredFields: readonly FieldSpec[];
  guards: readonly GuardName[];
  /** Taking it meets the SLA response target (if not met before). */
  meetsResponse: boolean;
  /** The actor becomes the assignee (taking a ticket from the queue, accepting a work order). */
  assignsActor: boolean;
  label: LocalisedText;
}

export interface LifecycleDefinition {
  kind: string;
  /** Where a new ticket starts. */
  initial: string;
  states: readonly LifecycleState[];
  transitions: readonly LifecycleTransition[];
  /** Calendar days after resolving during which `withinReopenWindow` holds; null: no window. */
  reopenWindowDays: number | null;
  /** Calendar days after resolving after which `autoCloseDue` holds; null: never auto-closed. */
  autoCloseAfterDays: number | null;
}

/** The facts guards read. Times are epoch milliseconds; `now` is the app clock, never `Date.now()`. */
export interface LifecycleContext {
  now: number;
  /** When the ticket last entered a `resolved`-category state; null if it never did. */
  resolvedAt: number | null;
}
