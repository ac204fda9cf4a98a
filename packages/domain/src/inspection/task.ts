import type { FindingsReconciliation, InspectionResult, OpenFindingRef } from './findings.js';
import { reconcileFindings } from './findings.js';
import type { ReadingInput, ReadingProblem, ReadingProblemCode } from './reading.js';
import { evaluateReading, isBlankInput } from './reading.js';
import type { InspectionTemplate } from './template.js';
import { checklistFor } from './template.js';

/** A CI of a task, with its CI type (as it was when the task was generated). */
export interface TaskCi {
  ciId: string;
  ciTypeKey: string;
}

/**
 * What the phone has for one CI: readings by item key, or a reason the CI was not inspected
 * (powered off, room locked, device moved). Any string in `skipReason` means "skipped" — a blank
 * one is a problem, not a silent un-skip. A skipped CI's readings are ignored.
 */
export interface CiEntry {
  skipReason?: unknown;
  readings?: Readonly<Record<string, ReadingInput>>;
}

export type CiProgressState = 'not_started' | 'in_progress' | 'done' | 'skipped';

export interface CiProgress {
  ciId: string;
  state: CiProgressState;
  /** Items of the CI's checklist (0 when skipped or uncovered). */
  total: number;
  /** Items with a valid reading. */
  answered: number;
  normal: number;
  abnormal: number;
}

export type TaskProblemCode =
  ReadingProblemCode | 'unknown_ci' | 'unknown_item' | 'skip_reason_required' | 'no_checklist';

/**
 * A field-level problem within a task. `path` follows the shape of `entries`:
 * `<ciId>.readings.<itemKey>.<value|remark|photos|flagged>`, `<ciId>.readings.<itemKey>` (unknown
 * item), `<ciId>.skipReason`, or `<ciId>` (CI not in the task, or no template covers its type).
 */
export interface TaskProblem {
  path: string;
  code: TaskProblemCode;
  ciId: string;
  itemKey?: string;
  field?: ReadingProblem['path'] | 'skipReason';
}

/** An item that still needs a reading (nothing entered at all). */
export interface UnansweredItem {
  path: string;
  ciId: string;
  itemKey: string;
}

export interface TaskCounts {
  cis: number;
  cisDone: number;
  cisSkipped: number;
  /** Items to read over the CIs not skipped. */
  items: number;
  answered: number;
  normal: number;
  abnormal: number;
  unanswered: number;
}

export interface TaskEvaluation<F extends OpenFindingRef> {
  /** Ready to submit: every item of every CI not skipped has a valid reading, and nothing has a problem. */
  complete: boolean;
  counts: TaskCounts;
  /** In task order. */
  cis: CiProgress[];
  problems: TaskProblem[];
  unanswered: UnansweredItem[];
  /** The valid readings, normalised, in task and item order: what submitting stores. */
  results: InspectionResult[];
  /** What submitting does to findings (`reconcileFindings` with the open findings passed in). */
  findings: FindingsReconciliation<F>;
}

/**
 * Where a task stands, CI by CI and item by item, and what submitting it would store and raise.
 * `templates` are the versions the task pinned; a CI is read against the one that covers its type
 * (`checklistFor`). `openFindings` are the unresolved findings on the task's CIs, so a reading that
 * repeats or clears a carried-over finding does not raise a duplicate (`reconcileFindings`).
 *
 * The phone calls it on every change for progress; the server calls it on submit and refuses
 * unless `complete`, answering `problems` and `unanswered` (as `required`) as field errors.
 */
export function evaluateTask<F extends OpenFindingRef = OpenFindingRef>(
  templates: readonly InspectionTemplate[],
  cis: readonly TaskCi[],
  entries: Readonly<Record<string, CiEntry>>,
  openFindings: readonly F[] = [],
): TaskEvaluation<F> {
  const problems: TaskProblem[] = [];
  const unanswered: UnansweredItem[] = [];
  const results: InspectionResult[] = [];
  const progress: CiProgress[] = [];
  const inTask = new Set(cis.map((c) => c.ciId));
  for (const ciId of Object.keys(entries)) {
    if (!inTask.has(ciId)) problems.push({ path: ciId, code: 'unknown_ci', ciId });
  }

  for (const ci of cis) {
    const entry = Object.hasOwn(entries, ci.ciId) ? entries[ci.ciId] : undefined;
    const p: CiProgress = {
      ciId: ci.ciId,
      state: 'not_started',
      total: 0,
      answered: 0,
      normal: 0,
      abnormal: 0,
    };
    progress.push(p);
    const skip = entry?.skipReason;
    if (skip !== undefined && skip !== null) {
      p.state = 'skipped';
      if (typeof skip !== 'string' || skip.trim() === '') {
        const code = typeof skip === 'string' ? 'skip_reason_required' : 'wrong_type';
        problems.push({ path: `${ci.ciId}.skipReason`, code, ciId: ci.ciId, field: 'skipReason' });
      }
      continue;
    }
    const checklist = checklistFor(templates, ci.ciTypeKey);
    if (!checklist) {
      problems.push({ path: ci.ciId, code: 'no_checklist', ciId: ci.ciId });
      continue;
    }
    const readings = entry?.readings ?? {};
    const problemsBefore = problems.length;
    const known = new Set(checklist.items.map((i) => i.key));
    for (const itemKey of Object.keys(readings)) {
      if (!known.has(itemKey))
        problems.push({
          path: `${ci.ciId}.readings.${itemKey}`,
          code: 'unknown_item',
          ciId: ci.ciId,
          itemKey,
        });
    }
    p.total = checklist.items.length;
    let touched = false;
    for (const item of checklist.items) {
      const input = Object.hasOwn(readings, item.key) ? readings[item.key] : undefined;
      const at = `${ci.ciId}.readings.${item.key}`;
      if (!isBlankInput(input)) touched = true;
      const r = evaluateReading(item, input ?? {});
      if (r.ok) {
        p.answered++;
        if (r.normal) p.normal++;
        else p.abnormal++;
        results.push({
          ciId: ci.ciId,
          ciTypeKey: ci.ciTypeKey,
          templateId: checklist.template.id,
          templateVersion: checklist.template.version,
          itemKey: item.key,
          value: r.value,
          normal: r.normal,
          abnormalReason: r.abnormalReason,
          remark: r.remark,
          photos: r.photos,
        });
      } else if (isBlankInput(input)) {
        unanswered.push({ path: at, ciId: ci.ciId, itemKey: item.key });
      } else {
        for (const x of r.problems)
          problems.push({
            path: `${at}.${x.path}`,
            code: x.code,
            ciId: ci.ciId,
            itemKey: item.key,
            field: x.path,
          });
      }
    }
    // Optional text counts as answered when empty, so only what was entered starts a CI.
    const clean = problems.length === problemsBefore;
    p.state = p.answered === p.total && clean ? 'done' : touched ? 'in_progress' : 'not_started';
  }

  const sum = (f: (p: CiProgress) => number) => progress.reduce((n, p) => n + f(p), 0);
  return {
    complete: problems.length === 0 && unanswered.length === 0,
    counts: {
      cis: cis.length,
      cisDone: sum((p) => (p.state === 'done' ? 1 : 0)),
      cisSkipped: sum((p) => (p.state === 'skipped' ? 1 : 0)),
      items: sum((p) => p.total),
      answered: sum((p) => p.answered),
      normal: sum((p) => p.normal),
      abnormal: sum((p) => p.abnormal),
      unanswered: unanswered.length,
    },
    cis: progress,
    problems,
    unanswered,
    results,
    findings: reconcileFindings(openFindings, results, templates),
  };
}
