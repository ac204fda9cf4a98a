// What `npm start` rebuilds: an output is stale when it is missing or older than a source.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The newest modification time of a file, or of any file under a folder (node_modules and dist skipped). */
export function newest(at) {
  const st = statSync(at);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const entry of readdirSync(at, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    t = Math.max(t, newest(path.join(at, entry.name)));
  }
  return t;
}

/** True when `output` is missing or any of `sources` (files or folders under `root`) is newer. */
export function stale(root, output, sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((s) => newest(path.join(root, s)) > built);
}
