/**
 * Branded units of time. A plain number can be milliseconds, calendar minutes or business
 * minutes; the brand makes the compiler tell them apart. Build them with the constructors below
 * at a parse boundary (a request body, a database row), never with `as` elsewhere.
 */
declare const unit: unique symbol;

/** A moment in time: integer epoch milliseconds (UTC). */
export type Instant = number & { readonly [unit]: 'Instant' };

/**
 * Minutes of working time on a business calendar (an hour of lunch break or a night is not
 * counted). Whole minutes except where a function says otherwise.
 */
export type BusinessMinutes = number & { readonly [unit]: 'BusinessMinutes' };

/** Minutes of wall-clock time, working or not (a weekend is 2 880 of them). */
export type CalendarMinutes = number & { readonly [unit]: 'CalendarMinutes' };

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** An instant from epoch milliseconds. Throws on a non-integer or non-finite number. */
export function instant(epochMs: number): Instant {
  if (!Number.isSafeInteger(epochMs))
    throw new RangeError(`an instant is whole epoch milliseconds, got ${epochMs}`);
  return epochMs as Instant;
}

/** Business minutes from a number. Throws when negative or not finite; fractions are allowed. */
export function businessMinutes(minutes: number): BusinessMinutes {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`business minutes must be ≥ 0, got ${minutes}`);
  return minutes as BusinessMinutes;
}

/** Calendar (wall-clock) minutes from a number. Throws when negative or not finite. */
export function calendarMinutes(minutes: number): CalendarMinutes {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`calendar minutes must be ≥ 0, got ${minutes}`);
  return minutes as CalendarMinutes;
}

/** The start of the minute an instant falls in (floor, also for instants before 1970). */
export function floorToMinute(at: Instant): Instant {
  return (at - mod(at, MS_PER_MINUTE)) as Instant;
}

/** Euclidean remainder: always in [0, m). */
export function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}
