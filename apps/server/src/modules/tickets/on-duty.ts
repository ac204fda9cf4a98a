import type { DbOrTx } from '../../db/client.js';

/**
 * Who is on duty for a project at an instant (值班). The duty roster belongs to the service-project
 * module being built alongside (`GET /projects/:id/on-duty?at=`); until it registers its lookup
 * here with `setOnDutyLookup`, nobody is on duty and an out-of-hours P1 stays with its group.
 */
export type OnDutyLookup = (db: DbOrTx, projectId: string, at: Date) => Promise<string | null>;

let lookup: OnDutyLookup = async () => null;

export function setOnDutyLookup(fn: OnDutyLookup): void {
  lookup = fn;
}

export function onDutyUser(db: DbOrTx, projectId: string, at: Date): Promise<string | null> {
  return lookup(db, projectId, at);
}
