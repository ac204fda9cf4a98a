import type { RosterShift } from '@opsdesk/contracts';
import type { ShiftView } from './roster.repository.js';

const person = (id: string | null, name: string | null) => (id && name ? { id, displayName: name } : null);

export function presentShift(
  s: ShiftView,
  abilities: { update: boolean; delete: boolean; swap: boolean },
): RosterShift {
  return {
    id: s.id,
    projectId: s.projectId,
    teamId: s.teamId,
    user: { id: s.userId, displayName: s.userName, phone: s.userPhone },
    label: s.label,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    swaps: s.swaps.map((w) => ({
      id: w.id,
      fromUser: person(w.fromUserId, w.fromName),
      toUser: person(w.toUserId, w.toName),
      reason: w.reason,
      swappedBy: person(w.swappedBy, w.byName),
      createdAt: w.createdAt.toISOString(),
    })),
    abilities,
  };
}

export function presentOnDuty(r: { projectId: string; at: Date; items: ShiftView[] }) {
  return {
    projectId: r.projectId,
    at: r.at.toISOString(),
    items: r.items.map((s) => ({
      userId: s.userId,
      displayName: s.userName,
      phone: s.userPhone,
      shiftId: s.id,
      label: s.label,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      source: s.projectId ? ('project' as const) : ('team' as const),
    })),
  };
}
