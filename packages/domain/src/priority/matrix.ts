import type { LocalisedText } from '../lifecycle/types.js';

/**
 * Priority from impact × urgency through a per-project matrix (ITIL). Levels run 1..4 with 1 the
 * highest: impact 1 is the widest, urgency 1 the most pressing, P1 the first to handle.
 */
export const PRIORITY_LEVELS = [1, 2, 3, 4] as const;
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number];
export type Impact = PriorityLevel;
export type Urgency = PriorityLevel;
export type Priority = PriorityLevel;

/** How far the damage reaches. */
export const IMPACT_LABELS: Readonly<Record<Impact, LocalisedText>> = {
  1: {
    'zh-CN': '全局：整个业务系统或多个部门/站点',
    en: 'Extensive: a whole business system or several departments or sites',
  },
  2: { 'zh-CN': '重大：一个部门、站点或关键用户', en: 'Significant: one department, site or key users' },
  3: { 'zh-CN': '中等：少数用户', en: 'Moderate: a few users' },
  4: { 'zh-CN': '轻微：单个用户或单台设备', en: 'Minor: one user or one device' },
};

/** How soon the business needs it back. */
export const URGENCY_LABELS: Readonly<Record<Urgency, LocalisedText>> = {
  1: { 'zh-CN': '极高：业务中断，无替代办法', en: 'Critical: business interrupted, no workaround' },
  2: { 'zh-CN': '高：业务严重受影响', en: 'High: business badly affected' },
  3: { 'zh-CN': '中：业务受影响但可继续', en: 'Medium: business affected but can go on' },
  4: { 'zh-CN': '低：可计划处理', en: 'Low: can be planned' },
};

export const PRIORITY_LABELS: Readonly<Record<Priority, LocalisedText>> = {
  1: { 'zh-CN': 'P1 紧急', en: 'P1 Critical' },
  2: { 'zh-CN': 'P2 高', en: 'P2 High' },
  3: { 'zh-CN': 'P3 中', en: 'P3 Medium' },
  4: { 'zh-CN': 'P4 低', en: 'P4 Low' },
};

/**
 * A project's matrix: `cells[impact - 1][urgency - 1]` is the priority.
 *
 * `businessStoppedPriority`: the seed's top fault level, "系统瘫痪，业务系统不能运转" (system down,
 * business stopped). A ticket flagged so gets at least this priority, whatever impact and urgency
 * say; the flag only ever raises a priority, never lowers it. Null: the flag does not affect the
 * priority (the project's matrix "says otherwise"); the flag still drives the emergency-plan rule.
 */
export interface PriorityMatrix {
  cells: readonly (readonly Priority[])[];
  businessStoppedPriority: Priority | null;
}

/**
 * The default 4×4 matrix, ITIL-style and symmetric: the priority follows impact + urgency
 * (2–3 → P1, 4 → P2, 5–6 → P3, 7–8 → P4).
 *
 * |              | urgency 1 | urgency 2 | urgency 3 | urgency 4 |
 * |--------------|-----------|-----------|-----------|-----------|
 * | impact 1     | P1        | P1        | P2        | P3        |
 * | impact 2     | P1        | P2        | P3        | P3        |
 * | impact 3     | P2        | P3        | P3        | P4        |
 * | impact 4     | P3        | P3        | P4        | P4        |
 *
 * A business stopped forces P1.
 */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  cells: [
    [1, 1, 2, 3],
    [1, 2, 3, 3],
    [2, 3, 3, 4],
    [3, 3, 4, 4],
  ],
  businessStoppedPriority: 1,
};

export interface PriorityFlags {
  /** 系统瘫痪，业务系统不能运转. */
  businessStopped?: boolean;
}

/**
 * The priority of a ticket with `impact` and `urgency` under `matrix`, raised to the matrix's
 * `businessStoppedPriority` when the business is stopped. Throws RangeError on a level outside
 * 1..4 or a matrix without that cell: validate input and matrices first (`validateMatrix`).
 */
export function priorityFor(
  matrix: PriorityMatrix,
  impact: Impact,
  urgency: Urgency,
  flags: PriorityFlags = {},
): Priority {
  if (!isPriorityLevel(impact) || !isPriorityLevel(urgency))
    throw new RangeError(`impact and urgency must be 1..4, got ${impact}×${urgency}`);
  const cell = matrix.cells[impact - 1]?.[urgency - 1];
  if (cell === undefined || !isPriorityLevel(cell))
    throw new RangeError(`matrix has no valid cell for ${impact}×${urgency}`);
  const floor = flags.businessStopped ? matrix.businessStoppedPriority : null;
  return floor !== null && floor < cell ? floor : cell;
}

/** Whether `value` is a level 1..4 (impact, urgency or priority), e.g. from admin-edited JSON. */
export function isPriorityLevel(value: unknown): value is PriorityLevel {
  return typeof value === 'number' && (PRIORITY_LEVELS as readonly number[]).includes(value);
}

export type MatrixProblem =
  | { code: 'wrong_shape'; rows: number }
  | { code: 'wrong_row_length'; impact: number; length: number }
  | { code: 'bad_cell'; impact: number; urgency: number }
  | { code: 'not_monotone'; impact: number; urgency: number }
  | { code: 'bad_business_stopped_priority' };

/**
 * Every problem of `matrix`; empty when it is usable. It must be 4×4 of priorities 1..4, and
 * monotone: a wider impact or a higher urgency never gives a lower priority (a larger number)
 * than its neighbour.
 */
export function validateMatrix(matrix: PriorityMatrix): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  if (matrix.businessStoppedPriority !== null && !isPriorityLevel(matrix.businessStoppedPriority))
    problems.push({ code: 'bad_business_stopped_priority' });
  if (matrix.cells.length !== PRIORITY_LEVELS.length)
    return [...problems, { code: 'wrong_shape', rows: matrix.cells.length }];
  matrix.cells.forEach((row, i) => {
    if (row.length !== PRIORITY_LEVELS.length)
      problems.push({ code: 'wrong_row_length', impact: i + 1, length: row.length });
    row.forEach((cell, j) => {
      if (!isPriorityLevel(cell)) problems.push({ code: 'bad_cell', impact: i + 1, urgency: j + 1 });
    });
  });
  if (problems.length > 0) return problems;
  for (const i of PRIORITY_LEVELS) {
    for (const u of PRIORITY_LEVELS) {
      const here = cellAt(matrix, i, u);
      const worseImpact = i < 4 ? cellAt(matrix, i + 1, u) : here;
      const worseUrgency = u < 4 ? cellAt(matrix, i, u + 1) : here;
      if (here > worseImpact || here > worseUrgency)
        problems.push({ code: 'not_monotone', impact: i, urgency: u });
    }
  }
  return problems;
}

function cellAt(matrix: PriorityMatrix, impact: number, urgency: number): number {
  return matrix.cells[impact - 1]?.[urgency - 1] ?? Number.NaN;
}
