import { sql } from 'drizzle-orm';
import { canSetGlobalRoles, systemAbilities, userAbilities } from '@opsdesk/domain';
import type { GlobalRole } from '@opsdesk/domain';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { hashPassword } from '../../lib/password-hash.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { countAdmins } from '../auth/auth.repository.js';
import { endAllSessions, passwordProblems } from '../auth/auth.service.js';
import { currentPolicy } from '../security-policy/security-policy.service.js';
import { findUser, updateUserRow } from './user.repository.js';
import type { UserView } from './user.repository.js';
import { AUDIT_IGNORE, reread } from './user.service.js';

/**
 * The same advisory lock first-run setup takes (auth.service.ts): while it is held, the number
 * of admins cannot change under us.
 */
const ADMIN_COUNT_LOCK = sql`SELECT pg_advisory_xact_lock(7301202613)`;

/**
 * Sets a user's global roles (等保 三员). Only the security admin grants them, never to
 * themselves, at most one per person and only to staff (domain `canSetGlobalRoles`). The last
 * admin keeps the role: with no admin left, first-run setup would open to anyone.
 */
export async function setGlobalRoles(ctx: Ctx, id: string, globalRoles: GlobalRole[]): Promise<UserView> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(ADMIN_COUNT_LOCK);
    const before = await findUser(tx, ctx.actor, id, true);
    if (!before) throw AppError.notFound();
    if (!canSetGlobalRoles(ctx.actor, before, globalRoles)) {
      throw new AppError('FORBIDDEN', {}, {}, [{ path: 'globalRoles', rule: 'rule.globalRoleGrant' }]);
    }
    if (
      before.globalRoles.includes('admin') &&
      !globalRoles.includes('admin') &&
      (await countAdmins(tx)) <= 1
    ) {
      throw AppError.field('globalRoles', 'rule.lastAdmin');
    }
    await updateUserRow(tx, id, { globalRoles, updatedAt: ctx.now });
    const after = await reread(tx, ctx, id);
    await recordAudit(tx, ctx, {
      action: 'user.roles',
      objectType: 'user',
      objectId: id,
      changes: changesOf(before, after, AUDIT_IGNORE),
    });
    return after;
  });
}

/**
 * The admin sets another user's password (a reset: the user has forgotten theirs). The new
 * password must meet the policy; every session of the user ends. The hash is never audited.
 */
export async function resetPassword(ctx: Ctx, id: string, password: string): Promise<void> {
  const policy = await currentPolicy(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const user = await findUser(tx, ctx.actor, id, true);
    if (!user) throw AppError.notFound();
    if (!userAbilities(ctx.actor, user).resetPassword) throw AppError.forbidden();
    const problems = passwordProblems(password, user.username, policy);
    if (problems.length) throw AppError.validation(problems);
    await updateUserRow(tx, id, {
      passwordHash: await hashPassword(password),
      passwordChangedAt: ctx.now,
      updatedAt: ctx.now,
    });
    await endAllSessions(tx, id, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'user.password_reset',
      objectType: 'user',
      objectId: id,
      detail: { sessionsEnded: true },
    });
  });
}

/** Clears a sign-in lockout (failed attempts and the lock) before it runs out. */
export async function unlockUser(ctx: Ctx, id: string): Promise<UserView> {
  return ctx.db.transaction(async (tx) => {
    const before = await findUser(tx, ctx.actor, id, true);
    if (!before) throw AppError.notFound();
    if (!systemAbilities(ctx.actor).manageUsers) throw AppError.forbidden();
    await updateUserRow(tx, id, { failedLoginCount: 0, lockedUntil: null, updatedAt: ctx.now });
    const after = await reread(tx, ctx, id);
    await recordAudit(tx, ctx, {
      action: 'user.unlock',
      objectType: 'user',
      objectId: id,
      changes: changesOf(before, after, AUDIT_IGNORE),
    });
    return after;
  });
}
