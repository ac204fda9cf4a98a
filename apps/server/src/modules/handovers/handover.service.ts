import {
  HANDOVER_VIEW_DAYS,
  addDays,
  handoverAbilities,
  handoverStartDate,
  localDateAt,
  serviceProjectAdminAbilities,
} from '@opsdesk/domain';
import type { HandoverAbilities } from '@opsdesk/domain';
import type { HandoverCreateSchema, HandoverUpdateSchema, HandoverViewQuery } from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { FieldProblem } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { staffRefusal } from '../lifecycle/project-people.js';
import { findProject } from '../projects/project.repository.js';
import type { ProjectView } from '../projects/project.repository.js';
import { loadRules } from '../service-modes/service-mode.repository.js';
import { suggestionFor } from '../service-modes/service-mode.service.js';
import {
  findHandoverView,
  handoverViewRows,
  insertHandover,
  lockHandover,
  soleManager,
  updateHandoverRow,
} from './handover.repository.js';
import type { HandoverRow, HandoverView } from './handover.repository.js';

export const abilitiesFor = (
  ctx: Pick<Ctx, 'actor'>,
  h: HandoverRow,
  p: { region: string | null; division: string | null },
): HandoverAbilities =>
  handoverAbilities(ctx.actor, {
    ...h,
    region: p.region,
    division: p.division,
    decided: h.decidedAt !== null,
    customerManagerRequired: h.chosenImplies?.customerManager ?? false,
  });

/** The project (404 outside the scope) and, for the provider's staff only, leave to go on (403). */
export async function projectForHandover(
  db: DbOrTx,
  ctx: Ctx,
  projectId: string,
  lock?: 'share' | 'update',
): Promise<ProjectView> {
  const project = await findProject(db, ctx.actor, projectId, lock);
  if (!project) throw AppError.notFound();
  if (!serviceProjectAdminAbilities(ctx.actor).read) throw AppError.forbidden();
  return project;
}

/** The handover of a project with what the rules suggest for it now. */
export async function getHandover(ctx: Ctx, projectId: string) {
  const project = await projectForHandover(ctx.db, ctx, projectId);
  const view = await findHandoverView(ctx.db, ctx.actor, projectId);
  if (!view) throw AppError.notFound();
  return { view, suggestion: suggestionFor(await loadRules(ctx.db), project, view.plannedDate).suggestion };
}

async function checkPeople(
  tx: DbOrTx,
  projectId: string,
  people: Record<string, string | null | undefined>,
): Promise<void> {
  const problems: FieldProblem[] = [];
  for (const [path, userId] of Object.entries(people)) {
    if (!userId) continue;
    const rule = await staffRefusal(tx, userId, projectId);
    if (rule) problems.push({ path, rule });
  }
  if (problems.length) throw AppError.validation(problems);
}

/**
 * Opens the handover of a project: its date, T−30 start, and the people of §4 — by default the
 * one manager of the project's region and of its division. Each named person must be staff who
 * can see the project.
 */
export async function createHandover(
  ctx: Ctx,
  projectId: string,
  input: z.output<typeof HandoverCreateSchema>,
) {
  await ctx.db.transaction(async (tx) => {
    const project = await projectForHandover(tx, ctx, projectId, 'update');
    const blank = {
      id: '',
      projectId,
      regionalManagerId: null,
      divisionManagerId: null,
      serviceLeadId: null,
      customerManagerId: null,
      chosenImplies: null,
      decidedAt: null,
    } as unknown as HandoverRow;
    if (!abilitiesFor(ctx, blank, project).update) throw AppError.forbidden();
    if (await lockHandover(tx, projectId)) throw new AppError('ALREADY_EXISTS');
    const people = {
      regionalManagerId:
        input.regionalManagerId === undefined
          ? await soleManager(tx, 'region', project.region)
          : input.regionalManagerId,
      divisionManagerId:
        input.divisionManagerId === undefined
          ? await soleManager(tx, 'division', project.division)
          : input.divisionManagerId,
      serviceLeadId: input.serviceLeadId ?? null,
    };
    await checkPeople(tx, projectId, {
      regionalManagerId: input.regionalManagerId,
      divisionManagerId: input.divisionManagerId,
      serviceLeadId: input.serviceLeadId,
    });
    const row = await insertHandover(tx, {
      id: uuid7(),
      projectId,
      plannedDate: input.plannedDate,
      startDate: handoverStartDate(input.plannedDate),
      ...people,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'handover.create',
      objectType: 'handover',
      objectId: row.id,
      changes: changesOf(null, row),
      detail: { projectId },
    });
  });
  return getHandover(ctx, projectId);
}

/** Moves the date or changes the people. A later date whose window has not opened yet sends the T−30 notice again then. */
export async function updateHandover(
  ctx: Ctx,
  projectId: string,
  input: z.output<typeof HandoverUpdateSchema>,
) {
  await ctx.db.transaction(async (tx) => {
    const project = await projectForHandover(tx, ctx, projectId, 'share');
    const before = await lockHandover(tx, projectId);
    if (!before) throw AppError.notFound();
    if (!abilitiesFor(ctx, before, project).update) throw AppError.forbidden();
    await checkPeople(tx, projectId, {
      regionalManagerId: input.regionalManagerId,
      divisionManagerId: input.divisionManagerId,
      serviceLeadId: input.serviceLeadId,
    });
    const patch: Partial<HandoverRow> = {};
    for (const k of ['regionalManagerId', 'divisionManagerId', 'serviceLeadId'] as const)
      if (input[k] !== undefined) patch[k] = input[k] ?? null;
    if (input.plannedDate && input.plannedDate !== before.plannedDate) {
      patch.plannedDate = input.plannedDate;
      patch.startDate = handoverStartDate(input.plannedDate);
      if (patch.startDate > localDateAt(ctx.now)) patch.startNotifiedAt = null;
    }
    const after = await updateHandoverRow(tx, before.id, { ...patch, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'handover.update',
      objectType: 'handover',
      objectId: before.id,
      changes: changesOf(before, after),
      detail: { projectId },
    });
  });
  return getHandover(ctx, projectId);
}

/** "Handovers starting" (within 30 days), "handovers overdue", "projects without their customer manager". */
export async function handoverView(ctx: Ctx, query: z.output<typeof HandoverViewQuery>) {
  if (!serviceProjectAdminAbilities(ctx.actor).read) throw AppError.forbidden();
  const today = localDateAt(ctx.now);
  const rows = await handoverViewRows(
    ctx.db,
    ctx.actor,
    query.view,
    today,
    addDays(today, HANDOVER_VIEW_DAYS),
    query.limit,
  );
  const rules = await loadRules(ctx.db);
  return rows.map((r) => ({
    ...r,
    suggestion: suggestionFor(rules, r.project, r.handover.plannedDate).suggestion,
  }));
}

export type { HandoverView };
