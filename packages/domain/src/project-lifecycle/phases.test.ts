import { describe, expect, it } from 'vitest';
import { allowedPhaseActions, phaseTransition, statusForPhase } from './phases.js';
import type { PhaseAction, ProjectPhase } from './phases.js';

const dates = { startDate: '2026-01-01', endDate: '2026-12-31' };

describe('project phases: start → implementation → closing → closed | renewed', () => {
  it.each<[ProjectPhase | null, PhaseAction, ProjectPhase]>([
    [null, 'start', 'start'],
    ['start', 'implement', 'implementation'],
    ['implementation', 'begin_closing', 'closing'],
    ['closing', 'close', 'closed'],
    ['closing', 'renew', 'renewed'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(phaseTransition(from, action, dates)).toEqual({ ok: true, from, to });
  });

  it.each<[ProjectPhase | null, PhaseAction, PhaseAction[]]>([
    [null, 'implement', ['start']],
    ['start', 'start', ['implement']],
    ['start', 'close', ['implement']],
    ['implementation', 'renew', ['begin_closing']],
    ['closing', 'begin_closing', ['close', 'renew']],
    ['closed', 'renew', []],
    ['renewed', 'start', []],
  ])('refuses %s --%s-->, offering %j', (from, action, allowed) => {
    expect(phaseTransition(from, action, dates)).toEqual({
      ok: false,
      error: 'not_allowed_from_phase',
      allowed,
    });
  });

  it('needs the service period to start', () => {
    expect(phaseTransition(null, 'start', { startDate: null, endDate: null })).toEqual({
      ok: false,
      error: 'missing_dates',
      fields: ['startDate', 'endDate'],
    });
    expect(phaseTransition(null, 'start', { startDate: '2026-01-01', endDate: null })).toEqual({
      ok: false,
      error: 'missing_dates',
      fields: ['endDate'],
    });
  });

  it('lists the actions of each phase and the status that goes with it', () => {
    expect(allowedPhaseActions(null)).toEqual(['start']);
    expect(allowedPhaseActions('closing')).toEqual(['close', 'renew']);
    expect(
      (['start', 'implementation', 'closing', 'closed', 'renewed'] as const).map(statusForPhase),
    ).toEqual(['active', 'active', 'active', 'closed', 'closed']);
  });
});
