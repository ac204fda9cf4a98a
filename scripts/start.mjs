// `npm start`: builds what is missing or stale, then runs `opsdesk start --demo` (embedded
// PostgreSQL under ./data unless DATABASE_URL is set). Extra arguments are passed on.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { stale } from './stale.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function run(args) {
  const r = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (
  stale(root, path.join(root, 'apps/web/dist/index.html'), [
    'apps/web/src',
    'apps/web/index.html',
    'packages/contracts/src',
    'packages/domain/src',
  ])
) {
  run(['run', 'build', '-w', 'apps/web']);
}
if (
  stale(root, path.join(root, 'apps/server/dist/opsdesk.js'), [
    'apps/server/src',
    'packages/contracts/src',
    'packages/domain/src',
  ])
) {
  run(['run', 'build', '-w', 'apps/server']);
}
const args = process.argv.slice(2);
const child = spawnSync(
  process.execPath,
  [path.join(root, 'apps/server/bin/opsdesk.mjs'), 'start', '--demo', ...args],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(child.status ?? 0);
