import { describe, expect, it } from 'vitest';
import { loginPath, safeNext } from './login-path';

describe('login redirects', () => {
  it('remember where the user was and why they left', () => {
    expect(loginPath('/projects/p1?tab=members', 'expired')).toBe(
      '/login?next=%2Fprojects%2Fp1%3Ftab%3Dmembers&reason=expired',
    );
    expect(loginPath('/')).toBe('/login');
  });
  it('return only to paths of this site', () => {
    expect(safeNext('/customers/1?tab=contacts')).toBe('/customers/1?tab=contacts');
    for (const evil of [
      '//evil.example/x',
      'https://evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      null,
      '/login?next=/x',
    ]) {
      expect(safeNext(evil)).toBe('/');
    }
  });
});
