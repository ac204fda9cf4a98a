import type { ModeCondition, ModeImplications } from '@opsdesk/domain';
import {
  boolean,
  customType,
  date,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

// Mirrors migrations/0100_service_projects.sql; schema-drift.test.ts checks they agree. Indexes are not
// declared here (0110_project_filters.sql adds the project list's filter indexes only).
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const created = () => ts('created_at').notNull().defaultNow();
const updated = () => ts('updated_at').notNull().defaultNow();
/**
 * CNY with fen, numeric(16,2), read and written as a decimal string (pg returns numeric as text).
 * Declared as a custom type so its SQL type reads exactly as PostgreSQL prints it.
 */
const money = customType<{ data: string; driverData: string }>({ dataType: () => 'numeric(16,2)' });

/** Service hours of a project: on site (e.g. 5x8) and the hotline (e.g. 7x24, or none). */
export interface ServiceHours {
  onSite: string;
  hotline: string | null;
  note: string | null;
}

/**
 * The contract columns 0100 adds to `projects`. The table itself is declared in foundation.ts,
 * which spreads these in, so one Drizzle table mirrors the one database table.
 */
export const projectContractColumns = {
  contractNo: text('contract_no'),
  contractValue: money('contract_value'),
  businessLine: text('business_line', {
    enum: ['urban_traffic', 'brt_turnkey', 'transport', 'software', 'other'],
  }),
  deliveryType: text('delivery_type', { enum: ['own_build', 'third_party'] }),
  warrantyEnd: date('warranty_end', { mode: 'string' }),
  serviceHours: jsonb('service_hours')
    .$type<ServiceHours>()
    .notNull()
    .default({ onSite: '5x8', hotline: '7x24', note: null }),
  scopeDescription: text('scope_description'),
  customerSelfMaintains: boolean('customer_self_maintains').notNull().default(false),
  viaReseller: boolean('via_reseller').notNull().default(false),
  renewalStatus: text('renewal_status', { enum: ['first_term', 'renewed', 'not_renewed'] })
    .notNull()
    .default('first_term'),
  phase: text('phase', { enum: ['start', 'implementation', 'closing', 'closed', 'renewed'] }),
  phaseChangedAt: ts('phase_changed_at'),
  recurringThrough: text('recurring_through'),
  dutyTeamId: uuid('duty_team_id'),
};

const MODES = ['on_site', 'remote'] as const;
const VARIANTS = [
  'business_support',
  'service_provision',
  'equipment_maintenance',
  'technical_support',
  'reseller',
] as const;

export const serviceModeRules = pgTable('service_mode_rules', {
  id: uuid('id').primaryKey(),
  key: text('key').notNull(),
  position: integer('position').notNull(),
  mode: text('mode', { enum: MODES }).notNull(),
  variant: text('variant', { enum: VARIANTS }).notNull(),
  conditions: jsonb('conditions').$type<ModeCondition[]>().notNull().default([]),
  reasonZh: text('reason_zh').notNull(),
  reasonEn: text('reason_en').notNull(),
  implies: jsonb('implies').$type<ModeImplications>().notNull(),
  createdAt: created(),
  updatedAt: updated(),
});

export const checklistTemplates = pgTable('checklist_templates', {
  id: uuid('id').primaryKey(),
  key: text('key').notNull(),
  phase: text('phase', { enum: ['start', 'implementation', 'closing'] }).notNull(),
  category: text('category', { enum: ['checklist', 'approval'] })
    .notNull()
    .default('checklist'),
  titleZh: text('title_zh').notNull(),
  titleEn: text('title_en').notNull(),
  description: text('description'),
  recurrence: text('recurrence', { enum: ['once', 'monthly'] })
    .notNull()
    .default('once'),
  dueOffsetDays: integer('due_offset_days').notNull().default(0),
  ownerRole: text('owner_role', {
    enum: [
      'project_lead',
      'project_manager',
      'technical_lead',
      'service_desk_agent',
      'engineer',
      'customer_manager',
    ],
  }),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: created(),
  updatedAt: updated(),
});

export const handovers = pgTable('handovers', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id').notNull(),
  plannedDate: date('planned_date', { mode: 'string' }).notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  regionalManagerId: uuid('regional_manager_id'),
  divisionManagerId: uuid('division_manager_id'),
  serviceLeadId: uuid('service_lead_id'),
  customerManagerId: uuid('customer_manager_id'),
  suggestedMode: text('suggested_mode', { enum: MODES }),
  suggestedVariant: text('suggested_variant', { enum: VARIANTS }),
  suggestedRuleKey: text('suggested_rule_key'),
  chosenMode: text('chosen_mode', { enum: MODES }),
  chosenVariant: text('chosen_variant', { enum: VARIANTS }),
  chosenImplies: jsonb('chosen_implies').$type<ModeImplications>(),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
  decisionReason: text('decision_reason'),
  subcontractorNeeded: boolean('subcontractor_needed'),
  subcontractorDecidedBy: uuid('subcontractor_decided_by'),
  subcontractorDecidedAt: ts('subcontractor_decided_at'),
  subcontractorReason: text('subcontractor_reason'),
  startNotifiedAt: ts('start_notified_at'),
  createdAt: created(),
  updatedAt: updated(),
});

export const projectTasks = pgTable('project_tasks', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id').notNull(),
  phase: text('phase', { enum: ['handover', 'start', 'implementation', 'closing'] }).notNull(),
  category: text('category', { enum: ['checklist', 'approval', 'handover', 'quality', 'custom'] }).notNull(),
  templateKey: text('template_key'),
  period: text('period').notNull().default(''),
  titleZh: text('title_zh').notNull(),
  titleEn: text('title_en').notNull(),
  description: text('description'),
  ownerId: uuid('owner_id'),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  status: text('status', { enum: ['open', 'awaiting_approval', 'done', 'cancelled'] })
    .notNull()
    .default('open'),
  completedBy: uuid('completed_by'),
  completedAt: ts('completed_at'),
  approvedBy: uuid('approved_by'),
  approvedAt: ts('approved_at'),
  reminderStep: integer('reminder_step').notNull().default(0),
  nextReminderAt: ts('next_reminder_at'),
  createdAt: created(),
  updatedAt: updated(),
});

export const projectTaskComments = pgTable('project_task_comments', {
  id: uuid('id').primaryKey(),
  taskId: uuid('task_id').notNull(),
  authorId: uuid('author_id'),
  kind: text('kind', {
    enum: ['comment', 'submitted', 'approved', 'rejected', 'completed', 'reopened', 'cancelled'],
  })
    .notNull()
    .default('comment'),
  body: text('body'),
  createdAt: created(),
});

export const tenders = pgTable('tenders', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id').notNull(),
  title: text('title').notNull(),
  scope: text('scope'),
  budget: money('budget'),
  bidDeadline: date('bid_deadline', { mode: 'string' }),
  status: text('status', { enum: ['draft', 'published', 'awarded'] })
    .notNull()
    .default('draft'),
  awardedSubcontractorId: uuid('awarded_subcontractor_id'),
  awardReason: text('award_reason'),
  createdBy: uuid('created_by'),
  publishedBy: uuid('published_by'),
  publishedAt: ts('published_at'),
  awardedBy: uuid('awarded_by'),
  awardedAt: ts('awarded_at'),
  createdAt: created(),
  updatedAt: updated(),
});

export const rosterShifts = pgTable('roster_shifts', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id'),
  teamId: uuid('team_id'),
  userId: uuid('user_id').notNull(),
  label: text('label').notNull(),
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  createdBy: uuid('created_by'),
  createdAt: created(),
  updatedAt: updated(),
});

export const rosterSwaps = pgTable('roster_swaps', {
  id: uuid('id').primaryKey(),
  shiftId: uuid('shift_id').notNull(),
  fromUserId: uuid('from_user_id'),
  toUserId: uuid('to_user_id'),
  reason: text('reason').notNull(),
  swappedBy: uuid('swapped_by'),
  createdAt: created(),
});
