import type { Engagement, Membership, Project } from '@opsdesk/contracts';
import { projectAbilities, projectCmdbAbilities } from '@opsdesk/domain';
import type { Actor } from '@opsdesk/domain';
import type { ProjectView } from './project.repository.js';
import type { EngagementView, MembershipView } from './project-team.repository.js';

export function presentProject(row: ProjectView, actor: Actor): Project {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    customerId: row.customerId,
    customerName: row.customerName,
    status: row.status,
    division: row.division,
    region: row.region,
    startDate: row.startDate,
    endDate: row.endDate,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: { ...projectAbilities(actor, row.id), ...projectCmdbAbilities(actor, row.id) },
    contractNo: row.contractNo,
    contractValue: row.contractValue,
    businessLine: row.businessLine,
    deliveryType: row.deliveryType,
    warrantyEnd: row.warrantyEnd,
    serviceHours: row.serviceHours,
    scopeDescription: row.scopeDescription,
    customerSelfMaintains: row.customerSelfMaintains,
    viaReseller: row.viaReseller,
    renewalStatus: row.renewalStatus,
    phase: row.phase,
    dutyTeamId: row.dutyTeamId,
    serviceMode:
      row.chosenMode && row.chosenVariant ? { mode: row.chosenMode, variant: row.chosenVariant } : null,
  };
}

export function presentMembership(row: MembershipView, actor: Actor): Membership {
  return {
    id: row.id,
    projectId: row.projectId,
    userId: row.userId,
    displayName: row.displayName,
    userKind: row.userKind,
    organisationName: row.organisationName,
    role: row.role,
    specialty: row.specialty,
    createdAt: row.createdAt.toISOString(),
    abilities: { delete: projectAbilities(actor, row.projectId).manageMembers },
  };
}

export function presentEngagement(row: EngagementView, actor: Actor): Engagement {
  return {
    projectId: row.projectId,
    subcontractorId: row.subcontractorId,
    subcontractorName: row.subcontractorName,
    scope: row.scope,
    createdAt: row.createdAt.toISOString(),
    abilities: { delete: projectAbilities(actor, row.projectId).manageSubcontractors },
  };
}
