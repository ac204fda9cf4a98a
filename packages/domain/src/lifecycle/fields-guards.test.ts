import { describe, expect, it } from 'vitest';
import { applyTransition, availableActions, dueForAutoClose, withinReopenWindow } from './engine.js';
import { CONSULTATION_LIFECYCLE, INCIDENT_LIFECYCLE, SERVICE_REQUEST_LIFECYCLE } from './tickets.js';
import { WORK_ORDER_LIFECYCLE } from './work-order.js';

const DAY_MS = 86_400_000;

const NOW = 1_750_000_000_000;
const HOUR = 3_600_000;
const ctx = { now: NOW, resolvedAt: NOW - HOUR };

describe('required fields (400 naming the field)', () => {
  const resolve = (input: Record<string, unknown>) =>
    applyTransition(INCIDENT_LIFECYCLE, 'in_progress', 'resolve', ['assignee'], input, ctx);
  const codes = ['fixed', 'workaround', 'replaced', 'no_fault_found', 'user_guidance', 'duplicate'];

  it.each<[string, Record<string, unknown>, unknown[]]>([
    [
      'nothing',
      {},
      [
        { field: 'resolutionCode', problem: 'missing', allowed: codes },
        { field: 'resolutionText', problem: 'missing' },
      ],
    ],
    ['no text', { resolutionCode: 'fixed' }, [{ field: 'resolutionText', problem: 'missing' }]],
    [
      'blank text',
      { resolutionCode: 'fixed', resolutionText: '  \n ' },
      [{ field: 'resolutionText', problem: 'missing' }],
    ],
    [
      'null text',
      { resolutionCode: 'fixed', resolutionText: null },
      [{ field: 'resolutionText', problem: 'missing' }],
    ],
    [
      'text not a string',
      { resolutionCode: 'fixed', resolutionText: 42 },
      [{ field: 'resolutionText', problem: 'invalid' }],
    ],
    [
      'unknown code',
      { resolutionCode: 'magic', resolutionText: 'x' },
      [{ field: 'resolutionCode', problem: 'invalid', allowed: codes }],
    ],
    [
      'code in the wrong case',
      { resolutionCode: 'FIXED', resolutionText: 'x' },
      [{ field: 'resolutionCode', problem: 'invalid', allowed: codes }],
    ],
  ])('resolve with %s', (_n, input, fields) => {
    expect(resolve(input)).toEqual({ ok: false, error: 'missing_fields', action: 'resolve', fields });
  });

  it('returns the checked values, trimmed, and ignores other input', () => {
    const r = resolve({
      resolutionCode: 'workaround',
      resolutionText: '  重启交换机  ',
      comment: 'kept by the caller',
    });
    expect(r).toMatchObject({
      ok: true,
      values: { resolutionCode: 'workaround', resolutionText: '重启交换机' },
    });
    expect(r.ok && Object.keys(r.values)).toEqual(['resolutionCode', 'resolutionText']);
  });

  it('a service request has its own resolution codes', () => {
    const r = applyTransition(
      SERVICE_REQUEST_LIFECYCLE,
      'in_progress',
      'resolve',
      ['assignee'],
      { resolutionCode: 'fixed', resolutionText: 'x' },
      ctx,
    );
    expect(r).toMatchObject({
      ok: false,
      error: 'missing_fields',
      fields: [
        {
          field: 'resolutionCode',
          problem: 'invalid',
          allowed: ['fulfilled', 'partially_fulfilled', 'out_of_scope'],
        },
      ],
    });
  });

  it.each([
    ['customer', true],
    ['vendor', true],
    ['change', true],
    ['weather', false],
    ['', false],
  ])('pend because of %j → %s', (pendingReason, ok) => {
    const r = applyTransition(
      INCIDENT_LIFECYCLE,
      'in_progress',
      'pend',
      ['assignee'],
      { pendingReason },
      ctx,
    );
    expect(r.ok).toBe(ok);
    if (!r.ok)
      expect(r).toMatchObject({
        error: 'missing_fields',
        fields: [{ field: 'pendingReason', allowed: ['customer', 'vendor', 'change'] }],
      });
  });

  it.each<[unknown, boolean]>([
    [NOW, true],
    [0, true],
    [NOW + 0.5, false],
    [-1, false],
    ['2025-06-15T08:00:00Z', false],
    [Number.NaN, false],
  ])('check in at %j → %s', (checkedInAt, ok) => {
    const r = applyTransition(
      WORK_ORDER_LIFECYCLE,
      'accepted',
      'check_in',
      ['assignee'],
      { checkedInAt },
      ctx,
    );
    expect(r.ok).toBe(ok);
  });

  it.each([
    ['assign', 'assigneeId', INCIDENT_LIFECYCLE, 'new'],
    ['cancel', 'cancelReason', INCIDENT_LIFECYCLE, 'new'],
    ['reopen', 'reopenReason', INCIDENT_LIFECYCLE, 'resolved'],
    ['answer', 'answerText', CONSULTATION_LIFECYCLE, 'new'],
    ['dispatch', 'assigneeId', WORK_ORDER_LIFECYCLE, 'new'],
    ['reject', 'rejectReason', WORK_ORDER_LIFECYCLE, 'dispatched'],
    ['complete', 'workSummary', WORK_ORDER_LIFECYCLE, 'on_site'],
    ['sign_off', 'signerName', WORK_ORDER_LIFECYCLE, 'work_done'],
    ['rework', 'reworkReason', WORK_ORDER_LIFECYCLE, 'work_done'],
  ])('%s needs %s', (action, field, def, state) => {
    const relations = ['agent', 'assignee', 'requester', 'project_manager'] as const;
    expect(applyTransition(def, state, action, relations, {}, ctx)).toEqual({
      ok: false,
      error: 'missing_fields',
      action,
      fields: [{ field, problem: 'missing' }],
    });
  });

  it('checks the role before the fields, and the guards before the fields', () => {
    expect(
      applyTransition(INCIDENT_LIFECYCLE, 'in_progress', 'resolve', ['requester'], {}, ctx),
    ).toMatchObject({ error: 'role_not_allowed', roles: ['assignee', 'agent'] });
    const late = { now: NOW, resolvedAt: NOW - 30 * DAY_MS };
    expect(applyTransition(INCIDENT_LIFECYCLE, 'resolved', 'reopen', ['requester'], {}, late)).toMatchObject({
      error: 'guard_failed',
      guard: 'withinReopenWindow',
    });
  });
});

describe('reopen window (default 3 calendar days, configurable)', () => {
  const reopen = (resolvedAt: number | null, def = INCIDENT_LIFECYCLE) =>
    applyTransition(
      def,
      'resolved',
      'reopen',
      ['requester'],
      { reopenReason: '又断了' },
      { now: NOW, resolvedAt },
    );

  it.each<[string, boolean, number | null]>([
    ['just resolved', true, NOW],
    ['an hour ago', true, NOW - HOUR],
    ['one millisecond before the window ends', true, NOW - 3 * DAY_MS + 1],
    ['exactly when the window ends', false, NOW - 3 * DAY_MS],
    ['a month ago', false, NOW - 30 * DAY_MS],
    ['never resolved (no time known)', false, null],
  ])('resolved %s → reopen allowed: %s', (_n, ok, resolvedAt) => {
    const r = reopen(resolvedAt);
    expect(r.ok ? 'ok' : r).toEqual(
      ok ? 'ok' : { ok: false, error: 'guard_failed', action: 'reopen', guard: 'withinReopenWindow' },
    );
  });

  it('follows the definition: a 7-day window accepts day 5 and refuses day 7', () => {
    const week = { ...INCIDENT_LIFECYCLE, reopenWindowDays: 7 };
    expect(reopen(NOW - 5 * DAY_MS, week).ok).toBe(true);
    expect(reopen(NOW - 7 * DAY_MS, week).ok).toBe(false);
  });

  it('no window (null) means no reopening', () => {
    expect(reopen(NOW - HOUR, { ...INCIDENT_LIFECYCLE, reopenWindowDays: null }).ok).toBe(false);
  });

  it('after the window the requester is offered only to close, and the 409 says so', () => {
    const late = { now: NOW, resolvedAt: NOW - 4 * DAY_MS };
    expect(
      availableActions(INCIDENT_LIFECYCLE, 'resolved', ['requester'], late).map((t) => t.action),
    ).toEqual(['close']);
    expect(applyTransition(INCIDENT_LIFECYCLE, 'resolved', 'resolve', ['requester'], {}, late)).toEqual({
      ok: false,
      error: 'not_allowed_from_state',
      action: 'resolve',
      state: 'resolved',
      allowed: ['close'],
    });
  });
});

describe('auto-close (default 3 calendar days after resolving)', () => {
  it.each<[number, number, number, boolean]>([
    [0, 3 * DAY_MS - 1, 3, false],
    [0, 3 * DAY_MS, 3, true],
    [0, 10 * DAY_MS, 3, true],
    [5 * DAY_MS, 7 * DAY_MS, 3, false],
    [0, 0, 0, true],
    [DAY_MS, 0, 1, false],
    [0, 12 * HOUR, 0.5, true],
  ])('resolved at %d, now %d, after %d days → %s', (resolvedAt, now, days, due) => {
    expect(dueForAutoClose(resolvedAt, now, days)).toBe(due);
  });

  it('partitions time with the reopen window of the same length', () => {
    for (const now of [0, 3 * DAY_MS - 1, 3 * DAY_MS, 3 * DAY_MS + 1]) {
      expect(withinReopenWindow(0, now, 3)).toBe(!dueForAutoClose(0, now, 3));
    }
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d days as a programming error', (days) => {
    expect(() => dueForAutoClose(0, 0, days)).toThrow(RangeError);
    expect(() => withinReopenWindow(0, 0, days)).toThrow(RangeError);
  });

  it('the system closes only when due', () => {
    const at = (resolvedAt: number) =>
      applyTransition(INCIDENT_LIFECYCLE, 'resolved', 'auto_close', ['system'], {}, { now: NOW, resolvedAt });
    expect(at(NOW - 3 * DAY_MS + 1)).toMatchObject({
      ok: false,
      error: 'guard_failed',
      guard: 'autoCloseDue',
    });
    expect(at(NOW - 3 * DAY_MS)).toMatchObject({ ok: true, to: 'closed' });
    const never = { ...INCIDENT_LIFECYCLE, autoCloseAfterDays: null };
    expect(
      applyTransition(never, 'resolved', 'auto_close', ['system'], {}, { now: NOW, resolvedAt: 0 }).ok,
    ).toBe(false);
  });
});

describe('unknown actions and states', () => {
  it('an unknown action is refused with the actions the actor could take', () => {
    expect(applyTransition(INCIDENT_LIFECYCLE, 'new', 'explode', ['agent'], {}, ctx)).toEqual({
      ok: false,
      error: 'unknown_action',
      action: 'explode',
      allowed: ['assign', 'take', 'cancel'],
    });
  });
  it('an action from the wrong state lists the allowed ones', () => {
    expect(applyTransition(INCIDENT_LIFECYCLE, 'closed', 'reopen', ['agent'], {}, ctx)).toEqual({
      ok: false,
      error: 'not_allowed_from_state',
      action: 'reopen',
      state: 'closed',
      allowed: [],
    });
  });
  it('a ticket in a state its lifecycle does not know is corrupt data: thrown', () => {
    expect(() => applyTransition(INCIDENT_LIFECYCLE, 'limbo', 'close', ['agent'], {}, ctx)).toThrow(
      /unknown state "limbo"/,
    );
    expect(() => availableActions(INCIDENT_LIFECYCLE, 'limbo', ['agent'], ctx)).toThrow();
  });
});
