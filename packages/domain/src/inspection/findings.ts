import type { LocalisedText } from '../lifecycle/types.js';
import { quoteReading } from './quote.js';
import type { AbnormalReason, ReadingValue } from './reading.js';
import type { InspectionSeverity, InspectionTemplate, TemplateItemRef } from './template.js';
import { findTemplateItem, inspectionSeverityRank } from './template.js';

/**
 * One stored reading of one item on one CI in a submitted task, referencing the exact template
 * version it was judged with (see `InspectionTemplate`).
 */
export interface InspectionResult extends TemplateItemRef {
  ciId: string;
  value: ReadingValue | null;
  normal: boolean;
  abnormalReason: AbnormalReason | null;
  remark: string | null;
  photos: readonly string[];
}

/**
 * A finding (遗留问题) to create: one per abnormal reading that no open finding already tracks.
 * `autoIncident`: the item's severity is one of its template's `autoIncidentSeverities`, so the
 * server raises an incident at once, linked to the CI, with `quote` in its description; otherwise
 * the finding stays open until someone converts it (incident, work order) or it is resolved.
 */
export interface FindingDraft extends TemplateItemRef {
  ciId: string;
  severity: InspectionSeverity;
  autoIncident: boolean;
  /** The item's title, for the finding's title. */
  title: LocalisedText;
  /** The reading quoted with its normal range and remark (`quoteReading`). */
  quote: LocalisedText;
  value: ReadingValue | null;
  abnormalReason: AbnormalReason | null;
  remark: string | null;
  photos: readonly string[];
}

/**
 * What the rules need of a stored, unresolved finding. Whether it was kept open or converted to an
 * incident or work order does not matter here: every unresolved finding carries over and can be
 * resolved by a reading, and the server passes its full rows through (generic `F`).
 */
export interface OpenFindingRef {
  id: string;
  ciId: string;
  templateId: string;
  itemKey: string;
  severity: InspectionSeverity;
}

/**
 * One finding per abnormal result, in the order of the results. Each result's item is looked up in
 * the template version the result references; throws when that version is missing (the server
 * must load every version its results reference — a programming error, not user input).
 */
export function findingsFromResults(
  results: readonly InspectionResult[],
  templates: readonly InspectionTemplate[],
): FindingDraft[] {
  return results
    .filter((r) => !r.normal)
    .map((r) => {
      const item = findTemplateItem(templates, r);
      const template = templates.find((t) => t.id === r.templateId && t.version === r.templateVersion);
      if (!item || !template)
        throw new RangeError(
          `no item ${r.ciTypeKey}/${r.itemKey} in template ${r.templateId} v${r.templateVersion}`,
        );
      return {
        templateId: r.templateId,
        templateVersion: r.templateVersion,
        ciTypeKey: r.ciTypeKey,
        itemKey: r.itemKey,
        ciId: r.ciId,
        severity: item.severity,
        autoIncident: template.autoIncidentSeverities.includes(item.severity),
        title: item.title,
        quote: quoteReading(item, r.value, r.remark),
        value: r.value,
        abnormalReason: r.abnormalReason,
        remark: r.remark,
        photos: r.photos,
      };
    });
}

/** How a round's results change the open findings; see `reconcileFindings`. */
export interface FindingsReconciliation<F extends OpenFindingRef> {
  /** New findings: abnormal readings of items without an open finding on that CI. */
  create: FindingDraft[];
  /** Open findings read abnormal again: they stay open; the server records the new reading on them. */
  recurring: { finding: F; result: InspectionResult }[];
  /** Open findings whose item now reads normal on the same CI: resolved by that reading. */
  resolved: { finding: F; result: InspectionResult }[];
  /** Open findings this round did not read (CI skipped or not in the task, item removed): left as they are. */
  unchanged: F[];
}

/**
 * Apply one submitted round to the open findings. A finding belongs to `(ciId, templateId,
 * itemKey)` — the item's identity across template versions, so a revision that tightens a range
 * does not sever the link. For each open finding:
 *
 * - the same item on the same CI reads **normal** → `resolved` (the reading is the evidence; the
 *   engineer stood in front of the device). A finding converted to an incident or work order is
 *   resolved the same way; its ticket follows its own lifecycle.
 * - it reads **abnormal** again → `recurring`; no second finding and no second automatic incident.
 * - no reading of that item this round (CI skipped, CI not in the task, item removed from the
 *   template, the plan moved to another template) → `unchanged`: only a person resolves it then.
 *
 * Every other abnormal result becomes a new finding (`findingsFromResults`). Findings are
 * otherwise resolved by hand (with a note) or when the server closes their linked ticket.
 */
export function reconcileFindings<F extends OpenFindingRef>(
  open: readonly F[],
  results: readonly InspectionResult[],
  templates: readonly InspectionTemplate[],
): FindingsReconciliation<F> {
  const key = (ciId: string, templateId: string, itemKey: string) =>
    JSON.stringify([ciId, templateId, itemKey]);
  const byItem = new Map(results.map((r) => [key(r.ciId, r.templateId, r.itemKey), r]));
  const tracked = new Set(open.map((f) => key(f.ciId, f.templateId, f.itemKey)));
  const out: FindingsReconciliation<F> = { create: [], recurring: [], resolved: [], unchanged: [] };
  for (const finding of open) {
    const result = byItem.get(key(finding.ciId, finding.templateId, finding.itemKey));
    if (!result) out.unchanged.push(finding);
    else if (result.normal) out.resolved.push({ finding, result });
    else out.recurring.push({ finding, result });
  }
  out.create = findingsFromResults(
    results.filter((r) => !tracked.has(key(r.ciId, r.templateId, r.itemKey))),
    templates,
  );
  return out;
}

/** Which open findings show on which CI of the next task; see `carryOver`. */
export interface CarryOver<F> {
  /** Every CI of the task, each with its open findings (possibly none), most severe first. */
  byCi: Record<string, F[]>;
  /** Open findings on CIs the task does not include (CI left the plan, decommissioned): still open, shown elsewhere. */
  notInTask: F[];
}

/**
 * Carry open findings over to the next round: each shows on its CI in the next task until it is
 * resolved, whichever plan or template raised it (the engineer on site sees every open issue of the
 * device). Within a CI the most severe come first; equal severities keep the order given (the
 * server passes them oldest first). Pass only unresolved findings.
 */
export function carryOver<F extends { ciId: string; severity: InspectionSeverity }>(
  openFindings: readonly F[],
  nextTaskCis: readonly (string | { ciId: string })[],
): CarryOver<F> {
  // No prototype: a CI id is data, and `__proto__` must stay a plain key.
  const byCi = Object.create(null) as Record<string, F[]>;
  for (const ci of nextTaskCis) byCi[typeof ci === 'string' ? ci : ci.ciId] = [];
  const notInTask: F[] = [];
  for (const f of openFindings) {
    const list = Object.hasOwn(byCi, f.ciId) ? byCi[f.ciId] : undefined;
    if (list) list.push(f);
    else notInTask.push(f);
  }
  for (const list of Object.values(byCi))
    list.sort((a, b) => inspectionSeverityRank(b.severity) - inspectionSeverityRank(a.severity));
  return { byCi, notInTask };
}
