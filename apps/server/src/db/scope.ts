import { sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';
import { projectScope } from '@opsdesk/domain';
import type { Actor } from '@opsdesk/domain';

/**
 * The scope rule of packages/domain/access/project-scope.ts as a WHERE clause on a column holding
 * a project id. Every repository filters by it, so rows outside the actor's projects are never
 * read (and answer 404). scope.test.ts checks it agrees with `canSeeProject` row for row.
 */
/** A uuid[] parameter (drizzle would spread a JS array into a list of parameters). */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/** A text[] parameter of any strings (sent as one JSON array). */
export function textArray(values: readonly string[]): SQL {
  return sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

export function projectVisible(actor: Actor, projectIdColumn: AnyColumn | SQL): SQL {
  const s = projectScope(actor);
  switch (s.kind) {
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'customer':
      return sql`${projectIdColumn} IN (SELECT p.id FROM projects p WHERE p.customer_id = ${s.customerId})`;
    case 'subcontractor':
      return sql`${projectIdColumn} IN (SELECT ps.project_id FROM project_subcontractors ps WHERE ps.subcontractor_id = ${s.subcontractorId})`;
    case 'staff': {
      const parts: SQL[] = [];
      if (s.memberProjectIds.length)
        parts.push(sql`${projectIdColumn} = ANY(${uuidArray(s.memberProjectIds)})`);
      if (s.division !== null)
        parts.push(sql`${projectIdColumn} IN (SELECT p.id FROM projects p WHERE p.division = ${s.division})`);
      if (s.region !== null)
        parts.push(sql`${projectIdColumn} IN (SELECT p.id FROM projects p WHERE p.region = ${s.region})`);
      return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`;
    }
  }
}

/** Customers the actor may see: its own (contacts), or those of its visible projects. */
export function customerVisible(actor: Actor, customerIdColumn: AnyColumn | SQL): SQL {
  const s = projectScope(actor);
  if (s.kind === 'all') return sql`true`;
  if (s.kind === 'none') return sql`false`;
  if (s.kind === 'customer') return sql`${customerIdColumn} = ${s.customerId}`;
  return sql`${customerIdColumn} IN (SELECT p.customer_id FROM projects p WHERE ${projectVisible(actor, sql`p.id`)})`;
}
