// Type-checks every workspace with TypeScript 7 (native). See docs/decisions/0002-typescript-7-for-typecheck.md.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(path.join(here, 'package.json'));
const tsc = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
const projects = ['packages/domain', 'packages/contracts', 'apps/server', 'apps/web', 'e2e', 'bench'];
let failed = false;
for (const p of projects) {
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, p, 'tsconfig.json')], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed = true;
  else console.log(`typecheck ${p}: ok`);
}
process.exit(failed ? 1 : 0);
