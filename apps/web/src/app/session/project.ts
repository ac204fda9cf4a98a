import { useSyncExternalStore } from 'react';

/**
 * The project chosen in the header, for the modules that work inside one project (service desk,
 * work orders…). Kept in localStorage so it survives reloads and is shared by tabs.
 */
const KEY = 'opsdesk.project';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setCurrentProjectId(id: string | null): void {
  try {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  } catch {
    // storage blocked: the choice is lost on reload, nothing else breaks
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useCurrentProjectId(): string | null {
  return useSyncExternalStore(subscribe, read, () => null);
}
