import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  api,
  errorFromResponse,
  request,
  resetAuthLost,
  setApiLanguage,
  setAuthLostHandler,
  setCsrfToken,
  toQueryString,
} from './client';

const fetchMock = vi.fn<typeof fetch>();

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
function envelope(code: string, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, requestId: 'req-42', ...(details ? { details } : {}) } };
}
/** The headers of the n-th fetch call, as a plain lower-cased record. */
function sentHeaders(n = 0): Record<string, string> {
  const init = fetchMock.mock.calls[n]?.[1];
  return Object.fromEntries(
    Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
  );
}

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
  setCsrfToken(null);
  setApiLanguage('zh-CN');
  setAuthLostHandler(null);
  resetAuthLost();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('requests', () => {
  it('calls /api/v1 same-origin with the cookie and the current language', async () => {
    fetchMock.mockResolvedValue(json(200, { items: [], nextCursor: null }));
    setApiLanguage('en');
    await api.get('/customers', { q: '银行', limit: 50, cursor: undefined, sort: '' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/customers?q=%E9%93%B6%E8%A1%8C&limit=50');
    expect(init?.credentials).toBe('same-origin');
    expect(sentHeaders()['accept-language']).toBe('en');
  });

  it('sends the CSRF token on every write and never on reads', async () => {
    fetchMock.mockImplementation(async () => json(200, { ok: true }));
    setCsrfToken('csrf-abc');
    await api.get('/me');
    await api.post('/customers', { name: '某某银行' });
    await api.patch('/customers/1', { name: 'x' });
    await api.put('/users/1/roles', { globalRoles: [] });
    await api.delete('/customers/1');
    expect(sentHeaders(0)['x-csrf-token']).toBeUndefined();
    for (const n of [1, 2, 3, 4]) expect(sentHeaders(n)['x-csrf-token']).toBe('csrf-abc');
    expect(fetchMock.mock.calls[1]![1]?.body).toBe(JSON.stringify({ name: '某某银行' }));
    expect(sentHeaders(1)['content-type']).toBe('application/json');
  });

  it('sends no CSRF header before the session has one', async () => {
    fetchMock.mockResolvedValue(json(200, { ok: true }));
    await api.post('/auth/login', { username: 'a', password: 'b' }, { authRedirect: false });
    expect(sentHeaders()['x-csrf-token']).toBeUndefined();
  });
});

describe('errors', () => {
  it('parses the error envelope into an ApiError with code, fields, request id and details', async () => {
    fetchMock.mockResolvedValue(
      json(
        400,
        envelope('VALIDATION_FAILED', '提交的内容有误，请检查标出的字段', {
          in: 'body',
          fields: [{ path: 'name', code: 'too_small', message: '至少 1 个字符' }, { bad: true }],
        }),
      ),
    );
    const err = await api.post('/customers', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(400);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toBe('提交的内容有误，请检查标出的字段');
    expect(e.requestId).toBe('req-42');
    expect(e.fields).toEqual([{ path: 'name', code: 'too_small', message: '至少 1 个字符' }]);
    expect(e.details).toEqual({ in: 'body' });
  });

  it('keeps details such as attemptsLeft for the login page', () => {
    const e = errorFromResponse(
      401,
      envelope('INVALID_CREDENTIALS', '用户名或密码错误', { attemptsLeft: 2 }),
      null,
    );
    expect(e.code).toBe('INVALID_CREDENTIALS');
    expect(e.details.attemptsLeft).toBe(2);
  });

  it('names a non-envelope failure by its status, in the current language', () => {
    setApiLanguage('en');
    const e = errorFromResponse(502, undefined, 'proxy-1');
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toBe('Service unavailable');
    expect(e.requestId).toBe('proxy-1');
    expect(errorFromResponse(500, { error: { code: 'NO_SUCH_CODE', message: 'x' } }, null).code).toBe(
      'INTERNAL',
    );
  });

  it('turns a network failure into UNAVAILABLE with status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const e = (await request('GET', '/me').catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message]).toEqual([0, 'UNAVAILABLE', '服务暂不可用']);
  });
});

describe('uploads', () => {
  const form = () => {
    const f = new FormData();
    f.append('file', new File(['%PDF-1.7'], '合同.pdf', { type: 'application/pdf' }), '合同.pdf');
    return f;
  };

  it('POSTs the form as multipart with the CSRF token and the language, leaving the boundary to the browser', async () => {
    fetchMock.mockResolvedValue(json(201, { id: 'a1', fileName: '合同.pdf' }));
    setCsrfToken('csrf-abc');
    setApiLanguage('en');
    const body = form();
    const saved = await api.upload<{ id: string }>('/attachments', body, {
      query: { ownerType: 'project', ownerId: 'p1', category: undefined },
    });
    expect(saved.id).toBe('a1');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/attachments?ownerType=project&ownerId=p1');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe(body);
    expect(sentHeaders()['x-csrf-token']).toBe('csrf-abc');
    expect(sentHeaders()['accept-language']).toBe('en');
    expect(sentHeaders()['content-type']).toBeUndefined();
  });

  it('turns the error envelope into an ApiError with its fields', async () => {
    fetchMock.mockResolvedValue(
      json(
        400,
        envelope('VALIDATION_FAILED', '提交的内容有误，请检查标出的字段', {
          fields: [{ path: 'file', code: 'fileTypeNotAllowed', message: '不支持该文件类型' }],
        }),
      ),
    );
    setCsrfToken('csrf-abc');
    const e = (await api.upload('/attachments', form()).catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.requestId]).toEqual([400, 'VALIDATION_FAILED', 'req-42']);
    expect(e.fields).toEqual([{ path: 'file', code: 'fileTypeNotAllowed', message: '不支持该文件类型' }]);
  });

  it('names a proxy refusal of a large file by its status, and a lost session like any write', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>413</html>', { status: 413 }));
    const big = (await api.upload('/attachments', form()).catch((x: unknown) => x)) as ApiError;
    expect([big.status, big.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);

    const lost = vi.fn();
    setAuthLostHandler(lost);
    fetchMock.mockResolvedValueOnce(json(401, envelope('SESSION_EXPIRED', '会话已超时，请重新登录')));
    await api.upload('/attachments', form()).catch(() => undefined);
    expect(lost).toHaveBeenCalledWith('SESSION_EXPIRED');
  });
});

describe('session loss', () => {
  it('reports SESSION_EXPIRED once, however many calls fail', async () => {
    const lost = vi.fn();
    setAuthLostHandler(lost);
    fetchMock.mockImplementation(async () =>
      json(401, envelope('SESSION_EXPIRED', '会话已超时，请重新登录')),
    );
    await Promise.allSettled([api.get('/customers'), api.get('/projects'), api.post('/sites', {})]);
    expect(lost).toHaveBeenCalledTimes(1);
    expect(lost).toHaveBeenCalledWith('SESSION_EXPIRED');
    resetAuthLost();
    await api.get('/me').catch(() => undefined);
    expect(lost).toHaveBeenCalledTimes(2);
  });

  it('does not treat a wrong password or a refusal as a lost session', async () => {
    const lost = vi.fn();
    setAuthLostHandler(lost);
    fetchMock.mockResolvedValueOnce(json(401, envelope('INVALID_CREDENTIALS', '用户名或密码错误')));
    await api
      .post('/auth/login', { username: 'a', password: 'b' }, { authRedirect: false })
      .catch(() => undefined);
    fetchMock.mockResolvedValueOnce(json(403, envelope('FORBIDDEN', '没有权限执行此操作')));
    await api.get('/audit').catch(() => undefined);
    expect(lost).not.toHaveBeenCalled();
  });
});

describe('toQueryString', () => {
  it('leaves out empty values and keeps false and 0', () => {
    expect(toQueryString({ a: undefined, b: null, c: '', d: false, e: 0 })).toBe('?d=false&e=0');
    expect(toQueryString({})).toBe('');
  });
});
