import { beforeAll, describe, expect, it } from 'vitest';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { PgTable as PgTableClass } from 'drizzle-orm/pg-core';
import { testApp } from '../test/app.js';
import type { TestApp } from '../test/app.js';
import * as schema from './schema/index.js';

/**
 * The SQL migrations are the truth of the database; the Drizzle schema is how code reads it.
 * This test fails when they drift: a table or column in one but not the other, or a column
 * whose type or nullability differs.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const normalise = (type: string) =>
  type
    .replace(/\s+\(/g, '(')
    .replace(/^bigserial$/, 'bigint')
    .replace(/^serial$/, 'integer')
    .replace(/^character varying/, 'varchar');

describe('Drizzle schema matches the migrated database', () => {
  const tables: PgTable[] = [];
  for (const v of Object.values(schema) as unknown[]) if (is(v, PgTableClass)) tables.push(v);

  it('has a Drizzle table for every database table and vice versa', async () => {
    const { rows } = await t.deps.pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'opsdesk_migrations'`,
    );
    const inDb = rows.map((r) => r.table_name).sort();
    const inCode = tables.map((tb) => getTableConfig(tb).name).sort();
    expect(inCode).toEqual(inDb);
  });

  it.each(tables.map((tb) => [getTableConfig(tb).name, tb] as const))(
    '%s: columns, types and nullability',
    async (name, table) => {
      const { rows } = await t.deps.pool.query<{ column: string; type: string; not_null: boolean }>(
        `SELECT a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relname = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attname`,
        [name],
      );
      const db = Object.fromEntries(
        rows.map((r) => [r.column, { type: normalise(r.type), notNull: r.not_null }]),
      );
      const code = Object.fromEntries(
        getTableConfig(table)
          .columns.map(
            (col) => [col.name, { type: normalise(col.getSQLType()), notNull: col.notNull }] as const,
          )
          .sort(([a], [b]) => a.localeCompare(b)),
      );
      expect(code).toEqual(db);
    },
  );
});
