import { organisationAbilities, systemAbilities } from '@opsdesk/domain';
import type { TeamCreateSchema, TeamListQuery } from '@opsdesk/contracts';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { FieldProblem } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import type { Tx } from '../../db/client.js';
import { uuid7 } from '../../lib/ids.js';
import { definedOnly } from '../../lib/patch.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import {
  deleteTeamRow,
  findTeam,
  findUserKinds,
  insertTeam,
  listTeams,
  setTeamMembers,
  updateTeamRow,
} from './team.repository.js';
import type { TeamView } from './team.repository.js';

/** A change to a team: absent fields stay; `memberIds` replaces the whole membership. */
export interface TeamPatch {
  name?: string | undefined;
  description?: string | null | undefined;
  leadUserId?: string | null | undefined;
  memberIds?: string[] | undefined;
}

/** What the audit log records of a team: its own fields and its member ids (sorted, so order is no change). */
function auditView(t: TeamView): Record<string, unknown> {
  const { members, leadName: _leadName, ...row } = t;
  return { ...row, memberIds: members.map((m) => m.userId).sort() };
}

/**
 * Teams become assignment groups, so only the provider's staff can be members or lead. Every
 * named person must exist and be staff; one problem per field.
 */
async function checkPeople(
  tx: Tx,
  memberIds: readonly string[] | undefined,
  leadUserId: string | null | undefined,
): Promise<void> {
  const named = [...(memberIds ?? []), ...(leadUserId ? [leadUserId] : [])];
  const kinds = await findUserKinds(tx, [...new Set(named)]);
  const ruleFor = (ids: readonly string[]) =>
    ids.some((id) => !kinds.has(id))
      ? 'rule.unknownReference'
      : ids.some((id) => kinds.get(id) !== 'staff')
        ? 'rule.roleForKind'
        : null;
  const problems: FieldProblem[] = [];
  const memberRule = ruleFor(memberIds ?? []);
  if (memberRule) problems.push({ path: 'memberIds', rule: memberRule });
  const leadRule = ruleFor(leadUserId ? [leadUserId] : []);
  if (leadRule) problems.push({ path: 'leadUserId', rule: leadRule });
  if (problems.length) throw AppError.validation(problems);
}

export function listTeamsFor(ctx: Ctx, query: z.output<typeof TeamListQuery>) {
  return listTeams(ctx.db, ctx.actor, query);
}

export async function getTeam(ctx: Ctx, id: string): Promise<TeamView> {
  const row = await findTeam(ctx.db, ctx.actor, id);
  if (!row) throw AppError.notFound();
  return row;
}

export async function createTeam(ctx: Ctx, input: z.output<typeof TeamCreateSchema>): Promise<TeamView> {
  if (!systemAbilities(ctx.actor).manageOrganisation) throw AppError.forbidden();
  const { memberIds, ...fields } = input;
  const members = [...new Set(memberIds)];
  return ctx.db.transaction(async (tx) => {
    await checkPeople(tx, members, fields.leadUserId);
    const row = await insertTeam(tx, { id: uuid7(), ...fields, createdAt: ctx.now, updatedAt: ctx.now });
    await setTeamMembers(tx, row.id, members);
    const after = (await findTeam(tx, ctx.actor, row.id))!;
    await recordAudit(tx, ctx, {
      action: 'team.create',
      objectType: 'team',
      objectId: row.id,
      changes: changesOf(null, auditView(after)),
    });
    return after;
  });
}

export async function updateTeam(ctx: Ctx, id: string, patch: TeamPatch): Promise<TeamView> {
  return ctx.db.transaction(async (tx) => {
    const before = await findTeam(tx, ctx.actor, id, true);
    if (!before) throw AppError.notFound();
    if (!organisationAbilities(ctx.actor).update) throw AppError.forbidden();
    const { memberIds, ...fields } = patch;
    const members = memberIds === undefined ? undefined : [...new Set(memberIds)];
    await checkPeople(tx, members, fields.leadUserId);
    await updateTeamRow(tx, id, { ...definedOnly(fields), updatedAt: ctx.now });
    if (members) await setTeamMembers(tx, id, members);
    const after = (await findTeam(tx, ctx.actor, id))!;
    await recordAudit(tx, ctx, {
      action: 'team.update',
      objectType: 'team',
      objectId: id,
      changes: changesOf(auditView(before), auditView(after)),
    });
    return after;
  });
}

export async function deleteTeam(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findTeam(tx, ctx.actor, id, true);
    if (!before) throw AppError.notFound();
    if (!organisationAbilities(ctx.actor).delete) throw AppError.forbidden();
    await deleteTeamRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'team.delete',
      objectType: 'team',
      objectId: id,
      changes: changesOf(auditView(before), null),
    });
  });
}
