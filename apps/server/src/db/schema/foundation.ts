import type { GlobalRole } from '@opsdesk/domain';
import { projectContractColumns } from './service-projects.js';
import {
  bigint,
  bigserial,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts, created, updated } from './columns.js';

// Mirrors migrations/0001_foundation.sql; schema-drift.test.ts checks they agree.

export const customers = pgTable('customers', {
  id: uuid('id').primaryKey(),
  code: text('code'),
  name: text('name').notNull(),
  shortName: text('short_name'),
  industry: text('industry'),
  address: text('address'),
  phone: text('phone'),
  notes: text('notes'),
  createdAt: created(),
  updatedAt: updated(),
});

export const subcontractors = pgTable('subcontractors', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  creditCode: text('credit_code'),
  contactName: text('contact_name'),
  phone: text('phone'),
  email: text('email'),
  qualifications: text('qualifications'),
  notes: text('notes'),
  createdAt: created(),
  updatedAt: updated(),
});

export const sites = pgTable('sites', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  name: text('name').notNull(),
  address: text('address'),
  region: text('region'),
  notes: text('notes'),
  createdAt: created(),
  updatedAt: updated(),
});

export const projects = pgTable('projects', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  customerId: uuid('customer_id').notNull(),
  status: text('status', { enum: ['planned', 'active', 'closed'] })
    .notNull()
    .default('planned'),
  division: text('division'),
  region: text('region'),
  startDate: date('start_date', { mode: 'string' }),
  endDate: date('end_date', { mode: 'string' }),
  description: text('description'),
  createdAt: created(),
  updatedAt: updated(),
  ...projectContractColumns,
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  kind: text('kind', { enum: ['staff', 'customer_contact', 'subcontractor_staff'] }).notNull(),
  username: text('username'),
  passwordHash: text('password_hash'),
  displayName: text('display_name').notNull(),
  email: text('email'),
  phone: text('phone'),
  title: text('title'),
  customerId: uuid('customer_id'),
  subcontractorId: uuid('subcontractor_id'),
  globalRoles: text('global_roles').array().$type<GlobalRole[]>().notNull().default([]),
  managesDivision: text('manages_division'),
  managesRegion: text('manages_region'),
  locale: text('locale', { enum: ['zh-CN', 'en'] }),
  disabled: boolean('disabled').notNull().default(false),
  failedLoginCount: integer('failed_login_count').notNull().default(0),
  lockedUntil: ts('locked_until'),
  lastLoginAt: ts('last_login_at'),
  passwordChangedAt: ts('password_changed_at'),
  createdAt: created(),
  updatedAt: updated(),
});

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  leadUserId: uuid('lead_user_id'),
  createdAt: created(),
  updatedAt: updated(),
});

export const teamMembers = pgTable(
  'team_members',
  { teamId: uuid('team_id').notNull(), userId: uuid('user_id').notNull() },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

export const projectMembers = pgTable('project_members', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id').notNull(),
  userId: uuid('user_id').notNull(),
  role: text('role').notNull(),
  specialty: text('specialty'),
  createdAt: created(),
});

export const projectSubcontractors = pgTable(
  'project_subcontractors',
  {
    projectId: uuid('project_id').notNull(),
    subcontractorId: uuid('subcontractor_id').notNull(),
    scope: text('scope'),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.subcontractorId] })],
);

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: created(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  revokedAt: ts('revoked_at'),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: created(),
  lastUsedAt: ts('last_used_at'),
  expiresAt: ts('expires_at'),
  revokedAt: ts('revoked_at'),
});

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updated(),
  updatedBy: uuid('updated_by'),
});

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  ip: text('ip'),
  action: text('action').notNull(),
  objectType: text('object_type'),
  objectId: text('object_id'),
  result: text('result', { enum: ['success', 'failure'] }).notNull(),
  changes: jsonb('changes').$type<Record<string, { before: unknown; after: unknown }>>(),
  detail: jsonb('detail').$type<Record<string, unknown>>(),
  requestId: text('request_id'),
  sealSeq: bigint('seal_seq', { mode: 'number' }),
  prevHash: text('prev_hash'),
  hash: text('hash'),
  sealedAt: ts('sealed_at'),
});

export const auditSealHead = pgTable('audit_seal_head', {
  id: integer('id').primaryKey(),
  sealSeq: bigint('seal_seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  updatedAt: updated(),
});
