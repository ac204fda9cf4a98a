import type { Calendar } from '@opsdesk/contracts';
import type { Actor } from '@opsdesk/domain';
import type { CalendarRow, HolidayYearRow } from './calendar.repository.js';
import { calendarAbilities } from './calendar.service.js';

const day = (row: CalendarRow, wd: number) =>
  (row.weekly[String(wd)] ?? []).map((r) => ({ start: r.start, end: r.end }));

export function presentCalendar(row: CalendarRow, actor: Actor): Calendar {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    timeZone: row.timeZone,
    weekly: {
      1: day(row, 1),
      2: day(row, 2),
      3: day(row, 3),
      4: day(row, 4),
      5: day(row, 5),
      6: day(row, 6),
      7: day(row, 7),
    },
    followsChinaHolidays: row.followsChinaHolidays,
    extraHolidays: row.extraHolidays,
    extraMakeupWorkdays: row.extraMakeupWorkdays.map((m) =>
      m.hours ? { date: m.date, hours: m.hours } : { date: m.date },
    ),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: calendarAbilities(actor, row),
  };
}

export function presentHolidayYear(row: HolidayYearRow) {
  return {
    year: row.year,
    holidays: row.holidays,
    makeupWorkdays: row.makeupWorkdays,
    source: row.source,
    updatedAt: row.updatedAt.toISOString(),
  };
}
