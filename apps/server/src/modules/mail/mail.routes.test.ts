import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { isolatedDatabase } from '../../test/isolated-db.js';
import { securityTests } from '../../test/security.js';
import { appOn, deskTenant } from '../tickets/ticket.test-support.js';
import { sendDueMail } from './mail.sender.js';

// Mail settings are global, so this file runs on a database of its own, with a real SMTP server.
interface Delivered {
  to: string[];
  subject: string;
  text: string;
}
let iso: Awaited<ReturnType<typeof isolatedDatabase>>;
let node: Awaited<ReturnType<typeof appOn>>;
let f: Factories;
let smtp: SMTPServer;
let port = 0;
const inbox: Delivered[] = [];

function startSmtp(listenPort = 0): Promise<void> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onAuth: (auth, _session, cb) => cb(null, { user: auth.username }),
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((m) => {
          inbox.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: m.subject ?? '',
            text: m.text ?? '',
          });
          cb();
        })
        .catch(cb);
    },
  });
  return new Promise((resolve) =>
    smtp.listen(
      listenPort,
      '127.0.0.1',
      () => ((port = (smtp.server.address() as AddressInfo).port), resolve()),
    ),
  );
}

beforeAll(async () => {
  iso = await isolatedDatabase();
  node = await appOn(iso.url);
  f = factories(node.deps);
  await startSmtp();
});
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
  await node.close();
  await iso.drop();
});

const settings = () => ({
  enabled: true,
  host: '127.0.0.1',
  port,
  secure: false,
  username: 'opsdesk',
  password: 's3cret-Passw0rd',
  from: 'opsdesk@example.com',
});

describe('mail', () => {
  it('stores SMTP settings without ever returning the password, and masks it in the audit log', async () => {
    const admin = client(node.app, await f.session(await f.admin()));
    const put = await admin.put('/api/v1/admin/mail-settings', settings());
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({
      enabled: true,
      host: '127.0.0.1',
      port,
      secure: false,
      username: 'opsdesk',
      passwordSet: true,
      from: 'opsdesk@example.com',
    });
    expect(put.body).not.toContain('s3cret');
    const get = await admin.get('/api/v1/admin/mail-settings');
    expect(get.body).not.toContain('s3cret');
    const keep = await admin.put('/api/v1/admin/mail-settings', { ...settings(), password: undefined });
    expect(keep.json().passwordSet).toBe(true);
    const audit = await node.deps.db.execute<{ changes: string }>(
      sql`SELECT changes::text AS changes FROM audit_log WHERE action = 'mail.settings'`,
    );
    expect(audit.rows.length).toBeGreaterThan(0);
    for (const r of audit.rows) expect(r.changes ?? '').not.toContain('s3cret');
    expect(audit.rows[0]!.changes).toContain('***');
  });

  it('sends after commit, in the recipient’s language, UTF-8 Chinese subject decoded', async () => {
    const d = await deskTenant(node.deps, f);
    await node.deps.db.execute(
      sql`UPDATE users SET email = 'eng@example.com', locale = 'zh-CN' WHERE id = ${d.engineer.id}`,
    );
    await node.deps.db.execute(
      sql`UPDATE users SET email = 'contact@example.com', locale = 'en' WHERE id = ${d.contact.id}`,
    );
    const agent = client(node.app, await f.session(d.agent));
    const created = await agent.post('/api/v1/tickets', {
      projectId: d.project.id,
      title: '核心交换机宕机',
      requesterId: d.contact.id,
      assigneeId: d.engineer.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const number = created.json().number as string;
    const toEngineer = inbox.find((m) => m.to.includes('eng@example.com'));
    expect(toEngineer?.subject).toBe(`[opsdesk] 工单 ${number}「核心交换机宕机」已分派给您`);
    expect(toEngineer?.text).toContain(`/tickets/${created.json().id}`);
    const engineer = client(node.app, await f.session(d.engineer));
    await engineer.post(`/api/v1/tickets/${created.json().id}/start`);
    await engineer.post(`/api/v1/tickets/${created.json().id}/resolve`, {
      resolutionCode: 'fixed',
      resolutionText: '更换光模块',
    });
    const toContact = inbox.find((m) => m.to.includes('contact@example.com'));
    expect(toContact?.subject).toBe(
      `[opsdesk] Ticket ${number} "核心交换机宕机" was resolved; please confirm`,
    );
    const rows = await node.deps.db.execute<{ status: string }>(sql`SELECT status FROM mail_outbox`);
    expect(rows.rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('keeps mail when the SMTP server is down and delivers it on a later run', async () => {
    await new Promise<void>((r) => smtp.close(() => r()));
    const d = await deskTenant(node.deps, f);
    await node.deps.db.execute(sql`UPDATE users SET email = 'eng2@example.com' WHERE id = ${d.engineer.id}`);
    const res = await client(node.app, await f.session(d.agent)).post('/api/v1/tickets', {
      projectId: d.project.id,
      title: '打印机故障',
      assigneeId: d.engineer.id,
    });
    expect(res.statusCode).toBe(201); // the request never waits on or fails with SMTP
    const pending = await node.deps.db.execute<{ status: string; attempts: number }>(
      sql`SELECT status, attempts FROM mail_outbox WHERE to_address = 'eng2@example.com'`,
    );
    expect(pending.rows).toEqual([{ status: 'pending', attempts: 1 }]);
    await startSmtp(port);
    node.clock.advance(5 * 60_000);
    expect(await sendDueMail(node.deps)).toBe(1);
    expect(inbox.some((m) => m.to.includes('eng2@example.com') && m.subject.includes('打印机故障'))).toBe(
      true,
    );
  });

  securityTests('PUT /admin/mail-settings', async () => ({
    app: node.app,
    deps: node.deps,
    f,
    method: 'PUT',
    url: '/api/v1/admin/mail-settings',
    body: settings(),
    allowed: await f.session(await f.admin()),
    tooLittleRole: await f.session(await f.securityAdmin()),
  }));

  securityTests('GET /admin/mail-settings', async () => ({
    app: node.app,
    deps: node.deps,
    f,
    method: 'GET',
    url: '/api/v1/admin/mail-settings',
    allowed: await f.session(await f.admin()),
    tooLittleRole: await f.session(await f.user()),
  }));
});
