import { bigint, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

// Mirrors migrations/0010_attachments_notifications.sql.

export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey(),
  ownerType: text('owner_type').notNull(),
  ownerId: uuid('owner_id').notNull(),
  projectId: uuid('project_id'),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull(),
  category: text('category'),
  uploadedBy: uuid('uploaded_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  deletedAt: ts('deleted_at'),
});

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  kind: text('kind').notNull(),
  params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
  link: text('link'),
  objectType: text('object_type'),
  objectId: uuid('object_id'),
  projectId: uuid('project_id'),
  dedupeKey: text('dedupe_key'),
  createdAt: ts('created_at').notNull().defaultNow(),
  readAt: ts('read_at'),
});
