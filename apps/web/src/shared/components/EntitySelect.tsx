import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';

export interface EntityOption {
  value: string;
  label: string;
}

export interface EntitySelectProps<T> {
  /** Cache key of this kind of object, e.g. `['customers']`; mutations of the kind invalidate it. */
  queryKey: readonly unknown[];
  /** Search by text (`?q=`), first page only: the user narrows by typing. */
  search: (q: string, signal?: AbortSignal) => Promise<T[]>;
  /** Loads the chosen object when it is not among the results (a value from the URL or the record). */
  fetchOne?: (id: string, signal?: AbortSignal) => Promise<T>;
  toOption: (item: T) => EntityOption;
  /** Options known without a request (the record's current members). */
  knownOptions?: EntityOption[];
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined, items: T[]) => void;
  multiple?: boolean;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  id?: string;
  'aria-label'?: string;
}

function useDebounced(value: string, ms: number): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/** A Select that searches the API as the user types; used for every "pick a customer/user/…" field. */
export function EntitySelect<T>(props: EntitySelectProps<T>) {
  const [text, setText] = useState('');
  // Search once the user opens the list: a page of filters should not fire a request per picker.
  const [opened, setOpened] = useState(false);
  const q = useDebounced(text.trim(), 250);
  const results = useQuery({
    queryKey: [...props.queryKey, 'options', q],
    queryFn: ({ signal }) => props.search(q, signal),
    staleTime: 30_000,
    enabled: opened,
  });
  const items = results.data ?? [];
  const options = items.map(props.toOption);
  const known = new Map<string, EntityOption>();
  for (const o of props.knownOptions ?? []) known.set(o.value, o);
  for (const o of options) known.set(o.value, o);

  const selected = props.value == null ? [] : Array.isArray(props.value) ? props.value : [props.value];
  const missing = props.fetchOne ? selected.find((id) => !known.has(id)) : undefined;
  const one = useQuery({
    queryKey: [...props.queryKey, 'one', missing],
    queryFn: ({ signal }) => props.fetchOne!(missing!, signal),
    enabled: missing !== undefined,
    staleTime: 60_000,
  });
  if (one.data) {
    const o = props.toOption(one.data);
    if (!known.has(o.value)) known.set(o.value, o);
  }
  const all = [...known.values()];

  const itemsFor = (ids: string[]): T[] => {
    const pool = one.data ? [...items, one.data] : items;
    return ids
      .map((id) => pool.find((i) => props.toOption(i).value === id))
      .filter((i): i is T => i !== undefined);
  };

  return (
    <Select<string | string[]>
      id={props.id}
      aria-label={props['aria-label']}
      mode={props.multiple ? 'multiple' : undefined}
      value={props.value ?? undefined}
      placeholder={props.placeholder}
      disabled={props.disabled}
      allowClear={props.allowClear ?? true}
      options={all}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onOpenChange={(open) => {
        if (open) setOpened(true);
      }}
      onChange={(v) => {
        const ids = v == null ? [] : Array.isArray(v) ? v : [v];
        props.onChange?.(v ?? undefined, itemsFor(ids));
        setText('');
      }}
      notFoundContent={results.isFetching ? <Spin size="small" /> : undefined}
      loading={results.isFetching}
      style={{ width: '100%' }}
    />
  );
}
