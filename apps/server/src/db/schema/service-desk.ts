import {
  bigint,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

// Mirrors migrations/0200_service_desk.sql; schema-drift.test.ts checks they agree.
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const created = () => ts('created_at').notNull().defaultNow();
const updated = () => ts('updated_at').notNull().defaultNow();

export const ticketLifecycles = pgTable('ticket_lifecycles', {
  kind: text('kind').primaryKey(),
  definition: jsonb('definition').$type<unknown>().notNull(),
  updatedAt: updated(),
  updatedBy: uuid('updated_by'),
});

export const ticketCounters = pgTable(
  'ticket_counters',
  {
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    lastValue: bigint('last_value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);

export const holidayYears = pgTable('holiday_years', {
  year: integer('year').primaryKey(),
  holidays: jsonb('holidays').$type<string[]>().notNull(),
  makeupWorkdays: jsonb('makeup_workdays').$type<string[]>().notNull(),
  source: text('source', { enum: ['package', 'admin'] }).notNull(),
  updatedAt: updated(),
  updatedBy: uuid('updated_by'),
});

export interface WeeklyHours {
  [weekday: string]: { start: string; end: string }[];
}

export const calendars = pgTable('calendars', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id'),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  weekly: jsonb('weekly').$type<WeeklyHours>().notNull(),
  followsChinaHolidays: boolean('follows_china_holidays').notNull().default(true),
  extraHolidays: jsonb('extra_holidays').$type<string[]>().notNull().default([]),
  extraMakeupWorkdays: jsonb('extra_makeup_workdays')
    .$type<{ date: string; hours?: number }[]>()
    .notNull()
    .default([]),
  createdAt: created(),
  updatedAt: updated(),
});

export const ticketCategories = pgTable('ticket_categories', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id').notNull(),
  parentId: uuid('parent_id'),
  name: text('name').notNull(),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: created(),
  updatedAt: updated(),
});

export interface StoredMatrix {
  cells: number[][];
  businessStoppedPriority: number | null;
}

export const serviceDeskSettings = pgTable('service_desk_settings', {
  projectId: uuid('project_id').primaryKey(),
  priorityMatrix: jsonb('priority_matrix').$type<StoredMatrix>().notNull(),
  serviceCalendarId: uuid('service_calendar_id'),
  updatedAt: updated(),
  updatedBy: uuid('updated_by'),
});

export const routingRules = pgTable('routing_rules', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id').notNull(),
  name: text('name').notNull(),
  position: integer('position').notNull().default(0),
  kinds: text('kinds').array().notNull().default([]),
  categoryId: uuid('category_id'),
  channels: text('channels').array().notNull().default([]),
  keywords: text('keywords').array().notNull().default([]),
  businessStopped: boolean('business_stopped'),
  groupId: uuid('group_id').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: created(),
  updatedAt: updated(),
});

export interface StoredTargets {
  [priority: string]: { response: number | null; resolution: number | null };
}
export interface StoredEscalation {
  threshold: number;
  notify: ('assignee' | 'group_lead' | 'project_manager')[];
  reassignGroupId?: string | null;
  raisePriority?: boolean;
}

export const slaPolicies = pgTable('sla_policies', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind'),
  categoryId: uuid('category_id'),
  calendarId: uuid('calendar_id').notNull(),
  targets: jsonb('targets').$type<StoredTargets>().notNull(),
  escalations: jsonb('escalations').$type<StoredEscalation[]>().notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: created(),
  updatedAt: updated(),
});

export const TICKET_KINDS_DB = [
  'incident',
  'service_request',
  'consultation',
  'work_order',
  'problem',
  'change',
] as const;
export const CHANNELS_DB = ['portal', 'phone', 'email', 'monitoring', 'api'] as const;
export const STATE_CATEGORIES_DB = ['open', 'in_progress', 'pending', 'resolved', 'final'] as const;

export const tickets = pgTable('tickets', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull(),
  kind: text('kind', { enum: TICKET_KINDS_DB }).notNull(),
  projectId: uuid('project_id').notNull(),
  requesterId: uuid('requester_id'),
  channel: text('channel', { enum: CHANNELS_DB }).notNull(),
  categoryId: uuid('category_id'),
  impact: smallint('impact').notNull(),
  urgency: smallint('urgency').notNull(),
  priority: smallint('priority').notNull(),
  businessStopped: boolean('business_stopped').notNull().default(false),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  state: text('state').notNull(),
  stateCategory: text('state_category', { enum: STATE_CATEGORIES_DB }).notNull(),
  pendingReason: text('pending_reason'),
  groupId: uuid('group_id'),
  assigneeId: uuid('assignee_id'),
  tags: text('tags').array().notNull().default([]),
  parentId: uuid('parent_id'),
  mergedIntoId: uuid('merged_into_id'),
  resolutionCode: text('resolution_code'),
  resolutionText: text('resolution_text'),
  respondedAt: ts('responded_at'),
  resolvedAt: ts('resolved_at'),
  closedAt: ts('closed_at'),
  slaDueAt: ts('sla_due_at'),
  slaBreached: boolean('sla_breached').notNull().default(false),
  emergencyCheckAt: ts('emergency_check_at'),
  satisfactionRating: smallint('satisfaction_rating'),
  satisfactionComment: text('satisfaction_comment'),
  ratedAt: ts('rated_at'),
  extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
  searchTokens: text('search_tokens').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: created(),
  updatedAt: updated(),
});

export const ticketComments = pgTable('ticket_comments', {
  id: uuid('id').primaryKey(),
  ticketId: uuid('ticket_id').notNull(),
  authorId: uuid('author_id'),
  visibility: text('visibility', { enum: ['public', 'internal'] }).notNull(),
  body: text('body').notNull(),
  timeSpentMinutes: integer('time_spent_minutes'),
  searchTokens: text('search_tokens').notNull().default(''),
  createdAt: created(),
});

export const ticketEvents = pgTable('ticket_events', {
  id: uuid('id').primaryKey(),
  ticketId: uuid('ticket_id').notNull(),
  at: ts('at').notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  type: text('type').notNull(),
  visibility: text('visibility', { enum: ['public', 'internal'] }).notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
});

export const ticketWatchers = pgTable(
  'ticket_watchers',
  {
    ticketId: uuid('ticket_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.userId] })],
);

export const ticketLinks = pgTable('ticket_links', {
  id: uuid('id').primaryKey(),
  ticketId: uuid('ticket_id').notNull(),
  otherId: uuid('other_id').notNull(),
  type: text('type', { enum: ['related', 'duplicate'] }).notNull(),
  createdBy: uuid('created_by'),
  createdAt: created(),
});

/** One entry of a clock's log as stored: the domain's ClockEvent with `at` in epoch ms. */
export type StoredClockEvent =
  | { type: 'start'; at: number }
  | { type: 'pause'; at: number; reason: string }
  | { type: 'resume'; at: number }
  | { type: 'stop'; at: number };

export const slaClocks = pgTable('sla_clocks', {
  id: uuid('id').primaryKey(),
  ticketId: uuid('ticket_id').notNull(),
  projectId: uuid('project_id').notNull(),
  metric: text('metric', { enum: ['response', 'resolution', 'arrival'] }).notNull(),
  policyId: uuid('policy_id'),
  calendarId: uuid('calendar_id').notNull(),
  targetMinutes: integer('target_minutes').notNull(),
  escalations: jsonb('escalations').$type<StoredEscalation[]>().notNull().default([]),
  firedThresholds: integer('fired_thresholds').array().notNull().default([]),
  events: jsonb('events').$type<StoredClockEvent[]>().notNull(),
  state: text('state', { enum: ['running', 'paused', 'met', 'breached'] }).notNull(),
  stopped: boolean('stopped').notNull().default(false),
  dueAt: ts('due_at'),
  breachedAt: ts('breached_at'),
  nextCheckAt: ts('next_check_at'),
  updatedAt: updated(),
});

export const slaEscalations = pgTable('sla_escalations', {
  id: uuid('id').primaryKey(),
  clockId: uuid('clock_id').notNull(),
  ticketId: uuid('ticket_id').notNull(),
  threshold: integer('threshold').notNull(),
  crossedAt: ts('crossed_at').notNull(),
  firedAt: ts('fired_at').notNull(),
  actions: jsonb('actions').$type<Record<string, unknown>>().notNull().default({}),
});

export const BREACH_REASON_CODES = [
  'customer_delay',
  'vendor_delay',
  'spare_parts',
  'misclassified',
  'staffing',
  'out_of_hours',
  'other',
] as const;

export const slaBreaches = pgTable('sla_breaches', {
  id: uuid('id').primaryKey(),
  clockId: uuid('clock_id').notNull(),
  ticketId: uuid('ticket_id').notNull(),
  projectId: uuid('project_id').notNull(),
  metric: text('metric', { enum: ['response', 'resolution', 'arrival'] }).notNull(),
  breachedAt: ts('breached_at').notNull(),
  recordedAt: ts('recorded_at').notNull(),
  reasonCode: text('reason_code', { enum: BREACH_REASON_CODES }),
  reasonText: text('reason_text'),
  reasonBy: uuid('reason_by'),
  reasonAt: ts('reason_at'),
});

export const ticketTasks = pgTable('ticket_tasks', {
  id: uuid('id').primaryKey(),
  ticketId: uuid('ticket_id').notNull(),
  projectId: uuid('project_id').notNull(),
  type: text('type', { enum: ['emergency_plan'] }).notNull(),
  assigneeId: uuid('assignee_id'),
  dueAt: ts('due_at').notNull(),
  status: text('status', { enum: ['open', 'done'] })
    .notNull()
    .default('open'),
  note: text('note'),
  createdAt: created(),
  doneAt: ts('done_at'),
  doneBy: uuid('done_by'),
});

export const ticketViews = pgTable('ticket_views', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  query: jsonb('query').$type<Record<string, unknown>>().notNull(),
  createdAt: created(),
  updatedAt: updated(),
});

export const agentAvailability = pgTable('agent_availability', {
  userId: uuid('user_id').primaryKey(),
  away: boolean('away').notNull().default(false),
  awayUntil: ts('away_until'),
  note: text('note'),
  updatedAt: updated(),
});

export const mailOutbox = pgTable('mail_outbox', {
  id: uuid('id').primaryKey(),
  toAddress: text('to_address').notNull(),
  toUserId: uuid('to_user_id'),
  subject: text('subject').notNull(),
  bodyText: text('body_text').notNull(),
  kind: text('kind').notNull(),
  dedupeKey: text('dedupe_key'),
  status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] })
    .notNull()
    .default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
  lastError: text('last_error'),
  createdAt: created(),
  sentAt: ts('sent_at'),
});
