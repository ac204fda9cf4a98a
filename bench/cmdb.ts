import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { createDb } from '../apps/server/src/db/client.js';
import { startEmbedded } from '../apps/server/src/db/embedded.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { createPool } from '../apps/server/src/db/pool.js';
import type { Ctx, Deps } from '../apps/server/src/http/context.js';
import { inlineQueue } from '../apps/server/src/jobs/job-system.js';
import { uuid7 } from '../apps/server/src/lib/ids.js';
import { newSecret, sha256 } from '../apps/server/src/lib/secrets.js';
import { SESSION_COOKIE } from '../apps/server/src/http/auth-hook.js';
import { findCiType } from '../apps/server/src/modules/cmdb/ci-type.repository.js';
import { runImport } from '../apps/server/src/modules/cmdb/ci-import.service.js';
import { readSheet } from '../apps/server/src/modules/cmdb/ci-import.sheet.js';
import { insertImport } from '../apps/server/src/modules/cmdb/ci-import.repository.js';
import { impactWalk } from '../apps/server/src/modules/cmdb/ci-graph.repository.js';
import { csvLine } from '../apps/server/src/modules/cmdb/csv.js';
import type { Bench, Row } from './types.js';
import { percentile } from './types.js';

/**
 * CMDB at scale (docs/decisions/0302-cmdb-graph-in-sql.md): 500,000 CIs in 10 projects imported
 * through the real import path (CSV files parsed, batched upsert with history and unique values),
 * a realistic graph over them (signal controllers and cameras on access switches on core
 * switches; business services on applications on VMs on servers on switches, with a cycle), then
 * impact analysis at depth 6 and CI list pages through the HTTP stack.
 * `BENCH_CMDB_CIS` sets the size (default 500000); `TEST_DATABASE_URL` uses that server, else an
 * embedded PostgreSQL.
 */
const TOTAL = Number(process.env.BENCH_CMDB_CIS ?? 500_000);
const PROJECTS = 10;

/** The make-up of one project, per 50,000 CIs. */
const MIX: [type: string, share: number][] = [
  ['signal_controller', 20_000],
  ['camera', 15_000],
  ['switch', 5_000],
  ['pc', 5_000],
  ['physical_server', 2_000],
  ['virtual_machine', 2_500],
  ['application', 400],
  ['business_service', 100],
];

async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `opsdesk_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    return {
      url: u.toString(),
      async drop() {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-bench-cmdb-'));
  const server = await startEmbedded({ dataDir: dir });
  return {
    url: server.url,
    async drop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function cell(type: string, p: number, i: number): (string | number)[] {
  const n = `${p}-${i}`;
  const oct = (k: number) => [10 + p, (k >> 16) & 255, (k >> 8) & 255, k & 255].join('.');
  const warranty = `${2025 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const purchased = `${2016 + (i % 9)}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
  const common = [
    `${type}-${n}`,
    i % 50 === 0 ? '维护中' : '在用',
    `SN-${type}-${n}`,
    ['华为', '海信', '海康威视', '浪潮', '联想', '易华录'][i % 6]!,
    `M-${i % 40}`,
    purchased,
    warranty,
  ];
  switch (type) {
    case 'signal_controller':
      return [...common, `路口-${p}-${i % 5000}`, oct(i), 4 + (i % 5), i % 3 ? '光纤' : '4G/5G'];
    case 'camera':
      return [...common, oct(100_000 + i), '卡口'];
    case 'switch':
      return [...common, oct(200_000 + i), 48, i < 50 ? '三层' : '二层'];
    case 'pc':
      return [...common, oct(300_000 + i), 'Windows 10'];
    case 'physical_server':
      return [...common, oct(400_000 + i), 64, 256];
    case 'virtual_machine':
      return [...common, oct(500_000 + i), 8, 32];
    case 'application':
      return [...common, `V${1 + (i % 9)}.0`];
    default:
      return [...common, i % 3 ? '银牌' : '金牌', '7×24'];
  }
}

const HEADERS: Record<string, string[]> = {
  signal_controller: ['路口', 'IP地址', '相位数（个）', '通信方式'],
  camera: ['IP地址', '摄像机类型'],
  switch: ['管理IP', '端口数（口）', '层级'],
  pc: ['IP地址', '操作系统'],
  physical_server: ['管理IP', 'CPU核数（核）', '内存（GB）'],
  virtual_machine: ['IP地址', 'vCPU数（个）', '内存（GB）'],
  application: ['版本'],
  business_service: ['服务级别', '服务时间'],
};

/** Relations over the imported CIs of one project, made in SQL (the graph is not what is measured here). */
async function buildGraph(pool: pg.Pool, projectId: string): Promise<void> {
  await pool.query(
    `
    WITH t AS (SELECT c.id, t.key, row_number() OVER (PARTITION BY t.key ORDER BY c.serial_no) - 1 AS k FROM cis c JOIN ci_types t ON t.id = c.type_id WHERE c.project_id = $1),
    sw AS (SELECT id, k FROM t WHERE key = 'switch'),
    core AS (SELECT id, k FROM sw WHERE k < 50),
    access AS (SELECT id, k - 50 AS k FROM sw WHERE k >= 50),
    na AS (SELECT count(*) AS n FROM access),
    edges AS (
      SELECT a.id AS f, c.id AS tt, 'connected_to' AS ty FROM access a JOIN core c ON c.k = a.k % 50
      UNION ALL SELECT x.id, a.id, 'connected_to' FROM t x JOIN access a ON a.k = x.k % (SELECT n FROM na) WHERE x.key IN ('signal_controller', 'camera', 'pc')
      UNION ALL SELECT x.id, a.id, 'connected_to' FROM t x JOIN access a ON a.k = (x.k * 7) % (SELECT n FROM na) WHERE x.key = 'physical_server'
      UNION ALL SELECT v.id, s.id, 'runs_on' FROM t v JOIN t s ON s.key = 'physical_server' AND s.k = v.k % 2000 WHERE v.key = 'virtual_machine'
      UNION ALL SELECT a.id, v.id, 'runs_on' FROM t a JOIN t v ON v.key = 'virtual_machine' AND (v.k = a.k * 2 OR v.k = a.k * 2 + 1) WHERE a.key = 'application'
      UNION ALL SELECT s.id, a.id, 'depends_on' FROM t s JOIN t a ON a.key = 'application' AND a.k % 100 = s.k WHERE s.key = 'business_service'
      UNION ALL SELECT a.id, b.id, 'depends_on' FROM t a JOIN t b ON b.key = 'application' AND b.k = a.k + 1 WHERE a.key = 'application' AND a.k % 10 = 0
      UNION ALL SELECT b.id, a.id, 'depends_on' FROM t a JOIN t b ON b.key = 'application' AND b.k = a.k + 1 WHERE a.key = 'application' AND a.k % 10 = 0
    )
    INSERT INTO ci_relations (id, project_id, from_ci_id, to_ci_id, type, created_at)
    SELECT gen_random_uuid(), $1, f, tt, ty, now() FROM edges`,
    [projectId],
  );
}

async function explain(pool: pg.Pool, q: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query(`EXPLAIN ${q}`, params);
  const text = rows.map((r) => r['QUERY PLAN'] as string).join('\n');
  return (
    [...new Set(text.match(/\b(cis|ci_relations)_[a-z_]+(idx|key)\b/g) ?? [])].join(', ') ||
    (text.includes('Seq Scan') ? 'SEQ SCAN' : 'n/a')
  );
}

export const cmdb: Bench = {
  name: 'cmdb',
  async run() {
    const db0 = await freshDatabase();
    const pool = createPool(db0.url, { max: 6 });
    const filesDir = path.join(os.tmpdir(), `opsdesk-bench-files-${process.pid}`);
    const rows: Row[] = [];
    const log = (m: string) => process.stderr.write(`  cmdb: ${m}\n`);
    try {
      await migrate(pool);
      const now = new Date();
      const customerId = uuid7();
      await pool.query(`INSERT INTO customers (id, name) VALUES ($1, '基准客户')`, [customerId]);
      const adminId = uuid7();
      await pool.query(
        `INSERT INTO users (id, kind, username, display_name, global_roles) VALUES ($1, 'staff', 'bench-admin', '基准管理员', '{admin}')`,
        [adminId],
      );
      const pmId = uuid7();
      await pool.query(
        `INSERT INTO users (id, kind, username, display_name) VALUES ($1, 'staff', 'bench-pm', '基准项目经理')`,
        [pmId],
      );
      const projects: string[] = [];
      for (let p = 0; p < PROJECTS; p++) {
        const id = uuid7();
        projects.push(id);
        await pool.query(
          `INSERT INTO projects (id, code, name, customer_id, status) VALUES ($1, $2, $3, $4, 'active')`,
          [id, `BENCH-${p}`, `基准项目 ${p}`, customerId],
        );
      }
      await pool.query(
        `INSERT INTO project_members (id, project_id, user_id, role) VALUES ($1, $2, $3, 'project_manager'), ($4, $5, $3, 'project_manager')`,
        [uuid7(), projects[0], pmId, uuid7(), projects[1]],
      );

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
        db: createDb(pool),
        now: () => new Date(),
        jobs: inlineQueue(
          () => deps,
          () => [],
        ),
      };
      const ctx: Ctx = {
        db: deps.db,
        deps,
        actor: {
          userId: adminId,
          kind: 'staff',
          globalRoles: ['admin'],
          customerId: null,
          subcontractorId: null,
          managesDivision: null,
          managesRegion: null,
          memberships: [],
        },
        actorName: '基准管理员',
        credential: 'session',
        requestId: 'bench',
        ip: null,
        lang: 'zh-CN',
        now,
      };

      // ── Import: the real path (CSV text → parse → checks → batched upsert with history) ──
      const perProject = TOTAL / PROJECTS;
      let imported = 0;
      let importMs = 0;
      for (let p = 0; p < PROJECTS; p++) {
        for (const [key, share] of MIX) {
          const n = Math.round((share * perProject) / 50_000);
          if (!n) continue;
          const type = (await pool.query(`SELECT id FROM ci_types WHERE key = $1`, [key])).rows[0]
            .id as string;
          const typeRow = (await findCiType(deps.db, type))!;
          let text = csvLine([
            '*名称',
            '状态',
            '序列号',
            '厂商',
            '型号',
            '采购日期',
            '保修截止日期',
            ...HEADERS[key]!.map((h) => (key === 'signal_controller' && h === '路口' ? '*路口' : h)),
          ]);
          for (let i = 0; i < n; i++) text += csvLine(cell(key, p, i));
          const t0 = performance.now();
          const sheet = await readSheet('csv', Buffer.from(text, 'utf8'));
          const record = await insertImport(deps.db, {
            id: uuid7(),
            projectId: projects[p]!,
            typeId: type,
            createdBy: adminId,
            fileName: `${key}.csv`,
            format: 'csv',
            dryRun: false,
            lang: 'zh-CN',
            status: 'queued',
            totalRows: n,
            createdAt: now,
          });
          const done = await runImport(
            ctx,
            record,
            { id: projects[p]!, name: `基准项目 ${p}`, customerId },
            typeRow,
            sheet,
          );
          importMs += performance.now() - t0;
          if (done.errorCount) throw new Error(`import errors: ${JSON.stringify(done.errors.slice(0, 3))}`);
          imported += done.createdCount;
        }
        log(
          `project ${p + 1}/${PROJECTS}: ${imported} CIs, ${Math.round(imported / (importMs / 1000))} rows/s`,
        );
      }
      const rate = imported / (importMs / 1000);
      rows.push({
        bench: 'cmdb',
        metric: `import ${imported.toLocaleString('en')} CIs (CSV, batched upsert + history)`,
        value: `${Math.round(rate).toLocaleString('en')} rows/s (${(importMs / 1000).toFixed(0)} s)`,
      });

      // ── Graph ──
      const g0 = performance.now();
      for (const p of projects) await buildGraph(pool, p);
      await pool.query('VACUUM ANALYZE cis');
      await pool.query('VACUUM ANALYZE ci_relations');
      const rels = Number((await pool.query('SELECT count(*) FROM ci_relations')).rows[0].count);
      log(`graph: ${rels} relations in ${((performance.now() - g0) / 1000).toFixed(0)} s`);

      // ── Impact at depth 6: infrastructure CIs (servers, VMs, switches), and core switches alone ──
      const sample = async (where: string, n: number) =>
        (
          await pool.query(
            `SELECT c.id FROM cis c JOIN ci_types t ON t.id = c.type_id WHERE ${where} ORDER BY md5(c.id::text) LIMIT ${n}`,
          )
        ).rows.map((r) => r.id as string);
      const infra = await sample(
        `t.key IN ('physical_server', 'virtual_machine', 'switch', 'application')`,
        300,
      );
      const cores = (
        await pool.query(
          `SELECT to_ci_id AS id FROM ci_relations WHERE type = 'connected_to' GROUP BY to_ci_id ORDER BY count(*) DESC LIMIT 50`,
        )
      ).rows.map((r) => r.id as string);
      const time = async (ids: string[]) => {
        const ms: number[] = [];
        let hits = 0;
        for (const id of ids) {
          const t0 = performance.now();
          const r = await impactWalk(deps.db, id, 6);
          ms.push(performance.now() - t0);
          hits += r.hits.length;
        }
        return { ms, avgHits: Math.round(hits / ids.length) };
      };
      await time(infra.slice(0, 20)); // warm the cache
      const a = await time(infra);
      const p95 = percentile(a.ms, 95);
      rows.push({
        bench: 'cmdb',
        metric: `impact depth 6, ${infra.length} servers/VMs/switches/apps (avg ${a.avgHits} hits)`,
        value: `p50 ${percentile(a.ms, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
        target: '≤ 50 ms',
        met: p95 <= 50,
      });
      const c = await time(cores);
      rows.push({
        bench: 'cmdb',
        metric: `impact depth 6, the ${cores.length} most connected switches (avg ${c.avgHits} hits)`,
        value: `p50 ${percentile(c.ms, 50).toFixed(1)} ms, p95 ${percentile(c.ms, 95).toFixed(1)} ms`,
      });

      // ── CI list pages through the HTTP stack (auth, scope, keyset, capped count) ──
      const app = await buildApp(deps, { logger: false });
      await app.ready();
      const session = async (userId: string) => {
        const cookie = newSecret();
        await pool.query(
          `INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, now(), now())`,
          [sha256(cookie), userId, newSecret()],
        );
        return { cookie: `${SESSION_COOKIE}=${cookie}` };
      };
      const admin = await session(adminId);
      const pm = await session(pmId);
      const urls: [string, Record<string, string>][] = [
        [`/api/v1/cis?limit=50`, admin],
        [`/api/v1/cis?limit=50&projectId=${projects[3]}`, admin],
        [`/api/v1/cis?limit=50&sort=-updatedAt`, admin],
        [`/api/v1/cis?limit=50&status=maintenance`, admin],
        [`/api/v1/cis?limit=50`, pm],
        [`/api/v1/cis?limit=50&sort=warrantyEnd&projectId=${projects[0]}`, pm],
      ];
      const listMs: number[] = [];
      const perUrl = new Map<string, number[]>();
      for (let round = 0; round < 40; round++) {
        for (const [url, headers] of urls) {
          let next: string | null = null;
          for (let page = 0; page < 3; page++) {
            const t0 = performance.now();
            const res: { statusCode: number; body: string; json(): unknown } = await app.inject({
              method: 'GET',
              url: next ? `${url}&cursor=${next}` : url,
              headers,
            });
            if (round > 0) {
              listMs.push(performance.now() - t0);
              perUrl.set(`${url}#${page}${headers === pm ? ' (pm)' : ''}`, [
                ...(perUrl.get(`${url}#${page}${headers === pm ? ' (pm)' : ''}`) ?? []),
                performance.now() - t0,
              ]);
            }
            if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
            next = (res.json() as { nextCursor: string | null }).nextCursor;
            if (!next) break;
          }
        }
      }
      for (const [u, ms] of perUrl)
        log(`list ${u.replace(/[0-9a-f-]{36}/g, ':id')}: p95 ${percentile(ms, 95).toFixed(1)} ms`);
      const lp95 = percentile(listMs, 95);
      rows.push({
        bench: 'cmdb',
        metric: `CI list page (50 rows, HTTP inject, ${listMs.length} requests)`,
        value: `p50 ${percentile(listMs, 50).toFixed(1)} ms, p95 ${lp95.toFixed(1)} ms`,
        target: '≤ 20 ms',
        met: lp95 <= 20,
      });
      await app.close();

      // ── The plans behind them ──
      const listPlan = await explain(
        pool,
        `SELECT id FROM cis WHERE deleted_at IS NULL AND project_id = ANY($1::uuid[]) ORDER BY name, id LIMIT 51`,
        [`{${projects[0]},${projects[1]}}`],
      );
      const walkPlan = await explain(
        pool,
        `SELECT from_ci_id FROM ci_relations WHERE to_ci_id = $1 AND type = ANY('{runs_on,depends_on,connected_to,located_in}') AND deleted_at IS NULL`,
        [infra[0]],
      );
      rows.push({ bench: 'cmdb', metric: 'plans: list / impact step', value: `${listPlan} / ${walkPlan}` });
    } finally {
      await pool.end();
      await rm(filesDir, { recursive: true, force: true });
      // BENCH_KEEP_DB=1 keeps a server database for looking at plans afterwards.
      if (process.env.BENCH_KEEP_DB && process.env.TEST_DATABASE_URL) log(`kept ${db0.url}`);
      else await db0.drop();
    }
    return rows;
  },
};
