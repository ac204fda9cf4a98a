import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { checklistTemplates } from '../../db/schema/index.js';
import { constraintField } from '../../http/pg-errors.js';

constraintField('checklist_templates_key_key', 'key');
constraintField('checklist_templates_phase_recurrence_check', 'recurrence');

export type TemplateRow = typeof checklistTemplates.$inferSelect;
export type NewTemplate = typeof checklistTemplates.$inferInsert;

export function listTemplateRows(db: DbOrTx): Promise<TemplateRow[]> {
  return db
    .select()
    .from(checklistTemplates)
    .orderBy(
      sql`CASE ${checklistTemplates.phase} WHEN 'start' THEN 1 WHEN 'implementation' THEN 2 ELSE 3 END`,
      asc(checklistTemplates.position),
      asc(checklistTemplates.id),
    );
}

export async function findTemplate(db: DbOrTx, id: string): Promise<TemplateRow | null> {
  const rows = await db.select().from(checklistTemplates).where(eq(checklistTemplates.id, id)).for('update');
  return rows[0] ?? null;
}

export async function insertTemplate(db: DbOrTx, row: NewTemplate): Promise<TemplateRow> {
  const [created] = await db.insert(checklistTemplates).values(row).returning();
  return created!;
}

export async function updateTemplateRow(
  db: DbOrTx,
  id: string,
  patch: Partial<NewTemplate>,
): Promise<TemplateRow> {
  const [row] = await db
    .update(checklistTemplates)
    .set(patch)
    .where(eq(checklistTemplates.id, id))
    .returning();
  return row!;
}

export async function deleteTemplateRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(checklistTemplates).where(eq(checklistTemplates.id, id));
}
