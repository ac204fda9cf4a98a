import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * The roster's clock: Asia/Shanghai, UTC+8 all year since 1991 (decision 0101), so a fixed offset
 * needs no time-zone database. Shifts are instants; they are shown, laid out by day and entered in
 * Shanghai wall time whatever the browser's zone.
 */
export const SHANGHAI_OFFSET_MINUTES = 480;

/** An instant as Shanghai wall time. */
export function inShanghai(ts: string | number | Date): Dayjs {
  return dayjs(ts).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** Today's date in Shanghai, `YYYY-MM-DD`. */
export function shanghaiToday(now: number = Date.now()): string {
  return inShanghai(now).format('YYYY-MM-DD');
}

/** Midnight of a Shanghai date as an ISO instant. */
export function dayStart(date: string): string {
  return `${date}T00:00:00+08:00`;
}

/** Calendar arithmetic on `YYYY-MM-DD` (UTC-based, so the browser's DST never shifts a day). */
export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

/** The Monday of the week holding `date` (weeks start on Monday in China). */
export function weekStart(date: string): string {
  const d = dayjs.utc(date);
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
}

/** The first day of the 6-week grid that shows the month of `date`. */
export function monthGridStart(date: string): string {
  return weekStart(dayjs.utc(date).startOf('month').format('YYYY-MM-DD'));
}

/** The days `[from, from + count)`. */
export function daysFrom(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** Whether a shift `[startsAt, endsAt)` overlaps the Shanghai day `date`. */
export function overlapsDay(shift: { startsAt: string; endsAt: string }, date: string): boolean {
  return (
    Date.parse(shift.startsAt) < Date.parse(dayStart(addDays(date, 1))) &&
    Date.parse(shift.endsAt) > Date.parse(dayStart(date))
  );
}

/** `08:00–20:00`, with the date on a side that falls on another day (`20:00–06-02 08:00`). */
export function shiftTimes(shift: { startsAt: string; endsAt: string }, date: string): string {
  const s = inShanghai(shift.startsAt);
  const e = inShanghai(shift.endsAt);
  const side = (d: Dayjs) => (d.format('YYYY-MM-DD') === date ? d.format('HH:mm') : d.format('MM-DD HH:mm'));
  return `${side(s)}–${side(e)}`;
}

/** A picker's wall time (the browser's dayjs) read as Shanghai wall time → ISO instant. */
export function pickerToInstant(v: unknown): string | undefined {
  return dayjs.isDayjs(v) ? `${v.format('YYYY-MM-DDTHH:mm')}:00+08:00` : undefined;
}

/** An instant → a picker value showing its Shanghai wall time. */
export function instantToPicker(ts: string): Dayjs {
  return dayjs(inShanghai(ts).format('YYYY-MM-DDTHH:mm'));
}
