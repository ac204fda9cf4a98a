import { timestamp } from 'drizzle-orm/pg-core';

/**
 * Column helpers every schema file uses: timestamps are `timestamptz(3)`, read as Dates
 * (docs/architecture.md), and most tables carry `created_at`/`updated_at` set by default to now.
 */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
export const created = () => ts('created_at').notNull().defaultNow();
export const updated = () => ts('updated_at').notNull().defaultNow();
