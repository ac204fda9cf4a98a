import { z } from 'zod';
import { GLOBAL_ROLES, PROJECT_ROLES, SPECIALTIES, USER_KINDS } from '@opsdesk/domain';
import { Name, Timestamp } from './common.js';
import { LANGS } from './i18n.js';
import { Username } from './users.js';

export const LoginSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type Login = z.infer<typeof LoginSchema>;

export const SystemAbilitiesSchema = z.object({
  manageOrganisation: z.boolean(),
  manageUsers: z.boolean(),
  grantRoles: z.boolean(),
  manageSecurityPolicy: z.boolean(),
  readAudit: z.boolean(),
  readSecurityPolicy: z.boolean(),
});

export const MeSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(USER_KINDS),
    username: z.string().nullable(),
    displayName: z.string(),
    locale: z.enum(LANGS).nullable(),
    customerId: z.uuid().nullable(),
    subcontractorId: z.uuid().nullable(),
    globalRoles: z.array(z.enum(GLOBAL_ROLES)),
    memberships: z.array(
      z.object({
        projectId: z.uuid(),
        role: z.enum(PROJECT_ROLES),
        specialty: z.enum(SPECIALTIES).nullable(),
      }),
    ),
    /** Send this in the X-CSRF-Token header with every cookie-authenticated write. */
    csrfToken: z.string().nullable(),
    sessionExpiresAt: Timestamp.nullable(),
    idleTimeoutMinutes: z.number().int(),
    abilities: SystemAbilitiesSchema,
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const SetupStatusSchema = z.object({ needed: z.boolean() });
export const SetupSchema = z.strictObject({
  username: Username,
  password: z.string().min(1).max(200),
  displayName: Name(100),
});

// ── Personal API tokens ──────────────────────────────────────────────────────
export const TokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
    expiresAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
    abilities: z.object({ revoke: z.boolean() }),
  })
  .meta({ id: 'Token' });
export type Token = z.infer<typeof TokenSchema>;
export const TokenCreateSchema = z.strictObject({
  name: Name(100),
  /** Days until the token expires; omit for no expiry. */
  expiresInDays: z.number().int().min(1).max(3650).nullish(),
});
export const TokenCreatedSchema = TokenSchema.extend({
  /** The secret, shown once. Send it as `Authorization: Bearer <token>`. */
  token: z.string(),
});
export const TokenList = z.object({ items: z.array(TokenSchema) });
