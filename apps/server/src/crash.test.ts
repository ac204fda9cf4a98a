import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, freePort, runCli, startCli } from './test/processes.js';

/**
 * The acceptance test of durability: `kill -9` of opsdesk (embedded database) while writes are in
 * flight, then start again. It must come up without manual steps, and every write that got a 2xx
 * must be there.
 */
let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function signIn(base: string, password: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'crash.admin', password }),
  });
  expect(res.status).toBe(200);
  const me = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, 'x-csrf-token': me.csrfToken };
}

describe('crash safety', () => {
  it('keeps every acknowledged write after kill -9 during writes, and restarts without manual steps', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-crash-'));
    await chmod(dir, 0o711);
    const env = { OPSDESK_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' };
    const password = 'Crash-test-2026';
    const created = runCli(
      [
        'user',
        'create',
        '--username',
        'crash.admin',
        '--password',
        password,
        '--name',
        '崩溃测试',
        '--role',
        'admin',
      ],
      env,
    );
    expect(created.status, created.stderr).toBe(0);

    const port1 = await freePort();
    const first = await startCli([], env, port1);
    const base1 = `http://127.0.0.1:${port1}`;
    const headers = { 'content-type': 'application/json', ...(await signIn(base1, password)) };

    const acknowledged: string[] = [];
    let attempted = 0;
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        attempted++;
        try {
          const res = await fetch(`${base1}/api/v1/customers`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ name: `崩溃-${w}-${i}` }),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        } catch {
          return; // the server died mid-request: not acknowledged
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    await new Promise((r) => setTimeout(r, 1500));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await exited(first.child);
    expect(acknowledged.length).toBeGreaterThan(20);

    const port2 = await freePort();
    const second = await startCli([], env, port2);
    try {
      const base2 = `http://127.0.0.1:${port2}`;
      const h2 = await signIn(base2, password);
      const missing: string[] = [];
      for (const id of acknowledged) {
        const res = await fetch(`${base2}/api/v1/customers/${id}`, { headers: h2 });
        if (res.status !== 200) missing.push(id);
      }
      expect(missing).toEqual([]);
      console.log(
        `crash test: ${acknowledged.length} of ${attempted} writes acknowledged before kill -9; all present after restart`,
      );
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  }, 180_000);
});
