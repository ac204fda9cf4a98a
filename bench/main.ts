import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { coldStart } from './cold-start.js';
import { cmdb } from './cmdb.js';
import { serviceDesk } from './service-desk.js';
import type { Bench, Row } from './types.js';

const root = path.resolve(import.meta.dirname, '..');

/** Every benchmark. Each prints nothing itself and returns rows for the table. */
const BENCHES: Bench[] = [coldStart, cmdb, serviceDesk];

function printTable(rows: Row[]): void {
  const head = ['benchmark', 'metric', 'value', 'target', 'met'];
  const body = rows.map((r) => [
    r.bench,
    r.metric,
    r.value,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b.map(String)));
}

export async function main(args: string[]): Promise<number> {
  if (!existsSync(path.join(root, 'apps/server/dist/opsdesk.js'))) {
    const r = spawnSync('npm', ['run', 'build', '-w', 'apps/server'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) return 1;
  }
  const chosen = args.length ? BENCHES.filter((b) => args.includes(b.name)) : BENCHES;
  const rows: Row[] = [];
  for (const b of chosen) {
    process.stderr.write(`running ${b.name}…\n`);
    rows.push(...(await b.run()));
  }
  console.log(
    `\nopsdesk benchmarks — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`,
  );
  printTable(rows);
  return 0;
}
