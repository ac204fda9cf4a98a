import { eq, sql } from 'drizzle-orm';
import { checkPassword, decideLogin } from '@opsdesk/domain';
import type { PasswordProblem, SecurityPolicy } from '@opsdesk/domain';
import type { Lang } from '@opsdesk/contracts';
import { users } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { FieldProblem } from '../../http/app-error.js';
import type { AnonCtx, Ctx, Principal } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { hashPassword, verifyPassword } from '../../lib/password-hash.js';
import { newSecret, sha256 } from '../../lib/secrets.js';
import { recordAudit } from '../audit/audit.record.js';
import { currentPolicy } from '../security-policy/security-policy.service.js';
import {
  actorOf,
  countAdmins,
  findPrincipalByUserId,
  findUserForLogin,
  insertSession,
  revokeSession,
  revokeUserSessions,
} from './auth.repository.js';

const PROBLEM_RULES: Record<PasswordProblem['code'], string> = {
  too_short: 'rule.passwordTooShort',
  too_long: 'rule.passwordTooLong',
  too_few_classes: 'rule.passwordClasses',
  equals_username: 'rule.passwordEqualsUsername',
};

/** Field errors for a password that breaks the policy, or nothing. */
export function passwordProblems(
  password: string,
  username: string | null,
  policy: SecurityPolicy,
  path = 'password',
): FieldProblem[] {
  return checkPassword(password, username ?? '', policy).map((p) => ({
    path,
    rule: PROBLEM_RULES[p.code],
    params: { ...p },
  }));
}

export function formatTime(d: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
}

export interface LoginOk {
  sessionToken: string;
  principal: Principal;
}

/**
 * A login attempt, decided by the pure lockout rule and written with its audit row in one
 * transaction that holds the user's row lock, so concurrent attempts cannot lose a failure.
 * Every attempt — unknown user, wrong password, locked, disabled, success — is audited.
 */
export async function login(
  actx: AnonCtx,
  username: string,
  password: string,
  userAgent: string | null,
): Promise<LoginOk> {
  const policy = await currentPolicy(actx.db);
  const outcome = await actx.db.transaction(async (tx) => {
    const user = await findUserForLogin(tx, username);
    const matches = await verifyPassword(password, user?.passwordHash ?? null);
    const who = { ...actx, db: tx };
    if (!user) {
      await recordAudit(tx, who, {
        action: 'auth.login',
        result: 'failure',
        detail: { username, reason: 'unknown_user' },
      });
      return { error: new AppError('INVALID_CREDENTIALS') };
    }
    const audit = (result: 'success' | 'failure', reason: string, extra: Record<string, unknown> = {}) =>
      recordAudit(
        tx,
        { ...who, actorName: user.displayName },
        {
          action: 'auth.login',
          objectType: 'user',
          objectId: user.id,
          result,
          detail: { username, reason, ...extra },
        },
      );
    const now = actx.now.getTime();
    const decision = decideLogin(
      {
        disabled: user.disabled,
        failedCount: user.failedLoginCount,
        lockedUntil: user.lockedUntil?.getTime() ?? null,
      },
      matches,
      now,
      policy,
    );
    const next = decision.next;
    await tx
      .update(users)
      .set({
        failedLoginCount: next.failedCount,
        lockedUntil: next.lockedUntil === null ? null : new Date(next.lockedUntil),
        ...(decision.outcome === 'success' ? { lastLoginAt: actx.now } : {}),
      })
      .where(eq(users.id, user.id));
    switch (decision.outcome) {
      case 'disabled':
        await audit('failure', 'disabled');
        // Only someone who knows the password learns that the account is disabled.
        return { error: new AppError(matches ? 'ACCOUNT_DISABLED' : 'INVALID_CREDENTIALS') };
      case 'locked': {
        const until = new Date(decision.lockedUntil);
        await audit('failure', 'locked', { lockedUntil: until.toISOString() });
        return {
          error: new AppError(
            'ACCOUNT_LOCKED',
            { lockedUntil: until.toISOString() },
            { until: formatTime(until, actx.lang) },
          ),
        };
      }
      case 'wrong_password': {
        if (decision.lockedNow && next.lockedUntil !== null) {
          const until = new Date(next.lockedUntil);
          await audit('failure', 'wrong_password_locked', { lockedUntil: until.toISOString() });
          return {
            error: new AppError(
              'ACCOUNT_LOCKED',
              { lockedUntil: until.toISOString() },
              { until: formatTime(until, actx.lang) },
            ),
          };
        }
        await audit('failure', 'wrong_password', { attemptsLeft: decision.attemptsLeft });
        return { error: new AppError('INVALID_CREDENTIALS', { attemptsLeft: decision.attemptsLeft }) };
      }
      case 'success': {
        const token = newSecret();
        const csrfToken = newSecret();
        await insertSession(tx, {
          id: sha256(token),
          userId: user.id,
          csrfToken,
          now: actx.now,
          ip: actx.ip,
          userAgent,
        });
        await audit('success', 'password');
        return { token, csrfToken, userId: user.id };
      }
    }
  });
  if ('error' in outcome) throw outcome.error;
  const principal = await findPrincipalByUserId(actx.db, outcome.userId);
  if (!principal) throw new AppError('INVALID_CREDENTIALS');
  return {
    sessionToken: outcome.token,
    principal: {
      actor: actorOf(principal),
      displayName: principal.user.displayName,
      username: principal.user.username,
      locale: principal.user.locale,
      via: 'session',
      sessionId: sha256(outcome.token),
      csrfToken: outcome.csrfToken,
      sessionCreatedAt: actx.now,
    },
  };
}

export async function logout(ctx: Ctx, sessionId: string | null): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (sessionId) await revokeSession(tx, sessionId, ctx.now);
    await recordAudit(tx, ctx, { action: 'auth.logout', objectType: 'user', objectId: ctx.actor.userId });
  });
}

export async function setupNeeded(db: DbOrTx): Promise<boolean> {
  return (await countAdmins(db)) === 0;
}

/** First-run: creates the first admin when there is none. There is no default password anywhere. */
export async function setupFirstAdmin(
  actx: AnonCtx,
  input: { username: string; password: string; displayName: string },
): Promise<void> {
  const policy = await currentPolicy(actx.db);
  const problems = passwordProblems(input.password, input.username, policy);
  if (problems.length) throw AppError.validation(problems);
  const hash = await hashPassword(input.password);
  await actx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7301202613)`);
    if ((await countAdmins(tx)) > 0) throw new AppError('SETUP_DONE');
    const id = uuid7();
    await tx.insert(users).values({
      id,
      kind: 'staff',
      username: input.username,
      passwordHash: hash,
      displayName: input.displayName,
      globalRoles: ['admin'],
      passwordChangedAt: actx.now,
      createdAt: actx.now,
      updatedAt: actx.now,
    });
    await recordAudit(
      tx,
      { ...actx, actorName: input.displayName },
      {
        action: 'setup.first_admin',
        objectType: 'user',
        objectId: id,
        detail: { username: input.username },
      },
    );
  });
}

export async function changeOwnPassword(
  ctx: Ctx,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const policy = await currentPolicy(ctx.db);
  const outcome = await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, ctx.actor.userId)).for('update');
    if (!user) throw AppError.notFound();
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      // The failed attempt is audited, so this transaction commits and the error is thrown after.
      await recordAudit(tx, ctx, {
        action: 'user.password_change',
        objectType: 'user',
        objectId: user.id,
        result: 'failure',
        detail: { reason: 'wrong_current' },
      });
      return 'wrong_current' as const;
    }
    const problems = passwordProblems(newPassword, user.username, policy, 'newPassword');
    if (problems.length) throw AppError.validation(problems);
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(newPassword), passwordChangedAt: ctx.now, updatedAt: ctx.now })
      .where(eq(users.id, user.id));
    await recordAudit(tx, ctx, { action: 'user.password_change', objectType: 'user', objectId: user.id });
    return 'ok' as const;
  });
  if (outcome === 'wrong_current') throw AppError.field('currentPassword', 'rule.currentPasswordWrong');
}

/** Signs a user out everywhere (after a password reset or when disabled). */
export async function endAllSessions(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await revokeUserSessions(db, userId, now);
}
