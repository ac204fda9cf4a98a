import { Select } from 'antd';
import { CI_CATEGORIES } from '@opsdesk/contracts';
import { useCiTypes } from '../../ci-types/api/useCiTypes';
import { useCmdbLabels } from '../labels';

/** A CI type, grouped by category; searchable by its name in either language or its key. */
export function CiTypeSelect(props: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  'aria-label'?: string;
}) {
  const labels = useCmdbLabels();
  const { types, query } = useCiTypes();
  const options = CI_CATEGORIES.map((c) => ({
    label: labels.category(c),
    title: labels.category(c),
    options: types
      .filter((t) => t.category === c)
      .map((t) => ({
        value: t.id,
        label: labels.type(t),
        search: `${t.label['zh-CN']} ${t.label.en} ${t.key}`.toLowerCase(),
      })),
  })).filter((g) => g.options.length > 0);
  return (
    <Select
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value ?? undefined}
      onChange={(v: string | undefined) => props.onChange?.(v)}
      options={options}
      placeholder={props.placeholder}
      disabled={props.disabled}
      allowClear={props.allowClear ?? true}
      loading={query.isPending}
      showSearch={{
        filterOption: (input, option) =>
          String((option as { search?: string } | undefined)?.search ?? '').includes(
            input.trim().toLowerCase(),
          ),
      }}
      style={{ width: '100%' }}
    />
  );
}
