// A stand-in opsdesk for embedded.test.ts: starts the embedded server, prints its URL, and
// waits to be killed (SIGKILL simulates a crash; SIGTERM stops the server cleanly).
import { startEmbedded } from '../db/embedded.js';

const server = await startEmbedded({ dataDir: process.argv[2]! });
process.on('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});
console.log(`READY ${server.url}`);
setInterval(() => undefined, 1 << 30);
