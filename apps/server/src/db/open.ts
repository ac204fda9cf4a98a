import type pg from 'pg';
import type { Config } from '../config.js';
import { createDb } from './client.js';
import type { Db } from './client.js';
import { startEmbedded } from './embedded.js';
import type { EmbeddedServer } from './embedded.js';
import { migrate } from './migrate.js';
import { createPool } from './pool.js';

export interface OpenedDatabase {
  url: string;
  pool: pg.Pool;
  db: Db;
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded server under the data dir, then applies
 * pending migrations (under an advisory lock, so concurrent nodes are safe).
 */
export async function openDatabase(config: Config, log: (msg: string) => void): Promise<OpenedDatabase> {
  const embedded = config.databaseUrl ? null : await startEmbedded({ dataDir: config.dataDir, log });
  const url = config.databaseUrl ?? embedded!.url;
  const pool = createPool(url);
  try {
    const result = await migrate(pool);
    if (result.applied.length) log(`applied migrations: ${result.applied.join(', ')}`);
  } catch (err) {
    await pool.end();
    await embedded?.stop();
    throw err;
  }
  return {
    url,
    pool,
    db: createDb(pool),
    embedded,
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}
