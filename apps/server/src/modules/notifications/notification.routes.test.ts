import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import { notify } from './notification.service.js';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
});

describe('notification centre', () => {
  it('shows a user only their own notifications, rendered in their language, newest first, and counts unread', async () => {
    const a = await f.user();
    const b = await f.user();
    await notify(t.deps.db, {
      userIds: [a.id, b.id],
      kind: 'test.ping',
      params: { text: '一' },
      link: '/x',
      now: new Date('2026-11-01T01:00:00Z'),
    });
    await notify(t.deps.db, {
      userIds: [a.id],
      kind: 'test.ping',
      params: { text: 'two' },
      now: new Date('2026-11-01T02:00:00Z'),
    });
    const sa = await f.session(a);
    const zh = (await client(t.app, sa).get('/api/v1/notifications')).json();
    expect(zh.items.map((n: { text: string }) => n.text)).toEqual(['测试通知：two', '测试通知：一']);
    expect(zh.unreadCount).toBe(2);
    const en = (await client(t.app, sa, 'en').get('/api/v1/notifications?limit=1')).json();
    expect(en.items[0].text).toBe('Test notification: two');
    expect(en.nextCursor).toBeTruthy();
    const next = (
      await client(t.app, sa, 'en').get(`/api/v1/notifications?limit=1&cursor=${en.nextCursor}`)
    ).json();
    expect(next.items[0].text).toBe('Test notification: 一');
    expect(next.nextCursor).toBeNull();

    const first = zh.items[0].id;
    expect((await client(t.app, sa).post(`/api/v1/notifications/${first}/read`)).statusCode).toBe(200);
    expect((await client(t.app, sa).get('/api/v1/notifications/unread-count')).json()).toEqual({
      unreadCount: 1,
    });
    expect((await client(t.app, sa).get('/api/v1/notifications?unread=true')).json().items).toHaveLength(1);
    expect((await client(t.app, sa).post('/api/v1/notifications/read-all')).json()).toEqual({ marked: 1 });

    // b's bell is untouched, and b cannot mark a's notification.
    const sb = await f.session(b);
    expect((await client(t.app, sb).get('/api/v1/notifications/unread-count')).json()).toEqual({
      unreadCount: 1,
    });
    expect((await client(t.app, sb).post(`/api/v1/notifications/${first}/read`)).statusCode).toBe(404);
  });

  it('stores a deduplicated notification once, however often a job retries', async () => {
    const u = await f.user();
    const now = new Date();
    const stored = [];
    for (let i = 0; i < 3; i++)
      stored.push(
        await notify(t.deps.db, {
          userIds: [u.id],
          kind: 'test.ping',
          params: { text: 'x' },
          dedupeKey: 'reminder:42',
          now,
        }),
      );
    expect(stored).toEqual([1, 0, 0]);
  });
});

securityTests('GET /notifications', async () => ({
  ...t,
  f,
  method: 'GET',
  url: '/api/v1/notifications',
  allowed: await f.session(await f.user()),
}));
securityTests('GET /notifications/unread-count', async () => ({
  ...t,
  f,
  method: 'GET',
  url: '/api/v1/notifications/unread-count',
  allowed: await f.session(await f.user()),
}));
securityTests('POST /notifications/:id/read', async () => {
  const owner = await f.user();
  const other = await f.user();
  await notify(t.deps.db, { userIds: [owner.id], kind: 'test.ping', params: { text: 's' }, now: new Date() });
  const id = (await client(t.app, await f.session(owner)).get('/api/v1/notifications')).json().items[0].id;
  return {
    ...t,
    f,
    method: 'POST',
    url: `/api/v1/notifications/${id}/read`,
    allowed: await f.session(owner),
    outsider: await f.session(other),
  };
});
securityTests('POST /notifications/read-all', async () => ({
  ...t,
  f,
  method: 'POST',
  url: '/api/v1/notifications/read-all',
  allowed: await f.session(await f.user()),
}));
