// `npm run bench`: runs the benchmarks (TypeScript, through tsx) and prints one table.
// `npm run bench -- cold-start` runs only the named ones.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
