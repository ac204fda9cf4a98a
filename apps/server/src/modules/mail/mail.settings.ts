import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';

/** SMTP settings live in `settings` under this key; the password never leaves the server. */
export const MAIL_SETTINGS_KEY = 'mail.smtp';

export interface SmtpSettings {
  enabled: boolean;
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  password: string | null;
  from: string;
}

export async function readSmtpSettings(db: DbOrTx): Promise<SmtpSettings | null> {
  const rows = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, MAIL_SETTINGS_KEY));
  const v = rows[0]?.value as Partial<SmtpSettings> | undefined;
  if (!v || typeof v.host !== 'string') return null;
  return {
    enabled: v.enabled === true,
    host: v.host,
    port: typeof v.port === 'number' ? v.port : 25,
    secure: v.secure === true,
    username: typeof v.username === 'string' ? v.username : null,
    password: typeof v.password === 'string' ? v.password : null,
    from: typeof v.from === 'string' ? v.from : '',
  };
}

export async function writeSmtpSettings(
  db: DbOrTx,
  value: SmtpSettings,
  by: string,
  now: Date,
): Promise<void> {
  await db
    .insert(settings)
    .values({ key: MAIL_SETTINGS_KEY, value, updatedAt: now, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now, updatedBy: by } });
}
