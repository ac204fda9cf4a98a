import { asc, eq } from 'drizzle-orm';
import type { ServiceModeRule } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { handovers, serviceModeRules } from '../../db/schema/index.js';
import { constraintField } from '../../http/pg-errors.js';

constraintField('service_mode_rules_key_key', 'key');

export type RuleRow = typeof serviceModeRules.$inferSelect;
export type NewRule = typeof serviceModeRules.$inferInsert;

/** The rules in evaluation order; `lock` holds them while the list is edited (one editor at a time). */
export function listRuleRows(db: DbOrTx, lock = false): Promise<RuleRow[]> {
  const q = db
    .select()
    .from(serviceModeRules)
    .orderBy(asc(serviceModeRules.position), asc(serviceModeRules.id));
  return lock ? q.for('update') : q;
}

export const toDomainRule = (r: RuleRow): ServiceModeRule => ({
  key: r.key,
  when: r.conditions,
  mode: r.mode,
  variant: r.variant,
  reason: { 'zh-CN': r.reasonZh, en: r.reasonEn },
  implies: r.implies,
});

/** The rules as the domain evaluates them. */
export async function loadRules(db: DbOrTx): Promise<ServiceModeRule[]> {
  return (await listRuleRows(db)).map(toDomainRule);
}

export async function insertRule(db: DbOrTx, row: NewRule): Promise<RuleRow> {
  const [created] = await db.insert(serviceModeRules).values(row).returning();
  return created!;
}

export async function updateRuleRow(db: DbOrTx, id: string, patch: Partial<NewRule>): Promise<RuleRow> {
  const [row] = await db.update(serviceModeRules).set(patch).where(eq(serviceModeRules.id, id)).returning();
  return row!;
}

export async function deleteRuleRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(serviceModeRules).where(eq(serviceModeRules.id, id));
}

/** The planned handover date of a project, if it has a handover (the day its mode facts are judged on). */
export async function handoverDateOf(db: DbOrTx, projectId: string): Promise<string | null> {
  const [row] = await db
    .select({ plannedDate: handovers.plannedDate })
    .from(handovers)
    .where(eq(handovers.projectId, projectId));
  return row?.plannedDate ?? null;
}
