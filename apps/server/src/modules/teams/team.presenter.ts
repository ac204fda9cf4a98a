import type { Team } from '@opsdesk/contracts';
import { organisationAbilities } from '@opsdesk/domain';
import type { Actor } from '@opsdesk/domain';
import type { TeamView } from './team.repository.js';

export function presentTeam(row: TeamView, actor: Actor): Team {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    leadUserId: row.leadUserId,
    leadName: row.leadName,
    members: row.members.map((m) => ({ userId: m.userId, displayName: m.displayName })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: organisationAbilities(actor),
  };
}
