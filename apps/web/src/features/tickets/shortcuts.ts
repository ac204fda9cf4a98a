import { useEffect, useRef } from 'react';

/** The ticket page's keys: r reply, n internal note, a assign, ? this help. */
export type ShortcutAction = 'reply' | 'note' | 'assign' | 'help';

const KEYS: Record<string, ShortcutAction> = { r: 'reply', n: 'note', a: 'assign', '?': 'help' };

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  target: EventTarget | null;
}

/** Whether the key goes to something the user types in (inputs, selects, editors) or an open dialog. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  if (el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  if (el.closest('[role="textbox"], [role="combobox"], [role="dialog"], [role="listbox"], [role="menu"]'))
    return true;
  return false;
}

/** The action of a key press, or null: plain keys only (no Ctrl/⌘/Alt, no IME), never while typing. */
export function shortcutFor(e: KeyLike): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.defaultPrevented) return null;
  if (isTypingTarget(e.target)) return null;
  return e.key.length === 1 ? (KEYS[e.key.toLowerCase()] ?? null) : null;
}

/** Listens on the document while mounted; the handlers may change on every render. */
export function useShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>, enabled = true): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e);
      const run = action ? ref.current[action] : undefined;
      if (!run) return;
      e.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
