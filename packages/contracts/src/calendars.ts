import { z } from 'zod';
import { DateOnly, Name, Timestamp } from './common.js';
import { defineRules } from './messages.js';

defineRules({
  'rule.invalidTimeZone': { 'zh-CN': '无效的时区', en: 'Unknown time zone' },
  'rule.invalidTime': { 'zh-CN': '时间格式应为 HH:MM', en: 'A time is HH:MM' },
  'rule.emptyRange': { 'zh-CN': '结束时间须晚于开始时间', en: 'The end must be after the start' },
  'rule.overlappingRanges': {
    'zh-CN': '工作时段不能重叠，且须按时间排序',
    en: 'Working ranges must be in order and not overlap',
  },
  'rule.noWorkingHours': { 'zh-CN': '至少需要一个工作时段', en: 'At least one working range is needed' },
  'rule.invalidDate': { 'zh-CN': '无效的日期', en: 'Invalid date' },
  'rule.invalidWeekday': {
    'zh-CN': '调休日须借用一个有工作时段的星期',
    en: 'A make-up day must borrow the hours of a weekday that has some',
  },
  'rule.holidayAndMakeup': {
    'zh-CN': '同一天不能既是假日又是调休工作日',
    en: 'A day cannot be both a holiday and a make-up workday',
  },
  'rule.noHolidays': { 'zh-CN': '至少需要一个假日', en: 'At least one holiday is needed' },
  'rule.outsideYear': { 'zh-CN': '日期不在该年份内', en: 'The date is outside the year' },
  'rule.duplicate': { 'zh-CN': '重复的值', en: 'Duplicate value' },
  'rule.makeupNotWeekend': {
    'zh-CN': '调休工作日应为周六或周日',
    en: 'A make-up workday is a Saturday or Sunday',
  },
  'rule.invalidYear': { 'zh-CN': '无效的年份', en: 'Invalid year' },
  'rule.yearMismatch': {
    'zh-CN': '年份与地址中的年份不一致',
    en: 'The year differs from the one in the address',
  },
  'rule.calendarInUse': {
    'zh-CN': '该日历正被 SLA 策略或时钟使用',
    en: 'This calendar is used by an SLA policy or clock',
  },
});

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'rule.invalidTime' });
export const TimeRangeSchema = z.strictObject({ start: Time, end: Time });
const Day = z.array(TimeRangeSchema).max(12);
/** Working ranges per ISO weekday, 1 = Monday … 7 = Sunday; an empty list is a day off. */
export const WeeklyHoursSchema = z.strictObject({ 1: Day, 2: Day, 3: Day, 4: Day, 5: Day, 6: Day, 7: Day });
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;

export const MakeupWorkdaySchema = z.strictObject({
  date: DateOnly,
  hours: z.number().int().min(1).max(7).optional(),
});

export const CALENDAR_PRESETS = ['7x24', '5x8'] as const;

export const CalendarSchema = z
  .object({
    id: z.uuid(),
    /** Null: a global calendar every project may use. */
    projectId: z.uuid().nullable(),
    name: z.string(),
    timeZone: z.string(),
    weekly: WeeklyHoursSchema,
    /** Whether China's statutory holidays and make-up workdays (调休) apply. */
    followsChinaHolidays: z.boolean(),
    extraHolidays: z.array(DateOnly),
    extraMakeupWorkdays: z.array(MakeupWorkdaySchema),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'Calendar' });
export type Calendar = z.infer<typeof CalendarSchema>;

const CalendarFields = {
  name: Name(100),
  timeZone: z.string().trim().min(1).max(64),
  weekly: WeeklyHoursSchema,
  followsChinaHolidays: z.boolean(),
  extraHolidays: z.array(DateOnly).max(400),
  extraMakeupWorkdays: z.array(MakeupWorkdaySchema).max(100),
};

/** Give `weekly`, or a `preset` (7×24, or 5×8 = Mon–Fri 09:00–12:00, 13:00–18:00) to start from. */
export const CalendarCreateSchema = z.strictObject({
  projectId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  preset: z.enum(CALENDAR_PRESETS).optional(),
  name: CalendarFields.name,
  timeZone: CalendarFields.timeZone.default('Asia/Shanghai'),
  weekly: CalendarFields.weekly.optional(),
  followsChinaHolidays: CalendarFields.followsChinaHolidays.optional(),
  extraHolidays: CalendarFields.extraHolidays.default([]),
  extraMakeupWorkdays: CalendarFields.extraMakeupWorkdays.default([]),
});
export const CalendarUpdateSchema = z.strictObject({
  name: CalendarFields.name.optional(),
  timeZone: CalendarFields.timeZone.optional(),
  weekly: CalendarFields.weekly.optional(),
  followsChinaHolidays: CalendarFields.followsChinaHolidays.optional(),
  extraHolidays: CalendarFields.extraHolidays.optional(),
  extraMakeupWorkdays: CalendarFields.extraMakeupWorkdays.optional(),
});
export const CalendarListQuery = z.strictObject({ projectId: z.uuid().optional() });
export const CalendarList = z.object({ items: z.array(CalendarSchema) });

export const ComputeDueSchema = z.strictObject({
  start: Timestamp,
  /** Whole or fractional business minutes, up to ten years of 7×24. */
  businessMinutes: z.number().min(0).max(5_256_000),
});
export const ComputeDueResult = z.object({ due: Timestamp });

export const HolidayYearSchema = z
  .object({
    year: z.number().int(),
    holidays: z.array(DateOnly),
    makeupWorkdays: z.array(DateOnly),
    /** `package`: as loaded from `chinese-days`; `admin`: edited or imported. */
    source: z.enum(['package', 'admin']),
    updatedAt: Timestamp,
  })
  .meta({ id: 'HolidayYear' });
export const HolidayYearList = z.object({ items: z.array(HolidayYearSchema) });
export const YearParams = z.strictObject({ year: z.coerce.number().int().min(1970).max(9999) });
export const HolidayYearPutSchema = z.strictObject({
  holidays: z.array(z.string().max(20)).max(366),
  makeupWorkdays: z.array(z.string().max(20)).max(366),
});
/** A new year as JSON (published by the State Council each November). */
export const HolidayYearImportSchema = HolidayYearPutSchema.extend({ year: z.number().int() });
