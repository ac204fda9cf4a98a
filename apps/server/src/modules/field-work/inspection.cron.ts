import { formatDate, instant, instantToLocal, localToInstant, parseDate, weekdayOf } from '@opsdesk/domain';
import type { Instant } from '@opsdesk/domain';

/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week) for inspection plans,
 * expanded in the plan's time zone. Written here rather than taken from a library: plans need only
 * "the occurrences in [from, to)", the standard syntax (`*`, numbers, `a-b`, `a,b`, `/step`, month
 * and weekday names; 0 and 7 are Sunday) and the usual rule that when both day fields are
 * restricted either may match. A plan may fire at most once an hour: the minute field must be one
 * number (`cronProblem` says `cron_too_frequent` otherwise).
 */
export interface CronSpec {
  minute: number;
  hours: readonly number[];
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** ISO weekdays 1–7. */
  weekdays: ReadonlySet<number>;
  dayRestricted: boolean;
  weekdayRestricted: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function field(
  text: string,
  lo: number,
  hi: number,
  names: readonly string[] = [],
  nameBase = lo,
): number[] | null {
  const out = new Set<number>();
  const value = (s: string): number | null => {
    const i = names.indexOf(s.toLowerCase());
    if (i >= 0) return i + nameBase;
    if (!/^\d{1,2}$/.test(s)) return null;
    return Number(s);
  };
  for (const part of text.split(',')) {
    const m = /^([^/]+)(?:\/(\d{1,2}))?$/.exec(part);
    if (!m) return null;
    const step = m[2] === undefined ? 1 : Number(m[2]);
    if (step < 1) return null;
    let from: number | null;
    let to: number | null;
    if (m[1] === '*') [from, to] = [lo, hi];
    else if (m[1]!.includes('-')) {
      const [a = '', b = ''] = m[1]!.split('-');
      [from, to] = [value(a), value(b)];
    } else {
      from = value(m[1]!);
      to = m[2] === undefined ? from : hi;
    }
    if (from === null || to === null || from < lo || to > hi || from > to) return null;
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

export type CronProblem = 'invalid_cron' | 'cron_too_frequent';

/** The expression parsed, or why not. */
export function parseCron(
  expression: string,
): { ok: true; spec: CronSpec } | { ok: false; code: CronProblem } {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) return { ok: false, code: 'invalid_cron' };
  const [mi = '', h = '', dom = '', mon = '', dow = ''] = parts;
  const minutes = field(mi, 0, 59);
  const hours = field(h, 0, 23);
  const days = field(dom, 1, 31);
  const months = field(mon, 1, 12, MONTHS, 1);
  const weekdays = field(dow, 0, 7, DAYS, 0);
  if (!minutes || !hours || !days || !months || !weekdays) return { ok: false, code: 'invalid_cron' };
  if (minutes.length !== 1) return { ok: false, code: 'cron_too_frequent' };
  return {
    ok: true,
    spec: {
      minute: minutes[0]!,
      hours,
      days: new Set(days),
      months: new Set(months),
      weekdays: new Set(weekdays.map((d) => (d === 0 ? 7 : d))),
      dayRestricted: dom !== '*',
      weekdayRestricted: dow !== '*',
    },
  };
}

function dayMatches(spec: CronSpec, date: string): boolean {
  const [, m = 0, d = 0] = date.split('-').map(Number);
  if (!spec.months.has(m)) return false;
  const wd = weekdayOf(parseDate(date)!);
  const byDay = spec.days.has(d);
  const byWeekday = spec.weekdays.has(wd);
  if (spec.dayRestricted && spec.weekdayRestricted) return byDay || byWeekday;
  if (spec.dayRestricted) return byDay;
  if (spec.weekdayRestricted) return byWeekday;
  return true;
}

/**
 * The occurrences in `[from, to)`, in order, at most `limit` of them. A local time that does not
 * exist (a spring-forward gap) maps to the moment the clock jumps, as the calendars do; a time that
 * happens twice counts once.
 */
export function cronOccurrences(
  spec: CronSpec,
  from: Instant,
  to: Instant,
  timeZone: string,
  limit = 1000,
): Instant[] {
  const out: Instant[] = [];
  if (to <= from) return out;
  const first = parseDate(instantToLocal(timeZone, from).date)!;
  const last = parseDate(instantToLocal(timeZone, to).date)!;
  for (let day = first; day <= last && out.length < limit; day++) {
    const date = formatDate(day);
    if (!dayMatches(spec, date)) continue;
    for (const hour of spec.hours) {
      const time = `${String(hour).padStart(2, '0')}:${String(spec.minute).padStart(2, '0')}`;
      const at = localToInstant(timeZone, date, time);
      if (at < from || at >= to || out.includes(at)) continue;
      out.push(at);
      if (out.length >= limit) break;
    }
  }
  return out.sort((a, b) => a - b).map((t) => instant(t));
}
