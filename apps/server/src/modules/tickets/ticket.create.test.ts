import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { tickets } from '../../db/schema/index.js';
import { uuid7 } from '../../lib/ids.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { isolatedDatabase } from '../../test/isolated-db.js';
import { renderMail } from '../mail/mail.outbox.js';
import { writeSmtpSettings } from '../mail/mail.settings.js';
import type { TicketWrite } from './ticket.create.write.js';
import { appOn, deskTenant } from './ticket.test-support.js';
import { recentBatchSizes, writeTicketBatched } from './ticket.write-batch.js';

// Counters and the mail settings are shared by the whole database, so this runs on one of its own.
let iso: Awaited<ReturnType<typeof isolatedDatabase>>;
let node1: Awaited<ReturnType<typeof appOn>>;
let node2: Awaited<ReturnType<typeof appOn>>;
let f: Factories;

beforeAll(async () => {
  iso = await isolatedDatabase();
  node1 = await appOn(iso.url);
  node2 = await appOn(iso.url); // a second node on the same database
  f = factories(node1.deps);
});
afterAll(async () => {
  await node1.close();
  await node2.close();
  await iso.drop();
});

describe('raising a ticket', () => {
  it('concurrent creates on two nodes take distinct numbers (ticket.numbers.test.ts for their order); a refused request takes none', async () => {
    const d = await deskTenant(node1.deps, f);
    const session = await f.session(d.agent);
    const body = { projectId: d.project.id, title: '并发', requesterId: d.contact.id };
    const stranger = await f.contact((await f.customer()).id);
    const seq = (r: { json(): unknown }) => Number((r.json() as { number: string }).number.split('-')[2]);
    const answers: number[] = [];
    for (const [requesterId, status] of [
      [stranger.id, 400], // not a contact of the project's customer
      [d.contact.id, 201],
    ] as const) {
      const res = await client(node1.app, session).post('/api/v1/tickets', { ...body, requesterId });
      expect(res.statusCode, res.body).toBe(status);
      if (status === 201) answers.push(seq(res));
    }
    const invisible = await f.tenant();
    expect(
      (await client(node1.app, session).post('/api/v1/tickets', { ...body, projectId: invisible.project.id }))
        .statusCode,
    ).toBe(400);
    // The refused requests took no number: the first ticket is number 1.
    expect(answers).toEqual([1]);
    const made = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        client(i % 2 ? node2.app : node1.app, session).post('/api/v1/tickets', body),
      ),
    );
    for (const r of made) expect(r.statusCode, r.body).toBe(201);
    const numbers = made.map(seq);
    expect(new Set([1, ...numbers]).size).toBe(25);
    expect(Math.min(...numbers)).toBeGreaterThan(1);
  });

  it('callers raising at once each get their own scope verdict (project and requester read together)', async () => {
    const a = await deskTenant(node1.deps, f);
    const b = await deskTenant(node1.deps, f);
    const agentA = await f.session(a.agent);
    const contactA = await f.session(a.contact);
    const contactB = await f.session(b.contact);
    const subB = await f.session(b.fieldEngineer);
    const cases: {
      auth: typeof agentA;
      body: { projectId: string; requesterId?: string };
      refused?: string;
    }[] = [
      // staff of A for A, naming A's contact: raised
      { auth: agentA, body: { projectId: a.project.id, requesterId: a.contact.id } },
      // staff of A for B: B is not in A's agent's scope
      { auth: agentA, body: { projectId: b.project.id, requesterId: b.contact.id }, refused: 'projectId' },
      // staff of A naming B's contact for A: not a contact of A's customer
      { auth: agentA, body: { projectId: a.project.id, requesterId: b.contact.id }, refused: 'requesterId' },
      { auth: contactA, body: { projectId: a.project.id } },
      { auth: contactB, body: { projectId: a.project.id }, refused: 'projectId' },
      { auth: contactB, body: { projectId: b.project.id } },
      // B's subcontractor is engaged on B only
      { auth: subB, body: { projectId: a.project.id }, refused: 'projectId' },
    ];
    const answers = await Promise.all(
      cases.map((c, i) =>
        client(node1.app, c.auth).post('/api/v1/tickets', { ...c.body, title: `同时-${i}` }),
      ),
    );
    answers.forEach((res, i) => {
      const c = cases[i]!;
      expect(res.statusCode, `case ${i}: ${res.body}`).toBe(c.refused ? 400 : 201);
      if (!c.refused) expect((res.json() as { projectId: string }).projectId).toBe(c.body.projectId);
      else
        expect(
          (res.json() as { error: { details: { fields: { path: string }[] } } }).error.details.fields[0]!
            .path,
        ).toBe(c.refused);
    });
  });

  it('tells the group in the bell and by e-mail in each member’s language, as notifyTicket does', async () => {
    const d = await deskTenant(node1.deps, f);
    const quiet = await f.user();
    const away = await f.user();
    await node1.deps.db.execute(
      sql`INSERT INTO team_members (team_id, user_id) VALUES (${d.group.id}, ${quiet.id}), (${d.group.id}, ${away.id})`,
    );
    await node1.deps.db.execute(
      sql`UPDATE users SET email = 'eng@example.com', locale = 'en' WHERE id = ${d.engineer.id}`,
    );
    await node1.deps.db.execute(sql`UPDATE users SET email = NULL WHERE id = ${quiet.id}`);
    await node1.deps.db.execute(
      sql`UPDATE users SET email = 'away@example.com', disabled = true WHERE id = ${away.id}`,
    );
    await node1.deps.db.execute(
      sql`UPDATE users SET email = 'agent@example.com', locale = NULL WHERE id = ${d.agent.id}`,
    );
    const http = client(node1.app, await f.session(d.agent));
    const raise = () =>
      http.post('/api/v1/tickets', { projectId: d.project.id, title: '机房空调告警', groupId: d.group.id });
    const off = (await raise()).json() as { number: string };
    // Mail off: the bell only.
    expect(
      (await node1.deps.db.execute(sql`SELECT 1 FROM mail_outbox WHERE subject LIKE ${`%${off.number}%`}`))
        .rows,
    ).toEqual([]);
    await writeSmtpSettings(
      node1.deps.db,
      {
        enabled: true,
        host: '127.0.0.1',
        port: 1,
        secure: false,
        username: null,
        password: null,
        from: 'desk@example.com',
      },
      d.pm.id,
      new Date(),
    );
    const on = (await raise()).json() as { id: string; number: string; title: string };
    const bells = await node1.deps.db.execute<{
      user_id: string;
      kind: string;
      params: unknown;
      link: string;
    }>(
      sql`SELECT user_id, kind, params, link FROM notifications WHERE object_id = ${on.id} ORDER BY user_id`,
    );
    // The agent raised it (never told of their own act); the disabled member is not told.
    expect(bells.rows).toEqual(
      [d.engineer.id, quiet.id].sort().map((u) => ({
        user_id: u,
        kind: 'ticket.groupAssigned',
        params: { number: on.number, title: on.title },
        link: `/tickets/${on.id}`,
      })),
    );
    const mails = await node1.deps.db.execute<{ to_address: string; subject: string; body_text: string }>(
      sql`SELECT to_address, subject, body_text FROM mail_outbox WHERE subject LIKE ${`%${on.number}%`}`,
    );
    const expected = renderMail(
      'ticket.groupAssigned',
      { number: on.number, title: on.title },
      'en',
      `/tickets/${on.id}`,
    );
    expect(mails.rows).toEqual([
      { to_address: 'eng@example.com', subject: expected.subject, body_text: expected.body },
    ]);
  });

  it('tickets raised at the same time on a node are written together, each with all its rows', async () => {
    const d = await deskTenant(node1.deps, f);
    const http = client(node1.app, await f.session(d.agent));
    const before = recentBatchSizes().length;
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        http.post('/api/v1/tickets', { projectId: d.project.id, title: `批量-${i}`, groupId: d.group.id }),
      ),
    );
    for (const r of made) expect(r.statusCode, r.body).toBe(201);
    const sizes = recentBatchSizes().slice(before);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(20);
    expect(Math.max(...sizes)).toBeGreaterThan(1); // some went together
    const ids = made.map((r) => (r.json() as { id: string }).id);
    const counts = await node1.deps.db.execute<{
      id: string;
      title: string;
      events: number;
      audits: number;
      clocks: number;
      bells: number;
    }>(sql`
      SELECT t.id, t.title,
        (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'created')::int AS events,
        (SELECT count(*) FROM audit_log a WHERE a.object_id = t.id::text AND a.action = 'ticket.create')::int AS audits,
        (SELECT count(*) FROM sla_clocks c WHERE c.ticket_id = t.id)::int AS clocks,
        (SELECT count(*) FROM notifications n WHERE n.object_id = t.id AND n.user_id = ${d.engineer.id})::int AS bells
      FROM tickets t WHERE t.id = ANY(${`{${ids.join(',')}}`}::uuid[])`);
    expect(counts.rows).toHaveLength(20);
    for (const row of counts.rows) expect(row).toMatchObject({ events: 1, audits: 1, clocks: 2, bells: 1 });
    // Each answer is its own ticket's.
    for (const [i, r] of made.entries()) {
      const answer = r.json() as { id: string; title: string; number: string };
      expect(counts.rows.find((x) => x.id === answer.id)?.title).toBe(`批量-${i}`);
      expect(answer.title).toBe(`批量-${i}`);
    }
    // Twenty distinct numbers.
    expect(new Set(made.map((r) => (r.json() as { number: string }).number)).size).toBe(20);
  });

  it('a ticket that fails its own constraint in a batch fails alone; the others are written', async () => {
    const d = await deskTenant(node1.deps, f);
    const http = client(node1.app, await f.session(d.agent));
    const first = (await http.post('/api/v1/tickets', { projectId: d.project.id, title: '模板' })).json() as {
      id: string;
    };
    const [template] = await node1.deps.db.select().from(tickets).where(eq(tickets.id, first.id));
    const now = new Date();
    const built: string[] = [];
    const raise = (projectId: string) => ({
      kind: 'incident' as const,
      now,
      build: (number: string): TicketWrite => {
        const id = uuid7();
        built.push(id);
        return {
          ticket: {
            ...template!,
            id,
            number,
            projectId,
            searchTokens: number,
            createdAt: now,
            updatedAt: now,
          },
          watcherIds: [],
          events: [],
          audit: {
            at: now,
            actorId: d.agent.id,
            actorName: d.agent.displayName,
            ip: null,
            requestId: 'batch-test',
            action: 'ticket.create',
            objectType: 'ticket',
            objectId: id,
          },
          clocks: [],
          notifyGroupId: null,
          actorId: d.agent.id,
          groupId: null,
          now,
        };
      },
    });
    const before = recentBatchSizes().length;
    // The first goes at once; the other three wait for it and go together — with a project that does not exist.
    const results = await Promise.allSettled(
      [d.project.id, uuid7(), d.project.id, d.project.id].map((p) =>
        writeTicketBatched(node1.deps, raise(p)),
      ),
    );
    expect(recentBatchSizes().slice(before)).toEqual([1, 3]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: '23503' });
    const written = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.write.ticket.id] : []));
    const rows = await node1.deps.db.execute<{ id: string; audits: number }>(sql`
      SELECT t.id, (SELECT count(*) FROM audit_log a WHERE a.object_id = t.id::text)::int AS audits
      FROM tickets t WHERE t.id = ANY(${`{${written.join(',')}}`}::uuid[])`);
    expect(rows.rows.map((r) => r.audits)).toEqual([1, 1, 1]);
    // Nothing of the refused one (built second): no ticket, no audit row.
    expect(built.filter((id) => !written.includes(id))).toEqual([built[1]]);
    const refused = await node1.deps.db.execute(sql`
      SELECT 1 FROM tickets WHERE id = ${built[1]} UNION ALL SELECT 1 FROM audit_log WHERE object_id = ${built[1]}`);
    expect(refused.rows).toEqual([]);
  });
});
