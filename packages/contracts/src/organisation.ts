import { z } from 'zod';
import { Email, Name, OptionalText, Phone, Timestamp, listQuery, page } from './common.js';

export const OrganisationAbilitiesSchema = z.object({ update: z.boolean(), delete: z.boolean() });

// ── Customers (客户) ──────────────────────────────────────────────────────────
export const CustomerSchema = z
  .object({
    id: z.uuid(),
    code: z.string().nullable(),
    name: z.string(),
    shortName: z.string().nullable(),
    industry: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: OrganisationAbilitiesSchema,
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof CustomerSchema>;

export const CustomerCreateSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .max(40)
    .nullish()
    .transform((v) => v || null),
  name: Name(200),
  shortName: OptionalText(60),
  industry: OptionalText(60),
  address: OptionalText(300),
  phone: Phone,
  notes: OptionalText(4000),
});
export type CustomerCreate = z.input<typeof CustomerCreateSchema>;
export const CustomerUpdateSchema = CustomerCreateSchema.partial();
export type CustomerUpdate = z.input<typeof CustomerUpdateSchema>;
export const CustomerListQuery = listQuery(['name', 'createdAt']);
export const CustomerPage = page(CustomerSchema);

// ── Subcontractors (分包商) ──────────────────────────────────────────────────
export const SubcontractorSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    creditCode: z.string().nullable(),
    contactName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    qualifications: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: OrganisationAbilitiesSchema,
  })
  .meta({ id: 'Subcontractor' });
export type Subcontractor = z.infer<typeof SubcontractorSchema>;
export const SubcontractorCreateSchema = z.strictObject({
  name: Name(200),
  creditCode: z
    .string()
    .trim()
    .max(40)
    .nullish()
    .transform((v) => v || null),
  contactName: OptionalText(60),
  phone: Phone,
  email: Email,
  qualifications: OptionalText(2000),
  notes: OptionalText(4000),
});
export type SubcontractorCreate = z.input<typeof SubcontractorCreateSchema>;
export const SubcontractorUpdateSchema = SubcontractorCreateSchema.partial();
export const SubcontractorListQuery = listQuery(['name', 'createdAt']);
export const SubcontractorPage = page(SubcontractorSchema);

// ── Sites (地点) ─────────────────────────────────────────────────────────────
export const SiteSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string(),
    name: z.string(),
    address: z.string().nullable(),
    region: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: OrganisationAbilitiesSchema,
  })
  .meta({ id: 'Site' });
export type Site = z.infer<typeof SiteSchema>;
export const SiteCreateSchema = z.strictObject({
  customerId: z.uuid(),
  name: Name(200),
  address: OptionalText(300),
  region: OptionalText(60),
  notes: OptionalText(4000),
});
export type SiteCreate = z.input<typeof SiteCreateSchema>;
export const SiteUpdateSchema = SiteCreateSchema.omit({ customerId: true }).partial();
export const SiteListQuery = listQuery(['name', 'createdAt']).extend({ customerId: z.uuid().optional() });
export const SitePage = page(SiteSchema);

// ── Teams (团队) ─────────────────────────────────────────────────────────────
export const TeamMemberSchema = z.object({ userId: z.uuid(), displayName: z.string() });
export const TeamSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    leadUserId: z.uuid().nullable(),
    leadName: z.string().nullable(),
    members: z.array(TeamMemberSchema),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: OrganisationAbilitiesSchema,
  })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof TeamSchema>;
export const TeamCreateSchema = z.strictObject({
  name: Name(100),
  description: OptionalText(2000),
  leadUserId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  memberIds: z.array(z.uuid()).max(500).default([]),
});
export type TeamCreate = z.input<typeof TeamCreateSchema>;
export const TeamUpdateSchema = z.strictObject({
  name: Name(100).optional(),
  description: OptionalText(2000).optional(),
  leadUserId: z.uuid().nullish(),
  memberIds: z.array(z.uuid()).max(500).optional(),
});
export const TeamListQuery = listQuery(['name', 'createdAt']);
export const TeamPage = page(TeamSchema);
