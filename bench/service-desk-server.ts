// A server of the service-desk benchmark, in a process of its own so that its RSS is its own and
// the load generator does not share its event loop. Started by service-desk.ts over IPC:
//   BENCH_SERVER=app  — opsdesk itself: `startServer` from apps/server/src/server.ts on DATABASE_URL
//                       (migrations checked, audit sealer running, pino at LOG_LEVEL), jobs off on
//                       this node (as `OPSDESK_JOBS=false`), so no cron sweep runs during the load.
//   BENCH_SERVER=bare — the limit: a bare Fastify app (same pino level) whose one route does one
//                       INSERT into `bench_bare_tickets` (a copy of `tickets`' columns and indexes).
import Fastify from 'fastify';
import pino from 'pino';
import { loadConfig } from '../apps/server/src/config.js';
import { createPool } from '../apps/server/src/db/pool.js';
import { uuid7 } from '../apps/server/src/lib/ids.js';
import { recentBatchSizes } from '../apps/server/src/modules/tickets/ticket.write-batch.js';
import { startServer } from '../apps/server/src/server.js';

const mode = process.env.BENCH_SERVER;
const send = (m: unknown) => process.send?.(m);
let stop: () => Promise<void> = async () => undefined;

if (mode === 'app') {
  const config = loadConfig(process.env, { host: '127.0.0.1', port: 0, jobs: false, webDist: null });
  const server = await startServer(config);
  stop = () => server.stop();
  send({ ready: server.url });
} else if (mode === 'bare') {
  const pool = createPool(process.env.DATABASE_URL!);
  const app = Fastify({ loggerInstance: pino({ level: process.env.LOG_LEVEL ?? 'info' }) });
  let n = 0;
  app.post('/bare/tickets', async (req, reply) => {
    const b = req.body as {
      projectId: string;
      title: string;
      description?: string;
      impact?: number;
      urgency?: number;
    };
    const id = uuid7();
    await pool.query(
      `INSERT INTO bench_bare_tickets (id, number, kind, project_id, channel, impact, urgency, priority, title, description, state, state_category)
       VALUES ($1, $2, 'incident', $3, 'api', $4, $5, 3, $6, $7, 'new', 'open')`,
      [
        id,
        `BARE-${process.pid}-${++n}`,
        b.projectId,
        b.impact ?? 3,
        b.urgency ?? 3,
        b.title,
        b.description ?? '',
      ],
    );
    return reply.code(201).send({ id });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const a = app.server.address();
  stop = async () => {
    await app.close();
    await pool.end();
  };
  send({ ready: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
} else {
  throw new Error(`BENCH_SERVER must be app or bare, got ${mode}`);
}

process.on('message', (m: { cmd: string }) => {
  if (m.cmd === 'rss') send({ rss: process.memoryUsage().rss });
  if (m.cmd === 'batches') send({ batches: recentBatchSizes() });
  if (m.cmd === 'stop')
    void stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
});
process.on('disconnect', () => void stop().finally(() => process.exit(0)));
