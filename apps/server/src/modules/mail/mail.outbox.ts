import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import { DEFAULT_LANG, renderNotification } from '@opsdesk/contracts';
import type { Lang } from '@opsdesk/contracts';
import type { DbOrTx } from '../../db/client.js';
import { mailOutbox, users } from '../../db/schema/index.js';
import { uuid7 } from '../../lib/ids.js';
import { readSmtpSettings } from './mail.settings.js';

export const MAIL_JOB = 'mail.send';

const FOOTER: Record<Lang, string> = {
  'zh-CN': '此邮件由 opsdesk 运维服务管理平台自动发送，请勿直接回复。',
  en: 'This message was sent by opsdesk. Please do not reply to it.',
};
const OPEN: Record<Lang, string> = { 'zh-CN': '查看', en: 'Open' };

/** Subject and plain-text body of a notification e-mail, in the recipient's language. */
export function renderMail(
  kind: string,
  params: Record<string, unknown>,
  lang: Lang,
  link: string | null,
): { subject: string; body: string } {
  const text = renderNotification(kind, params, lang);
  const body = [text, '', ...(link ? [`${OPEN[lang]}: ${link}`, ''] : []), '--', FOOTER[lang]].join('\n');
  return { subject: `[opsdesk] ${text}`, body };
}

/**
 * Queues an e-mail per recipient with an address, in the caller's transaction — so mail exists
 * exactly when the change that caused it commits. A job sends it after commit (mail.sender.ts).
 * Nothing is queued while mail is not enabled. `dedupeKey` makes a retried job queue once.
 */
export async function queueMail(
  tx: DbOrTx,
  input: {
    userIds: readonly string[];
    kind: string;
    params: Record<string, unknown>;
    link: string | null;
    dedupeKey?: string | null;
    now: Date;
  },
): Promise<number> {
  if (!input.userIds.length) return 0;
  const smtp = await readSmtpSettings(tx);
  if (!smtp?.enabled) return 0;
  const recipients = await tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(
      and(inArray(users.id, [...new Set(input.userIds)]), isNotNull(users.email), sql`NOT ${users.disabled}`),
    );
  const rows = recipients
    .filter((r) => r.email)
    .map((r) => {
      const m = renderMail(input.kind, input.params, r.locale ?? DEFAULT_LANG, input.link);
      return {
        id: uuid7(),
        toAddress: r.email!,
        toUserId: r.id,
        subject: m.subject,
        bodyText: m.body,
        kind: input.kind,
        dedupeKey: input.dedupeKey ? `${input.dedupeKey}:${r.id}` : null,
        nextAttemptAt: input.now,
        createdAt: input.now,
      };
    });
  if (!rows.length) return 0;
  const inserted = await tx
    .insert(mailOutbox)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: mailOutbox.id });
  return inserted.length;
}
