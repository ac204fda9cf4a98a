import {
  expandRotation,
  formatLocal,
  rosterAbilities,
  shiftAbilities,
  shiftTimesValid,
  teamRosterAbilities,
} from '@opsdesk/domain';
import type { RosterAbilities } from '@opsdesk/domain';
import type {
  RosterQuery,
  RosterRotationSchema,
  RosterShiftCreateSchema,
  RosterShiftUpdateSchema,
  RosterSwapSchema,
} from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { notify } from '../notifications/notification.service.js';
import { findProject } from '../projects/project.repository.js';
import { setOnDutyLookup } from '../tickets/on-duty.js';
import {
  deleteShiftRow,
  dutyTeamOf,
  eligible,
  findShiftView,
  findShiftViews,
  findTeamRow,
  insertShifts,
  insertSwap,
  lockShift,
  shiftsAt,
  shiftsBetween,
  updateShiftRow,
} from './roster.repository.js';
import type { ShiftRow, ShiftView } from './roster.repository.js';

/**
 * The duty roster (值班表) of a project or a team. Shifts are instants; a rotation (day/night, 7×24)
 * is expanded into shifts in Asia/Shanghai wall time by the domain. On duty at an instant for a
 * project: its own shifts and those of its duty team.
 */
type Owner = { projectId: string; teamId?: undefined } | { teamId: string; projectId?: undefined };
const DAY = 86_400_000;
const MAX_RANGE_DAYS = 62;

/** The roster's owner in the actor's scope (404) and the actor's abilities on it. */
async function rosterOf(
  db: DbOrTx,
  ctx: Ctx,
  owner: Owner,
): Promise<RosterAbilities & { dutyTeamId?: string | null }> {
  if (owner.projectId) {
    const project = await findProject(db, ctx.actor, owner.projectId);
    if (!project) throw AppError.notFound();
    return { ...rosterAbilities(ctx.actor, project.id), dutyTeamId: project.dutyTeamId };
  }
  const team = await findTeamRow(db, owner.teamId!);
  const abilities = team ? teamRosterAbilities(ctx.actor, team) : null;
  if (!team || !abilities?.read) throw AppError.notFound(); // teams are visible to staff only
  return abilities;
}

async function readable(db: DbOrTx, ctx: Ctx, owner: Owner) {
  const r = await rosterOf(db, ctx, owner);
  if (!r.read) throw AppError.forbidden();
  return r;
}

async function manageable(db: DbOrTx, ctx: Ctx, owner: Owner) {
  const r = await readable(db, ctx, owner);
  if (!r.manage) throw AppError.forbidden();
  return r;
}

export async function getRoster(ctx: Ctx, owner: Owner, query: z.output<typeof RosterQuery>) {
  const r = await readable(ctx.db, ctx, owner);
  const from = query.from ? new Date(query.from) : ctx.now;
  const to = query.to ? new Date(query.to) : new Date(from.getTime() + 7 * DAY);
  if (to <= from) throw AppError.field('to', 'rule.endBeforeStart');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY)
    throw AppError.field('to', 'rule.rotationTooLong');
  const teamId = owner.teamId ?? r.dutyTeamId ?? null;
  const items = await shiftsBetween(ctx.db, { ...owner, teamId }, from, to);
  // A project's calendar also shows its duty team's shifts; those are edited on the team's roster.
  const team = owner.projectId && teamId ? await findTeamRow(ctx.db, teamId) : null;
  const teamRoster = team ? teamRosterAbilities(ctx.actor, team) : r;
  const abilities = (shift: ShiftRow) =>
    shiftAbilities(owner.projectId && shift.teamId ? teamRoster : r, ctx.actor, shift);
  return { from, to, items, manage: r.manage, abilities };
}

async function checkPeople(
  tx: DbOrTx,
  owner: Owner,
  userIds: readonly string[],
  path: (i: number) => string,
) {
  const ok = await eligible(tx, owner, userIds);
  const bad = userIds.findIndex((id) => !ok.has(id));
  if (bad >= 0)
    throw AppError.field(path(bad), owner.projectId ? 'rule.notProjectMember' : 'rule.notTeamMember');
}

const auditOf = (owner: Owner) => ({ projectId: owner.projectId ?? null, teamId: owner.teamId ?? null });

export async function createShift(
  ctx: Ctx,
  owner: Owner,
  input: z.output<typeof RosterShiftCreateSchema>,
): Promise<ShiftView> {
  const id = await ctx.db.transaction(async (tx) => {
    await manageable(tx, ctx, owner);
    await checkPeople(tx, owner, [input.userId], () => 'userId');
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (!shiftTimesValid(startsAt, endsAt)) throw AppError.field('endsAt', 'rule.shiftTimes');
    const [row] = await insertShifts(tx, [
      {
        id: uuid7(),
        ...auditOf(owner),
        userId: input.userId,
        label: input.label,
        startsAt,
        endsAt,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'roster_shift.create',
      objectType: 'roster_shift',
      objectId: row!.id,
      changes: changesOf(null, row!),
      detail: auditOf(owner),
    });
    return row!.id;
  });
  return (await findShiftView(ctx.db, id))!;
}

/** Lays out a rotation (e.g. day/night for two weeks) as shifts, audited as one change. */
export async function createRotation(
  ctx: Ctx,
  owner: Owner,
  input: z.output<typeof RosterRotationSchema>,
): Promise<ShiftView[]> {
  const ids = await ctx.db.transaction(async (tx) => {
    await manageable(tx, ctx, owner);
    await checkPeople(tx, owner, input.userIds, (i) => `userIds.${i}`);
    const planned = expandRotation(input);
    const rows = await insertShifts(
      tx,
      planned.map((p) => ({
        id: uuid7(),
        ...auditOf(owner),
        ...p,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'roster_shift.rotation',
      objectType: owner.projectId ? 'project' : 'team',
      objectId: owner.projectId ?? owner.teamId,
      detail: {
        ...auditOf(owner),
        from: input.from,
        days: input.days,
        shifts: input.shifts,
        userIds: input.userIds,
        shiftIds: rows.map((r) => r.id),
      },
    });
    return rows.map((r) => r.id);
  });
  return findShiftViews(ctx.db, ids);
}

/** Locks a shift; its roster decides visibility (404) and abilities. */
async function lockedShift(tx: DbOrTx, ctx: Ctx, id: string) {
  const shift = await lockShift(tx, id);
  if (!shift) throw AppError.notFound();
  const owner: Owner = shift.projectId ? { projectId: shift.projectId } : { teamId: shift.teamId! };
  const roster = await rosterOf(tx, ctx, owner).catch((e: unknown) => {
    throw e instanceof AppError ? AppError.notFound() : e;
  });
  if (!roster.read) throw AppError.notFound();
  return { shift, owner, abilities: shiftAbilities(roster, ctx.actor, shift) };
}

export const shiftAbilitiesFor = async (ctx: Ctx, shift: ShiftRow) => {
  const owner: Owner = shift.projectId ? { projectId: shift.projectId } : { teamId: shift.teamId! };
  return shiftAbilities(await rosterOf(ctx.db, ctx, owner), ctx.actor, shift);
};

export async function updateShift(
  ctx: Ctx,
  id: string,
  input: z.output<typeof RosterShiftUpdateSchema>,
): Promise<ShiftView> {
  await ctx.db.transaction(async (tx) => {
    const { shift, abilities } = await lockedShift(tx, ctx, id);
    if (!abilities.update) throw AppError.forbidden();
    const startsAt = input.startsAt ? new Date(input.startsAt) : shift.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : shift.endsAt;
    if (!shiftTimesValid(startsAt, endsAt)) throw AppError.field('endsAt', 'rule.shiftTimes');
    const after = await updateShiftRow(tx, id, {
      startsAt,
      endsAt,
      ...(input.label ? { label: input.label } : {}),
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'roster_shift.update',
      objectType: 'roster_shift',
      objectId: id,
      changes: changesOf(shift, after),
    });
  });
  return (await findShiftView(ctx.db, id))!;
}

export async function deleteShift(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { shift, abilities } = await lockedShift(tx, ctx, id);
    if (!abilities.delete) throw AppError.forbidden();
    await deleteShiftRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'roster_shift.delete',
      objectType: 'roster_shift',
      objectId: id,
      changes: changesOf(shift, null),
    });
  });
}

/** Hands a shift to someone else on the roster, with a reason; both people hear of it. */
export async function swapShift(
  ctx: Ctx,
  id: string,
  input: z.output<typeof RosterSwapSchema>,
): Promise<ShiftView> {
  await ctx.db.transaction(async (tx) => {
    const { shift, owner, abilities } = await lockedShift(tx, ctx, id);
    if (!abilities.swap) throw AppError.forbidden();
    if (input.toUserId === shift.userId) throw AppError.field('toUserId', 'rule.sameUser');
    await checkPeople(tx, owner, [input.toUserId], () => 'toUserId');
    const after = await updateShiftRow(tx, id, { userId: input.toUserId, updatedAt: ctx.now });
    const swap = await insertSwap(tx, {
      id: uuid7(),
      shiftId: id,
      fromUserId: shift.userId,
      toUserId: input.toUserId,
      reason: input.reason,
      swappedBy: ctx.actor.userId,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'roster_shift.swap',
      objectType: 'roster_shift',
      objectId: id,
      changes: changesOf(shift, after),
      detail: { swapId: swap.id, reason: input.reason },
    });
    const view = (await findShiftView(tx, id))!;
    const from = view.swaps.at(-1)?.fromName ?? '';
    await notify(tx, {
      userIds: [shift.userId, input.toUserId],
      kind: 'roster.swapped',
      params: {
        label: shift.label,
        startsAt: formatLocal(shift.startsAt),
        from,
        to: view.userName,
        reason: input.reason,
      },
      link: shift.projectId ? `/projects/${shift.projectId}?tab=roster` : `/teams/${shift.teamId}?tab=roster`,
      objectType: 'roster_shift',
      objectId: id,
      projectId: shift.projectId,
      now: ctx.now,
    });
  });
  return (await findShiftView(ctx.db, id))!;
}

// Ticket routing asks who is on duty (an out-of-hours P1 goes to them): the project's own shift
// first, else its duty team's; the earliest-started when several overlap.
setOnDutyLookup(async (db, projectId, at) => {
  const shifts = await shiftsAt(db, { projectId, teamId: await dutyTeamOf(db, projectId) }, at);
  return (shifts.find((x) => x.projectId) ?? shifts[0])?.userId ?? null;
});

/** Who is on duty for a project at an instant (default now): its own shifts and its duty team's. */
export async function onDuty(ctx: Ctx, projectId: string, at: Date) {
  const r = await readable(ctx.db, ctx, { projectId });
  const items = await shiftsAt(ctx.db, { projectId, teamId: r.dutyTeamId ?? null }, at);
  return { projectId, at, items };
}
