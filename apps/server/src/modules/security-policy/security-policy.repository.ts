import { eq } from 'drizzle-orm';
import { DEFAULT_SECURITY_POLICY } from '@opsdesk/domain';
import type { SecurityPolicy } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';

const KEY = 'security_policy';

export async function readPolicy(db: DbOrTx): Promise<SecurityPolicy> {
  const rows = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY));
  return { ...DEFAULT_SECURITY_POLICY, ...((rows[0]?.value as Partial<SecurityPolicy> | undefined) ?? {}) };
}

export async function writePolicy(db: DbOrTx, policy: SecurityPolicy, by: string, now: Date): Promise<void> {
  await db
    .insert(settings)
    .values({ key: KEY, value: policy, updatedAt: now, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value: policy, updatedAt: now, updatedBy: by } });
}
