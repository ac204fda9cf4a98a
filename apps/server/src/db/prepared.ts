import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { DbOrTx } from './client.js';

const dialect = new PgDialect();
const names = new Map<string, string>();

/** The pg pool (or a transaction's client) behind a Drizzle handle. */
function clientOf(db: DbOrTx): pg.Pool | pg.PoolClient {
  return (db as unknown as { session: { client: pg.Pool | pg.PoolClient } }).session.client;
}

/**
 * Runs a hot raw statement as a named prepared statement (docs/decisions/0203): PostgreSQL parses
 * it once per connection and, after a few runs, stops planning it. The name is derived from the
 * text, so statements of another shape (another scope, an optional part left out) get their own.
 * On a Drizzle transaction handle it runs on that transaction's connection.
 */
export async function runPrepared<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  let name = names.get(text);
  if (!name) {
    name = `od_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
    if (names.size > 500) names.clear();
    names.set(text, name);
  }
  const r = await clientOf(db).query<T>({ name, text, values: params });
  return r.rows;
}
