import { systemAbilities, userAbilities } from '@opsdesk/domain';
import type { UserKind } from '@opsdesk/domain';
import type { UserCreateSchema, UserListQuery, UserUpdateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { FieldProblem } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { definedOnly } from '../../lib/patch.js';
import { hashPassword } from '../../lib/password-hash.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { endAllSessions, passwordProblems } from '../auth/auth.service.js';
import { currentPolicy } from '../security-policy/security-policy.service.js';
import {
  findUser,
  insertUser,
  listUsers,
  organisationExists,
  updateUserRow,
  usernameTaken,
} from './user.repository.js';
import type { UserView } from './user.repository.js';

/** Fields of a user view that are not the user's own data, or not worth an audit line. */
export const AUDIT_IGNORE = ['createdAt', 'updatedAt', 'customerName', 'subcontractorName'] as const;

/** Fields only the admin changes; a user editing their own record may change the rest. */
const ADMIN_ONLY = ['username', 'managesDivision', 'managesRegion', 'disabled'] as const;

export function listUsersFor(ctx: Ctx, query: z.output<typeof UserListQuery>) {
  return listUsers(ctx.db, ctx.actor, query);
}

export async function getUser(ctx: Ctx, id: string): Promise<UserView> {
  const row = await findUser(ctx.db, ctx.actor, id);
  if (!row) throw AppError.notFound();
  return row;
}

/** Reads the user back inside the write's transaction. */
export async function reread(tx: DbOrTx, ctx: Ctx, id: string): Promise<UserView> {
  const row = await findUser(tx, ctx.actor, id);
  if (!row) throw AppError.notFound();
  return row;
}

/** A contact belongs to a customer, subcontractor staff to a subcontractor, staff to neither; only staff manage. */
function kindProblems(
  kind: UserKind,
  v: {
    customerId?: string | null;
    subcontractorId?: string | null;
    managesDivision?: string | null;
    managesRegion?: string | null;
  },
): FieldProblem[] {
  const out: FieldProblem[] = [];
  if ((kind === 'customer_contact') !== Boolean(v.customerId))
    out.push({ path: 'customerId', rule: 'rule.orgForKind' });
  if ((kind === 'subcontractor_staff') !== Boolean(v.subcontractorId))
    out.push({ path: 'subcontractorId', rule: 'rule.orgForKind' });
  if (kind !== 'staff') {
    if (v.managesDivision) out.push({ path: 'managesDivision', rule: 'rule.managerScope' });
    if (v.managesRegion) out.push({ path: 'managesRegion', rule: 'rule.managerScope' });
  }
  return out;
}

export async function createUser(ctx: Ctx, input: z.output<typeof UserCreateSchema>): Promise<UserView> {
  if (!systemAbilities(ctx.actor).manageUsers) throw AppError.forbidden();
  const { password, ...fields } = input;
  const problems = kindProblems(fields.kind, fields);
  if (password !== null) {
    if (fields.username === null) problems.push({ path: 'username', rule: 'rule.passwordNeedsUsername' });
    else problems.push(...passwordProblems(password, fields.username, await currentPolicy(ctx.db)));
  }
  if (problems.length) throw AppError.validation(problems);
  // scrypt is slow on purpose: hash before the transaction so no lock waits on it.
  const passwordHash = password === null ? null : await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    if (fields.customerId && !(await organisationExists(tx, 'customer', fields.customerId))) {
      throw AppError.field('customerId', 'rule.unknownReference');
    }
    if (fields.subcontractorId && !(await organisationExists(tx, 'subcontractor', fields.subcontractorId))) {
      throw AppError.field('subcontractorId', 'rule.unknownReference');
    }
    if (fields.username !== null && (await usernameTaken(tx, fields.username, null)))
      throw AppError.field('username', 'rule.unique');
    const id = await insertUser(tx, {
      id: uuid7(),
      ...fields,
      passwordHash,
      passwordChangedAt: passwordHash ? ctx.now : null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    const row = await reread(tx, ctx, id);
    await recordAudit(tx, ctx, {
      action: 'user.create',
      objectType: 'user',
      objectId: id,
      changes: changesOf(null, row, AUDIT_IGNORE),
    });
    return row;
  });
}

/** The action an update is audited as: disabling and enabling an account stand out in the log. */
function updateAction(before: UserView, after: UserView): string {
  if (before.disabled === after.disabled) return 'user.update';
  return after.disabled ? 'user.disable' : 'user.enable';
}

/**
 * Updates a user. The admin edits anyone's record and disables others (never themselves);
 * a user edits their own name, contact details and language. Disabling ends the user's sessions
 * at once; their API tokens stop working because every request checks `disabled`.
 */
export async function updateUser(
  ctx: Ctx,
  id: string,
  patch: z.output<typeof UserUpdateSchema>,
): Promise<UserView> {
  const changes = definedOnly(patch);
  return ctx.db.transaction(async (tx) => {
    const before = await findUser(tx, ctx.actor, id, true);
    if (!before) throw AppError.notFound();
    if (!userAbilities(ctx.actor, before).update) throw AppError.forbidden();
    const changed = ADMIN_ONLY.filter((k) => changes[k] !== undefined && changes[k] !== before[k]);
    if (changed.length && !systemAbilities(ctx.actor).manageUsers) {
      throw new AppError(
        'FORBIDDEN',
        {},
        {},
        changed.map((path) => ({ path, rule: 'rule.adminOnlyField' })),
      );
    }
    if (changes.disabled === true && !before.disabled && id === ctx.actor.userId)
      throw AppError.field('disabled', 'rule.cannotDisableSelf');
    const problems = kindProblems(before.kind, {
      customerId: before.customerId,
      subcontractorId: before.subcontractorId,
      managesDivision: changes.managesDivision,
      managesRegion: changes.managesRegion,
    });
    if (problems.length) throw AppError.validation(problems);
    if (changes.username && (await usernameTaken(tx, changes.username, id)))
      throw AppError.field('username', 'rule.unique');
    await updateUserRow(tx, id, { ...changes, updatedAt: ctx.now });
    if (changes.disabled === true && !before.disabled) await endAllSessions(tx, id, ctx.now);
    const after = await reread(tx, ctx, id);
    await recordAudit(tx, ctx, {
      action: updateAction(before, after),
      objectType: 'user',
      objectId: id,
      changes: changesOf(before, after, AUDIT_IGNORE),
    });
    return after;
  });
}
