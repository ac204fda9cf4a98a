import type { Customer } from '@opsdesk/contracts';
import { organisationAbilities } from '@opsdesk/domain';
import type { Actor } from '@opsdesk/domain';
import type { CustomerRow } from './customer.repository.js';

export function presentCustomer(row: CustomerRow, actor: Actor): Customer {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    industry: row.industry,
    address: row.address,
    phone: row.phone,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: organisationAbilities(actor),
  };
}
