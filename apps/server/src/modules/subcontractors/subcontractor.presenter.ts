import type { Subcontractor } from '@opsdesk/contracts';
import { organisationAbilities } from '@opsdesk/domain';
import type { Actor } from '@opsdesk/domain';
import type { SubcontractorRow } from './subcontractor.repository.js';

export function presentSubcontractor(row: SubcontractorRow, actor: Actor): Subcontractor {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.creditCode,
    contactName: row.contactName,
    phone: row.phone,
    email: row.email,
    qualifications: row.qualifications,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: organisationAbilities(actor),
  };
}
