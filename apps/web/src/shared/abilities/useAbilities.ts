import type { z } from 'zod';
import type { SystemAbilitiesSchema } from '@opsdesk/contracts';
import { useMeQuery } from '../../app/session/me';

export type SystemAbilities = z.infer<typeof SystemAbilitiesSchema>;
export type SystemAbility = keyof SystemAbilities;

const NONE: SystemAbilities = {
  manageOrganisation: false,
  manageUsers: false,
  grantRoles: false,
  manageSecurityPolicy: false,
  readAudit: false,
  readSecurityPolicy: false,
};

/**
 * What the signed-in user may do system-wide, from `GET /me`. The UI never re-derives a rule
 * from roles: it reads the abilities the server computed (all false until `/me` is loaded).
 */
export function useAbilities(): SystemAbilities {
  return useMeQuery().data?.abilities ?? NONE;
}

/** Whether an object the server returned allows `ability` (its `abilities` field). */
export function can<A extends Record<string, boolean>>(
  obj: { abilities: A } | null | undefined,
  ability: keyof A,
): boolean {
  return obj?.abilities[ability] === true;
}
