import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Bench } from './types.js';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'apps/server/bin/opsdesk.mjs');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Milliseconds from spawning `opsdesk start` to its first answered request. */
async function oneStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, 'start', '--port', String(port)], {
    env: { ...process.env, OPSDESK_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  let ms = NaN;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/setup`);
      if (res.ok) {
        ms = performance.now() - t0;
        break;
      }
    } catch {
      /* not listening yet */
    }
    if (child.exitCode !== null) throw new Error('opsdesk exited during start');
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return ms;
}

export const coldStart: Bench = {
  name: 'cold-start',
  async run() {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-bench-'));
    await chmod(tmp, 0o711);
    const dataDir = path.join(tmp, 'data');
    try {
      // An existing embedded database: initialised and migrated once, before timing.
      const init = spawnSync(process.execPath, [bin, 'migrate'], {
        env: { ...process.env, OPSDESK_DATA_DIR: dataDir, DATABASE_URL: '' },
        stdio: 'ignore',
      });
      if (init.status !== 0) throw new Error('opsdesk migrate failed');
      const times: number[] = [];
      for (let i = 0; i < 5; i++) times.push(await oneStart(dataDir));
      times.sort((a, b) => a - b);
      const median = times[2]!;
      return [
        {
          bench: 'cold-start',
          metric: 'start → first request, existing embedded DB (median of 5)',
          value: `${(median / 1000).toFixed(2)} s`,
          target: '≤ 3 s',
          met: median <= 3000,
        },
        {
          bench: 'cold-start',
          metric: 'min / max',
          value: `${(times[0]! / 1000).toFixed(2)} / ${(times[4]! / 1000).toFixed(2)} s`,
        },
      ];
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  },
};
