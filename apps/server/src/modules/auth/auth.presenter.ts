import type { Me } from '@opsdesk/contracts';
import { systemAbilities } from '@opsdesk/domain';
import type { SecurityPolicy } from '@opsdesk/domain';
import type { Principal } from '../../http/context.js';

export function presentMe(p: Principal, policy: SecurityPolicy): Me {
  const a = p.actor;
  return {
    id: a.userId,
    kind: a.kind,
    username: p.username,
    displayName: p.displayName,
    locale: p.locale,
    customerId: a.customerId,
    subcontractorId: a.subcontractorId,
    globalRoles: [...a.globalRoles],
    memberships: a.memberships.map((m) => ({ projectId: m.projectId, role: m.role, specialty: m.specialty })),
    csrfToken: p.csrfToken,
    sessionExpiresAt: p.sessionCreatedAt
      ? new Date(p.sessionCreatedAt.getTime() + policy.sessionMaxHours * 3_600_000).toISOString()
      : null,
    idleTimeoutMinutes: policy.idleTimeoutMinutes,
    abilities: systemAbilities(a),
  };
}
