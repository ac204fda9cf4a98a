import type { GuardName, LifecycleDefinition } from './types.js';
import { ACTOR_RELATIONS, FIELD_TYPES, GUARD_NAMES, STATE_CATEGORIES } from './types.js';

/** One thing wrong with a lifecycle definition. Codes are stable; the admin UI localises them. */
export type LifecycleProblem =
  | { code: 'no_states' }
  | { code: 'blank_key'; index: number }
  | { code: 'duplicate_state'; state: string }
  | { code: 'unknown_category'; state: string }
  | { code: 'final_mismatch'; state: string }
  | { code: 'final_pauses_sla'; state: string }
  | { code: 'no_final_state' }
  | { code: 'unknown_initial'; state: string }
  | { code: 'initial_final'; state: string }
  | { code: 'duplicate_action'; action: string }
  | { code: 'empty_from'; action: string }
  | { code: 'unknown_state'; action: string; state: string }
  | { code: 'leaves_final'; action: string; state: string }
  | { code: 'no_roles'; action: string }
  | { code: 'unknown_role'; action: string; role: string }
  | { code: 'unknown_guard'; action: string; guard: string }
  | {
      code: 'guard_needs_setting';
      action: string;
      guard: GuardName;
      setting: 'reopenWindowDays' | 'autoCloseAfterDays';
    }
  | { code: 'guard_needs_resolved_from'; action: string; guard: GuardName; state: string }
  | {
      code: 'bad_field';
      action: string;
      field: string;
      reason: 'blank_name' | 'duplicate' | 'unknown_type' | 'no_values';
    }
  | { code: 'bad_setting'; setting: 'reopenWindowDays' | 'autoCloseAfterDays' }
  | { code: 'unreachable'; state: string }
  | { code: 'dead_end'; state: string };

const GUARD_SETTING = { withinReopenWindow: 'reopenWindowDays', autoCloseDue: 'autoCloseAfterDays' } as const;

/**
 * Every problem of `def`; empty when the engine can run it. Checks the states (unique keys, known
 * categories, `final` agreeing with the category, finals not pausing, at least one final, an
 * initial that exists and is not final), the transitions (unique actions, known states, roles,
 * guards and field types; only `reopen` leaves a final state; resolved-time guards only leave
 * resolved or final states and have their setting), the settings (null or non-negative), and the
 * graph (every state reachable from the initial one, and a final state reachable from every state).
 */
export function validateLifecycle(def: LifecycleDefinition): LifecycleProblem[] {
  const problems: LifecycleProblem[] = [];
  if (def.states.length === 0) return [{ code: 'no_states' }];

  const byKey = new Map<string, LifecycleDefinition['states'][number]>();
  def.states.forEach((s, index) => {
    if (s.key.trim() === '') problems.push({ code: 'blank_key', index });
    if (byKey.has(s.key)) problems.push({ code: 'duplicate_state', state: s.key });
    byKey.set(s.key, s);
    if (!STATE_CATEGORIES.includes(s.category)) problems.push({ code: 'unknown_category', state: s.key });
    if (s.final !== (s.category === 'final')) problems.push({ code: 'final_mismatch', state: s.key });
    if (s.final && s.pausesSla) problems.push({ code: 'final_pauses_sla', state: s.key });
  });
  if (!def.states.some((s) => s.final)) problems.push({ code: 'no_final_state' });
  const initial = byKey.get(def.initial);
  if (!initial) problems.push({ code: 'unknown_initial', state: def.initial });
  else if (initial.final) problems.push({ code: 'initial_final', state: def.initial });

  for (const setting of ['reopenWindowDays', 'autoCloseAfterDays'] as const) {
    const v = def[setting];
    if (v !== null && !(Number.isFinite(v) && v >= 0)) problems.push({ code: 'bad_setting', setting });
  }

  const actions = new Set<string>();
  for (const t of def.transitions) {
    const action = t.action;
    if (actions.has(action)) problems.push({ code: 'duplicate_action', action });
    actions.add(action);
    if (t.from.length === 0) problems.push({ code: 'empty_from', action });
    for (const state of [...t.from, t.to]) {
      if (!byKey.has(state)) problems.push({ code: 'unknown_state', action, state });
    }
    for (const state of t.from) {
      if (byKey.get(state)?.final && action !== 'reopen')
        problems.push({ code: 'leaves_final', action, state });
    }
    if (t.roles.length === 0) problems.push({ code: 'no_roles', action });
    for (const role of t.roles) {
      if (!ACTOR_RELATIONS.includes(role)) problems.push({ code: 'unknown_role', action, role });
    }
    for (const guard of t.guards) {
      if (!GUARD_NAMES.includes(guard)) {
        problems.push({ code: 'unknown_guard', action, guard });
        continue;
      }
      const setting = GUARD_SETTING[guard];
      if (def[setting] === null) problems.push({ code: 'guard_needs_setting', action, guard, setting });
      for (const state of t.from) {
        const category = byKey.get(state)?.category;
        if (category !== undefined && category !== 'resolved' && category !== 'final')
          problems.push({ code: 'guard_needs_resolved_from', action, guard, state });
      }
    }
    const names = new Set<string>();
    for (const f of t.requiredFields) {
      const bad = (reason: 'blank_name' | 'duplicate' | 'unknown_type' | 'no_values') =>
        problems.push({ code: 'bad_field', action, field: f.name, reason });
      if (f.name.trim() === '') bad('blank_name');
      if (names.has(f.name)) bad('duplicate');
      names.add(f.name);
      if (!FIELD_TYPES.includes(f.type)) bad('unknown_type');
      else if (f.type === 'enum' && f.values.length === 0) bad('no_values');
    }
  }

  if (initial) {
    const reached = closure([def.initial], (s) =>
      def.transitions.filter((t) => t.from.includes(s)).map((t) => t.to),
    );
    for (const s of def.states) if (!reached.has(s.key)) problems.push({ code: 'unreachable', state: s.key });
  }
  const finals = def.states.filter((s) => s.final).map((s) => s.key);
  const canFinish = closure(finals, (s) => def.transitions.filter((t) => t.to === s).flatMap((t) => t.from));
  for (const s of def.states) if (!canFinish.has(s.key)) problems.push({ code: 'dead_end', state: s.key });
  return problems;
}

/** Every node reachable from `start` (included) by `next`. */
function closure(start: readonly string[], next: (node: string) => readonly string[]): Set<string> {
  const seen = new Set(start);
  const queue = [...start];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    for (const n of next(node)) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}
