import { systemAbilities } from '@opsdesk/domain';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { listAudit } from './audit.repository.js';
import type { AuditFilter } from './audit.repository.js';
import { verifyChain } from './audit.sealer.js';

function requireAuditReader(ctx: Ctx): void {
  // Only auditors and admins read the log; to everyone else it does not exist.
  if (!systemAbilities(ctx.actor).readAudit) throw AppError.notFound();
}

export async function searchAudit(ctx: Ctx, filter: AuditFilter, limit: number, cursor?: string) {
  requireAuditReader(ctx);
  return listAudit(ctx.db, filter, limit, cursor);
}

export async function verifyAudit(ctx: Ctx) {
  requireAuditReader(ctx);
  const staleAfter = Math.max(60_000, ctx.deps.config.auditSealIntervalMs * 10);
  return verifyChain(ctx.deps.pool, staleAfter);
}
