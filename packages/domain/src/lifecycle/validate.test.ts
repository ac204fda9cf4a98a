import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLES } from './index.js';
import { INCIDENT_LIFECYCLE as INC } from './tickets.js';
import type { LifecycleDefinition, LifecycleState, LifecycleTransition } from './types.js';
import { validateLifecycle } from './validate.js';
import type { LifecycleProblem } from './validate.js';

/** Admin-edited JSON arrives untyped; the validator must cope with values the types forbid. */
const fromJson = (value: unknown): LifecycleDefinition => value as LifecycleDefinition;

const withStates = (f: (s: LifecycleState) => LifecycleState): LifecycleDefinition => ({
  ...INC,
  states: INC.states.map(f),
});
const withTransition = (
  action: string,
  f: (t: LifecycleTransition) => LifecycleTransition,
): LifecycleDefinition => ({
  ...INC,
  transitions: INC.transitions.map((t) => (t.action === action ? f(t) : t)),
});
const adding = (
  t: Partial<LifecycleTransition> & Pick<LifecycleTransition, 'action' | 'from' | 'to'>,
): LifecycleDefinition => ({
  ...INC,
  transitions: [
    ...INC.transitions,
    {
      roles: ['agent'],
      requiredFields: [],
      guards: [],
      meetsResponse: false,
      assignsActor: false,
      label: { 'zh-CN': 'x', en: 'x' },
      ...t,
    },
  ],
});
const limbo: LifecycleState = {
  key: 'limbo',
  category: 'pending',
  pausesSla: true,
  final: false,
  label: { 'zh-CN': '?', en: '?' },
};

describe('validateLifecycle', () => {
  it.each(Object.entries(DEFAULT_LIFECYCLES))('the default %s lifecycle is valid', (_kind, def) => {
    expect(validateLifecycle(def)).toEqual([]);
  });

  it.each(Object.entries(DEFAULT_LIFECYCLES))(
    'the default %s lifecycle survives JSON unchanged',
    (_kind, def) => {
      const copy = fromJson(JSON.parse(JSON.stringify(def)));
      expect(copy).toEqual(def);
      expect(validateLifecycle(copy)).toEqual([]);
    },
  );

  it.each<[string, LifecycleDefinition, LifecycleProblem]>([
    ['no states', { ...INC, states: [], transitions: [] }, { code: 'no_states' }],
    [
      'blank state key',
      withStates((s) => (s.key === 'closed' ? { ...s, key: ' ' } : s)),
      { code: 'blank_key', index: 5 },
    ],
    [
      'duplicate state',
      { ...INC, states: [...INC.states, INC.states[0] as LifecycleState] },
      { code: 'duplicate_state', state: 'new' },
    ],
    [
      'unknown category',
      fromJson(
        withStates(
          (s) => (s.key === 'pending' ? { ...s, category: 'waiting' } : s) as unknown as LifecycleState,
        ),
      ),
      { code: 'unknown_category', state: 'pending' },
    ],
    [
      'final flag without final category',
      withStates((s) => (s.key === 'closed' ? { ...s, final: false } : s)),
      { code: 'final_mismatch', state: 'closed' },
    ],
    [
      'final state pausing',
      withStates((s) => (s.key === 'closed' ? { ...s, pausesSla: true } : s)),
      { code: 'final_pauses_sla', state: 'closed' },
    ],
    [
      'no final state',
      withStates((s) => (s.final ? { ...s, final: false, category: 'resolved' } : s)),
      { code: 'no_final_state' },
    ],
    ['unknown initial', { ...INC, initial: 'draft' }, { code: 'unknown_initial', state: 'draft' }],
    ['final initial', { ...INC, initial: 'closed' }, { code: 'initial_final', state: 'closed' }],
    [
      'duplicate action',
      { ...INC, transitions: [...INC.transitions, INC.transitions[0] as LifecycleTransition] },
      { code: 'duplicate_action', action: 'assign' },
    ],
    [
      'transition from nowhere',
      withTransition('take', (t) => ({ ...t, from: [] })),
      { code: 'empty_from', action: 'take' },
    ],
    [
      'unknown target',
      withTransition('take', (t) => ({ ...t, to: 'working' })),
      { code: 'unknown_state', action: 'take', state: 'working' },
    ],
    [
      'unknown source',
      withTransition('take', (t) => ({ ...t, from: ['triage'] })),
      { code: 'unknown_state', action: 'take', state: 'triage' },
    ],
    [
      'leaving a final state other than by reopen',
      adding({ action: 'restore', from: ['cancelled'], to: 'new' }),
      { code: 'leaves_final', action: 'restore', state: 'cancelled' },
    ],
    [
      'nobody may take it',
      withTransition('close', (t) => ({ ...t, roles: [] })),
      { code: 'no_roles', action: 'close' },
    ],
    [
      'unknown role',
      fromJson(withTransition('close', (t) => ({ ...t, roles: ['boss'] }) as unknown as LifecycleTransition)),
      { code: 'unknown_role', action: 'close', role: 'boss' },
    ],
    [
      'unknown guard',
      fromJson(
        withTransition('close', (t) => ({ ...t, guards: ['fullMoon'] }) as unknown as LifecycleTransition),
      ),
      { code: 'unknown_guard', action: 'close', guard: 'fullMoon' },
    ],
    [
      'reopen guard without a window',
      { ...INC, reopenWindowDays: null },
      {
        code: 'guard_needs_setting',
        action: 'reopen',
        guard: 'withinReopenWindow',
        setting: 'reopenWindowDays',
      },
    ],
    [
      'auto-close guard without a delay',
      { ...INC, autoCloseAfterDays: null },
      {
        code: 'guard_needs_setting',
        action: 'auto_close',
        guard: 'autoCloseDue',
        setting: 'autoCloseAfterDays',
      },
    ],
    [
      'resolved-time guard on an unresolved state',
      withTransition('auto_close', (t) => ({ ...t, from: ['resolved', 'pending'] })),
      { code: 'guard_needs_resolved_from', action: 'auto_close', guard: 'autoCloseDue', state: 'pending' },
    ],
    [
      'blank field name',
      withTransition('cancel', (t) => ({ ...t, requiredFields: [{ name: '', type: 'text' }] })),
      { code: 'bad_field', action: 'cancel', field: '', reason: 'blank_name' },
    ],
    [
      'duplicate field',
      withTransition('cancel', (t) => ({
        ...t,
        requiredFields: [
          { name: 'why', type: 'text' },
          { name: 'why', type: 'id' },
        ],
      })),
      { code: 'bad_field', action: 'cancel', field: 'why', reason: 'duplicate' },
    ],
    [
      'unknown field type',
      fromJson(
        withTransition(
          'cancel',
          (t) =>
            ({ ...t, requiredFields: [{ name: 'why', type: 'colour' }] }) as unknown as LifecycleTransition,
        ),
      ),
      { code: 'bad_field', action: 'cancel', field: 'why', reason: 'unknown_type' },
    ],
    [
      'enum without values',
      withTransition('pend', (t) => ({
        ...t,
        requiredFields: [{ name: 'pendingReason', type: 'enum', values: [] }],
      })),
      { code: 'bad_field', action: 'pend', field: 'pendingReason', reason: 'no_values' },
    ],
    [
      'negative window',
      { ...INC, reopenWindowDays: -1 },
      { code: 'bad_setting', setting: 'reopenWindowDays' },
    ],
    [
      'NaN delay',
      { ...INC, autoCloseAfterDays: Number.NaN },
      { code: 'bad_setting', setting: 'autoCloseAfterDays' },
    ],
    [
      'unreachable state',
      { ...adding({ action: 'escape', from: ['limbo'], to: 'cancelled' }), states: [...INC.states, limbo] },
      { code: 'unreachable', state: 'limbo' },
    ],
    [
      'state with no way to a final state',
      { ...adding({ action: 'vanish', from: ['pending'], to: 'limbo' }), states: [...INC.states, limbo] },
      { code: 'dead_end', state: 'limbo' },
    ],
  ])('%s', (_n, def, problem) => {
    expect(validateLifecycle(def)).toContainEqual(problem);
  });

  it('reopening from a final state is allowed (a definition may reopen closed tickets)', () => {
    const def = withTransition('reopen', (t) => ({ ...t, from: ['resolved', 'closed'] }));
    expect(validateLifecycle(def)).toEqual([]);
  });

  it('a working definition yields no problem at all (a validator that always complains is caught here)', () => {
    expect(validateLifecycle({ ...INC, reopenWindowDays: 0, autoCloseAfterDays: 30 })).toEqual([]);
  });
});
