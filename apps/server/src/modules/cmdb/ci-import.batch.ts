import { ruleMessage } from '@opsdesk/contracts';
import type { Ctx } from '../../http/context.js';
import { fromPgError } from '../../http/pg-errors.js';
import { recordAudit } from '../audit/audit.record.js';
import type { CiTypeRow } from './ci-type.repository.js';
import type { ProjectRef } from './ci.resolve.js';
import { whoOf } from './ci.service.js';
import { insertCis, updateCi } from './ci.write.js';
import type { Column } from './ci-import.columns.js';
import { planBatch } from './ci-import.plan.js';
import type { ImportState, Plan } from './ci-import.plan.js';
import type { ImportRow } from './ci-import.repository.js';
import type { Outcome, RowResult } from './ci-import.result.js';
import type { ParsedRow, RowErrors } from './ci-import.rows.js';

/**
 * One batch of an import, in one transaction: the rows are planned (ci-import.plan.ts), then —
 * on a commit, not a dry run — new CIs go in together and each update is a savepoint; when the
 * batch insert fails each row is retried on its own savepoint, so a failed row never leaves half
 * a CI behind. The batch's writes are audited with it.
 */
export async function importBatch(
  ctx: Ctx,
  record: ImportRow,
  project: ProjectRef,
  type: CiTypeRow,
  columns: readonly Column[],
  errs: RowErrors,
  state: ImportState,
  batch: ParsedRow[],
): Promise<RowResult[]> {
  return ctx.db.transaction(async (tx) => {
    const plans = await planBatch(tx, ctx, !record.dryRun, project, type, columns, errs, state, batch);

    // ── Write (commit only) ──
    const results = new Map<ParsedRow, RowResult>();
    const result = (pl: Plan, outcome: Outcome, ciId: string | null) =>
      results.set(pl.parsed, {
        row: pl.parsed.row,
        outcome,
        ciId,
        name: (pl.parsed.fields.name as string | undefined) ?? pl.before?.name ?? null,
        errors: pl.parsed.errors,
      });
    const who = { ...whoOf(ctx), importId: record.id };
    const creates = plans.filter((pl) => !pl.parsed.errors.length && pl.create);
    const updates = plans.filter((pl) => !pl.parsed.errors.length && pl.set);
    for (const pl of plans) if (pl.parsed.errors.length) result(pl, 'error', pl.before?.id ?? null);
    for (const pl of plans)
      if (
        !pl.parsed.errors.length &&
        !pl.create &&
        !pl.set &&
        (pl.parsed.fields.name || pl.parsed.fields.serialNo)
      )
        result(pl, 'unchanged', pl.before?.id ?? null);
    if (record.dryRun) {
      for (const pl of creates) result(pl, 'created', null);
      for (const pl of updates) result(pl, 'updated', pl.before!.id);
    } else {
      const failed = (pl: Plan, e: unknown) => {
        const known = fromPgError(e);
        const reason = known?.fields[0]
          ? (ruleMessage(known.fields[0].rule, errs.lang) ?? known.code)
          : e instanceof Error
            ? e.message.slice(0, 200)
            : 'error';
        pl.parsed.errors.push(errs.at(pl.parsed.row, null, 'rule.import.failed', { reason }));
        result(pl, 'error', null);
      };
      try {
        await tx.transaction((sp) =>
          insertCis(
            sp,
            who,
            creates.map((pl) => ({ row: pl.create!, uniques: pl.uniques })),
          ),
        );
        for (const pl of creates) result(pl, 'created', pl.create!.id!);
      } catch {
        for (const pl of creates) {
          try {
            await tx.transaction((sp) => insertCis(sp, who, [{ row: pl.create!, uniques: pl.uniques }]));
            result(pl, 'created', pl.create!.id!);
          } catch (e) {
            failed(pl, e);
          }
        }
      }
      for (const pl of updates) {
        try {
          await tx.transaction((sp) => updateCi(sp, who, pl.before!, pl.set!, pl.uniques));
          result(pl, 'updated', pl.before!.id);
        } catch (e) {
          failed(pl, e);
        }
      }
      const created = creates.filter((pl) => results.get(pl.parsed)?.outcome === 'created').length;
      const updated = updates.filter((pl) => results.get(pl.parsed)?.outcome === 'updated').length;
      if (created || updated) {
        await recordAudit(tx, ctx, {
          action: 'ci.import',
          objectType: 'ci_import',
          objectId: record.id,
          detail: {
            projectId: project.id,
            type: type.key,
            rows: [batch[0]!.row, batch[batch.length - 1]!.row],
            created,
            updated,
          },
        });
      }
    }
    return batch.map((p) => results.get(p)!);
  });
}
