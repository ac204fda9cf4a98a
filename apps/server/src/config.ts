import path from 'node:path';

/** Runtime configuration, from the environment (12-factor) with CLI overrides. */
export interface Config {
  host: string;
  port: number;
  /** External PostgreSQL; when absent opsdesk starts its embedded server under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  logLevel: string;
  /** Maximum JSON body in bytes. */
  bodyLimit: number;
  /** Maximum attachment upload in bytes. */
  uploadLimit: number;
  /** Where attachment files are kept (shared storage when several nodes run). */
  attachmentsDir: string;
  /** Set the Secure flag on cookies (behind HTTPS). */
  cookieSecure: boolean;
  trustProxy: boolean;
  /** Directory of the built web app to serve at `/`; null to serve none. */
  webDist: string | null;
  /** Run background jobs and timers on this node. */
  jobs: boolean;
  /** Interval of the audit sealer in milliseconds. */
  auditSealIntervalMs: number;
}

function int(v: string | undefined, fallback: number): number {
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

function bool(v: string | undefined, fallback: boolean): boolean {
  if (v === undefined || v === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(overrides.dataDir ?? env.OPSDESK_DATA_DIR ?? './data');
  return {
    host: env.HOST ?? '127.0.0.1',
    port: int(env.PORT, 3000),
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimit: int(env.OPSDESK_BODY_LIMIT, 1024 * 1024),
    uploadLimit: int(env.OPSDESK_UPLOAD_LIMIT, 50 * 1024 * 1024),
    attachmentsDir: path.resolve(env.OPSDESK_ATTACHMENTS_DIR ?? path.join(dataDir, 'attachments')),
    cookieSecure: bool(env.OPSDESK_COOKIE_SECURE, false),
    trustProxy: bool(env.OPSDESK_TRUST_PROXY, false),
    webDist: env.OPSDESK_WEB_DIST ?? null,
    jobs: bool(env.OPSDESK_JOBS, true),
    auditSealIntervalMs: int(env.OPSDESK_AUDIT_SEAL_MS, 2000),
    ...overrides,
  };
}
