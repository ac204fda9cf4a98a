import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Runs `each` over `items` in slices of `slice`, giving the event loop a turn between slices: CPU
 * work over thousands of rows (hashing the audit chain, say) then never holds a node's requests
 * for longer than one slice takes. Stops early, with the index, when `each` answers `false`.
 */
export async function forEachInTurns<T>(
  items: readonly T[],
  each: (item: T, index: number) => boolean | void,
  slice = 100,
): Promise<number> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % slice === 0) await nextTurn();
    if (each(items[i]!, i) === false) return i;
  }
  return items.length;
}
