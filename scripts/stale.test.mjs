import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newest, stale } from './stale.mjs';

let root;
const at = (p, seconds) => {
  const f = path.join(root, p);
  mkdirSync(path.dirname(f), { recursive: true });
  writeFileSync(f, p);
  utimesSync(f, seconds, seconds);
  return f;
};
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

describe('npm start rebuilds what is stale', () => {
  it('takes a file source as itself and a folder as its newest file, skipping node_modules and dist', () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'opsdesk-stale-'));
    at('web/index.html', 1_000);
    at('web/src/a.ts', 2_000);
    at('web/src/deep/b.ts', 3_000);
    at('web/src/node_modules/x.js', 9_000);
    at('web/src/dist/y.js', 9_000);
    expect(newest(path.join(root, 'web/index.html'))).toBe(1_000_000);
    expect(newest(path.join(root, 'web/src'))).toBe(3_000_000);
  });

  it('is stale when the output is missing or older than any source, file or folder; fresh otherwise', () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'opsdesk-stale-'));
    at('web/index.html', 1_000);
    at('web/src/a.ts', 2_000);
    const out = path.join(root, 'web/dist/index.html');
    const sources = ['web/src', 'web/index.html'];
    expect(stale(root, out, sources)).toBe(true); // not built yet
    at('web/dist/index.html', 5_000);
    expect(stale(root, out, sources)).toBe(false); // the second `npm start` (it used to throw here)
    at('web/index.html', 6_000);
    expect(stale(root, out, sources)).toBe(true);
  });
});
