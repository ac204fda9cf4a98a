import { createHash } from 'node:crypto';
import type pg from 'pg';
import { canonicalJson } from '../../lib/canonical-json.js';
import { forEachInTurns } from '../../lib/turns.js';

/**
 * The audit hash chain. Writers only insert rows (cheap, concurrent); one sealer at a time —
 * across every node, by a transaction-level advisory lock — links unsealed rows into the chain in
 * id order: each sealed row stores its position (seal_seq), the previous row's hash and its own
 * hash over its content and that previous hash. A late-committing row with a smaller id is simply
 * sealed in a later round. `audit_seal_head` holds the last link, so removing the newest sealed
 * rows is detected too.
 */
const SEAL_LOCK = 7_301_202_612;
export const GENESIS = '0'.repeat(64);
/**
 * Rows read, hashed and written per round. Reading rows and hashing them is work on the node's one
 * thread: 500 rows keep each stretch of it to a few milliseconds (hashing also gives the event
 * loop a turn every 100 rows), where 2,000 at once held every request on the node for ~80 ms.
 */
const SEAL_BATCH = 500;

export interface AuditRowContent {
  id: number;
  at_us: number;
  actor_id: string | null;
  actor_name: string | null;
  ip: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: string;
  changes: unknown;
  detail: unknown;
  request_id: string | null;
}

/** The columns hashed, read exactly (`at` as integer microseconds since the epoch). */
export const CONTENT_COLUMNS = `id, (extract(epoch from at) * 1000000)::bigint AS at_us, actor_id, actor_name, ip, action,
  object_type, object_id, result, changes, detail, request_id`;

export function rowHash(prevHash: string, sealSeq: number, row: AuditRowContent): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson({ ...row, seal_seq: sealSeq }))
    .digest('hex');
}

/** Seals up to `batch` unsealed rows; returns how many (0 when another node holds the lock). */
export async function sealPending(pool: pg.Pool, batch = SEAL_BATCH): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows: lock } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [
      SEAL_LOCK,
    ]);
    if (!lock[0]?.ok) {
      await client.query('ROLLBACK');
      return 0;
    }
    const { rows: pending } = await client.query<AuditRowContent>(
      `SELECT ${CONTENT_COLUMNS} FROM audit_log WHERE seal_seq IS NULL ORDER BY id LIMIT $1`,
      [batch],
    );
    if (pending.length === 0) {
      await client.query('ROLLBACK');
      return 0;
    }
    const { rows: head } = await client.query<{ seal_seq: number; hash: string }>(
      'SELECT seal_seq, hash FROM audit_seal_head WHERE id = 1',
    );
    let seq = head[0]?.seal_seq ?? 0;
    let prev = head[0]?.hash ?? GENESIS;
    const ids: number[] = [];
    const seqs: number[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    await forEachInTurns(pending, (row) => {
      seq += 1;
      const hash = rowHash(prev, seq, row);
      ids.push(row.id);
      seqs.push(seq);
      prevs.push(prev);
      hashes.push(hash);
      prev = hash;
    });
    await client.query(
      `UPDATE audit_log a SET seal_seq = s.seq, prev_hash = s.prev, hash = s.hash, sealed_at = now()
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS s(id, seq, prev, hash)
       WHERE a.id = s.id`,
      [ids, seqs, prevs, hashes],
    );
    await client.query(
      `INSERT INTO audit_seal_head (id, seal_seq, hash, updated_at) VALUES (1, $1, $2, now())
       ON CONFLICT (id) DO UPDATE SET seal_seq = EXCLUDED.seal_seq, hash = EXCLUDED.hash, updated_at = now()`,
      [seq, prev],
    );
    await client.query('COMMIT');
    return pending.length;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Seals until nothing is pending (used by `opsdesk audit verify --seal` and tests). */
export async function sealAll(pool: pg.Pool): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sealPending(pool);
    total += n;
    if (n === 0) return total;
  }
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  unsealed: number;
  staleUnsealed: number;
  firstBroken: {
    id: number;
    sealSeq: number;
    reason: 'hash_mismatch' | 'link_mismatch' | 'sequence_gap';
  } | null;
}

/**
 * Walks the sealed chain in order and reports the first row whose content, link or position
 * does not match. Unsealed rows older than `staleAfterMs` mean the sealer is not running.
 */
export async function verifyChain(pool: pg.Pool, staleAfterMs = 60_000): Promise<VerifyResult> {
  let prev = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  let firstBroken: VerifyResult['firstBroken'] = null;
  for (;;) {
    const { rows } = await pool.query<
      AuditRowContent & { seal_seq: number; prev_hash: string; hash: string }
    >(
      `SELECT ${CONTENT_COLUMNS}, seal_seq, prev_hash, hash FROM audit_log
       WHERE seal_seq >= $1 ORDER BY seal_seq LIMIT $2`,
      [expectedSeq, SEAL_BATCH],
    );
    if (rows.length === 0) break;
    await forEachInTurns(rows, (r) => {
      const { seal_seq, prev_hash, hash, ...content } = r;
      if (seal_seq !== expectedSeq) firstBroken = { id: r.id, sealSeq: seal_seq, reason: 'sequence_gap' };
      else if (prev_hash !== prev) firstBroken = { id: r.id, sealSeq: seal_seq, reason: 'link_mismatch' };
      else if (rowHash(prev, seal_seq, content) !== hash)
        firstBroken = { id: r.id, sealSeq: seal_seq, reason: 'hash_mismatch' };
      if (firstBroken) return false;
      prev = hash;
      expectedSeq += 1;
      checked += 1;
    });
    if (firstBroken) break;
  }
  if (!firstBroken) {
    const { rows: head } = await pool.query<{ seal_seq: number; hash: string }>(
      'SELECT seal_seq, hash FROM audit_seal_head WHERE id = 1',
    );
    const h = head[0];
    if (h && (h.seal_seq !== expectedSeq - 1 || h.hash !== prev)) {
      // The newest sealed rows were removed or rewritten: the head no longer matches the chain's end.
      firstBroken = { id: 0, sealSeq: expectedSeq, reason: 'sequence_gap' };
    }
  }
  const { rows: counts } = await pool.query<{ unsealed: number; stale: number }>(
    `SELECT count(*) AS unsealed, count(*) FILTER (WHERE at < now() - make_interval(secs => $1)) AS stale
     FROM audit_log WHERE seal_seq IS NULL`,
    [staleAfterMs / 1000],
  );
  const unsealed = counts[0]?.unsealed ?? 0;
  const staleUnsealed = counts[0]?.stale ?? 0;
  return { ok: firstBroken === null && staleUnsealed === 0, checked, unsealed, staleUnsealed, firstBroken };
}
