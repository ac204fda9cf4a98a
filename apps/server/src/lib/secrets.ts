import { createHash, randomBytes } from 'node:crypto';

/** A random secret for cookies and tokens (256 bits). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
