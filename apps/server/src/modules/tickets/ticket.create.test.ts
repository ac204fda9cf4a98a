import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { isolatedDatabase } from '../../test/isolated-db.js';
import { renderMail } from '../mail/mail.outbox.js';
import { writeSmtpSettings } from '../mail/mail.settings.js';
import { appOn, deskTenant } from './ticket.test-support.js';

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
  it('concurrent creates on two nodes take distinct consecutive numbers; a refused request takes none', async () => {
    const d = await deskTenant(node1.deps, f);
    const session = await f.session(d.agent);
    const body = { projectId: d.project.id, title: '并发', requesterId: d.contact.id };
    const stranger = await f.contact((await f.customer()).id);
    for (const [requesterId, status] of [
      [stranger.id, 400], // not a contact of the project's customer
      [d.contact.id, 201],
    ] as const) {
      const res = await client(node1.app, session).post('/api/v1/tickets', { ...body, requesterId });
      expect(res.statusCode, res.body).toBe(status);
    }
    const invisible = await f.tenant();
    expect(
      (await client(node1.app, session).post('/api/v1/tickets', { ...body, projectId: invisible.project.id }))
        .statusCode,
    ).toBe(400);
    const made = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        client(i % 2 ? node2.app : node1.app, session).post('/api/v1/tickets', body),
      ),
    );
    for (const r of made) expect(r.statusCode, r.body).toBe(201);
    const seq = (n: string) => Number(n.split('-')[2]);
    const numbers = made.map((r) => seq(r.json().number as string)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => i + 2));
    const counters = await node1.deps.db.execute<{ last_value: number }>(
      sql`SELECT last_value FROM ticket_counters WHERE kind = 'incident'`,
    );
    expect(counters.rows.map((r) => Number(r.last_value))).toEqual([25]);
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
});
