import { describe, expect, it } from 'vitest';
import { applyTransition, availableActions } from './engine.js';
import type { SideEffects } from './engine.js';
import { DEFAULT_LIFECYCLES } from './index.js';
import type { ActorRelation, LifecycleContext, LifecycleDefinition } from './types.js';
import { ACTOR_RELATIONS } from './types.js';

const DAY_MS = 86_400_000;

/*
 * Every (state, action, role) of every default lifecycle, against tables written out by hand: a
 * change to a definition breaks this test until the table is changed with it.
 *
 * A cell lists the roles that may take the action from the state, one letter each; `-` means the
 * action does not leave that state. The run uses a context in which the guards hold and input in
 * which every required field is valid (guards and fields have their own tests).
 */
const LETTER: Record<string, ActorRelation> = {
  a: 'agent',
  s: 'assignee',
  g: 'group_member',
  r: 'requester',
  c: 'customer_approver',
  p: 'project_manager',
  f: 'field_engineer',
  y: 'system',
};

const INCIDENT = `
  state        assign  take  start  pend  resume  resolve  reopen  close  auto_close  cancel
  new          apgs    ag    -      -     -       -        -       -      -           rap
  assigned     apgs    -     s      -     -       -        -       -      -           rap
  in_progress  apgs    -     -      s     -       sa       -       -      -           rap
  pending      -       -     -      -     say     sa       -       -      -           rap
  resolved     -       -     -      -     -       -        ras     ra     y           -
  closed       -       -     -      -     -       -        -       -      -           -
  cancelled    -       -     -      -     -       -        -       -      -           -
`;

/** Same roles as the incident; only its resolve fields and labels differ. */
const SERVICE_REQUEST = INCIDENT;

const CONSULTATION = `
  state     answer  reopen  close  auto_close
  new       ags     -       ra     -
  answered  -       ra      ra     y
  closed    -       -       -      -
`;

const WORK_ORDER = `
  state       dispatch  accept  reject  check_in  complete  sign_off  rework  close  cancel
  new         ap        -       -       -         -         -         -       -      ap
  dispatched  ap        s       s       -         -         -         -       -      ap
  accepted    -         -       s       sa        -         -         -       -      ap
  on_site     -         -       -       -         s         -         -       -      -
  work_done   -         -       -       -         -         rcs       rca     -      -
  signed_off  -         -       -       -         -         -         -       ap     -
  closed      -         -       -       -         -         -         -       -      -
  cancelled   -         -       -       -         -         -         -       -      -
`;

type Expected = 'ok' | 'not_allowed_from_state' | 'role_not_allowed';

function parse(table: string): { actions: string[]; rows: Map<string, Map<string, string>> } {
  const [header, ...lines] = table
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/));
  const actions = (header ?? []).slice(1);
  const rows = new Map<string, Map<string, string>>();
  for (const [state, ...cells] of lines)
    rows.set(state ?? '', new Map(actions.map((a, i) => [a, cells[i] ?? '?'])));
  return { actions, rows };
}

const NOW = 1_750_000_000_000;
/** Guards hold: reopen inside its window, auto-close after its delay. */
const contextFor = (action: string): LifecycleContext => ({
  now: NOW,
  resolvedAt: action === 'auto_close' ? NOW - 10 * DAY_MS : NOW - 60_000,
});
const VALID_INPUT = {
  assigneeId: 'user-2',
  pendingReason: 'customer',
  resolutionCode: 'fixed',
  resolutionText: '更换光模块后链路恢复',
  reopenReason: '故障复现',
  cancelReason: '客户撤回',
  answerText: '请在门户中重置密码',
  rejectReason: '当日无法到场',
  checkedInAt: NOW - 5 * 60_000,
  workSummary: '更换信号机电源板',
  signerName: '王工',
  reworkReason: '指示灯仍闪烁',
};

const cases: [string, LifecycleDefinition, string, Record<string, unknown>][] = [
  ['incident', DEFAULT_LIFECYCLES.incident, INCIDENT, VALID_INPUT],
  [
    'service_request',
    DEFAULT_LIFECYCLES.service_request,
    SERVICE_REQUEST,
    { ...VALID_INPUT, resolutionCode: 'fulfilled' },
  ],
  ['consultation', DEFAULT_LIFECYCLES.consultation, CONSULTATION, VALID_INPUT],
  ['work_order', DEFAULT_LIFECYCLES.work_order, WORK_ORDER, VALID_INPUT],
];

describe.each(cases)('%s lifecycle, every (state, action, role)', (_kind, def, table, input) => {
  const { actions, rows } = parse(table);

  it('the table names exactly the states and actions of the definition', () => {
    expect([...rows.keys()]).toEqual(def.states.map((s) => s.key));
    expect(actions).toEqual(def.transitions.map((t) => t.action));
  });

  const grid = def.states.flatMap((s) =>
    def.transitions.flatMap((t) =>
      ACTOR_RELATIONS.map((role): [string, string, ActorRelation, Expected] => {
        const cell = rows.get(s.key)?.get(t.action) ?? '?';
        const letters = [...cell].map((l) => LETTER[l]);
        const expected: Expected =
          cell === '-' ? 'not_allowed_from_state' : letters.includes(role) ? 'ok' : 'role_not_allowed';
        return [s.key, t.action, role, expected];
      }),
    ),
  );

  it.each(grid)('%s · %s · %s → %s', (state, action, role, expected) => {
    const context = contextFor(action);
    const result = applyTransition(def, state, action, [role], input, context);
    expect(result.ok ? 'ok' : result.error).toBe(expected);
    const offered = availableActions(def, state, [role], context).map((t) => t.action);
    expect(offered.includes(action)).toBe(expected === 'ok');
  });
});

describe('side effects on the SLA clocks and the assignee', () => {
  const { incident, work_order, consultation } = DEFAULT_LIFECYCLES;
  it.each<[string, LifecycleDefinition, string, string, ActorRelation, string, SideEffects]>([
    ['incident', incident, 'new', 'assign', 'agent', 'assigned', {}],
    ['incident', incident, 'assigned', 'assign', 'assignee', 'assigned', {}],
    [
      'incident',
      incident,
      'new',
      'take',
      'group_member',
      'in_progress',
      { meetsResponse: true, assignToActor: true },
    ],
    ['incident', incident, 'assigned', 'start', 'assignee', 'in_progress', { meetsResponse: true }],
    ['incident', incident, 'in_progress', 'pend', 'assignee', 'pending', { pauseSla: 'customer' }],
    ['incident', incident, 'pending', 'resume', 'system', 'in_progress', { resumeSla: true }],
    ['incident', incident, 'in_progress', 'resolve', 'assignee', 'resolved', { stopResolution: true }],
    ['incident', incident, 'pending', 'resolve', 'agent', 'resolved', { stopResolution: true }],
    ['incident', incident, 'resolved', 'reopen', 'requester', 'in_progress', { resumeResolution: true }],
    ['incident', incident, 'resolved', 'close', 'requester', 'closed', { stopSla: true }],
    ['incident', incident, 'resolved', 'auto_close', 'system', 'closed', { stopSla: true }],
    ['incident', incident, 'new', 'cancel', 'requester', 'cancelled', { stopSla: true }],
    ['incident', incident, 'pending', 'cancel', 'agent', 'cancelled', { stopSla: true }],
    [
      'consultation',
      consultation,
      'new',
      'answer',
      'agent',
      'answered',
      { meetsResponse: true, assignToActor: true, stopResolution: true },
    ],
    ['consultation', consultation, 'answered', 'reopen', 'requester', 'new', { resumeResolution: true }],
    ['consultation', consultation, 'new', 'close', 'requester', 'closed', { stopSla: true }],
    ['work_order', work_order, 'new', 'dispatch', 'agent', 'dispatched', {}],
    ['work_order', work_order, 'dispatched', 'accept', 'assignee', 'accepted', { meetsResponse: true }],
    ['work_order', work_order, 'dispatched', 'reject', 'assignee', 'new', {}],
    ['work_order', work_order, 'accepted', 'check_in', 'assignee', 'on_site', {}],
    ['work_order', work_order, 'on_site', 'complete', 'assignee', 'work_done', { stopResolution: true }],
    ['work_order', work_order, 'work_done', 'sign_off', 'requester', 'signed_off', {}],
    [
      'work_order',
      work_order,
      'work_done',
      'rework',
      'customer_approver',
      'accepted',
      { resumeResolution: true },
    ],
    ['work_order', work_order, 'signed_off', 'close', 'project_manager', 'closed', { stopSla: true }],
  ])('%s: %s · %s by %s → %s', (_kind, def, state, action, role, to, effects) => {
    const result = applyTransition(def, state, action, [role], VALID_INPUT, contextFor(action));
    expect(result).toMatchObject({ ok: true, from: state, to });
    if (result.ok) expect(result.sideEffects).toEqual(effects);
  });

  it('hands the pending reason to the pause', () => {
    for (const reason of ['customer', 'vendor', 'change']) {
      const r = applyTransition(
        incident,
        'in_progress',
        'pend',
        ['assignee'],
        { pendingReason: reason },
        contextFor('pend'),
      );
      expect(r.ok && r.sideEffects.pauseSla).toBe(reason);
    }
  });
});

describe('relations combine', () => {
  const { incident } = DEFAULT_LIFECYCLES;
  const ctx = contextFor('resolve');
  it('an engineer holding several relations gets the union of their actions', () => {
    const offered = (relations: ActorRelation[]) =>
      availableActions(incident, 'assigned', relations, ctx).map((t) => t.action);
    expect(offered(['group_member'])).toEqual(['assign']);
    expect(offered(['requester'])).toEqual(['cancel']);
    expect(offered(['agent', 'group_member', 'assignee'])).toEqual(['assign', 'start', 'cancel']);
  });
  it('a person with no relation to the ticket may do nothing', () => {
    for (const s of incident.states) expect(availableActions(incident, s.key, [], ctx)).toEqual([]);
    expect(applyTransition(incident, 'new', 'take', [], {}, ctx)).toMatchObject({
      ok: false,
      error: 'role_not_allowed',
      roles: ['agent', 'group_member'],
    });
  });
});
