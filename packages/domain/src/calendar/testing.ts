// Test support for calendar and SLA tests: fixtures and a seeded random source. Not exported from
// the package.
import type { HolidayYear } from './holidays.js';
import { instantToLocal, localToInstant } from './time-zone.js';
import type { Instant } from './units.js';

/**
 * 2026 from the `chinese-days` package (1.5.7, dist/chinese-days.json), as the server seeds it:
 * 元旦 1–3 Jan (make-up Sun 4 Jan), 春节 15–23 Feb (make-up Sat 14 and Sat 28 Feb), 清明 4–6 Apr,
 * 劳动节 1–5 May (make-up Sat 9 May), 端午 19–21 Jun, 中秋 25–27 Sep, 国庆 1–7 Oct (make-up Sun
 * 20 Sep and Sat 10 Oct).
 */
// prettier-ignore
export const CHINA_2026: HolidayYear = {
  year: 2026,
  holidays: [
    '2026-01-01', '2026-01-02', '2026-01-03',
    '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21',
    '2026-02-22', '2026-02-23',
    '2026-04-04', '2026-04-05', '2026-04-06',
    '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
    '2026-06-19', '2026-06-20', '2026-06-21',
    '2026-09-25', '2026-09-26', '2026-09-27',
    '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
  ],
  makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

/** `'YYYY-MM-DD HH:MM'` (optionally `:SS`) in a zone → instant. */
export function at(local: string, timeZone = 'Asia/Shanghai'): Instant {
  const [date = '', time = '00:00'] = local.split(' ');
  const [hm = '00:00', sec] = [time.slice(0, 5), time.slice(6)];
  return (localToInstant(timeZone, date, hm) + Number(sec || 0) * 1000) as Instant;
}

/** Instant → `'YYYY-MM-DD HH:MM'` in a zone (seconds shown only when not zero). */
export function show(t: number | null, timeZone = 'Asia/Shanghai'): string | null {
  if (t === null) return null;
  const l = instantToLocal(timeZone, t as Instant);
  const s = Math.floor((((t % 60_000) + 60_000) % 60_000) / 1000);
  return `${l.date} ${l.time}${s ? `:${String(s).padStart(2, '0')}` : ''}`;
}

/** mulberry32: a tiny seeded PRNG, so a failing property run can be replayed from its seed. */
export function prng(seed: number): {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
} {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, pick: (xs) => xs[int(0, xs.length - 1)] as (typeof xs)[number] };
}
