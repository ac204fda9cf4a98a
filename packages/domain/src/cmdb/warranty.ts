/**
 * Warranty windows for asset statistics and the daily reminder. Dates are `YYYY-MM-DD`
 * calendar days (the warranty ends at the end of that day).
 */
export const WARRANTY_BUCKETS = [30, 60, 90] as const;
export type WarrantyBucket = (typeof WARRANTY_BUCKETS)[number];

const dayNumber = (d: string) =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

/** Whole days from `today` to `end` (0 on the last day of the warranty, negative once past). */
export function daysBetween(today: string, end: string): number {
  return dayNumber(end) - dayNumber(today);
}

/**
 * The reminder bucket a warranty is in: 30 when it ends within 30 days (today included), 60
 * within 31–60 days, 90 within 61–90; null when it ended already or ends later.
 */
export function warrantyBucket(today: string, end: string | null): WarrantyBucket | null {
  if (!end) return null;
  const d = daysBetween(today, end);
  if (d < 0) return null;
  return WARRANTY_BUCKETS.find((b) => d <= b) ?? null;
}

/** `YYYY-MM-DD` of `day` plus `n` days. */
export function shiftDay(day: string, n: number): string {
  return new Date((dayNumber(day) + n) * 86_400_000).toISOString().slice(0, 10);
}

/** The calendar day of an instant in China (UTC+8, no daylight saving). */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
