import {
  HOURS_5X8,
  addBusinessMinutes,
  businessMinutes,
  instant,
  projectAbilities,
  systemAbilities,
  validateCalendar,
  validateHolidayYear,
} from '@opsdesk/domain';
import type { Actor, CalendarProblem, HolidayYearProblem } from '@opsdesk/domain';
import type {
  CalendarCreateSchema,
  CalendarUpdateSchema,
  ComputeDueSchema,
  HolidayYearPutSchema,
} from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { FieldProblem } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { definedOnly } from '../../lib/patch.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { findVisibleProject } from '../tickets/ticket.lookups.js';
import { CalendarResolver, baseDefinition } from './calendar.definition.js';
import {
  calendarInUse,
  deleteCalendarRow,
  findCalendar,
  findHolidayYear,
  insertCalendar,
  listCalendars,
  listHolidayYears,
  updateCalendarRow,
  upsertHolidayYear,
} from './calendar.repository.js';
import type { CalendarRow } from './calendar.repository.js';
import { ensureHolidayYears } from './holiday.seed.js';
import { configWrite } from '../service-desk/desk-cache.js';

/** Global calendars are the admin's; a project's calendars also its project managers'. */
export function calendarAbilities(actor: Actor, row: Pick<CalendarRow, 'projectId'>) {
  const admin = systemAbilities(actor).manageOrganisation;
  const manage = admin || (row.projectId !== null && projectAbilities(actor, row.projectId).update);
  return { update: manage, delete: manage };
}

const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const PRESETS = {
  '7x24': {
    weekly: { 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY },
    followsChinaHolidays: false,
  },
  '5x8': {
    weekly: { 1: HOURS_5X8, 2: HOURS_5X8, 3: HOURS_5X8, 4: HOURS_5X8, 5: HOURS_5X8, 6: [], 7: [] },
    followsChinaHolidays: true,
  },
} as const;

const CALENDAR_RULES: Record<CalendarProblem['code'], string> = {
  invalid_time_zone: 'rule.invalidTimeZone',
  invalid_time: 'rule.invalidTime',
  empty_range: 'rule.emptyRange',
  overlapping_ranges: 'rule.overlappingRanges',
  no_working_hours: 'rule.noWorkingHours',
  invalid_date: 'rule.invalidDate',
  invalid_weekday: 'rule.invalidWeekday',
  holiday_and_makeup: 'rule.holidayAndMakeup',
};

function checkCalendar(
  row: Pick<CalendarRow, 'timeZone' | 'weekly' | 'extraHolidays' | 'extraMakeupWorkdays'>,
): void {
  const problems = validateCalendar(baseDefinition(row));
  if (problems.length === 0) return;
  const path = (p: string) =>
    p.replace(/^holidays/, 'extraHolidays').replace(/^makeupWorkdays/, 'extraMakeupWorkdays');
  throw AppError.validation(
    problems.map((p): FieldProblem => ({ path: path(p.path), rule: CALENDAR_RULES[p.code] })),
  );
}

export async function listCalendarsFor(ctx: Ctx, projectId?: string) {
  return listCalendars(ctx.db, ctx.actor, projectId);
}

export async function getCalendar(ctx: Ctx, id: string): Promise<CalendarRow> {
  const row = await findCalendar(ctx.db, ctx.actor, id);
  if (!row) throw AppError.notFound();
  return row;
}

export async function createCalendar(
  ctx: Ctx,
  input: z.output<typeof CalendarCreateSchema>,
): Promise<CalendarRow> {
  if (input.projectId) {
    if (!(await findVisibleProject(ctx.db, ctx.actor, input.projectId)))
      throw AppError.field('projectId', 'rule.unknownReference');
  }
  if (!calendarAbilities(ctx.actor, { projectId: input.projectId }).update) throw AppError.forbidden();
  const preset = PRESETS[input.preset ?? '5x8'];
  if (!input.weekly && !input.preset) throw AppError.field('weekly', 'rule.required');
  const weekly = Object.fromEntries(
    Object.entries(input.weekly ?? preset.weekly).map(([k, v]) => [
      k,
      v.map((r) => ({ start: r.start, end: r.end })),
    ]),
  );
  const row = {
    id: uuid7(),
    projectId: input.projectId,
    name: input.name,
    timeZone: input.timeZone,
    weekly,
    followsChinaHolidays: input.followsChinaHolidays ?? preset.followsChinaHolidays,
    extraHolidays: input.extraHolidays,
    extraMakeupWorkdays: input.extraMakeupWorkdays,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  checkCalendar(row);
  return configWrite(
    ctx,
    ctx.db.transaction(async (tx) => {
      const created = await insertCalendar(tx, row);
      await recordAudit(tx, ctx, {
        action: 'calendar.create',
        objectType: 'calendar',
        objectId: created.id,
        changes: changesOf(null, created),
      });
      return created;
    }),
  );
}

export async function updateCalendar(
  ctx: Ctx,
  id: string,
  patch: z.output<typeof CalendarUpdateSchema>,
): Promise<CalendarRow> {
  return configWrite(
    ctx,
    ctx.db.transaction(async (tx) => {
      const before = await findCalendar(tx, ctx.actor, id, true);
      if (!before) throw AppError.notFound();
      if (!calendarAbilities(ctx.actor, before).update) throw AppError.forbidden();
      const changes = definedOnly(patch);
      const next = {
        ...before,
        ...changes,
        weekly: changes.weekly ? Object.fromEntries(Object.entries(changes.weekly)) : before.weekly,
      };
      checkCalendar(next);
      // Running clocks on this calendar keep their logs; their due times follow the new hours from the next event or sweep.
      const after = await updateCalendarRow(tx, id, { ...changes, weekly: next.weekly, updatedAt: ctx.now });
      await recordAudit(tx, ctx, {
        action: 'calendar.update',
        objectType: 'calendar',
        objectId: id,
        changes: changesOf(before, after),
      });
      return after;
    }),
  );
}

export async function deleteCalendar(ctx: Ctx, id: string): Promise<void> {
  await configWrite(
    ctx,
    ctx.db.transaction(async (tx) => {
      const before = await findCalendar(tx, ctx.actor, id, true);
      if (!before) throw AppError.notFound();
      if (!calendarAbilities(ctx.actor, before).delete) throw AppError.forbidden();
      if (await calendarInUse(tx, id)) throw new AppError('IN_USE');
      await deleteCalendarRow(tx, id);
      await recordAudit(tx, ctx, {
        action: 'calendar.delete',
        objectType: 'calendar',
        objectId: id,
        changes: changesOf(before, null),
      });
    }),
  );
}

/** `start` + business minutes on the calendar (with the statutory holidays when it follows them). */
export async function computeDue(
  ctx: Ctx,
  id: string,
  input: z.output<typeof ComputeDueSchema>,
): Promise<Date> {
  const row = await getCalendar(ctx, id);
  const def = await new CalendarResolver(ctx.db, ctx.now).definitionOf(row);
  const start = new Date(input.start).getTime();
  if (!Number.isSafeInteger(start)) throw AppError.field('start', 'rule.invalidValue');
  try {
    return new Date(addBusinessMinutes(def, instant(start), businessMinutes(input.businessMinutes)));
  } catch (err) {
    if (err instanceof RangeError) throw AppError.field('businessMinutes', 'rule.invalidValue');
    throw err;
  }
}

// ── Holiday years ────────────────────────────────────────────────────────────
const YEAR_RULES: Record<HolidayYearProblem['code'], string> = {
  invalid_year: 'rule.invalidYear',
  no_holidays: 'rule.noHolidays',
  invalid_date: 'rule.invalidDate',
  outside_year: 'rule.outsideYear',
  duplicate: 'rule.duplicate',
  holiday_and_makeup: 'rule.holidayAndMakeup',
  makeup_not_weekend: 'rule.makeupNotWeekend',
};

export async function holidayYears(ctx: Ctx) {
  await ensureHolidayYears(ctx.db, ctx.now);
  return listHolidayYears(ctx.db);
}

export async function holidayYear(ctx: Ctx, year: number) {
  await ensureHolidayYears(ctx.db, ctx.now);
  const row = await findHolidayYear(ctx.db, year);
  if (!row) throw AppError.notFound();
  return row;
}

/** Replaces (edit) or adds (import) one year, after the domain's checks. Admin only. */
export async function putHolidayYear(
  ctx: Ctx,
  year: number,
  input: z.output<typeof HolidayYearPutSchema>,
  action: 'update' | 'import',
) {
  if (!systemAbilities(ctx.actor).manageOrganisation) throw AppError.forbidden();
  const data = { year, holidays: input.holidays, makeupWorkdays: input.makeupWorkdays };
  const problems = validateHolidayYear(data);
  if (problems.length)
    throw AppError.validation(problems.map((p) => ({ path: p.path, rule: YEAR_RULES[p.code] })));
  await ensureHolidayYears(ctx.db, ctx.now);
  return configWrite(
    ctx,
    ctx.db.transaction(async (tx: DbOrTx) => {
      const before = await findHolidayYear(tx, year);
      const row = await upsertHolidayYear(tx, {
        year,
        holidays: [...data.holidays].sort(),
        makeupWorkdays: [...data.makeupWorkdays].sort(),
        source: 'admin',
        updatedAt: ctx.now,
        updatedBy: ctx.actor.userId,
      });
      await recordAudit(tx, ctx, {
        action: `holidayYear.${action}`,
        objectType: 'holiday_year',
        objectId: String(year),
        changes: changesOf(before, row, ['updatedAt', 'updatedBy']),
      });
      return row;
    }),
  );
}
