import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { DatePicker } from 'antd';

/** Several dates (`YYYY-MM-DD` strings in the form) picked on one calendar. */
export function DatesPicker(props: {
  id?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  disabled?: boolean;
  'aria-label'?: string;
}) {
  const value = (props.value ?? []).map((d) => dayjs(d));
  return (
    <DatePicker
      id={props.id}
      aria-label={props['aria-label']}
      multiple
      value={value}
      disabled={props.disabled}
      onChange={(v: Dayjs[] | null) => props.onChange?.((v ?? []).map((d) => d.format('YYYY-MM-DD')).sort())}
      maxTagCount="responsive"
      style={{ width: '100%' }}
    />
  );
}

/** One date as a `YYYY-MM-DD` string in the form. */
export function DateOnlyPicker(props: {
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  'aria-label'?: string;
}) {
  return (
    <DatePicker
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value ? dayjs(props.value) : null}
      onChange={(d: Dayjs | null) => props.onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
    />
  );
}
