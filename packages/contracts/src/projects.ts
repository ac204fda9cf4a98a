import { z } from 'zod';
import {
  DELIVERY_TYPES,
  PROJECT_BUSINESS_LINES,
  PROJECT_PHASES,
  PROJECT_ROLES,
  RENEWAL_STATUSES,
  SERVICE_MODES,
  SERVICE_MODE_VARIANTS,
  SPECIALTIES,
  USER_KINDS,
} from '@opsdesk/domain';
import { DateOnly, Name, OptionalText, Timestamp, listQuery, page } from './common.js';
import { defineRules } from './messages.js';
import { MoneyOutput, OptionalMoney } from './service-projects/fields.js';

defineRules({
  'rule.userDisabled': {
    'zh-CN': '该用户已停用，不能加入项目',
    en: 'This user is disabled and cannot join a project',
  },
});

export const PROJECT_STATUSES = ['planned', 'active', 'closed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const ProjectAbilitiesSchema = z.object({
  update: z.boolean(),
  delete: z.boolean(),
  manageMembers: z.boolean(),
  manageSubcontractors: z.boolean(),
  /** Create and edit the project's CIs (cmdbAbilities in @opsdesk/domain: `update`). */
  cmdbCreate: z.boolean(),
  /** Import CI files into the project (cmdbAbilities: `import`). */
  cmdbImport: z.boolean(),
});

export const ProjectSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    customerId: z.uuid(),
    customerName: z.string(),
    status: z.enum(PROJECT_STATUSES),
    division: z.string().nullable(),
    region: z.string().nullable(),
    startDate: DateOnly.nullable(),
    endDate: DateOnly.nullable(),
    description: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: ProjectAbilitiesSchema,
    // Contract details (issue 3, service projects).
    contractNo: z.string().nullable(),
    contractValue: MoneyOutput.nullable(),
    businessLine: z.enum(PROJECT_BUSINESS_LINES).nullable(),
    deliveryType: z.enum(DELIVERY_TYPES).nullable(),
    warrantyEnd: DateOnly.nullable(),
    serviceHours: z.object({
      onSite: z.string(),
      hotline: z.string().nullable(),
      note: z.string().nullable(),
    }),
    scopeDescription: z.string().nullable(),
    customerSelfMaintains: z.boolean(),
    viaReseller: z.boolean(),
    renewalStatus: z.enum(RENEWAL_STATUSES),
    /** The delivery lifecycle phase; null until the project is started (POST /projects/:id/lifecycle/start). */
    phase: z.enum(PROJECT_PHASES).nullable(),
    dutyTeamId: z.uuid().nullable(),
    /** The service mode chosen at the project's handover; null until it is decided. */
    serviceMode: z.object({ mode: z.enum(SERVICE_MODES), variant: z.enum(SERVICE_MODE_VARIANTS) }).nullable(),
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof ProjectSchema>;

/** `5x8`, `7x24`, `6x10` …: days a week × hours a day. */
const HoursPattern = z
  .string()
  .trim()
  .regex(/^[1-7]x([1-9]|1\d|2[0-4])$/, { message: 'rule.serviceHours' });
/** Service hours: on site (default 5x8) and the hotline (default 7x24; null: none), editable. */
export const ServiceHoursSchema = z.strictObject({
  onSite: HoursPattern,
  hotline: HoursPattern.nullable(),
  note: OptionalText(500),
});

const ProjectFields = {
  code: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'rule.projectCode' }),
  name: Name(200),
  customerId: z.uuid(),
  status: z.enum(PROJECT_STATUSES).default('planned'),
  division: OptionalText(60),
  region: OptionalText(60),
  startDate: DateOnly.nullish().transform((v) => v ?? null),
  endDate: DateOnly.nullish().transform((v) => v ?? null),
  description: OptionalText(8000),
  // Contract details (issue 3): all optional; absent keeps the stored value (update) or the default (create).
  contractNo: OptionalText(60),
  contractValue: OptionalMoney,
  businessLine: z
    .enum(PROJECT_BUSINESS_LINES)
    .nullish()
    .transform((v) => v ?? null),
  deliveryType: z
    .enum(DELIVERY_TYPES)
    .nullish()
    .transform((v) => v ?? null),
  warrantyEnd: DateOnly.nullish().transform((v) => v ?? null),
  serviceHours: ServiceHoursSchema.optional(),
  scopeDescription: OptionalText(8000),
  customerSelfMaintains: z.boolean().optional(),
  viaReseller: z.boolean().optional(),
  renewalStatus: z.enum(RENEWAL_STATUSES).optional(),
  dutyTeamId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
};

const datesInOrder = (v: { startDate?: string | null; endDate?: string | null }) =>
  !v.startDate || !v.endDate || v.endDate >= v.startDate;

export const ProjectCreateSchema = z
  .strictObject(ProjectFields)
  .refine(datesInOrder, { message: 'rule.endBeforeStart', path: ['endDate'] });
export type ProjectCreate = z.input<typeof ProjectCreateSchema>;
export const ProjectUpdateSchema = z
  .strictObject({
    ...ProjectFields,
    status: z.enum(PROJECT_STATUSES),
  })
  .omit({ customerId: true })
  .partial()
  .refine(datesInOrder, { message: 'rule.endBeforeStart', path: ['endDate'] });
export type ProjectUpdate = z.input<typeof ProjectUpdateSchema>;
const ListText = z.string().trim().min(1).max(60).optional();
export const ProjectListQuery = listQuery(['code', 'name', 'createdAt', 'startDate']).extend({
  customerId: z.uuid().optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  /** The delivery lifecycle phase (projects not started yet have none). */
  phase: z.enum(PROJECT_PHASES).optional(),
  /** Exactly this region / division (as the project stores it). */
  region: ListText,
  division: ListText,
  businessLine: z.enum(PROJECT_BUSINESS_LINES).optional(),
  /** The mode chosen at handover; with `serviceVariant`, that variant of it. */
  serviceMode: z.enum(SERVICE_MODES).optional(),
  serviceVariant: z.enum(SERVICE_MODE_VARIANTS).optional(),
  /** `true`: projects with at least one overdue task (still to do, past its due date); `false`: none. */
  overdue: z.enum(['true', 'false']).optional(),
});
export const ProjectPage = page(ProjectSchema);

// ── Memberships (项目成员) ───────────────────────────────────────────────────
export const MembershipSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    userId: z.uuid(),
    displayName: z.string(),
    userKind: z.enum(USER_KINDS),
    organisationName: z.string().nullable(),
    role: z.enum(PROJECT_ROLES),
    specialty: z.enum(SPECIALTIES).nullable(),
    createdAt: Timestamp,
    abilities: z.object({ delete: z.boolean() }),
  })
  .meta({ id: 'Membership' });
export type Membership = z.infer<typeof MembershipSchema>;
export const MembershipCreateSchema = z
  .strictObject({
    userId: z.uuid(),
    role: z.enum(PROJECT_ROLES),
    specialty: z
      .enum(SPECIALTIES)
      .nullish()
      .transform((v) => v ?? null),
  })
  .refine((v) => v.specialty === null || v.role === 'engineer', {
    message: 'rule.specialtyForEngineer',
    path: ['specialty'],
  });
export type MembershipCreate = z.input<typeof MembershipCreateSchema>;
export const MembershipList = z.object({ items: z.array(MembershipSchema) });
export const ProjectMemberParams = z.strictObject({ id: z.uuid(), memberId: z.uuid() });

// ── Engaged subcontractors (项目分包商) ──────────────────────────────────────
export const EngagementSchema = z
  .object({
    projectId: z.uuid(),
    subcontractorId: z.uuid(),
    subcontractorName: z.string(),
    scope: z.string().nullable(),
    createdAt: Timestamp,
    abilities: z.object({ delete: z.boolean() }),
  })
  .meta({ id: 'Engagement' });
export type Engagement = z.infer<typeof EngagementSchema>;
export const EngagementCreateSchema = z.strictObject({
  subcontractorId: z.uuid(),
  scope: OptionalText(2000),
});
export const EngagementList = z.object({ items: z.array(EngagementSchema) });
export const ProjectSubcontractorParams = z.strictObject({ id: z.uuid(), subcontractorId: z.uuid() });
