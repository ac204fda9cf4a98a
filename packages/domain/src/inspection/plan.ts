import type { InspectionSchedule } from './schedule.js';
import { MAX_DUE_DAYS, validateSchedule } from './schedule.js';
import type { InspectionTemplate } from './template.js';

/**
 * Which CIs a plan inspects: a fixed list, or a filter evaluated when each task is generated (so a
 * switch added at site X next month is in next month's task). A filter always stays within the CI
 * types the plan's templates cover; an empty filter means every such CI of the project.
 */
export type PlanCiSelection =
  { mode: 'explicit'; ciIds: readonly string[] } | { mode: 'filter'; filter: PlanCiFilter };

/** Every given criterion must hold; within one, any listed value matches; an absent or empty list is no criterion. */
export interface PlanCiFilter {
  ciTypeKeys?: readonly string[];
  siteIds?: readonly string[];
}

/** What the filter needs to know of a CI. */
export interface PlanCiFacts {
  ciId: string;
  ciTypeKey: string;
  siteId: string | null;
}

/**
 * An inspection plan (巡检计划) of a project: what to check (templates — at most one per CI type),
 * on which CIs, when, by whom (a person, a team, or both: the person leads), and how long a task
 * may take (`dueDays`, see `taskWindow`).
 */
export interface InspectionPlan {
  templateIds: readonly string[];
  selection: PlanCiSelection;
  schedule: InspectionSchedule;
  assigneeId: string | null;
  teamId: string | null;
  dueDays: number;
}

export type PlanProblemCode =
  | 'no_templates'
  | 'unknown_template'
  | 'duplicate_template'
  | 'overlapping_templates'
  | 'no_cis'
  | 'duplicate_ci'
  | 'uncovered_ci_type'
  | 'no_assignee'
  | 'invalid_due_days'
  | 'invalid_day'
  | 'invalid_weekday'
  | 'invalid_month'
  | 'invalid_cron'
  | 'unknown_kind';

/** One problem of a plan; `path` is dotted: `templateIds.1`, `selection.ciIds.0`, `schedule.day`, `dueDays`. */
export interface PlanProblem {
  path: string;
  code: PlanProblemCode;
}

/**
 * Every problem of a plan; empty when it is usable. `templates` are the current versions of the
 * templates the plan references (the server loads those it finds). Two templates may not cover the
 * same CI type — a CI would get two checklists with clashing item keys. `dueDays` is a whole number
 * from 1 to `MAX_DUE_DAYS` of the schedule's kind (7 weekly, 28 monthly, 89 quarterly, 366 cron).
 */
export function validatePlan(plan: InspectionPlan, templates: readonly InspectionTemplate[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (plan.templateIds.length === 0) problems.push({ path: 'templateIds', code: 'no_templates' });
  const coveredBy = new Map<string, string>();
  const seen = new Set<string>();
  plan.templateIds.forEach((id, i) => {
    if (seen.has(id)) return problems.push({ path: `templateIds.${i}`, code: 'duplicate_template' });
    seen.add(id);
    const t = templates.find((x) => x.id === id);
    if (!t) return problems.push({ path: `templateIds.${i}`, code: 'unknown_template' });
    for (const type of new Set(t.items.map((item) => item.ciTypeKey))) {
      if (coveredBy.has(type)) problems.push({ path: `templateIds.${i}`, code: 'overlapping_templates' });
      else coveredBy.set(type, id);
    }
  });
  const sel = plan.selection;
  if (sel.mode === 'explicit') {
    if (sel.ciIds.length === 0) problems.push({ path: 'selection.ciIds', code: 'no_cis' });
    const ids = new Set<string>();
    sel.ciIds.forEach((id, i) => {
      if (ids.has(id)) problems.push({ path: `selection.ciIds.${i}`, code: 'duplicate_ci' });
      ids.add(id);
    });
  } else {
    (sel.filter.ciTypeKeys ?? []).forEach((type, i) => {
      if (!coveredBy.has(type))
        problems.push({ path: `selection.filter.ciTypeKeys.${i}`, code: 'uncovered_ci_type' });
    });
  }
  for (const p of validateSchedule(plan.schedule))
    problems.push({ path: `schedule.${p.path}`, code: p.code });
  if (!plan.assigneeId && !plan.teamId) problems.push({ path: 'assigneeId', code: 'no_assignee' });
  const max = MAX_DUE_DAYS[plan.schedule.kind] ?? 0;
  if (!Number.isInteger(plan.dueDays) || plan.dueDays < 1 || plan.dueDays > max)
    problems.push({ path: 'dueDays', code: 'invalid_due_days' });
  return problems;
}

/**
 * Whether a CI belongs in a plan's task: its type is covered by the plan's templates, and it is in
 * the explicit list or matches the filter. The server runs the same rule in SQL at generation; an
 * explicit CI whose type no template covers (retyped in the CMDB) is left out of the task.
 */
export function ciInPlan(
  selection: PlanCiSelection,
  coveredTypes: readonly string[],
  ci: PlanCiFacts,
): boolean {
  if (!coveredTypes.includes(ci.ciTypeKey)) return false;
  if (selection.mode === 'explicit') return selection.ciIds.includes(ci.ciId);
  const { ciTypeKeys, siteIds } = selection.filter;
  if (ciTypeKeys && ciTypeKeys.length > 0 && !ciTypeKeys.includes(ci.ciTypeKey)) return false;
  if (siteIds && siteIds.length > 0 && (ci.siteId === null || !siteIds.includes(ci.siteId))) return false;
  return true;
}
