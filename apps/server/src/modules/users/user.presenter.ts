import type { User } from '@opsdesk/contracts';
import { userAbilities, userVisibility } from '@opsdesk/domain';
import type { Actor } from '@opsdesk/domain';
import type { UserView } from './user.repository.js';

/**
 * Account state (lock, last sign-in) is for the people who run accounts — the admin, the security
 * admin, the auditor — and for the user themselves; everyone else who may see the user gets null.
 */
function seesAccountState(actor: Actor, row: UserView): boolean {
  return actor.userId === row.id || userVisibility(actor).kind === 'all';
}

export function presentUser(row: UserView, actor: Actor): User {
  const account = seesAccountState(actor, row);
  return {
    id: row.id,
    kind: row.kind,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    phone: row.phone,
    title: row.title,
    customerId: row.customerId,
    customerName: row.customerName,
    subcontractorId: row.subcontractorId,
    subcontractorName: row.subcontractorName,
    globalRoles: [...row.globalRoles],
    managesDivision: row.managesDivision,
    managesRegion: row.managesRegion,
    locale: row.locale,
    disabled: row.disabled,
    canLogin: row.username !== null && row.hasPassword,
    lockedUntil: account && row.lockedUntil ? row.lockedUntil.toISOString() : null,
    lastLoginAt: account && row.lastLoginAt ? row.lastLoginAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: userAbilities(actor, row),
  };
}
