import type {
  ActorRelation,
  FieldSpec,
  GuardName,
  LifecycleContext,
  LifecycleDefinition,
  LifecycleState,
  LifecycleTransition,
} from './types.js';

/** One calendar day in milliseconds: reopen and auto-close windows count calendar time, not business time. */
const DAY_MS = 86_400_000;

/**
 * What the caller must do with the SLA clocks and the ticket after a transition. Derived from the
 * states' data (pausesSla, category, final) and the transition's flags, so an edited definition
 * keeps its clock behaviour without code. A stop (`stopResolution`, `stopSla`) also ends a pause.
 */
export interface SideEffects {
  /** The response target is met now (ignored if it was met before). */
  meetsResponse?: true;
  /** The clocks pause now; the reason is the `pendingReason` field when given, else the new state's key. */
  pauseSla?: string;
  /** The clocks run again now. */
  resumeSla?: true;
  /** The resolution clock stops now: the ticket entered a `resolved` state. */
  stopResolution?: true;
  /** The resolution clock runs again (reopen, rework), keeping the time counted before. */
  resumeResolution?: true;
  /** Every clock stops for good: the ticket reached a final state. */
  stopSla?: true;
  /** Make the actor the assignee. */
  assignToActor?: true;
}

/** A required field that is absent, blank or of the wrong value. `allowed` lists an enum's values. */
export interface FieldProblem {
  field: string;
  problem: 'missing' | 'invalid';
  allowed?: readonly string[];
}

/** A checked field value: trimmed text, an id, an enum value or a timestamp. */
export type FieldValue = string | number;

/**
 * The outcome of `applyTransition`. Expected refusals are values, never exceptions:
 * `unknown_action` and `not_allowed_from_state` map to 409 and carry the actions the actor could
 * take instead; `role_not_allowed` to 403; `guard_failed` to 409; `missing_fields` to 400 naming
 * each field.
 */
export type TransitionResult =
  | {
      ok: true;
      action: string;
      from: string;
      to: string;
      /** The required fields, checked and normalised. */
      values: Readonly<Record<string, FieldValue>>;
      sideEffects: SideEffects;
    }
  | { ok: false; error: 'unknown_action'; action: string; allowed: string[] }
  | { ok: false; error: 'not_allowed_from_state'; action: string; state: string; allowed: string[] }
  | { ok: false; error: 'role_not_allowed'; action: string; roles: readonly ActorRelation[] }
  | { ok: false; error: 'guard_failed'; action: string; guard: GuardName }
  | { ok: false; error: 'missing_fields'; action: string; fields: FieldProblem[] };

/** The state `key` of `def`. Throws on an unknown key: a ticket in such a state is corrupt data, not user input. */
export function stateOf(def: LifecycleDefinition, key: string): LifecycleState {
  const state = def.states.find((s) => s.key === key);
  if (!state) throw new Error(`lifecycle ${def.kind}: unknown state "${key}"`);
  return state;
}

/** The transition named `action`, or undefined. */
export function transitionOf(def: LifecycleDefinition, action: string): LifecycleTransition | undefined {
  return def.transitions.find((t) => t.action === action);
}

/**
 * Whether `now` is before the end of the reopen window: `now < resolvedAt + days`. The windows of
 * `withinReopenWindow` and `dueForAutoClose` with the same days partition time at that instant.
 */
export function withinReopenWindow(resolvedAt: number, now: number, days: number): boolean {
  assertDays(days);
  return now < resolvedAt + days * DAY_MS;
}

/** Whether a ticket resolved at `resolvedAt` is due to be closed by the system: `now >= resolvedAt + days`. */
export function dueForAutoClose(resolvedAt: number, now: number, days: number): boolean {
  assertDays(days);
  return now >= resolvedAt + days * DAY_MS;
}

function assertDays(days: number): void {
  if (!Number.isFinite(days) || days < 0)
    throw new RangeError(`days must be a non-negative number, got ${days}`);
}

/** Whether `guard` holds. A guard whose setting is null, or a ticket never resolved, fails. */
export function guardHolds(def: LifecycleDefinition, guard: GuardName, context: LifecycleContext): boolean {
  if (context.resolvedAt === null) return false;
  switch (guard) {
    case 'withinReopenWindow':
      return (
        def.reopenWindowDays !== null &&
        withinReopenWindow(context.resolvedAt, context.now, def.reopenWindowDays)
      );
    case 'autoCloseDue':
      return (
        def.autoCloseAfterDays !== null &&
        dueForAutoClose(context.resolvedAt, context.now, def.autoCloseAfterDays)
      );
  }
}

function roleAllowed(t: LifecycleTransition, relations: readonly ActorRelation[]): boolean {
  return t.roles.some((r) => relations.includes(r));
}

/**
 * The transitions the actor may take now, in definition order: from `state`, with one of the
 * roles, and every guard holding. Fields are not checked (they are what the UI asks for next).
 */
export function availableActions(
  def: LifecycleDefinition,
  state: string,
  relations: readonly ActorRelation[],
  context: LifecycleContext,
): LifecycleTransition[] {
  stateOf(def, state);
  return def.transitions.filter(
    (t) =>
      t.from.includes(state) &&
      roleAllowed(t, relations) &&
      t.guards.every((g) => guardHolds(def, g, context)),
  );
}

/**
 * Tries `action` on a ticket in `state`. Checks, in order: the action exists, it leaves `state`,
 * the actor holds one of its roles, its guards hold, its required fields are present and valid.
 * Input keys other than the required fields are ignored (the contract schema owns them).
 */
export function applyTransition(
  def: LifecycleDefinition,
  state: string,
  action: string,
  relations: readonly ActorRelation[],
  input: Readonly<Record<string, unknown>>,
  context: LifecycleContext,
): TransitionResult {
  const allowed = () => availableActions(def, state, relations, context).map((t) => t.action);
  const t = transitionOf(def, action);
  if (!t) return { ok: false, error: 'unknown_action', action, allowed: allowed() };
  if (!t.from.includes(state))
    return { ok: false, error: 'not_allowed_from_state', action, state, allowed: allowed() };
  if (!roleAllowed(t, relations)) return { ok: false, error: 'role_not_allowed', action, roles: t.roles };
  const failed = t.guards.find((g) => !guardHolds(def, g, context));
  if (failed) return { ok: false, error: 'guard_failed', action, guard: failed };
  const checked = checkFields(t.requiredFields, input);
  if (checked.problems.length > 0)
    return { ok: false, error: 'missing_fields', action, fields: checked.problems };
  return {
    ok: true,
    action,
    from: state,
    to: t.to,
    values: checked.values,
    sideEffects: sideEffectsOf(stateOf(def, state), stateOf(def, t.to), t, checked.values),
  };
}

/** Checks `input` against `specs`: every problem, and the normalised values when there are none. */
export function checkFields(
  specs: readonly FieldSpec[],
  input: Readonly<Record<string, unknown>>,
): { values: Record<string, FieldValue>; problems: FieldProblem[] } {
  const values: Record<string, FieldValue> = {};
  const problems: FieldProblem[] = [];
  for (const spec of specs) {
    const raw = input[spec.name];
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      problems.push(
        spec.type === 'enum'
          ? { field: spec.name, problem: 'missing', allowed: spec.values }
          : { field: spec.name, problem: 'missing' },
      );
      continue;
    }
    const value = fieldValue(spec, raw);
    if (value === undefined) {
      problems.push(
        spec.type === 'enum'
          ? { field: spec.name, problem: 'invalid', allowed: spec.values }
          : { field: spec.name, problem: 'invalid' },
      );
    } else values[spec.name] = value;
  }
  return { values, problems };
}

function fieldValue(spec: FieldSpec, raw: unknown): FieldValue | undefined {
  switch (spec.type) {
    case 'text':
    case 'id':
      return typeof raw === 'string' ? raw.trim() : undefined;
    case 'enum':
      return typeof raw === 'string' && spec.values.includes(raw) ? raw : undefined;
    case 'timestamp':
      return typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined;
  }
}

const live = (s: LifecycleState) => s.category !== 'resolved' && s.category !== 'final';

/** The side effects of moving `from` → `to` by `t`, from the states' data and the transition's flags. */
export function sideEffectsOf(
  from: LifecycleState,
  to: LifecycleState,
  t: LifecycleTransition,
  values: Readonly<Record<string, FieldValue>>,
): SideEffects {
  const effects: SideEffects = {};
  if (t.meetsResponse) effects.meetsResponse = true;
  if (t.assignsActor) effects.assignToActor = true;
  if (live(to) && to.pausesSla && !from.pausesSla) {
    const reason = values['pendingReason'];
    effects.pauseSla = typeof reason === 'string' ? reason : to.key;
  }
  if (live(to) && !to.pausesSla && from.pausesSla) effects.resumeSla = true;
  if (to.category === 'resolved' && from.category !== 'resolved') effects.stopResolution = true;
  if (!live(from) && live(to)) effects.resumeResolution = true;
  if (to.final && !from.final) effects.stopSla = true;
  return effects;
}
