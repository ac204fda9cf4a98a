import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetAuthLost, setCsrfToken } from '../../../app/api/client';
import { click, jsonResponse, pageText, renderWithApp, typeInto, waitFor } from '../../../test/render';
import LoginPage from './LoginPage';

const LOCKED_MESSAGE = '登录失败次数过多，账号已锁定，请于 2026-05-01 10:30 后再试';
const fetchMock = vi.fn<typeof fetch>();

function route(handler: (method: string, url: string, body: unknown) => Response) {
  fetchMock.mockImplementation(async (input, init) => {
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    return handler(method, String(input), body);
  });
}

async function signIn(username: string, password: string) {
  await typeInto(document.querySelector('input[autocomplete="username"]'), username);
  await typeInto(document.querySelector('input[type="password"]'), password);
  await click(document.querySelector('button[type="submit"]'));
}

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
  setCsrfToken(null);
  resetAuthLost();
});
afterEach(() => vi.unstubAllGlobals());

describe('LoginPage', () => {
  it('shows the lockout with the time the server names', async () => {
    route((method, url) => {
      if (url === '/api/v1/setup') return jsonResponse(200, { needed: false });
      if (method === 'POST' && url === '/api/v1/auth/login') {
        return jsonResponse(423, {
          error: {
            code: 'ACCOUNT_LOCKED',
            message: LOCKED_MESSAGE,
            requestId: 'r1',
            details: { lockedUntil: '2026-05-01T02:30:00.000Z' },
          },
        });
      }
      return jsonResponse(404, {
        error: { code: 'NOT_FOUND', message: '对象不存在或无权访问', requestId: 'r0' },
      });
    });
    await renderWithApp(<LoginPage />, { route: '/login' });
    await signIn('zhangsan', 'wrong-password');
    await waitFor(() => pageText().includes('账号已锁定'));
    const alert = document.querySelector('.ant-alert-error')?.textContent ?? '';
    expect(alert).toContain('账号已锁定');
    expect(alert).toContain(LOCKED_MESSAGE);
    // The login call carried the credentials as JSON.
    const login = fetchMock.mock.calls.find(([u]) => String(u) === '/api/v1/auth/login');
    expect(JSON.parse(String(login?.[1]?.body))).toEqual({
      username: 'zhangsan',
      password: 'wrong-password',
    });
  });

  it('says how many attempts are left after a wrong password', async () => {
    route((_m, url) =>
      url === '/api/v1/setup'
        ? jsonResponse(200, { needed: false })
        : jsonResponse(401, {
            error: {
              code: 'INVALID_CREDENTIALS',
              message: '用户名或密码错误',
              requestId: 'r2',
              details: { attemptsLeft: 2 },
            },
          }),
    );
    await renderWithApp(<LoginPage />, { route: '/login' });
    await signIn('zhangsan', 'nope');
    await waitFor(() => pageText().includes('再输错 2 次，账号将被锁定'));
    expect(pageText()).toContain('用户名或密码错误');
  });

  it('explains a session timeout and returns the user where they were after signing in', async () => {
    const me = {
      id: '00000000-0000-4000-8000-000000000001',
      kind: 'staff',
      username: 'zhangsan',
      displayName: '张三',
      locale: null,
      customerId: null,
      subcontractorId: null,
      globalRoles: [],
      memberships: [],
      csrfToken: 'csrf-1',
      sessionExpiresAt: null,
      idleTimeoutMinutes: 30,
      abilities: {
        manageOrganisation: false,
        manageUsers: false,
        grantRoles: false,
        manageSecurityPolicy: false,
        readAudit: false,
        readSecurityPolicy: false,
      },
    };
    route((method, url) => {
      if (url === '/api/v1/setup') return jsonResponse(200, { needed: false });
      if (method === 'POST' && url === '/api/v1/auth/login') return jsonResponse(200, me);
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: 'x', requestId: 'r' } });
    });
    const { router } = await renderWithApp(<LoginPage />, {
      route: '/login?next=%2Fprojects%2Fp1%3Ftab%3Dmembers&reason=expired',
    });
    expect(pageText()).toContain('会话已超时，请重新登录');
    await signIn('zhangsan', 'right');
    await waitFor(() => router.state.location.pathname === '/projects/p1');
    expect(router.state.location.search).toBe('?tab=members');
  });

  it('sends a fresh installation to the first-run setup', async () => {
    route(() => jsonResponse(200, { needed: true }));
    const { router } = await renderWithApp(<LoginPage />, { route: '/login' });
    await waitFor(() => router.state.location.pathname === '/setup');
  });
});
