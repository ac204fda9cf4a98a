import type { AuditEntry } from '@opsdesk/contracts';
import type { AuditRow } from './audit.repository.js';

export function presentAudit(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    ip: row.ip,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    result: row.result,
    changes: row.changes ?? null,
    detail: row.detail ?? null,
    requestId: row.requestId,
    sealed: row.sealSeq !== null,
  };
}
