import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createDb } from '../../db/client.js';
import { seedDemo } from '../../demo/seed.js';
import type { Deps } from '../../http/context.js';
import { inlineQueue } from '../../jobs/job-system.js';
import { JOBS } from '../../jobs/registry.js';
import { isolatedDatabase } from '../../test/isolated-db.js';
import { impactWalk } from './ci-graph.repository.js';

let iso: Awaited<ReturnType<typeof isolatedDatabase>>;
let deps: Deps;

beforeAll(async () => {
  iso = await isolatedDatabase();
  deps = {
    config: loadConfig(
      {},
      {
        jobs: false,
        webDist: null,
        attachmentsDir: path.join(os.tmpdir(), `opsdesk-test-files-${process.pid}`),
      },
    ),
    pool: iso.pool,
    db: createDb(iso.pool),
    now: () => new Date(),
    jobs: inlineQueue(
      () => deps,
      () => JOBS,
    ),
  };
  await seedDemo(deps);
});

afterAll(async () => {
  await iso.drop();
});

describe('demo CMDB', () => {
  it('gives each demo project CIs, with warranties ending soon', async () => {
    const { rows } = await iso.pool.query(`
      SELECT p.code, count(*)::int AS n, count(*) FILTER (WHERE c.warranty_end BETWEEN current_date AND current_date + 30)::int AS soon
      FROM cis c JOIN projects p ON p.id = c.project_id GROUP BY p.code ORDER BY p.code`);
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.n).toBeGreaterThan(5);
      expect(r.soon).toBeGreaterThan(0);
    }
  });

  it('shows the 信号控制平台 business service as hit when the core switch fails', async () => {
    const { rows } = await iso.pool.query(`SELECT id FROM cis WHERE name = '核心交换机-01'`);
    const { hits } = await impactWalk(deps.db, rows[0].id, 6);
    const names = (
      await iso.pool.query(`SELECT id, name FROM cis WHERE id = ANY($1::uuid[])`, [hits.map((h) => h.ciId)])
    ).rows.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        '平台服务器-01',
        'vm-信控应用-01',
        '信号控制系统',
        '信号控制平台',
        '信号机-中山路-解放路',
      ]),
    );
  });
});
