import type { ChecklistTemplateSchema, ProjectTask, ProjectTaskCommentSchema } from '@opsdesk/contracts';
import {
  allowedPhaseActions,
  lifecycleAbilities,
  localDateAt,
  serviceProjectAdminAbilities,
  taskOverdue,
} from '@opsdesk/domain';
import type { Actor } from '@opsdesk/domain';
import type { z } from 'zod';
import type { Lang } from '@opsdesk/contracts';
import type { ProjectView } from '../projects/project.repository.js';
import type { TemplateRow } from './checklist-template.repository.js';
import { abilitiesOf } from './task.service.js';
import type { CommentView, TaskView } from './task.repository.js';

const person = (id: string | null, name: string | null) => (id && name ? { id, displayName: name } : null);

export function presentLifecycle(
  project: ProjectView,
  counts: { open: number; overdue: number; awaitingApproval: number; done: number },
  actor: Actor,
) {
  const abilities = lifecycleAbilities(actor, project.id);
  return {
    projectId: project.id,
    phase: project.phase,
    phaseChangedAt: project.phaseChangedAt?.toISOString() ?? null,
    actions: abilities.manage ? allowedPhaseActions(project.phase) : [],
    counts,
    abilities,
  };
}

export function presentTask(t: TaskView, actor: Actor, lang: Lang, now: Date): ProjectTask {
  const live = t.status === 'open' || t.status === 'awaiting_approval';
  return {
    id: t.id,
    projectId: t.projectId,
    projectCode: t.projectCode,
    projectName: t.projectName,
    phase: t.phase,
    category: t.category,
    templateKey: t.templateKey,
    period: t.period,
    title: { 'zh-CN': t.titleZh, en: t.titleEn },
    titleText: lang === 'en' ? t.titleEn : t.titleZh,
    description: t.description,
    owner: person(t.ownerId, t.ownerName),
    dueDate: t.dueDate,
    status: t.status,
    overdue: taskOverdue(t.dueDate, !live, localDateAt(now)),
    completedBy: person(t.completedBy, t.completedByName),
    completedAt: t.completedAt?.toISOString() ?? null,
    approvedBy: person(t.approvedBy, t.approvedByName),
    approvedAt: t.approvedAt?.toISOString() ?? null,
    attachmentCount: t.attachmentCount,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    abilities: abilitiesOf({ actor }, t),
  };
}

export function presentComment(c: CommentView): z.infer<typeof ProjectTaskCommentSchema> {
  return {
    id: c.id,
    taskId: c.taskId,
    kind: c.kind,
    body: c.body,
    author:
      c.authorId && c.authorName
        ? { id: c.authorId, displayName: c.authorName, kind: c.authorKind ?? 'staff' }
        : null,
    createdAt: c.createdAt.toISOString(),
  };
}

export function presentTemplate(r: TemplateRow, actor: Actor): z.infer<typeof ChecklistTemplateSchema> {
  const manage = serviceProjectAdminAbilities(actor).manage;
  return {
    id: r.id,
    key: r.key,
    phase: r.phase,
    category: r.category,
    title: { 'zh-CN': r.titleZh, en: r.titleEn },
    description: r.description,
    recurrence: r.recurrence,
    dueOffsetDays: r.dueOffsetDays,
    ownerRole: r.ownerRole,
    position: r.position,
    active: r.active,
    updatedAt: r.updatedAt.toISOString(),
    abilities: { update: manage, delete: manage },
  };
}
