import { z } from 'zod';
import { GLOBAL_ROLES, USER_KINDS } from '@opsdesk/domain';
import { Email, Name, OptionalText, Phone, Timestamp, listQuery, page } from './common.js';
import { LANGS } from './i18n.js';
import { defineRules } from './messages.js';

defineRules({
  'rule.adminOnlyField': { 'zh-CN': '仅系统管理员可修改此项', en: 'Only the system admin can change this' },
  'rule.passwordNeedsUsername': { 'zh-CN': '设置密码时须同时设置用户名', en: 'A password needs a username' },
  'rule.lastAdmin': {
    'zh-CN': '不能移除最后一位系统管理员的角色',
    en: 'The last system admin cannot lose the role',
  },
});

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, { message: 'rule.usernameFormat' });

export const UserAbilitiesSchema = z.object({
  update: z.boolean(),
  disable: z.boolean(),
  resetPassword: z.boolean(),
  grantRoles: z.boolean(),
});

export const UserSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(USER_KINDS),
    username: z.string().nullable(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    title: z.string().nullable(),
    customerId: z.uuid().nullable(),
    customerName: z.string().nullable(),
    subcontractorId: z.uuid().nullable(),
    subcontractorName: z.string().nullable(),
    globalRoles: z.array(z.enum(GLOBAL_ROLES)),
    managesDivision: z.string().nullable(),
    managesRegion: z.string().nullable(),
    locale: z.enum(LANGS).nullable(),
    disabled: z.boolean(),
    canLogin: z.boolean(),
    lockedUntil: Timestamp.nullable(),
    lastLoginAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: UserAbilitiesSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const UserCreateSchema = z.strictObject({
  kind: z.enum(USER_KINDS),
  /** Omit username and password for a contact who does not sign in (e.g. a phone caller). */
  username: Username.nullish().transform((v) => v ?? null),
  password: z
    .string()
    .max(200)
    .nullish()
    .transform((v) => v ?? null),
  displayName: Name(100),
  email: Email,
  phone: Phone,
  title: OptionalText(60),
  customerId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  subcontractorId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  managesDivision: OptionalText(60),
  managesRegion: OptionalText(60),
  locale: z
    .enum(LANGS)
    .nullish()
    .transform((v) => v ?? null),
});
export type UserCreate = z.input<typeof UserCreateSchema>;

export const UserUpdateSchema = z.strictObject({
  username: Username.nullish(),
  displayName: Name(100).optional(),
  email: Email.optional(),
  phone: Phone.optional(),
  title: OptionalText(60).optional(),
  managesDivision: OptionalText(60).optional(),
  managesRegion: OptionalText(60).optional(),
  locale: z.enum(LANGS).nullish(),
  disabled: z.boolean().optional(),
});
export type UserUpdate = z.input<typeof UserUpdateSchema>;

export const UserRolesSchema = z.strictObject({ globalRoles: z.array(z.enum(GLOBAL_ROLES)).max(1) });
export const PasswordResetSchema = z.strictObject({ password: z.string().min(1).max(200) });
export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const UserListQuery = listQuery(['displayName', 'username', 'createdAt']).extend({
  kind: z.enum(USER_KINDS).optional(),
  customerId: z.uuid().optional(),
  subcontractorId: z.uuid().optional(),
  disabled: z.enum(['true', 'false']).optional(),
});
export const UserPage = page(UserSchema);
