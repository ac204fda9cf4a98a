/**
 * The delivery lifecycle of a service project (服务交付工作流程和规范): 项目启动 start → 项目实施
 * implementation → 项目收尾 closing → closed, or renewed (续签). A project that has not been
 * started has no phase (null).
 */
export const PROJECT_PHASES = ['start', 'implementation', 'closing', 'closed', 'renewed'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

/** The actions that move a project between phases; each is `POST /projects/:id/lifecycle/:action`. */
export const PHASE_ACTIONS = ['start', 'implement', 'begin_closing', 'close', 'renew'] as const;
export type PhaseAction = (typeof PHASE_ACTIONS)[number];

const TRANSITIONS: Readonly<
  Record<PhaseAction, { from: readonly (ProjectPhase | null)[]; to: ProjectPhase }>
> = {
  start: { from: [null], to: 'start' },
  implement: { from: ['start'], to: 'implementation' },
  // Closing normally begins by itself two weeks before the end date (a job); a manager may begin it earlier.
  begin_closing: { from: ['implementation'], to: 'closing' },
  close: { from: ['closing'], to: 'closed' },
  renew: { from: ['closing'], to: 'renewed' },
};

export type PhaseTransitionResult =
  | { ok: true; from: ProjectPhase | null; to: ProjectPhase }
  | { ok: false; error: 'not_allowed_from_phase'; allowed: PhaseAction[] }
  | { ok: false; error: 'missing_dates'; fields: ('startDate' | 'endDate')[] };

/** The actions possible from `phase`. */
export function allowedPhaseActions(phase: ProjectPhase | null): PhaseAction[] {
  return PHASE_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(phase));
}

/**
 * Where `action` takes a project in `phase`. Starting needs the service period (both dates): the
 * start checklist is due from the start date and the monthly items run until the end date.
 */
export function phaseTransition(
  phase: ProjectPhase | null,
  action: PhaseAction,
  dates: { startDate: string | null; endDate: string | null },
): PhaseTransitionResult {
  const t = TRANSITIONS[action];
  if (!t.from.includes(phase))
    return { ok: false, error: 'not_allowed_from_phase', allowed: allowedPhaseActions(phase) };
  if (action === 'start') {
    const fields = [
      ...(dates.startDate ? [] : ['startDate' as const]),
      ...(dates.endDate ? [] : ['endDate' as const]),
    ];
    if (fields.length) return { ok: false, error: 'missing_dates', fields };
  }
  return { ok: true, from: phase, to: t.to };
}

/** The project status that goes with a phase: running phases are active, the last two closed. */
export function statusForPhase(phase: ProjectPhase): 'active' | 'closed' {
  return phase === 'closed' || phase === 'renewed' ? 'closed' : 'active';
}
