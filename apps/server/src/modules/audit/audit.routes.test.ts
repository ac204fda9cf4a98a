import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client.js';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { longestHold } from '../../test/event-loop.js';
import { isolatedDatabase } from '../../test/isolated-db.js';
import { securityTests } from '../../test/security.js';
import { recordAudit } from './audit.record.js';
import { CONTENT_COLUMNS, GENESIS, rowHash, sealAll, sealPending, verifyChain } from './audit.sealer.js';
import type { AuditRowContent } from './audit.sealer.js';

let t: TestApp;
let f: Factories;
let auditor: Auth;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  auditor = await f.session(await f.auditor());
});

describe('audit log', () => {
  it('is searchable by auditors, newest first, with the changed fields', async () => {
    const admin = await f.session(await f.admin());
    const created = (
      await client(t.app, admin).post('/api/v1/customers', { name: `审计客户-${Date.now()}` })
    ).json();
    const page = (await client(t.app, auditor).get(`/api/v1/audit?objectId=${created.id}`)).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      action: 'customer.create',
      actorId: admin.user.id,
      objectType: 'customer',
      result: 'success',
      ip: '127.0.0.1',
    });
    expect(page.items[0].changes.name).toEqual({ before: null, after: created.name });
    const failures = (await client(t.app, auditor).get(`/api/v1/audit?result=failure&limit=5`)).json();
    expect(failures.items.every((i: { result: string }) => i.result === 'failure')).toBe(true);
  });

  it('cannot be edited or deleted, even in SQL, while the trigger stands', async () => {
    await sealAll(t.deps.pool);
    const { rows } = await t.deps.pool.query('SELECT id FROM audit_log ORDER BY id DESC LIMIT 1');
    await expect(
      t.deps.pool.query('UPDATE audit_log SET action = $1 WHERE id = $2', ['x', rows[0].id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.deps.pool.query('DELETE FROM audit_log WHERE id = $1', [rows[0].id])).rejects.toThrow(
      /cannot be deleted/,
    );
    // Audit rows are never exposed to writes through the API.
    expect((await client(t.app, auditor).delete(`/api/v1/audit/${rows[0].id}`)).statusCode).toBe(404);
  });
});

describe('hash chain (isolated database)', () => {
  let iso: Awaited<ReturnType<typeof isolatedDatabase>>;
  beforeAll(async () => {
    iso = await isolatedDatabase();
  });
  afterAll(async () => iso.drop());

  const cli = (args: string[]) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('../../cli/entry.ts', import.meta.url)), ...args],
      {
        env: { ...process.env, DATABASE_URL: iso.url, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );

  it('verifies, then names the first row changed directly in SQL, via the API and `opsdesk audit verify`', async () => {
    const db = createDb(iso.pool);
    const who = {
      db,
      deps: t.deps,
      actor: null,
      actorName: 'test',
      requestId: 'r',
      ip: '10.0.0.1',
      lang: 'zh-CN' as const,
      now: new Date(),
    };
    for (let i = 0; i < 30; i++)
      await recordAudit(db, who, { action: 'test.write', objectId: String(i), detail: { i } });
    expect(await sealPending(iso.pool, 10)).toBe(10); // sealed in batches
    await sealAll(iso.pool);
    const ok = await verifyChain(iso.pool);
    expect(ok).toMatchObject({ ok: true, checked: 30, unsealed: 0, firstBroken: null });

    const good = cli(['audit', 'verify']);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toContain('audit chain ok: 30 sealed rows verified');

    const { rows } = await iso.pool.query(`SELECT id, seal_seq FROM audit_log WHERE object_id = '17'`);
    await iso.pool.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard`);
    await iso.pool.query(`UPDATE audit_log SET detail = '{"i": 999}' WHERE id = $1`, [rows[0].id]);
    await iso.pool.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_guard`);

    const broken = await verifyChain(iso.pool);
    expect(broken.ok).toBe(false);
    expect(broken.firstBroken).toEqual({
      id: rows[0].id,
      sealSeq: rows[0].seal_seq,
      reason: 'hash_mismatch',
    });
    const bad = cli(['audit', 'verify']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`audit chain BROKEN at audit row ${rows[0].id}`);
  });
});

describe('hash chain (a backlog, isolated database)', () => {
  it('seals and verifies thousands of rows without holding the event loop for the whole batch', async () => {
    const iso = await isolatedDatabase();
    try {
      // 4,000 unsealed rows with 60-key details: hashing them takes well over 100 ms.
      await iso.pool.query(
        `INSERT INTO audit_log (actor_name, action, object_type, object_id, result, detail, request_id)
         SELECT 'load', 'test.bulk', 'thing', g::text, 'success',
           (SELECT jsonb_object_agg('k' || k, repeat('值', k % 7) || g) FROM generate_series(1, 60) k), 'r' || g
         FROM generate_series(1, 4000) g`,
      );
      const { rows } = await iso.pool.query<AuditRowContent>(
        `SELECT ${CONTENT_COLUMNS} FROM audit_log ORDER BY id`,
      );
      const t0 = performance.now();
      rows.forEach((r, i) => rowHash(GENESIS, i + 1, r));
      const hashing = performance.now() - t0;

      const { result: sealed, held: sealHeld } = await longestHold(() => sealAll(iso.pool));
      expect(sealed).toBe(4000);
      const { result: verified, held: verifyHeld } = await longestHold(() => verifyChain(iso.pool));
      expect(verified).toMatchObject({ ok: true, checked: 4000, unsealed: 0 });
      // All at once would hold it for about `hashing`; in rounds of 500 rows hashed 100 at a time,
      // for a few milliseconds.
      expect(hashing).toBeGreaterThan(30);
      expect(sealHeld).toBeLessThan(hashing / 3);
      expect(verifyHeld).toBeLessThan(hashing / 3);
    } finally {
      await iso.drop();
    }
  });
});

describe('hash chain (tail removal, isolated database)', () => {
  it('reports a removed newest row through the seal head', async () => {
    const iso = await isolatedDatabase();
    try {
      const db = createDb(iso.pool);
      const who = {
        db,
        deps: t.deps,
        actor: null,
        actorName: 'test',
        requestId: 'r',
        ip: null,
        lang: 'zh-CN' as const,
        now: new Date(),
      };
      for (let i = 0; i < 5; i++) await recordAudit(db, who, { action: 'test.write', objectId: String(i) });
      await sealAll(iso.pool);
      await iso.pool.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard`);
      await iso.pool.query(`DELETE FROM audit_log WHERE seal_seq = 5`);
      const r = await verifyChain(iso.pool);
      expect(r).toMatchObject({ ok: false, checked: 4, firstBroken: { reason: 'sequence_gap', sealSeq: 5 } });
      await iso.pool.query(`DELETE FROM audit_log WHERE seal_seq = 2`);
      const r2 = await verifyChain(iso.pool);
      expect(r2.firstBroken).toMatchObject({ reason: 'sequence_gap', sealSeq: 3 });
    } finally {
      await iso.drop();
    }
  });
});

securityTests('GET /audit', async () => ({
  ...t,
  f,
  method: 'GET',
  url: '/api/v1/audit',
  allowed: auditor,
  tooLittleRole: await f.session(await f.securityAdmin()),
  tooLittleRoleStatus: 404,
}));

securityTests('GET /audit/verify', async () => ({
  ...t,
  f,
  method: 'GET',
  url: '/api/v1/audit/verify',
  allowed: await f.session(await f.admin()),
  tooLittleRole: await f.session(await f.user()),
  tooLittleRoleStatus: 404,
}));
