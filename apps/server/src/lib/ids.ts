import { randomBytes } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
// Random bytes drawn 4 KiB at a time (as node's own randomUUID does): one draw per ~400 ids.
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let next = POOL_SIZE;

/**
 * A UUID version 7: 48 bits of milliseconds then random bits, so new rows land at the end of
 * btree indexes. (PostgreSQL 15 has no uuidv7(); the app makes them.)
 */
export function uuid7(now = Date.now()): string {
  if (next + 10 > pool.length) {
    pool = randomBytes(POOL_SIZE);
    next = 0;
  }
  const r = pool;
  const o = next;
  next += 10;
  const ms = now.toString(16).padStart(12, '0');
  return (
    `${ms.slice(0, 8)}-${ms.slice(8, 12)}-` +
    `${HEX[(r[o]! & 0x0f) | 0x70]}${HEX[r[o + 1]!]}-${HEX[(r[o + 2]! & 0x3f) | 0x80]}${HEX[r[o + 3]!]}-` +
    `${HEX[r[o + 4]!]}${HEX[r[o + 5]!]}${HEX[r[o + 6]!]}${HEX[r[o + 7]!]}${HEX[r[o + 8]!]}${HEX[r[o + 9]!]}`
  );
}
