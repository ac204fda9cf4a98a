import type { Actor } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';

/** What an actor may do with the attachments of one object. */
export interface OwnerAccess {
  /** The project the owner belongs to (scope), if any. */
  projectId: string | null;
  canRead: boolean;
  canWrite: boolean;
}

/**
 * Resolves an owner object for an actor: null when the actor cannot see it (→ 404).
 * Every module whose objects carry attachments registers its owner types here, so attachments are
 * scoped exactly like their owner.
 */
export type OwnerResolver = (db: DbOrTx, actor: Actor, ownerId: string) => Promise<OwnerAccess | null>;

const OWNERS = new Map<string, OwnerResolver>();

export function registerAttachmentOwner(ownerType: string, resolver: OwnerResolver): void {
  OWNERS.set(ownerType, resolver);
}

export function ownerResolver(ownerType: string): OwnerResolver | undefined {
  return OWNERS.get(ownerType);
}
