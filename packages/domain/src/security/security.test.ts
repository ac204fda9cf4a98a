import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY as P, checkPassword, characterClasses } from './password-policy.js';
import { decideLogin, sessionAlive } from './lockout.js';
import type { LoginState } from './lockout.js';

describe('checkPassword', () => {
  it.each([
    ['Abcdef1!', 'zhang', []],
    ['abcdefg1', 'zhang', ['too_few_classes']], // lower + digit: only 2 classes
    ['Abc1!', 'zhang', ['too_short']],
    ['abcdefgh', 'zhang', ['too_few_classes']],
    ['Zhang123', 'zhang123', ['equals_username']],
    ['密码Abc12345', 'li', []],
    ['A'.repeat(64) + 'a1' + 'x'.repeat(70), 'li', ['too_long']],
  ])('%s for %s', (pw, user, codes) => {
    expect(checkPassword(pw, user, P).map((p) => p.code)).toEqual(codes);
  });
  it('counts classes', () => {
    expect(characterClasses('aA1!')).toBe(4);
    expect(characterClasses('中文')).toBe(1);
  });
});

describe('decideLogin', () => {
  const open = { disabled: false, failedCount: 0, lockedUntil: null };
  const now = 1_000_000;
  it('locks on the 5th wrong password and refuses the right one while locked', () => {
    let s: LoginState = open;
    for (let i = 1; i <= 4; i++) {
      const d = decideLogin(s, false, now, P);
      expect(d.outcome).toBe('wrong_password');
      if (d.outcome === 'wrong_password') expect(d.attemptsLeft).toBe(5 - i);
      s = d.next;
    }
    const fifth = decideLogin(s, false, now, P);
    expect(fifth).toMatchObject({ outcome: 'wrong_password', lockedNow: true });
    const during = decideLogin(fifth.next, true, now + 60_000, P);
    expect(during).toMatchObject({ outcome: 'locked', lockedUntil: now + 15 * 60_000 });
    const after = decideLogin(during.next, true, now + 15 * 60_000 + 1, P);
    expect(after.outcome).toBe('success');
    expect(after.next).toEqual(open);
  });
  it('a wrong password after the lock expired counts from one again', () => {
    const d = decideLogin({ disabled: false, failedCount: 0, lockedUntil: now - 1 }, false, now, P);
    expect(d).toMatchObject({ outcome: 'wrong_password', attemptsLeft: 4 });
  });
  it('refuses disabled accounts whatever the password', () => {
    expect(decideLogin({ ...open, disabled: true }, true, now, P).outcome).toBe('disabled');
  });
  it('a success resets the failure count', () => {
    expect(decideLogin({ ...open, failedCount: 3 }, true, now, P).next.failedCount).toBe(0);
  });
});

describe('sessionAlive', () => {
  const t0 = 0;
  it.each([
    [{ createdAt: t0, lastSeenAt: t0, revoked: false }, 29 * 60_000, true],
    [{ createdAt: t0, lastSeenAt: t0, revoked: false }, 30 * 60_000 + 1, false],
    [{ createdAt: t0, lastSeenAt: 12 * 3_600_000, revoked: false }, 12 * 3_600_000 + 1, false],
    [{ createdAt: t0, lastSeenAt: t0, revoked: true }, 1, false],
  ])('%o at %d → %s', (s, now, alive) => {
    expect(sessionAlive(s, now, P).alive).toBe(alive);
  });
});
