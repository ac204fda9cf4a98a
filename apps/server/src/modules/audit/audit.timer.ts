import type pg from 'pg';
import { sealPending } from './audit.sealer.js';

/**
 * Every node runs this timer; the sealer's advisory lock lets one seal at a time, so the chain
 * is built exactly once. Rows are sealed within `intervalMs` of being written.
 */
export function startAuditSealer(
  pool: pg.Pool,
  intervalMs: number,
  log: (msg: string, err?: unknown) => void,
) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      while ((await sealPending(pool)) > 0) {
        /* keep sealing until caught up */
      }
    } catch (err) {
      log('audit sealer failed', err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    /** Stops the timer and seals what is left. */
    async stop() {
      clearInterval(timer);
      while (running) await new Promise((r) => setTimeout(r, 20));
      await tick();
    },
  };
}
