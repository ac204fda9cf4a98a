import { MailSettingsPutSchema, MailSettingsSchema, MailTestSchema, OkSchema } from '@opsdesk/contracts';
import { systemAbilities } from '@opsdesk/domain';
import { sql } from 'drizzle-orm';
import { AppError } from '../../http/app-error.js';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { MAIL_JOB } from './mail.outbox.js';
import { readSmtpSettings, writeSmtpSettings } from './mail.settings.js';
import type { SmtpSettings } from './mail.settings.js';

const tags = ['mail'];
const guard = (c: Ctx) => {
  if (!systemAbilities(c.actor).manageOrganisation) throw AppError.forbidden();
};
const present = (s: SmtpSettings | null) =>
  s
    ? {
        enabled: s.enabled,
        host: s.host,
        port: s.port,
        secure: s.secure,
        username: s.username,
        passwordSet: s.password !== null && s.password !== '',
        from: s.from,
      }
    : { enabled: false, host: '', port: 25, secure: false, username: null, passwordSet: false, from: '' };

/** SMTP settings (admin). The password is write-only: never returned, masked in the audit log. */
export async function mailRoutes(app: ZodApp) {
  app.get(
    '/admin/mail-settings',
    {
      schema: {
        tags,
        summary: 'SMTP settings (the password is never returned)',
        response: { 200: MailSettingsSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      guard(c);
      return present(await readSmtpSettings(c.db));
    },
  );
  app.put(
    '/admin/mail-settings',
    {
      schema: {
        tags,
        summary: 'Set SMTP (password: absent keeps it, null removes it)',
        body: MailSettingsPutSchema,
        response: { 200: MailSettingsSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      guard(c);
      return c.db.transaction(async (tx) => {
        const before = await readSmtpSettings(tx);
        const b = req.body;
        const next: SmtpSettings = {
          enabled: b.enabled,
          host: b.host,
          port: b.port,
          secure: b.secure,
          username: b.username,
          password: b.password === undefined ? (before?.password ?? null) : b.password,
          from: b.from,
        };
        await writeSmtpSettings(tx, next, c.actor.userId, c.now);
        await recordAudit(tx, c, {
          action: 'mail.settings',
          objectType: 'settings',
          objectId: 'mail.smtp',
          changes: changesOf(before ? { ...before } : null, { ...next }),
        });
        return present(next);
      });
    },
  );
  app.post(
    '/admin/mail-settings/test',
    {
      schema: {
        tags,
        summary: 'Queue a test message to an address',
        body: MailTestSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      guard(c);
      await c.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO mail_outbox (id, to_address, subject, body_text, kind, next_attempt_at, created_at)
        VALUES (${uuid7()}, ${req.body.to}, ${'[opsdesk] 测试邮件 Test message'}, ${'这是一封来自 opsdesk 的测试邮件。\nThis is a test message from opsdesk.'}, 'mail.test', ${c.now}, ${c.now})`);
        await recordAudit(tx, c, {
          action: 'mail.test',
          objectType: 'settings',
          objectId: 'mail.smtp',
          detail: { to: req.body.to },
        });
      });
      await c.deps.jobs.send(MAIL_JOB, {});
      return { ok: true as const };
    },
  );
}
