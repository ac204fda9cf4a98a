import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { containsPattern } from '../../db/like.js';
import { tickets } from '../../db/schema/index.js';
import { actorOf as principalActor, findPrincipalByUserId } from '../auth/auth.repository.js';
import { textMatch } from './ticket.list.js';
import { deskTenant } from './ticket.test-support.js';
import type { DeskTenant } from './ticket.test-support.js';

// Full-text search must find every ticket a substring search would (for CJK), and every ticket
// with a word starting with the query (for latin words); requesters never match internal notes.
let t: TestApp;
let f: Factories;
let d: DeskTenant;
beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  d = await deskTenant(t.deps, f);
  const phrases = [
    '服务器宕机',
    '核心交换机故障',
    '打印机卡纸',
    '视频会议系统无法连接',
    '信号机黄闪',
    '数据库连接超时',
    '机房空调告警',
    '网络中断',
    'HIS系统登录失败',
    'PACS影像调阅慢',
    'VPN无法登录',
    'Oracle数据库锁表',
    '磁盘空间不足',
    'UPS电池更换',
    '路口信号灯全红',
    '服务',
    '机',
    '交换',
    'Server down',
    'printer jam',
    'disk full',
    'timeout on switch',
    '宕',
    '会议室投影仪',
    '务器',
    '门诊挂号系统',
  ];
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const pick = () => phrases[rnd(phrases.length)]!;
  const agent = client(t.app, await f.session(d.agent));
  for (let i = 0; i < 36; i++) {
    const res = await agent.post('/api/v1/tickets', {
      projectId: d.project.id,
      title: `${pick()}${rnd(3) === 0 ? ' ' + pick() : ''}`,
      description: `${pick()}，${pick()}。${rnd(2) ? pick() : ''}`,
      requesterId: d.contact.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    for (let c = rnd(3); c > 0; c--) {
      const visibility = rnd(2) ? 'public' : 'internal';
      await agent.post(`/api/v1/tickets/${id}/comments`, {
        visibility,
        body: `${visibility === 'internal' ? '内部' : ''}${pick()} ${pick()}`,
      });
    }
  }
  await agent.post(
    `/api/v1/tickets/${(await agent.get(`/api/v1/tickets?projectId=${d.project.id}&limit=1`)).json().items[0].id}/comments`,
    { visibility: 'internal', body: '仅内部可见的机密线索 zzsecretword' },
  );
});

async function actorOf(userId: string) {
  return principalActor((await findPrincipalByUserId(t.deps.db, userId))!);
}

async function searched(who: 'agent' | 'contact', q: string): Promise<string[]> {
  const http = client(t.app, await f.session(who === 'agent' ? d.agent : d.contact));
  const res = await http.get(
    `/api/v1/tickets?projectId=${d.project.id}&limit=200&q=${encodeURIComponent(q)}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json()
    .items.map((i: { id: string }) => i.id)
    .sort();
}

async function scan(
  who: 'agent' | 'contact',
  cond: (col: ReturnType<typeof sql.raw>) => ReturnType<typeof sql>,
): Promise<string[]> {
  const notes = who === 'agent' ? sql`` : sql` AND c.visibility = 'public'`;
  const r = await t.deps.db.execute<{
    id: string;
  }>(sql`SELECT t.id FROM tickets t WHERE t.project_id = ${d.project.id} AND (
    ${cond(sql.raw('t.number'))} OR ${cond(sql.raw('t.title'))} OR ${cond(sql.raw('t.description'))}
    OR EXISTS (SELECT 1 FROM ticket_comments c WHERE c.ticket_id = t.id AND ${cond(sql.raw('c.body'))}${notes}))`);
  return r.rows.map((x) => x.id).sort();
}

describe('ticket search', () => {
  const CJK = [
    '服务器',
    '宕机',
    '机',
    '交换机',
    '服务',
    '视频会议',
    '信号',
    '数据库',
    '系统',
    '告警',
    '超时',
    '空调',
    '网络',
    '电池',
    '全红',
    '务器宕',
    '器',
    '会议',
    '登录',
    '挂号系统',
    '无法连接',
    '机房空调告警',
    '影像',
    '内部',
    'his系统',
    '机密线索',
  ];
  it.each(CJK)(
    'CJK %j: exactly the tickets an ILIKE substring scan finds (staff and requester)',
    async (q) => {
      for (const who of ['agent', 'contact'] as const) {
        const expected = await scan(who, (col) => sql`${col} ILIKE ${containsPattern(q)}`);
        expect(await searched(who, q)).toEqual(expected);
      }
    },
  );

  const WORDS = [
    'server',
    'serv',
    'printer',
    'jam',
    'disk',
    'full',
    'timeout',
    'switch',
    'oracle',
    'vpn',
    'ups',
    'pacs',
    'Server',
  ];
  it.each(WORDS)('word %j: exactly the tickets with a word starting with it', async (q) => {
    for (const who of ['agent', 'contact'] as const) {
      const expected = await scan(who, (col) => sql`${col} ~* ${`(^|[^a-zA-Z0-9])${q}`}`);
      expect(await searched(who, q)).toEqual(expected);
    }
  });

  it('a requester never matches on internal-note text; staff do', async () => {
    expect(await searched('contact', 'zzsecretword')).toEqual([]);
    expect(await searched('contact', '机密线索')).toEqual([]);
    expect(await searched('agent', 'zzsecretword')).toHaveLength(1);
  });

  it('finds a ticket by its number', async () => {
    const first = (
      await client(t.app, await f.session(d.agent)).get(`/api/v1/tickets?projectId=${d.project.id}&limit=1`)
    ).json().items[0];
    expect(await searched('agent', first.number)).toEqual([first.id]);
  });

  it('uses the GIN indexes on the stored vectors', async () => {
    const { sql: text, params } = t.deps.db
      .select({ id: tickets.id })
      .from(tickets)
      .where(textMatch(await actorOf(d.agent.id), '服务器', d.project.id))
      .toSQL();
    const plan = await t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const r = await tx.execute<{ 'QUERY PLAN': string }>(
        sql.raw(
          `EXPLAIN ${text.replace(/\$(\d+)/g, (_, i: string) => `'${String(params[Number(i) - 1]).replace(/'/g, "''")}'`)}`,
        ),
      );
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('tickets_search_idx');
    expect(plan).toContain('ticket_comments_search_idx');
  });

  it.each([...CJK, ...WORDS])(
    '%j: small pages (answered by the newest-first walk) add up to the GIN collection, in order',
    async (q) => {
      // A page of 200 is more than the walk finds here, so the GIN collection answers it; pages of 4
      // fill from the walk. Both must list the same tickets in the same order (staff and requester).
      // Walks: the project's own index (projectId, or the caller's projects), the global index (another
      // sort); the SLA sort is never walked (GIN collection only).
      const variants = [
        `projectId=${d.project.id}`,
        '',
        'sort=createdAt',
        'sort=-updatedAt',
        'sort=slaDueAt',
        'sort=-priority',
      ];
      for (const who of ['agent', 'contact'] as const) {
        const http = client(t.app, await f.session(who === 'agent' ? d.agent : d.contact));
        for (const v of variants) {
          const url = `/api/v1/tickets?${v}&q=${encodeURIComponent(q)}`;
          const all = (await http.get(`${url}&limit=200`)).json().items.map((i: { id: string }) => i.id);
          expect([...all].sort()).toEqual(await searched(who, q));
          const pages: string[] = [];
          let cursor: string | null = null;
          do {
            const res = await http.get(`${url}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
            expect(res.statusCode, res.body).toBe(200);
            pages.push(...res.json().items.map((i: { id: string }) => i.id));
            cursor = res.json().nextCursor;
          } while (cursor);
          expect(pages).toEqual(all);
        }
      }
    },
  );
});
