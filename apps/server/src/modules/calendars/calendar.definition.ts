import { calendarWithHolidays } from '@opsdesk/domain';
import type { CalendarDefinition, HolidayYear, IsoWeekday, TimeRange } from '@opsdesk/domain';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { calendars } from '../../db/schema/index.js';
import { ensureHolidayYears } from './holiday.seed.js';
import { findCalendar, holidayStamp, listHolidayYears } from './calendar.repository.js';
import type { CalendarRow } from './calendar.repository.js';

/** The calendar's own fields as the domain's definition, without the statutory holidays. */
export function baseDefinition(
  row: Pick<CalendarRow, 'timeZone' | 'weekly' | 'extraHolidays' | 'extraMakeupWorkdays'>,
): CalendarDefinition {
  const weekly = {} as Record<IsoWeekday, readonly TimeRange[]>;
  for (const wd of [1, 2, 3, 4, 5, 6, 7] as const) weekly[wd] = row.weekly[String(wd)] ?? [];
  return {
    timeZone: row.timeZone,
    weekly,
    holidays: row.extraHolidays,
    makeupWorkdays: row.extraMakeupWorkdays.map((m) =>
      m.hours ? { date: m.date, hours: m.hours as IsoWeekday } : { date: m.date },
    ),
  };
}

/** China's holiday years as loaded, with the stamp that identifies their version. */
export interface HolidayYearsNow {
  stamp: string;
  years: HolidayYear[];
}

let yearsCache: HolidayYearsNow | null = null;
const defCache = new Map<string, CalendarDefinition>();

/** The holiday years now (one stamp query; the years are re-read only when the stamp moved). */
export async function holidayYearsNow(db: DbOrTx, now: Date): Promise<HolidayYearsNow> {
  await ensureHolidayYears(db, now);
  const stamp = await holidayStamp(db);
  if (yearsCache?.stamp !== stamp) {
    const rows = await listHolidayYears(db);
    yearsCache = {
      stamp,
      years: rows.map((r) => ({ year: r.year, holidays: r.holidays, makeupWorkdays: r.makeupWorkdays })),
    };
    defCache.clear();
  }
  return yearsCache;
}

/** Calendar rows and holiday years already read (the service desk's cached configuration, desk-cache.ts). */
export interface CalendarPreset {
  rows: readonly CalendarRow[];
  years: HolidayYearsNow;
}

/**
 * Builds calendar definitions for one request or job run: each calendar is read once, and the
 * definition object is shared across calls with the same row version and holiday data, so the
 * domain's compiled-calendar memo (a WeakMap on the definition) is reused. A preset supplies rows
 * and holiday years read earlier; a calendar it lacks is read as usual.
 */
export class CalendarResolver {
  private rows = new Map<string, CalendarRow>();
  private years: HolidayYearsNow | null = null;
  constructor(
    private readonly db: DbOrTx,
    private readonly now: Date,
    preset?: CalendarPreset,
  ) {
    if (preset) {
      for (const r of preset.rows) this.rows.set(r.id, r);
      this.years = preset.years;
    }
  }

  /** Reads the calendars not read yet in one query (a job about to need many). */
  async prefetch(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.rows.has(id));
    if (!missing.length) return;
    for (const row of await this.db.select().from(calendars).where(inArray(calendars.id, missing)))
      this.rows.set(row.id, row);
  }

  async row(id: string): Promise<CalendarRow> {
    let row = this.rows.get(id);
    if (!row) {
      const found = await findCalendar(this.db, null, id);
      if (!found) throw new Error(`calendar ${id} not found`);
      this.rows.set(id, (row = found));
    }
    return row;
  }

  async definition(id: string): Promise<CalendarDefinition> {
    return this.definitionOf(await this.row(id));
  }

  async definitionOf(row: CalendarRow): Promise<CalendarDefinition> {
    this.years ??= await holidayYearsNow(this.db, this.now);
    const key = `${row.id}:${row.updatedAt.getTime()}:${this.years.stamp}`;
    let def = defCache.get(key);
    if (!def) {
      const base = baseDefinition(row);
      def = row.followsChinaHolidays ? calendarWithHolidays(base, this.years.years) : base;
      if (defCache.size > 500) defCache.clear();
      defCache.set(key, def);
    }
    return def;
  }
}
