import type { TicketListItem } from '@opsdesk/contracts';

/**
 * The SLA badge's colour rules, pure so they are tested on their own (sla.test.ts):
 * green while more than half of the target is left, red once breached or with 20 % or less left,
 * amber in between. A paused clock keeps its colour and shows a pause icon.
 */
export type SlaTone = 'green' | 'amber' | 'red' | 'grey';
export type SlaBadgeKind = 'running' | 'paused' | 'met' | 'breached' | 'not_started';

export interface SlaBadgeModel {
  tone: SlaTone;
  kind: SlaBadgeKind;
  /** Business minutes left (negative: overdue by); null when unknown. */
  remainingMinutes: number | null;
}

export function slaTone(percentUsed: number, breached = false): Exclude<SlaTone, 'grey'> {
  if (breached || percentUsed > 100) return 'red';
  const left = 100 - percentUsed;
  if (left > 50) return 'green';
  if (left <= 20) return 'red';
  return 'amber';
}

/** A clock of `GET /tickets/:id/sla`. */
export function clockBadge(c: {
  state: 'not_started' | 'running' | 'paused' | 'met' | 'breached';
  percentUsed: number;
  remainingMinutes: number;
}): SlaBadgeModel {
  switch (c.state) {
    case 'breached':
      return { tone: 'red', kind: 'breached', remainingMinutes: c.remainingMinutes };
    case 'met':
      return { tone: 'green', kind: 'met', remainingMinutes: c.remainingMinutes };
    case 'not_started':
      return { tone: 'grey', kind: 'not_started', remainingMinutes: null };
    case 'paused':
      return { tone: slaTone(c.percentUsed), kind: 'paused', remainingMinutes: c.remainingMinutes };
    default:
      return { tone: slaTone(c.percentUsed), kind: 'running', remainingMinutes: c.remainingMinutes };
  }
}

/**
 * A list row's badge. The list carries only the earliest running due time and the breached flag
 * (no target, no business minutes), so the share left is estimated on the wall clock from the
 * ticket's creation to its due time; the ticket page shows the exact clocks.
 */
export function listBadge(
  t: Pick<TicketListItem, 'slaDueAt' | 'slaBreached' | 'stateCategory' | 'createdAt'>,
  now: number,
): SlaBadgeModel | null {
  const due = t.slaDueAt ? Date.parse(t.slaDueAt) : null;
  const remaining = due === null ? null : Math.floor((due - now) / 60_000);
  if (t.slaBreached) return { tone: 'red', kind: 'breached', remainingMinutes: remaining };
  if (t.stateCategory === 'pending') return { tone: 'grey', kind: 'paused', remainingMinutes: null };
  if (due === null || remaining === null) return null;
  const total = due - Date.parse(t.createdAt);
  const used = total > 0 ? ((now - Date.parse(t.createdAt)) * 100) / total : 100;
  return { tone: slaTone(used, due < now), kind: 'running', remainingMinutes: remaining };
}

/** Minutes as days, hours and minutes (the magnitude; the sign is the caller's). */
export function splitMinutes(total: number): { d: number; h: number; m: number } {
  const abs = Math.abs(Math.round(total));
  return { d: Math.floor(abs / 1440), h: Math.floor((abs % 1440) / 60), m: abs % 60 };
}
