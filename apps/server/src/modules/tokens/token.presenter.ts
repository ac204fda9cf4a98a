import type { Token } from '@opsdesk/contracts';
import type { Actor } from '@opsdesk/domain';
import type { TokenView } from './token.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentToken(row: TokenView, actor: Actor): Token {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    // Tokens are personal: only the owner revokes, and a revoked token stays revoked.
    abilities: { revoke: row.userId === actor.userId && row.revokedAt === null },
  };
}
