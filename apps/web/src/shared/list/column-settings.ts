import { useCallback, useState } from 'react';
import type { ListColumn } from './types';

type Visibility = Record<string, boolean>;

function storageKey(listKey: string) {
  return `opsdesk.columns.${listKey}`;
}

function load(listKey: string): Visibility {
  try {
    const raw = localStorage.getItem(storageKey(listKey));
    const v: unknown = raw ? JSON.parse(raw) : {};
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
    return Object.fromEntries(
      Object.entries(v).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'),
    );
  } catch {
    return {};
  }
}

export function isVisible<T>(col: ListColumn<T>, visibility: Visibility): boolean {
  if (col.alwaysVisible) return true;
  return visibility[col.key] ?? !col.defaultHidden;
}

/** Which columns the user shows, per list, remembered in localStorage. */
export function useColumnVisibility(listKey: string) {
  const [visibility, setVisibility] = useState<Visibility>(() => load(listKey));
  const save = useCallback(
    (next: Visibility) => {
      setVisibility(next);
      try {
        if (Object.keys(next).length) localStorage.setItem(storageKey(listKey), JSON.stringify(next));
        else localStorage.removeItem(storageKey(listKey));
      } catch {
        // not remembered; still applies to this page
      }
    },
    [listKey],
  );
  const setVisible = useCallback(
    (key: string, visible: boolean) => save({ ...visibility, [key]: visible }),
    [save, visibility],
  );
  const reset = useCallback(() => save({}), [save]);
  return { visibility, setVisible, reset };
}
