import type {
  AbnormalReason,
  InspectionItem,
  InspectionSchedule,
  InspectionSeverity,
  LocalisedText,
  ReadingValue,
  TaskCounts,
} from '@opsdesk/domain';
import { boolean, date, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts, created, updated } from './columns.js';

// Mirrors migrations/0400_field_work.sql; schema-drift.test.ts checks they agree.

export const arrivalTargets = pgTable(
  'arrival_targets',
  {
    projectId: uuid('project_id').notNull(),
    areaKey: text('area_key').notNull(),
    labelZh: text('label_zh').notNull(),
    labelEn: text('label_en').notNull(),
    minutes: integer('minutes').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    siteIds: uuid('site_ids').array().notNull().default([]),
    position: integer('position').notNull().default(0),
    updatedAt: updated(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.areaKey] })],
);

export const inspectionTemplates = pgTable('inspection_templates', {
  id: text('id').primaryKey(),
  projectId: uuid('project_id'),
  builtIn: boolean('built_in').notNull().default(false),
  currentVersion: integer('current_version').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  copiedFrom: text('copied_from'),
  archivedAt: ts('archived_at'),
  createdBy: uuid('created_by'),
  createdAt: created(),
  updatedAt: updated(),
});

export const inspectionTemplateVersions = pgTable(
  'inspection_template_versions',
  {
    templateId: text('template_id').notNull(),
    version: integer('version').notNull(),
    name: jsonb('name').$type<LocalisedText>().notNull(),
    items: jsonb('items').$type<InspectionItem[]>().notNull(),
    autoIncidentSeverities: jsonb('auto_incident_severities').$type<InspectionSeverity[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.version] })],
);

/** A plan's CI selection as stored: the domain's, plus tags (any of) in a filter. */
export type StoredSelection =
  | { mode: 'explicit'; ciIds: string[] }
  | { mode: 'filter'; filter: { ciTypeKeys?: string[]; siteIds?: string[]; tags?: string[] } };

export const inspectionPlans = pgTable('inspection_plans', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id').notNull(),
  name: text('name').notNull(),
  templateIds: text('template_ids').array().notNull(),
  selection: jsonb('selection').$type<StoredSelection>().notNull(),
  schedule: jsonb('schedule').$type<InspectionSchedule>().notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  assigneeId: uuid('assignee_id'),
  teamId: uuid('team_id'),
  dueDays: integer('due_days').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }),
  active: boolean('active').notNull().default(true),
  generatedThrough: ts('generated_through').notNull(),
  nextRunAt: ts('next_run_at'),
  archivedAt: ts('archived_at'),
  createdBy: uuid('created_by'),
  createdAt: created(),
  updatedAt: updated(),
});

export type InspectionTaskStatus = 'open' | 'in_progress' | 'submitted' | 'cancelled';

export const inspectionTasks = pgTable('inspection_tasks', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id').notNull(),
  planId: uuid('plan_id').notNull(),
  periodKey: text('period_key').notNull(),
  title: text('title').notNull(),
  scheduledDate: date('scheduled_date', { mode: 'string' }).notNull(),
  opensAt: ts('opens_at').notNull(),
  dueAt: ts('due_at').notNull(),
  assigneeId: uuid('assignee_id'),
  teamId: uuid('team_id'),
  subcontractorId: uuid('subcontractor_id'),
  templates: jsonb('templates').$type<{ id: string; version: number }[]>().notNull(),
  status: text('status').$type<InspectionTaskStatus>().notNull().default('open'),
  startedAt: ts('started_at'),
  submittedAt: ts('submitted_at'),
  submittedBy: uuid('submitted_by'),
  counts: jsonb('counts').$type<TaskCounts>(),
  cancelReason: text('cancel_reason'),
  createdAt: created(),
  updatedAt: updated(),
});

export const inspectionTaskCis = pgTable(
  'inspection_task_cis',
  {
    taskId: uuid('task_id').notNull(),
    ciId: uuid('ci_id').notNull(),
    position: integer('position').notNull(),
    ciTypeKey: text('ci_type_key').notNull(),
    ciName: text('ci_name').notNull(),
    siteId: uuid('site_id'),
    skipReason: text('skip_reason'),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.ciId] })],
);

export const inspectionReadings = pgTable('inspection_readings', {
  id: uuid('id').primaryKey(),
  taskId: uuid('task_id').notNull(),
  ciId: uuid('ci_id').notNull(),
  itemKey: text('item_key').notNull(),
  templateId: text('template_id').notNull(),
  templateVersion: integer('template_version').notNull(),
  ciTypeKey: text('ci_type_key').notNull(),
  value: jsonb('value').$type<ReadingValue | null>(),
  normal: boolean('normal').notNull(),
  abnormalReason: text('abnormal_reason').$type<AbnormalReason>(),
  remark: text('remark'),
  photos: uuid('photos').array().notNull().default([]),
  flagged: boolean('flagged').notNull().default(false),
  enteredAt: ts('entered_at').notNull(),
  savedAt: ts('saved_at').notNull(),
  savedBy: uuid('saved_by'),
});

export const inspectionFindings = pgTable('inspection_findings', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id').notNull(),
  ciId: uuid('ci_id').notNull(),
  templateId: text('template_id').notNull(),
  templateVersion: integer('template_version').notNull(),
  ciTypeKey: text('ci_type_key').notNull(),
  itemKey: text('item_key').notNull(),
  severity: text('severity').$type<InspectionSeverity>().notNull(),
  autoIncident: boolean('auto_incident').notNull(),
  title: jsonb('title').$type<LocalisedText>().notNull(),
  quote: jsonb('quote').$type<LocalisedText>().notNull(),
  value: jsonb('value').$type<ReadingValue | null>(),
  abnormalReason: text('abnormal_reason').$type<AbnormalReason>(),
  remark: text('remark'),
  photos: uuid('photos').array().notNull().default([]),
  status: text('status').$type<'open' | 'resolved'>().notNull().default('open'),
  incidentId: uuid('incident_id'),
  workOrderId: uuid('work_order_id'),
  raisedTaskId: uuid('raised_task_id').notNull(),
  lastTaskId: uuid('last_task_id').notNull(),
  occurrences: integer('occurrences').notNull().default(1),
  lastSeenAt: ts('last_seen_at').notNull(),
  resolvedAt: ts('resolved_at'),
  resolvedBy: uuid('resolved_by'),
  resolution: text('resolution').$type<'reading' | 'manual' | 'ticket_closed'>(),
  resolutionNote: text('resolution_note'),
  resolvedTaskId: uuid('resolved_task_id'),
  createdAt: created(),
  updatedAt: updated(),
});

/** Where the engineer was when checking in, as the phone reports it. */
export interface CheckInLocation {
  lat?: number;
  lng?: number;
  accuracyM?: number;
  note?: string;
}

export const workOrders = pgTable('work_orders', {
  ticketId: uuid('ticket_id').primaryKey(),
  siteId: uuid('site_id'),
  areaKey: text('area_key'),
  plannedStart: ts('planned_start'),
  plannedEnd: ts('planned_end'),
  instructions: text('instructions').notNull().default(''),
  workPerformed: text('work_performed'),
  timeSpentMinutes: integer('time_spent_minutes'),
  partsUsed: text('parts_used'),
  dispatchedToSubcontractorId: uuid('dispatched_to_subcontractor_id'),
  dispatchedAt: ts('dispatched_at'),
  checkedInAt: ts('checked_in_at'),
  checkInLocation: jsonb('check_in_location').$type<CheckInLocation>(),
  completedAt: ts('completed_at'),
  rejectReason: text('reject_reason'),
  rejectedAt: ts('rejected_at'),
  signerName: text('signer_name'),
  signatureAttachmentId: uuid('signature_attachment_id'),
  signedAt: ts('signed_at'),
  findingId: uuid('finding_id'),
  createdAt: created(),
  updatedAt: updated(),
});
