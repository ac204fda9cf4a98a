import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { TicketListQuery } from '@opsdesk/contracts';
import type { Actor } from '@opsdesk/domain';
import { loadConfig } from '../apps/server/src/config.js';
import { createDb } from '../apps/server/src/db/client.js';
import type { Db } from '../apps/server/src/db/client.js';
import { containsPattern } from '../apps/server/src/db/like.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { createPool } from '../apps/server/src/db/pool.js';
import type { Deps } from '../apps/server/src/http/context.js';
import { actorOf, findPrincipalByUserId } from '../apps/server/src/modules/auth/auth.repository.js';
import { sweepClocks } from '../apps/server/src/modules/sla/sla.sweep.js';
import { ticketFilters } from '../apps/server/src/modules/tickets/ticket.list.js';
import { ticketVisible } from '../apps/server/src/modules/tickets/ticket.scope.js';
import { freshDatabase } from './fresh-database.js';
import { generate } from './service-desk-data.js';
import type { BenchWorld } from './service-desk-data.js';
import type { Bench, Row } from './types.js';
import { percentile } from './types.js';

/**
 * The service desk at scale (issue 4, docs/decisions/0200-service-desk-ticket-engine.md):
 * `BENCH_TICKETS` tickets (default 1,000,000) in 50 projects with `BENCH_CLOCKS` running SLA
 * clocks (default a tenth: 100,000), then
 * - the real SLA sweep (`sweepClocks`) in this process, on the data's own instant;
 * - opsdesk's HTTP server (`startServer`, in a child process) for queue pages, search and ticket
 *   creation, and beside it a bare Fastify route doing one INSERT into the same database (the limit);
 * - the server's RSS, sampled during the load.
 * `BENCH_SECONDS` sets each creation run (default 15), `LOG_LEVEL` both servers' pino level
 * (default `info`, opsdesk's default). `TEST_DATABASE_URL` uses that server, else an embedded PostgreSQL;
 * `BENCH_ONLY=creation` skips the sweep, queue and search runs (for profiling creation);
 * `BENCH_KEEP_DB=1` leaves the database in place afterwards (its URL is printed) for EXPLAIN.
 */
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const CLOCKS = Number(process.env.BENCH_CLOCKS ?? Math.round(TICKETS / 10));
const PROJECTS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = 3;
const CONNECTIONS = 32;
const LOG_LEVEL = process.env.LOG_LEVEL ?? 'info';
const CREATION_ONLY = process.env.BENCH_ONLY === 'creation';
const MIN = 60_000;

const log = (m: string) => process.stderr.write(`  service-desk: ${m}\n`);
const ms = (x: number) => `${x.toFixed(1)} ms`;
const n = (x: number) => Math.round(x).toLocaleString('en');
const pct = (x: number) => `${Math.round(x * 100)} % idle`;

// ── the servers (child processes) ──
interface Server {
  url: string;
  child: ChildProcess;
  rss(): Promise<number>;
  /** The sizes of the ticket batches the app has written so far (ticket.write-batch.ts). */
  batches(): Promise<readonly number[]>;
  stop(): Promise<void>;
}

async function startChild(mode: 'app' | 'bare', databaseUrl: string): Promise<Server> {
  const child = fork(path.join(import.meta.dirname, 'service-desk-server.ts'), [], {
    // BENCH_PROFILE=<dir>: a V8 CPU profile of each server process, written there on exit.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []),
    ],
    env: { ...process.env, BENCH_SERVER: mode, DATABASE_URL: databaseUrl, LOG_LEVEL, OPSDESK_JOBS: 'false' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'], // pino writes its request log to stdout: dropped
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${mode} server exited (${code})`)));
    child.on('message', (m: { ready?: string }) => m.ready && resolve(m.ready));
  });
  const ask = <K extends 'rss' | 'batches'>(cmd: K) =>
    new Promise<{ rss: number; batches: readonly number[] }[K]>((resolve) => {
      const on = (m: Partial<{ rss: number; batches: readonly number[] }>) => {
        const v = m[cmd];
        if (v === undefined) return;
        child.off('message', on);
        resolve(v);
      };
      child.on('message', on);
      child.send({ cmd });
    });
  return {
    url,
    child,
    rss: () => ask('rss'),
    batches: () => ask('batches'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ cmd: 'stop' });
      await exited;
    },
  };
}

/** Samples the server's RSS every 250 ms until stopped; returns the peak. */
function sampleRss(server: Server) {
  let peak = 0;
  let on = true;
  const loop = (async () => {
    while (on) {
      peak = Math.max(peak, await server.rss());
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return async () => {
    on = false;
    await loop;
    return peak;
  };
}

// ── a keep-alive HTTP client, timed from request to the last byte of the body ──
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 4 });
function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent: keepAlive, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - t0,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function countOf(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  const r = await db.execute<{ n: number }>(query);
  return Number(r.rows[0]!.n);
}

async function actor(db: Db, userId: string): Promise<Actor> {
  return actorOf((await findPrincipalByUserId(db, userId))!);
}

// ── SLA sweep ──
async function slaSweep(db: Db, pool: Deps['pool'], world: BenchWorld, rows: Row[]) {
  let clock = world.lastSweepAt;
  const deps: Deps = {
    config: loadConfig(
      {},
      {
        jobs: false,
        webDist: null,
        attachmentsDir: path.join(os.tmpdir(), `opsdesk-bench-files-${process.pid}`),
      },
    ),
    pool,
    db,
    now: () => clock,
    // The mail job the sweep queues after its run: not part of the sweep (pg-boss on a real node).
    jobs: { send: async () => null },
  };
  const plan = (
    await pool.query(
      `EXPLAIN SELECT id, ticket_id FROM sla_clocks WHERE next_check_at <= $1 ORDER BY next_check_at LIMIT 100`,
      [world.now],
    )
  ).rows
    .map((r: Record<string, string>) => r['QUERY PLAN'])
    .join(' / ');
  log(`sweep plan: ${plan}`);
  const run = async (at: Date) => {
    clock = at;
    const due = await countOf(db, sql`SELECT count(*) AS n FROM sla_clocks WHERE next_check_at <= ${at}`);
    const t0 = performance.now();
    const handled = await sweepClocks(deps);
    return { due, handled, ms: performance.now() - t0 };
  };
  const running = world.counts.runningClocks;
  // The data stands right after a sweep at lastSweepAt; the cron sweeps every minute.
  const cold = await run(new Date(world.lastSweepAt.getTime() + MIN));
  log(`sweep 1 (first in this process): ${cold.handled}/${cold.due} due in ${ms(cold.ms)}`);
  const warm = await run(new Date(world.lastSweepAt.getTime() + 2 * MIN));
  log(`sweep 2: ${warm.handled}/${warm.due} due in ${ms(warm.ms)}`);
  const backlog = await run(new Date(world.lastSweepAt.getTime() + 12 * MIN));
  log(`sweep after 10 minutes without one: ${backlog.handled}/${backlog.due} due in ${ms(backlog.ms)}`);
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(world.now);
  rows.push({
    bench: 'service-desk',
    metric: `SLA sweep, one minute's run: ${n(running)} running clocks, ${warm.due} due (${local} Shanghai)`,
    value: `${ms(warm.ms)} (${warm.handled ? ms(warm.ms / warm.handled) : '–'} per clock handled)`,
    target: '≤ 100 ms',
    met: warm.ms <= 100,
  });
  rows.push({
    bench: 'service-desk',
    metric: `SLA sweep, first run in a process (${cold.due} due) / after a 10-minute gap (${backlog.due} due, ${backlog.handled} handled)`,
    value: `${ms(cold.ms)} / ${ms(backlog.ms)}`,
  });
}

// ── queue pages ──
async function queuePages(world: BenchWorld, server: Server, rows: Row[]) {
  const agent = { cookie: `opsdesk_session=${world.agent.cookie}` };
  const contact = { cookie: `opsdesk_session=${world.contact.cookie}` };
  const queues: [string, string, Record<string, string>][] = [
    ['agent: mine', '/api/v1/tickets?queue=mine', agent],
    ['agent: my groups', '/api/v1/tickets?queue=my_groups', agent],
    ['agent: unassigned', '/api/v1/tickets?queue=unassigned', agent],
    ['agent: breaching soon', '/api/v1/tickets?queue=breaching_soon', agent],
    ['agent: all in 4 projects', '/api/v1/tickets', agent],
    ['contact: customer (2 projects)', '/api/v1/tickets', contact],
  ];
  const all: number[] = [];
  const per = new Map<string, number[]>();
  const items = new Map<string, number>();
  const failed = new Map<string, string>();
  for (let round = 0; round < 30; round++) {
    for (const [name, url, headers] of queues) {
      let next: string | null = null;
      for (let page = 0; page < 3; page++) {
        const res = await get(
          `${server.url}${url}${next ? `${url.includes('?') ? '&' : '?'}cursor=${next}` : ''}`,
          headers,
        );
        if (res.status !== 200) {
          // Not timed; the next page cannot be asked for without this one's cursor.
          failed.set(`${name}, page ${page + 1}`, `HTTP ${res.status} ${res.body.slice(0, 120)}`);
          break;
        }
        const body = JSON.parse(res.body) as { items: unknown[]; nextCursor: string | null };
        // Every request counts, the first ones after the server started included.
        all.push(res.ms);
        per.set(name, [...(per.get(name) ?? []), res.ms]);
        if (round === 0) items.set(name, (items.get(name) ?? 0) + body.items.length);
        next = body.nextCursor;
        if (!next) break;
      }
    }
  }
  let worst = ['', 0] as [string, number];
  for (const [name, xs] of per) {
    const p95 = percentile(xs, 95);
    if (p95 > worst[1]) worst = [name, p95];
    log(`queue ${name}: ${items.get(name)} rows in 3 pages, p50 ${ms(percentile(xs, 50))}, p95 ${ms(p95)}`);
  }
  const p95 = percentile(all, 95);
  rows.push({
    bench: 'service-desk',
    metric: `queue page, 50 rows over HTTP (${all.length} GETs: agent mine/my groups/unassigned/breaching soon/all, contact's list; pages 1–3)`,
    value: `p50 ${ms(percentile(all, 50))}, p95 ${ms(p95)}`,
    target: 'p95 ≤ 20 ms',
    met: p95 <= 20,
  });
  rows.push({ bench: 'service-desk', metric: `slowest queue: ${worst[0]}`, value: `p95 ${ms(worst[1])}` });
  for (const [where, what] of failed) {
    log(`queue ${where}: ${what}`);
    rows.push({
      bench: 'service-desk',
      metric: `queue page FAILED: ${where} (not timed)`,
      value: what.slice(0, 60),
      met: false,
    });
  }
}

// ── search ──
const CJK_TERMS = [
  '宕机',
  '卡纸',
  '黄闪',
  '蓝屏',
  '信号机',
  '网络中断',
  '数据库连接超时',
  '打印机卡纸',
  '机房空调告警',
];
const MIXED_TERMS = ['HIS系统', 'UPS电池', 'Oracle数据库', 'Wi-Fi信号'];
const WORD_TERMS = ['printer', 'timeout', 'cisco', 'disk'];

async function search(db: Db, world: BenchWorld, server: Server, rows: Row[]) {
  const num = (
    await db.execute<{ number: string }>(
      sql`SELECT number FROM tickets WHERE project_id = ${world.projects[0]!.id} ORDER BY created_at LIMIT 1 OFFSET 1000`,
    )
  ).rows[0]?.number;
  const terms = [...CJK_TERMS, ...MIXED_TERMS, ...WORD_TERMS, ...(num ? [num] : [])];
  const who = [
    {
      name: 'agent',
      headers: { cookie: `opsdesk_session=${world.agent.cookie}` },
      actor: await actor(db, world.agent.id),
      publicOnly: false,
    },
    {
      name: 'contact',
      headers: { cookie: `opsdesk_session=${world.contact.cookie}` },
      actor: await actor(db, world.contact.id),
      publicOnly: true,
    },
  ];
  // Correctness: the real search filter (ticketFilters → textMatch, the list endpoint's WHERE) counted
  // over all matches, against a scan over the same visibility: ILIKE '%term%' for CJK and mixed
  // terms, a word-prefix regex for latin words (what the tokeniser promises: docs/decisions/0200).
  let mismatches = 0;
  let checks = 0;
  const firstPage = new Map<string, number>();
  for (const w of who) {
    for (const term of terms) {
      const filter = ticketFilters(w.actor, TicketListQuery.parse({ q: term }), new Date());
      const found = await countOf(db, sql`SELECT count(*) AS n FROM tickets WHERE ${filter}`);
      const word = WORD_TERMS.includes(term);
      const cond = (col: ReturnType<typeof sql.raw>) =>
        word ? sql`${col} ~* ${`(^|[^a-zA-Z0-9])${term}`}` : sql`${col} ILIKE ${containsPattern(term)}`;
      const visible = ticketVisible(w.actor);
      const expected = await countOf(
        db,
        sql`SELECT count(*) AS n FROM (
          SELECT tickets.id FROM tickets WHERE ${visible} AND (${cond(sql.raw('tickets.number'))} OR ${cond(sql.raw('tickets.title'))} OR ${cond(sql.raw('tickets.description'))})
          UNION
          SELECT c.ticket_id FROM ticket_comments c JOIN tickets ON tickets.id = c.ticket_id
           WHERE ${visible} AND ${cond(sql.raw('c.body'))}${w.publicOnly ? sql` AND c.visibility = 'public'` : sql``}) x`,
      );
      const res = await get(`${server.url}/api/v1/tickets?q=${encodeURIComponent(term)}`, w.headers);
      const page = (JSON.parse(res.body) as { items: unknown[] }).items.length;
      firstPage.set(`${w.name}:${term}`, page);
      checks++;
      const ok = found === expected && page === Math.min(50, found);
      if (!ok) mismatches++;
      log(
        `search ${w.name} ${JSON.stringify(term)}: ${found} found, ${expected} by ${word ? 'word-prefix regex' : 'ILIKE'} scan, first page ${page}${ok ? '' : '  MISMATCH'}`,
      );
    }
  }
  // Latency: the list endpoint with `q`, first page, as the agent and the contact.
  const times: number[] = [];
  const per = new Map<string, number[]>();
  for (let round = 0; round < 4; round++) {
    for (const w of who)
      for (const term of terms) {
        const res = await get(`${server.url}/api/v1/tickets?q=${encodeURIComponent(term)}`, w.headers);
        if (res.status !== 200) throw new Error(`search ${term}: ${res.status} ${res.body.slice(0, 300)}`);
        times.push(res.ms);
        per.set(`${w.name} ${term}`, [...(per.get(`${w.name} ${term}`) ?? []), res.ms]);
      }
  }
  const slow = [...per].map(([k, xs]) => [k, percentile(xs, 95)] as const).sort((a, b) => b[1] - a[1]);
  for (const [k, p] of slow) log(`search ${k}: p95 ${ms(p)}`);
  const p95 = percentile(times, 95);
  rows.push({
    bench: 'service-desk',
    metric: `search, first page over HTTP (${terms.length} terms: 2-char, longer and mixed CJK, English words, a number; agent and contact; ${times.length} GETs)`,
    value: `p50 ${ms(percentile(times, 50))}, p95 ${ms(p95)}`,
    target: 'p95 ≤ 60 ms',
    met: p95 <= 60,
  });
  rows.push({
    bench: 'service-desk',
    metric: `slowest search: ${slow[0]![0]}`,
    value: `p95 ${ms(slow[0]![1])}`,
  });
  rows.push({
    bench: 'service-desk',
    metric: `search counts vs substring scan (${checks} term×visibility checks)`,
    value: `${mismatches} mismatches`,
    target: '0',
    met: mismatches === 0,
  });
}

// ── creation ──
function bodies(world: BenchWorld): string[] {
  const titles = [
    '服务器宕机',
    '核心交换机网络中断',
    '信号机故障',
    '打印机卡纸',
    '数据库连接超时',
    'HIS系统登录失败',
    'VPN无法登录',
    '视频监控断流',
    'UPS电池告警',
    'Oracle数据库锁表',
    'Server down on Dell R740',
    '路口信号灯全红',
  ];
  const out: string[] = [];
  for (let i = 0; i < 997; i++) {
    const p = world.projects[i % 4]!;
    const cats = Object.values(p.categories);
    out.push(
      JSON.stringify({
        projectId: p.id,
        title: `${['中山路-解放路路口', '门诊楼', '营业部', '中心机房', ''][i % 5]}${titles[i % titles.length]}`,
        description: `用户反映${titles[(i * 7) % titles.length]}，设备 Cisco C9300，IP 10.${i % 250}.${(i * 3) % 250}.${1 + (i % 200)}。已尝试重启无效。`,
        requesterId: p.contacts[i % p.contacts.length],
        categoryId: i % 3 ? cats[i % cats.length] : undefined,
        impact: 1 + ((i * 5) % 4),
        urgency: 1 + ((i * 3) % 4),
        businessStopped: i % 97 === 0,
      }),
    );
  }
  return out;
}

/**
 * CPU time (ms) used by a process and by this database's PostgreSQL backends over a run: steadier
 * than throughput on a shared machine, where other work takes the cores. Linux /proc, 100 Hz ticks.
 */
function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}
/** The machine's idle and total CPU time so far (/proc/stat, all cores), in ms. */
function machineTicks(): { idle: number; total: number } {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { idle: (cpu[3]! + cpu[4]!) * 10, total: cpu.reduce((a, b) => a + b, 0) * 10 };
  } catch {
    return { idle: 0, total: 0 };
  }
}
async function cpuMeter(db: Db, serverPid: number) {
  const backends = async () =>
    (
      await db.execute<{ pid: number }>(
        sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      )
    ).rows.map((r) => Number(r.pid));
  const before = new Map((await backends()).map((p) => [p, cpuTicks(p)]));
  const server = cpuTicks(serverPid);
  const loader = cpuTicks(process.pid);
  const machine = machineTicks();
  return async (requests: number) => {
    const pg = (await backends()).reduce((a, p) => a + cpuTicks(p) - (before.get(p) ?? 0), 0);
    const now = machineTicks();
    return {
      server: (cpuTicks(serverPid) - server) / Math.max(1, requests),
      pg: pg / Math.max(1, requests),
      /** This process: autocannon, the load generator (and the RSS sampler). */
      loader: (cpuTicks(process.pid) - loader) / Math.max(1, requests),
      /** Share of all cores' time left idle during the run. */
      idle: (now.idle - machine.idle) / Math.max(1, now.total - machine.total),
    };
  };
}

async function load(url: string, headers: Record<string, string>, payloads: string[], seconds: number) {
  let k = 0;
  let sample: string | null = null;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...headers },
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: payloads[k++ % payloads.length] }),
        onResponse: (status, body) => {
          if ((status < 200 || status >= 300) && sample === null)
            sample = `${status} ${String(body).slice(0, 300)}`;
        },
      },
    ],
  });
  return {
    ok: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
    duration: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    sample,
  };
}

async function creation(db: Db, world: BenchWorld, app: Server, databaseUrl: string, rows: Row[]) {
  const payloads = bodies(world);
  const auth = { authorization: `Bearer ${world.agent.token}` };
  await db.execute(sql`CHECKPOINT`);
  await load(`${app.url}/api/v1/tickets`, auth, payloads, WARMUP_SECONDS);
  await db.execute(sql`CHECKPOINT`);
  log('creation: measured run starts');
  const since = new Date();
  const stopRss = sampleRss(app);
  const appCpu = await cpuMeter(db, app.child.pid!);
  const batchesBefore = (await app.batches()).length;
  const a = await load(`${app.url}/api/v1/tickets`, auth, payloads, SECONDS);
  const appPer = await appCpu(a.ok);
  const batches = (await app.batches()).slice(batchesBefore);
  const peak = await stopRss();
  if (a.sample) log(`creation: a non-2xx answer: ${a.sample}`);
  // What each created ticket got: a number, SLA clocks, an audit row, its history.
  const made = await db.execute<{
    tickets: number;
    numbered: number;
    clocks: number;
    audits: number;
    created: number;
    routed: number;
    grouped: number;
  }>(sql`
    WITH t AS (SELECT id, number, group_id FROM tickets WHERE created_by = ${world.agent.id} AND created_at >= ${since})
    SELECT (SELECT count(*) FROM t) AS tickets,
           (SELECT count(DISTINCT number) FROM t) AS numbered,
           (SELECT count(*) FROM sla_clocks c JOIN t ON t.id = c.ticket_id) AS clocks,
           (SELECT count(*) FROM audit_log a JOIN t ON a.object_id = t.id::text WHERE a.action = 'ticket.create') AS audits,
           (SELECT count(*) FROM ticket_events e JOIN t ON t.id = e.ticket_id WHERE e.type = 'created') AS created,
           (SELECT count(*) FROM ticket_events e JOIN t ON t.id = e.ticket_id WHERE e.type = 'routed') AS routed,
           (SELECT count(*) FROM t WHERE group_id IS NOT NULL) AS grouped`);
  const m = made.rows[0]!;
  log(
    `creation: ${a.ok} × 201 (${a.other} other) in ${a.duration} s; in the database: ${m.tickets} tickets, ${m.numbered} numbers, ${m.clocks} SLA clocks, ${m.audits} audit rows, ${m.created} created + ${m.routed} routed history entries, ${m.grouped} with a group; latency p50 ${a.p50} ms, p99 ${a.p99} ms; RSS peak ${n(peak / 2 ** 20)} MB`,
  );
  const appRate = a.ok / a.duration;
  // Requests still in flight when the run ends are answered after autocannon stops counting.
  const made_ = Number(m.tickets);
  const complete =
    made_ >= a.ok &&
    made_ <= a.ok + CONNECTIONS &&
    Number(m.numbered) === made_ &&
    Number(m.clocks) === 2 * made_ &&
    Number(m.audits) === made_ &&
    Number(m.created) === made_;

  await app.stop();
  await db.execute(
    sql`CREATE TABLE IF NOT EXISTS bench_bare_tickets (LIKE tickets INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS INCLUDING INDEXES)`,
  );
  const bare = await startChild('bare', databaseUrl);
  try {
    await db.execute(sql`CHECKPOINT`);
    await load(`${bare.url}/bare/tickets`, {}, payloads, WARMUP_SECONDS);
    await db.execute(sql`CHECKPOINT`);
    log('bare: measured run starts');
    const bareCpu = await cpuMeter(db, bare.child.pid!);
    const b = await load(`${bare.url}/bare/tickets`, {}, payloads, SECONDS);
    const barePer = await bareCpu(b.ok);
    if (b.sample) log(`bare: a non-2xx answer: ${b.sample}`);
    log(
      `bare: ${b.ok} × 201 (${b.other} other) in ${b.duration} s; latency p50 ${b.p50} ms, p99 ${b.p99} ms`,
    );
    const bareRate = b.ok / b.duration;
    const ratio = appRate / bareRate;
    rows.push({
      bench: 'service-desk',
      metric: `ticket creation over HTTP: Bearer token, validated, numbered, routed, 2 SLA clocks, audited, history (c=${CONNECTIONS}, ${SECONDS} s)${complete ? '' : ' — ROWS INCOMPLETE'}`,
      value: `${n(appRate)} tickets/s (p50 ${a.p50} ms, p99 ${a.p99} ms)`,
    });
    rows.push({
      bench: 'service-desk',
      metric:
        'written in batches (group commit, ticket.write-batch.ts): batches; tickets per batch mean / max',
      value: `${n(batches.length)}; ${(batches.reduce((x, y) => x + y, 0) / Math.max(1, batches.length)).toFixed(1)} / ${Math.max(0, ...batches)}`,
    });
    rows.push({
      bench: 'service-desk',
      metric: `the limit: bare Fastify route, one INSERT into a copy of tickets, same database (c=${CONNECTIONS}, ${SECONDS} s)`,
      value: `${n(bareRate)} inserts/s (p50 ${b.p50} ms, p99 ${b.p99} ms)`,
    });
    rows.push({
      bench: 'service-desk',
      metric:
        "CPU per request during those runs: the server process / this database's PostgreSQL backends (creation; bare)",
      value: `${appPer.server.toFixed(2)} / ${appPer.pg.toFixed(2)} ms; ${barePer.server.toFixed(2)} / ${barePer.pg.toFixed(2)} ms`,
    });
    rows.push({
      bench: 'service-desk',
      metric:
        'the load generator (autocannon, this process): CPU per request; cores left idle (creation; bare)',
      value: `${appPer.loader.toFixed(2)} ms, ${pct(appPer.idle)}; ${barePer.loader.toFixed(2)} ms, ${pct(barePer.idle)}`,
    });
    rows.push({
      bench: 'service-desk',
      metric: 'ticket creation / bare INSERT',
      value: `${(ratio * 100).toFixed(1)} %`,
      target: '≥ 40 %',
      met: ratio >= 0.4 && complete,
    });
    return peak;
  } finally {
    await bare.stop();
  }
}

export const serviceDesk: Bench = {
  name: 'service-desk',
  async run() {
    const database = await freshDatabase('opsdesk_bench_sd');
    const pool = createPool(database.url, { max: 8 });
    const db = createDb(pool);
    const rows: Row[] = [];
    let app: Server | null = null;
    try {
      await migrate(pool);
      log(`generating ${n(TICKETS)} tickets, ${n(CLOCKS)} running clocks on ${database.label}`);
      const world = await generate(
        db,
        database.url,
        { tickets: TICKETS, runningClocks: CLOCKS, projects: PROJECTS },
        log,
      );
      const c = world.counts;
      rows.push({
        bench: 'service-desk',
        metric: `data: ${n(c.tickets)} tickets in ${PROJECTS} projects, ${n(c.comments)} comments, ${n(c.events)} history rows, ${n(c.clocks)} SLA clocks (${n(c.runningClocks)} running) — ${database.label}`,
        value: `generated in ${(world.generationMs / 1000).toFixed(0)} s`,
      });

      if (!CREATION_ONLY) await slaSweep(db, pool, world, rows);

      app = await startChild('app', database.url);
      const idle = await app.rss();
      const stopRss = sampleRss(app);
      if (!CREATION_ONLY) {
        await queuePages(world, app, rows);
        await search(db, world, app, rows);
      }
      const readPeak = await stopRss();
      const createPeak = await creation(db, world, app, database.url, rows);
      app = null;
      rows.push({
        bench: 'service-desk',
        metric: `opsdesk server RSS (its own process: startServer, jobs off, pino ${LOG_LEVEL}): after start / peak in reads / peak in creation load`,
        value: `${n(idle / 2 ** 20)} / ${n(readPeak / 2 ** 20)} / ${n(createPeak / 2 ** 20)} MB`,
      });
      return rows;
    } finally {
      await app?.stop().catch(() => undefined);
      keepAlive.destroy();
      await pool.end();
      if (process.env.BENCH_KEEP_DB) log(`kept the database: ${database.url}`);
      else await database.drop();
    }
  },
};
