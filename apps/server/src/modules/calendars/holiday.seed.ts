import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import { validateHolidayYear } from '@opsdesk/domain';
import type { HolidayYear } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';

/**
 * China's holidays and make-up workdays from the `chinese-days` package (pinned 1.5.7): its
 * `holidays` map lists every day off, its `workdays` map the weekend days worked (调休). Loaded
 * into `holiday_years` on first start; years already in the table — loaded before, edited or
 * imported by an admin — are never overwritten. A package upgrade that brings a new year adds it.
 */
interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export function packageHolidayYears(): HolidayYear[] {
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysJson;
  const years = new Map<number, { holidays: string[]; makeupWorkdays: string[] }>();
  const yearOf = (d: string) => {
    const y = Number(d.slice(0, 4));
    let e = years.get(y);
    if (!e) years.set(y, (e = { holidays: [], makeupWorkdays: [] }));
    return e;
  };
  for (const d of Object.keys(data.holidays)) yearOf(d).holidays.push(d);
  for (const d of Object.keys(data.workdays)) yearOf(d).makeupWorkdays.push(d);
  return [...years.entries()]
    .map(([year, e]) => ({ year, holidays: e.holidays.sort(), makeupWorkdays: e.makeupWorkdays.sort() }))
    .filter((y) => validateHolidayYear(y).length === 0)
    .sort((a, b) => a.year - b.year);
}

const seeded = new WeakSet<object>();

/**
 * Inserts the package's years that the table lacks (ON CONFLICT DO NOTHING: safe on every node at
 * once). Runs once per process and database handle; `force` re-checks (tests, the daily job).
 * A transaction is a handle of its own, so this runs for every resolver made on one: it reads the
 * years present first and writes only those missing (one query, not one insert per package year).
 */
export async function ensureHolidayYears(db: DbOrTx, now: Date, force = false): Promise<number> {
  if (!force && seeded.has(db)) return 0;
  const present = await db.execute<{ year: number }>(sql`SELECT year FROM holiday_years`);
  const have = new Set(present.rows.map((r) => Number(r.year)));
  const years = packageHolidayYears().filter((y) => !have.has(y.year));
  let inserted = 0;
  for (const y of years) {
    const res =
      await db.execute(sql`INSERT INTO holiday_years (year, holidays, makeup_workdays, source, updated_at)
      VALUES (${y.year}, ${JSON.stringify(y.holidays)}::jsonb, ${JSON.stringify(y.makeupWorkdays)}::jsonb, 'package', ${now})
      ON CONFLICT (year) DO NOTHING`);
    inserted += res.rowCount ?? 0;
  }
  seeded.add(db);
  return inserted;
}
