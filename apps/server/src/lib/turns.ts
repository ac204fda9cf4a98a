import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Runs `each` over `items` (an array, or a generator that does its work as it is read) in slices
 * of `slice`, giving the event loop a turn between slices: CPU work over thousands of rows
 * (hashing the audit chain, parsing an uploaded sheet) then never holds a node's requests for
 * longer than one slice takes. Stops early, with the index, when `each` answers `false`.
 */
export async function forEachInTurns<T>(
  items: Iterable<T>,
  each: (item: T, index: number) => boolean | void,
  slice = 100,
): Promise<number> {
  let i = 0;
  for (const item of items) {
    if (i > 0 && i % slice === 0) await nextTurn();
    if (each(item, i) === false) return i;
    i++;
  }
  return i;
}
