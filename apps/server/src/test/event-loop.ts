/**
 * The longest stretch the event loop was held while `work` ran: the widest gap between two turns
 * of a ticker that asks for a turn after each one. The ticker is given one more turn after `work`
 * settles, so a stretch that ends in `work`'s last step is measured too.
 */
export async function longestHold<T>(work: () => Promise<T>): Promise<{ result: T; held: number }> {
  let held = 0;
  let last = performance.now();
  let on = true;
  const tick = () => {
    const now = performance.now();
    held = Math.max(held, now - last);
    last = now;
    if (on) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    const result = await work();
    await new Promise((r) => setImmediate(r));
    return { result, held };
  } finally {
    on = false;
  }
}
