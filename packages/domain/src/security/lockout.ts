import type { SecurityPolicy } from './password-policy.js';

/** The login-relevant state of an account. Times are epoch milliseconds. */
export interface LoginState {
  disabled: boolean;
  failedCount: number;
  lockedUntil: number | null;
}

export type LoginDecision =
  | { outcome: 'success'; next: LoginState }
  | { outcome: 'disabled'; next: LoginState }
  | { outcome: 'locked'; lockedUntil: number; next: LoginState }
  | { outcome: 'wrong_password'; next: LoginState; lockedNow: boolean; attemptsLeft: number };

/**
 * Decides a login attempt. While an account is locked even the right password is refused,
 * and the lock is not extended by further attempts. A lock that has passed is cleared.
 */
export function decideLogin(
  state: LoginState,
  passwordMatches: boolean,
  now: number,
  policy: SecurityPolicy,
): LoginDecision {
  if (state.disabled) return { outcome: 'disabled', next: state };
  if (state.lockedUntil !== null && state.lockedUntil > now) {
    return { outcome: 'locked', lockedUntil: state.lockedUntil, next: state };
  }
  const fresh: LoginState = {
    ...state,
    lockedUntil: null,
    failedCount: state.lockedUntil !== null ? 0 : state.failedCount,
  };
  if (passwordMatches) return { outcome: 'success', next: { ...fresh, failedCount: 0, lockedUntil: null } };
  const failedCount = fresh.failedCount + 1;
  if (failedCount >= policy.lockoutThreshold) {
    const lockedUntil = now + policy.lockoutMinutes * 60_000;
    return {
      outcome: 'wrong_password',
      lockedNow: true,
      attemptsLeft: 0,
      next: { ...fresh, failedCount: 0, lockedUntil },
    };
  }
  return {
    outcome: 'wrong_password',
    lockedNow: false,
    attemptsLeft: policy.lockoutThreshold - failedCount,
    next: { ...fresh, failedCount },
  };
}

/** Whether a session is still alive at `now`. */
export function sessionAlive(
  session: { createdAt: number; lastSeenAt: number; revoked: boolean },
  now: number,
  policy: SecurityPolicy,
): { alive: true } | { alive: false; reason: 'revoked' | 'idle' | 'max_age' } {
  if (session.revoked) return { alive: false, reason: 'revoked' };
  if (now - session.lastSeenAt > policy.idleTimeoutMinutes * 60_000) return { alive: false, reason: 'idle' };
  if (now - session.createdAt > policy.sessionMaxHours * 3_600_000)
    return { alive: false, reason: 'max_age' };
  return { alive: true };
}
