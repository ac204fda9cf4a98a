import { eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Deps } from '../../http/context.js';
import { mailOutbox } from '../../db/schema/index.js';
import { readSmtpSettings } from './mail.settings.js';
import type { SmtpSettings } from './mail.settings.js';

const BATCH = 20;
const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 6;

type OutboxRow = typeof mailOutbox.$inferSelect;

/**
 * Sends queued mail after commit. Rows are claimed in a short transaction (`FOR UPDATE SKIP
 * LOCKED`, status `sending` with a lease), sent outside any transaction, then marked `sent`; a
 * failure retries with backoff, up to MAX_ATTEMPTS. A node dying mid-send leaves the row to be
 * reclaimed when its lease ends (SMTP has no exactly-once: at worst a message goes twice).
 */
export async function sendDueMail(deps: Deps): Promise<number> {
  const smtp = await readSmtpSettings(deps.db);
  if (!smtp?.enabled) return 0;
  let sent = 0;
  for (let round = 0; round < 10; round++) {
    const now = deps.now();
    const claimed = await deps.db.transaction(async (tx) => {
      const r = await tx.execute<{
        id: string;
      }>(sql`SELECT id FROM mail_outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= ${now}
        ORDER BY next_attempt_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`);
      const ids = r.rows.map((x) => x.id);
      if (!ids.length) return [] as OutboxRow[];
      return tx
        .update(mailOutbox)
        .set({
          status: 'sending',
          attempts: sql`${mailOutbox.attempts} + 1`,
          nextAttemptAt: new Date(now.getTime() + LEASE_MS),
        })
        .where(sql`${mailOutbox.id} = ANY(${`{${ids.join(',')}}`}::uuid[])`)
        .returning();
    });
    if (!claimed.length) break;
    const transport = transporter(smtp);
    for (const row of claimed) {
      try {
        await transport.sendMail({
          from: smtp.from,
          to: row.toAddress,
          subject: row.subject,
          text: row.bodyText,
        });
        await deps.db
          .update(mailOutbox)
          .set({ status: 'sent', sentAt: deps.now(), lastError: null })
          .where(eq(mailOutbox.id, row.id));
        sent++;
      } catch (err) {
        const failed = row.attempts >= MAX_ATTEMPTS;
        const backoff = 60_000 * 2 ** Math.min(row.attempts, 8);
        await deps.db
          .update(mailOutbox)
          .set({
            status: failed ? 'failed' : 'pending',
            nextAttemptAt: new Date(deps.now().getTime() + backoff),
            lastError: String((err as Error).message).slice(0, 500),
          })
          .where(eq(mailOutbox.id, row.id));
      }
    }
    transport.close();
    if (claimed.length < BATCH) break;
  }
  return sent;
}

function transporter(s: SmtpSettings) {
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    ...(s.username ? { auth: { user: s.username, pass: s.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}
