import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/** A time range kept in one URL value, `fromISO~toISO`. */
export function parseRange(value: string | undefined): [dayjs.Dayjs, dayjs.Dayjs] | null {
  const [from, to] = value?.split('~') ?? [];
  if (!from || !to) return null;
  const a = dayjs(from);
  const b = dayjs(to);
  return a.isValid() && b.isValid() ? [a, b] : null;
}

export function rangeToQuery(value: string): Record<string, string> {
  const r = parseRange(value);
  return r ? { from: r[0].toISOString(), to: r[1].toISOString() } : {};
}

export function TimeRangeFilter({
  value,
  onChange,
  label,
}: {
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  label: string;
}) {
  return (
    <DatePicker.RangePicker
      aria-label={label}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      value={parseRange(value)}
      onChange={(r) => {
        const [a, b] = r ?? [];
        onChange(
          a && b
            ? `${a.second(0).millisecond(0).toISOString()}~${b.second(59).millisecond(999).toISOString()}`
            : undefined,
        );
      }}
      style={{ width: '100%' }}
    />
  );
}
