import dayjs from 'dayjs';

/** `2026-05-01 10:30` in the browser's time zone; the empty sign for none. */
export function formatDateTime(ts: string | null | undefined): string {
  return ts ? dayjs(ts).format('YYYY-MM-DD HH:mm') : '—';
}

/** Dates travel as `YYYY-MM-DD` strings (docs/architecture.md); show them as they are. */
export function formatDate(d: string | null | undefined): string {
  return d ?? '—';
}

/** `dayjs` → `YYYY-MM-DD` for a contract DateOnly field; null when empty. */
export function toDateOnly(v: unknown): string | null {
  return dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : null;
}

/** `YYYY-MM-DD` → dayjs for a DatePicker. */
export function fromDateOnly(v: string | null | undefined): dayjs.Dayjs | undefined {
  return v ? dayjs(v) : undefined;
}
