import type { CalendarDefinition, Instant } from '../calendar/index.js';
import { addBusinessMinutes, businessMinutes, floorToMinute } from '../calendar/index.js';
import type { LocalisedText } from '../lifecycle/types.js';
import type { SlaClock } from '../sla/index.js';

/**
 * A project's on-site arrival target (现场限时服务) for one service area: an engineer dispatched to a
 * site in that area must arrive within `minutes` business minutes of the project's calendar — on a
 * 7×24 calendar plain minutes, on 5×8 the night does not count.
 */
export interface ArrivalTarget {
  /** `^[a-z][a-z0-9_]*$`, unique in the project: `city`, `suburb`, `county`, … */
  areaKey: string;
  label: LocalisedText;
  /** Positive whole business minutes. */
  minutes: number;
  /** Used for a site without an area or with an area the project has no target for; at most one. */
  isDefault?: boolean;
}

/** An example the project form starts from: 2 hours in the city, 4 in the suburbs and counties. */
export const EXAMPLE_ARRIVAL_TARGETS: readonly ArrivalTarget[] = Object.freeze([
  Object.freeze({ areaKey: 'city', label: { 'zh-CN': '市区', en: 'City' }, minutes: 120, isDefault: true }),
  Object.freeze({
    areaKey: 'suburb',
    label: { 'zh-CN': '郊区及区县', en: 'Suburbs and counties' },
    minutes: 240,
  }),
]);

export type ArrivalTargetProblemCode =
  'invalid_key' | 'duplicate_area' | 'required' | 'invalid_minutes' | 'several_defaults';

/** One problem of a project's targets; `path` is dotted: `2.minutes`, `0.label.en`. */
export interface ArrivalTargetProblem {
  path: string;
  code: ArrivalTargetProblemCode;
}

const KEY_RE = /^[a-z][a-z0-9_]{0,63}$/;

/** Every problem of a project's arrival targets; empty when usable (an empty list is usable: no targets). */
export function validateArrivalTargets(targets: readonly ArrivalTarget[]): ArrivalTargetProblem[] {
  const problems: ArrivalTargetProblem[] = [];
  const seen = new Set<string>();
  let defaults = 0;
  targets.forEach((t, i) => {
    if (typeof t.areaKey !== 'string' || !KEY_RE.test(t.areaKey))
      problems.push({ path: `${i}.areaKey`, code: 'invalid_key' });
    else if (seen.has(t.areaKey)) problems.push({ path: `${i}.areaKey`, code: 'duplicate_area' });
    seen.add(t.areaKey);
    for (const lang of ['zh-CN', 'en'] as const) {
      const v: unknown = t.label?.[lang];
      if (typeof v !== 'string' || v.trim() === '')
        problems.push({ path: `${i}.label.${lang}`, code: 'required' });
    }
    if (!Number.isSafeInteger(t.minutes) || t.minutes <= 0)
      problems.push({ path: `${i}.minutes`, code: 'invalid_minutes' });
    if (t.isDefault === true && ++defaults > 1)
      problems.push({ path: `${i}.isDefault`, code: 'several_defaults' });
  });
  return problems;
}

/** The target for a site's area: the area's own, else the default one, else null (no arrival clock). */
export function arrivalTargetFor(
  targets: readonly ArrivalTarget[],
  areaKey: string | null,
): ArrivalTarget | null {
  return (
    targets.find((t) => areaKey !== null && t.areaKey === areaKey) ??
    targets.find((t) => t.isDefault === true) ??
    null
  );
}

/**
 * The arrival clock of a work order: the SLA engine's clock with the target's minutes, started at
 * `from`. The work order service starts it at `dispatch` and stops it at `check_in` (the work
 * order lifecycle's arrival), so pauses, thresholds and escalation work as for any SLA clock.
 */
export function arrivalClock(target: ArrivalTarget, from: Instant): SlaClock {
  return { targetMinutes: businessMinutes(target.minutes), events: [{ type: 'start', at: from }] };
}

export type ArrivalDue =
  { ok: true; target: ArrivalTarget; dueAt: Instant } | { ok: false; code: 'no_target' };

/**
 * When an engineer dispatched at `from` to a site in `areaKey` must be on site: `from` cut to its
 * minute (as SLA clocks count, see `SlaClock`) plus the target's business minutes on `calendar`, so
 * it equals `dueAt(arrivalClock(...))` of an unpaused clock. Dispatched out of hours on 5×8, the
 * count starts at the next working moment. `no_target` when the project has no target for the area
 * and no default.
 */
export function arrivalDueAt(
  targets: readonly ArrivalTarget[],
  areaKey: string | null,
  calendar: CalendarDefinition,
  from: Instant,
): ArrivalDue {
  const target = arrivalTargetFor(targets, areaKey);
  if (!target) return { ok: false, code: 'no_target' };
  return {
    ok: true,
    target,
    dueAt: addBusinessMinutes(calendar, floorToMinute(from), businessMinutes(target.minutes)),
  };
}
