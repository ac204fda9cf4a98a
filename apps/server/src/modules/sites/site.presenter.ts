import type { Site } from '@opsdesk/contracts';
import { organisationAbilities } from '@opsdesk/domain';
import type { Actor } from '@opsdesk/domain';
import type { SiteView } from './site.repository.js';

export function presentSite(row: SiteView, actor: Actor): Site {
  return {
    id: row.id,
    customerId: row.customerId,
    customerName: row.customerName,
    name: row.name,
    address: row.address,
    region: row.region,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: organisationAbilities(actor),
  };
}
