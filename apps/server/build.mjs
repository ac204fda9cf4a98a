// Bundles the server into dist/opsdesk.js with esbuild. Our workspace packages (@opsdesk/*) are
// bundled from their TypeScript sources; every other package stays external (node_modules).
import { build } from 'esbuild';
import { cp, rm } from 'node:fs/promises';

const here = new URL('.', import.meta.url).pathname;
await rm(`${here}dist`, { recursive: true, force: true });
await build({
  entryPoints: [`${here}src/cli/entry.ts`],
  outfile: `${here}dist/opsdesk.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'externalise-node-modules',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@opsdesk/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
await cp(`${here}src/db/migrations`, `${here}dist/migrations`, { recursive: true });
console.log('built apps/server/dist/opsdesk.js');
