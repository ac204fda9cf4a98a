import type { Translation } from '../types';
import type zh from '../zh-CN/calendars';

/** Business calendars and China's public holidays (with make-up workdays). */
const en: Translation<typeof zh> = {
  title: 'Business calendars',
  tabs: { calendars: 'Business calendars', holidays: 'Public holidays' },
  intro:
    'A business calendar says when SLA clocks run: 7×24, 5×8 or custom hours, optionally with China’s public holidays and make-up workdays.',
  introProject: "Calendars the current project may use: the global ones and the project's own.",
  empty: 'No business calendars yet.',
  create: 'New calendar',
  edit: 'Edit calendar',
  deleteHint: 'A calendar used by an SLA policy or a clock cannot be deleted.',
  weekdays: { '1': 'Mon', '2': 'Tue', '3': 'Wed', '4': 'Thu', '5': 'Fri', '6': 'Sat', '7': 'Sun' },
  summary: { group: '{{days}} {{ranges}}', span: '{{from}}–{{to}}', separator: '; ' },
  fields: {
    name: 'Name',
    project: 'Project',
    scope: 'Scope',
    globalScope: 'Global',
    projectScope: 'Project',
    weekly: 'Working hours',
    timeZone: 'Time zone',
    followsChinaHolidays: 'Public holidays and make-up workdays apply',
    extraHolidays: 'Extra days off',
    extraMakeupWorkdays: 'Extra make-up workdays',
    extraDays: 'Extra days',
    extraDaysCount: '{{holidays}} off, {{makeup}} make-up',
  },
  form: {
    namePlaceholder: 'e.g. On site 5×8',
    projectHint: 'Without a project the calendar is global (system administrators only).',
    global: 'Global (every project)',
    preset: 'Start from',
    presets: { '5x8': '5×8 (Mon–Fri 9–12, 13–18)', '7x24': '7×24', custom: 'Custom' },
    weekly: 'Weekly hours',
    weeklyHint:
      'Several ranges a day make breaks; a day without ranges is a day off. Times are HH:MM; 24:00 ends the day.',
    dayOff: 'Day off',
    addRange: 'Range',
    removeRange: 'Remove range',
    rangeStart: '{{day}} from',
    rangeEnd: '{{day}} to',
    followsHint:
      'Follows the holidays and make-up workdays the State Council publishes each year (see “Public holidays”).',
    extraHolidaysHint: "Further days off of this calendar, e.g. the customer's own.",
    makeupHint:
      "Further working days of this calendar; they take the hours of a weekday (Monday's by default).",
    makeupDate: 'Date',
    makeupHours: 'Hours of weekday',
    addMakeup: 'Add a make-up workday',
  },
  compute: {
    title: 'Compute a due time',
    short: 'What-if',
    intro: 'On “{{name}}” ({{timeZone}}): the moment a number of working minutes after a start is used up.',
    start: 'Start',
    minutes: 'Working minutes',
    minutesHint: 'e.g. 240 = 4 working hours.',
    minutesUnit: 'min',
    submit: 'Compute',
    result: 'Due {{due}}',
    resultDetail: '{{minutes}} working minutes from {{start}}.',
    resultLocal: 'That is {{time}} in the calendar’s time zone ({{timeZone}}).',
  },
  years: {
    intro:
      "China's public holidays and make-up workdays by year. opsdesk ships them; a year an administrator edited or imported is never overwritten.",
    year: 'Year',
    holidays: 'Days off',
    makeupWorkdays: 'Make-up workdays',
    source: 'Source',
    sources: { package: 'Shipped', admin: 'Maintained by an administrator' },
    empty: 'No holiday years yet.',
    editTitle: 'Holidays of {{year}}',
    editHint: 'Click dates to add or remove them. Make-up workdays are usually a Saturday or Sunday.',
    import: 'Import a year (JSON)',
    importHint:
      'The State Council publishes the next year around November. Paste JSON with year, holidays (days off) and makeupWorkdays, dates as YYYY-MM-DD.',
    json: 'JSON',
    badJson: 'This is not valid JSON',
    importSubmit: 'Import',
    imported: '{{year}} imported',
  },
};
export default en;
