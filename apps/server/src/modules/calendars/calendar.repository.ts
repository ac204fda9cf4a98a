import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Actor } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { projectVisible } from '../../db/scope.js';
import { calendars, holidayYears } from '../../db/schema/index.js';
import { constraintField } from '../../http/pg-errors.js';

constraintField('calendars_project_name_key', 'name');

export type CalendarRow = typeof calendars.$inferSelect;
export type NewCalendar = typeof calendars.$inferInsert;
export type HolidayYearRow = typeof holidayYears.$inferSelect;

/** Global calendars are visible to everyone signed in; a project's calendars follow the project's scope. */
export const calendarVisible = (actor: Actor) =>
  or(isNull(calendars.projectId), projectVisible(actor, calendars.projectId));

export function listCalendars(db: DbOrTx, actor: Actor, projectId?: string): Promise<CalendarRow[]> {
  return db
    .select()
    .from(calendars)
    .where(
      and(
        calendarVisible(actor),
        projectId ? or(isNull(calendars.projectId), eq(calendars.projectId, projectId)) : undefined,
      ),
    )
    .orderBy(sql`${calendars.projectId} NULLS FIRST`, asc(calendars.name), asc(calendars.id))
    .limit(500);
}

export async function findCalendar(
  db: DbOrTx,
  actor: Actor | null,
  id: string,
  lock = false,
): Promise<CalendarRow | null> {
  const q = db
    .select()
    .from(calendars)
    .where(and(eq(calendars.id, id), actor ? calendarVisible(actor) : undefined));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function insertCalendar(db: DbOrTx, row: NewCalendar): Promise<CalendarRow> {
  const [r] = await db.insert(calendars).values(row).returning();
  return r!;
}

export async function updateCalendarRow(
  db: DbOrTx,
  id: string,
  patch: Partial<NewCalendar>,
): Promise<CalendarRow> {
  const [r] = await db.update(calendars).set(patch).where(eq(calendars.id, id)).returning();
  return r!;
}

/** Whether a policy, a clock or a project's service hours use the calendar. */
export async function calendarInUse(db: DbOrTx, id: string): Promise<boolean> {
  const r = await db.execute<{
    used: boolean;
  }>(sql`SELECT EXISTS (SELECT 1 FROM sla_policies WHERE calendar_id = ${id})
    OR EXISTS (SELECT 1 FROM sla_clocks WHERE calendar_id = ${id}) AS used`);
  return Boolean(r.rows[0]?.used);
}

export async function deleteCalendarRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(calendars).where(eq(calendars.id, id));
}

export function listHolidayYears(db: DbOrTx): Promise<HolidayYearRow[]> {
  return db.select().from(holidayYears).orderBy(asc(holidayYears.year));
}

export async function findHolidayYear(db: DbOrTx, year: number): Promise<HolidayYearRow | null> {
  const rows = await db.select().from(holidayYears).where(eq(holidayYears.year, year));
  return rows[0] ?? null;
}

export async function upsertHolidayYear(
  db: DbOrTx,
  row: typeof holidayYears.$inferInsert,
): Promise<HolidayYearRow> {
  const [r] = await db
    .insert(holidayYears)
    .values(row)
    .onConflictDoUpdate({
      target: holidayYears.year,
      set: {
        holidays: row.holidays,
        makeupWorkdays: row.makeupWorkdays,
        source: row.source,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      },
    })
    .returning();
  return r!;
}

/** A stamp that changes whenever any holiday year does (for the definition cache). */
export async function holidayStamp(db: DbOrTx): Promise<string> {
  const r = await db.execute<{ stamp: string | null }>(
    sql`SELECT count(*)::text || ':' || coalesce(max(updated_at)::text, '') AS stamp FROM holiday_years`,
  );
  return r.rows[0]?.stamp ?? '';
}
