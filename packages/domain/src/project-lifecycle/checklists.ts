import type { ProjectRole } from '../access/roles.js';
import { STAFF_PROJECT_ROLES } from '../access/roles.js';
import type { LocalisedText } from '../lifecycle/types.js';
import type { LocalDate } from './dates.js';
import { addDays, addPeriods, periodEnd, periodOf, periodsBetween } from './dates.js';

/**
 * Checklists of the delivery lifecycle (服务交付工作流程和规范), as templates an administrator
 * edits. Starting a project generates its start checklist, each month of implementation its
 * recurring items, and two weeks before the end date its closing checklist.
 */
export const CHECKLIST_PHASES = ['start', 'implementation', 'closing'] as const;
export type ChecklistPhase = (typeof CHECKLIST_PHASES)[number];

/** Where a project task comes from: a checklist item, a customer approval, the handover, quality monitoring, or a person. */
export const TASK_CATEGORIES = ['checklist', 'approval', 'handover', 'quality', 'custom'] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];
export const TASK_PHASES = ['handover', 'start', 'implementation', 'closing'] as const;
export type TaskPhase = (typeof TASK_PHASES)[number];
export const TEMPLATE_CATEGORIES = ['checklist', 'approval'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];
export const RECURRENCES = ['once', 'monthly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

/** The start checklist is due within 3 weeks of the service start date (项目启动阶段需在合同启动后3周内完成). */
export const START_DUE_DAYS = 21;
/** The closing checklist appears 2 weeks before the end date (开始于合同规定服务时间即将结束的前2周). */
export const CLOSING_LEAD_DAYS = 14;

/**
 * One checklist item. `dueOffsetDays` counts from the phase's anchor: for start items days after the
 * service start date; for monthly items days after the last day of the month they cover (5 = the 5th
 * of the next month); for closing items days from the end date (negative: before it).
 */
export interface ChecklistTemplate {
  key: string;
  phase: ChecklistPhase;
  category: TemplateCategory;
  title: LocalisedText;
  description: string | null;
  recurrence: Recurrence;
  dueOffsetDays: number;
  /** Who owns the generated task by default: the first member holding this role, else a project manager. */
  ownerRole: ProjectRole | null;
  position: number;
  active: boolean;
}

/** Who should own a generated task; the server resolves it to a person on the project. */
export type OwnerHint =
  | { kind: 'role'; role: ProjectRole }
  | { kind: 'service_lead' }
  | { kind: 'customer_manager' }
  | { kind: 'project_manager' };

/** A task to create, before it has an owner or an id. (`templateKey`, `period`) identify it per project. */
export interface GeneratedTask {
  templateKey: string;
  period: string;
  phase: TaskPhase;
  category: TaskCategory;
  title: LocalisedText;
  description: string | null;
  dueDate: LocalDate;
  owner: OwnerHint;
}

const t = (zh: string, en: string): LocalisedText => ({ 'zh-CN': zh, en });
const item = (
  key: string,
  phase: ChecklistPhase,
  title: LocalisedText,
  over: Partial<ChecklistTemplate> = {},
): ChecklistTemplate => ({
  key,
  phase,
  category: 'checklist',
  title,
  description: null,
  recurrence: phase === 'implementation' ? 'monthly' : 'once',
  dueOffsetDays: phase === 'start' ? START_DUE_DAYS : 0,
  ownerRole: 'project_manager',
  position: 0,
  active: true,
  ...over,
});

/** The templates that ship with opsdesk; the migration seeds the same rows (a server test checks). */
export const DEFAULT_CHECKLIST_TEMPLATES: readonly ChecklistTemplate[] = [
  item('start.form_team', 'start', t('成立项目维护小组', 'Form the project team'), { position: 10 }),
  item('start.collect_information', 'start', t('收集项目整体信息', 'Collect the project information'), {
    position: 20,
    ownerRole: 'technical_lead',
  }),
  item('start.service_plan', 'start', t('服务方案（客户审批）', 'Service plan, approved by the customer'), {
    position: 30,
    category: 'approval',
  }),
  item(
    'start.implementation_plan',
    'start',
    t('项目实施计划（客户审批）', 'Implementation plan, approved by the customer'),
    { position: 40, category: 'approval' },
  ),
  item('start.kickoff_meeting', 'start', t('召开用户项目启动会', 'Hold the kick-off meeting'), {
    position: 50,
  }),
  item('start.emergency_plan', 'start', t('制定应急方案', 'Write the emergency plan'), {
    position: 60,
    ownerRole: 'technical_lead',
  }),
  item('start.maintenance_plan', 'start', t('制定维护方案', 'Write the maintenance plan'), {
    position: 70,
    ownerRole: 'technical_lead',
  }),
  item(
    'start.service_continuity',
    'start',
    t('启动IT服务持续性管理', 'Start service-continuity management'),
    { position: 80, ownerRole: 'technical_lead' },
  ),
  item('implementation.monthly_report', 'implementation', t('月度服务报告', 'Monthly service report'), {
    position: 10,
    dueOffsetDays: 5,
  }),
  item(
    'implementation.operations_meeting',
    'implementation',
    t('月度运维例会', 'Monthly operations meeting'),
    { position: 20, dueOffsetDays: 10 },
  ),
  item('closing.collect_documents', 'closing', t('整理服务资料', 'Collect the service documents'), {
    position: 10,
    dueOffsetDays: -7,
    ownerRole: 'technical_lead',
  }),
  item('closing.annual_summary', 'closing', t('编写年度总结', 'Write the annual summary'), {
    position: 20,
    dueOffsetDays: -7,
  }),
  item('closing.annual_review_meeting', 'closing', t('召开年度总结会议', 'Hold the annual review meeting'), {
    position: 30,
    dueOffsetDays: -3,
  }),
  item(
    'closing.handover_work',
    'closing',
    t('向客户移交一年的工作', "Hand over the year's work to the customer"),
    { position: 40 },
  ),
  item('closing.renewal_decision', 'closing', t('续签服务合同决定', 'Decide on renewing the contract'), {
    position: 50,
  }),
];

/** The range of `dueOffsetDays` each phase accepts. */
export const DUE_OFFSET_RANGE: Readonly<Record<ChecklistPhase, { min: number; max: number }>> = {
  start: { min: 0, max: 90 },
  implementation: { min: 0, max: 27 },
  closing: { min: -CLOSING_LEAD_DAYS, max: 30 },
};

export interface ChecklistTemplateProblem {
  field: 'dueOffsetDays' | 'recurrence' | 'ownerRole';
  rule: 'rule.offsetRange' | 'rule.recurrenceForPhase' | 'rule.roleForKind';
  params?: Record<string, number>;
}

/** What is wrong with an edited template: implementation items recur monthly, the others once; offsets in range; staff owners. */
export function validateChecklistTemplate(
  tpl: Pick<ChecklistTemplate, 'phase' | 'recurrence' | 'dueOffsetDays' | 'ownerRole'>,
): ChecklistTemplateProblem[] {
  const problems: ChecklistTemplateProblem[] = [];
  const wanted: Recurrence = tpl.phase === 'implementation' ? 'monthly' : 'once';
  if (tpl.recurrence !== wanted) problems.push({ field: 'recurrence', rule: 'rule.recurrenceForPhase' });
  const range = DUE_OFFSET_RANGE[tpl.phase];
  if (
    !Number.isInteger(tpl.dueOffsetDays) ||
    tpl.dueOffsetDays < range.min ||
    tpl.dueOffsetDays > range.max
  ) {
    problems.push({ field: 'dueOffsetDays', rule: 'rule.offsetRange', params: range });
  }
  if (tpl.ownerRole !== null && !(STAFF_PROJECT_ROLES as readonly string[]).includes(tpl.ownerRole)) {
    problems.push({ field: 'ownerRole', rule: 'rule.roleForKind' });
  }
  return problems;
}

const activeOf = (templates: readonly ChecklistTemplate[], phase: ChecklistPhase) =>
  templates
    .filter((x) => x.active && x.phase === phase)
    .sort((a, b) => a.position - b.position || a.key.localeCompare(b.key));

function generated(tpl: ChecklistTemplate, dueDate: LocalDate, period = ''): GeneratedTask {
  return {
    templateKey: tpl.key,
    period,
    phase: tpl.phase,
    category: tpl.category,
    title: tpl.title,
    description: tpl.description,
    dueDate,
    owner: tpl.ownerRole ? { kind: 'role', role: tpl.ownerRole } : { kind: 'project_manager' },
  };
}

/** The start checklist of a project whose service starts on `serviceStart`: each item due `dueOffsetDays` (default 21) later. */
export function startChecklist(
  templates: readonly ChecklistTemplate[],
  serviceStart: LocalDate,
): GeneratedTask[] {
  return activeOf(templates, 'start').map((x) => generated(x, addDays(serviceStart, x.dueOffsetDays)));
}

/** The day the closing checklist appears: 14 days before the end date. */
export function closingAppearsOn(serviceEnd: LocalDate): LocalDate {
  return addDays(serviceEnd, -CLOSING_LEAD_DAYS);
}

/** The closing checklist of a project ending on `serviceEnd`: each item due `dueOffsetDays` from the end date. */
export function closingChecklist(
  templates: readonly ChecklistTemplate[],
  serviceEnd: LocalDate,
): GeneratedTask[] {
  return activeOf(templates, 'closing').map((x) => generated(x, addDays(serviceEnd, x.dueOffsetDays)));
}

/** The recurring items of one month `'YYYY-MM'` of implementation, due `dueOffsetDays` after the month's last day. */
export function monthlyItems(templates: readonly ChecklistTemplate[], period: string): GeneratedTask[] {
  return activeOf(templates, 'implementation').map((x) =>
    generated(x, addDays(periodEnd(period), x.dueOffsetDays), period),
  );
}

/**
 * The months whose recurring items are due on `today` and not generated yet, for a project in
 * implementation serving `serviceStart`–`serviceEnd` whose items exist through `generatedThrough`
 * (`'YYYY-MM'`, null when none yet): the months after that one (or, the first time, from the month of
 * today or of the start date, whichever is later) up to the month of today, never past the end
 * date's month. Months before implementation began are not generated after the fact.
 */
export function recurringPeriodsDue(
  serviceStart: LocalDate,
  serviceEnd: LocalDate,
  generatedThrough: string | null,
  today: LocalDate,
): string[] {
  const first = generatedThrough
    ? addPeriods(generatedThrough, 1)
    : periodOf(serviceStart > today ? serviceStart : today);
  const last = periodOf(serviceEnd < today ? serviceEnd : today);
  return periodsBetween(first, last);
}
