/** Ticket kinds of the one ticket engine; problems and changes reuse it later. */
export const TICKET_KINDS = [
  'incident',
  'service_request',
  'consultation',
  'work_order',
  'problem',
  'change',
] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/** The kinds the service desk raises now (故障申告 / 服务请求 / 咨询). */
export const DESK_TICKET_KINDS = ['incident', 'service_request', 'consultation'] as const;
export type DeskTicketKind = (typeof DESK_TICKET_KINDS)[number];

export const TICKET_CHANNELS = ['portal', 'phone', 'email', 'monitoring', 'api'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const TICKET_NUMBER_PREFIX: Readonly<Record<TicketKind, string>> = {
  incident: 'INC',
  service_request: 'REQ',
  consultation: 'CON',
  work_order: 'WO',
  problem: 'PRB',
  change: 'CHG',
};

/**
 * The human number of the `n`-th ticket of a kind in a year: `INC-2026-000123`. Six digits at
 * least; a millionth ticket in a year simply gets seven.
 */
export function formatTicketNumber(kind: TicketKind, year: number, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`a ticket sequence number is ≥ 1, got ${n}`);
  return `${TICKET_NUMBER_PREFIX[kind]}-${year}-${String(n).padStart(6, '0')}`;
}

const NUMBER_PATTERN = new RegExp(`^(${Object.values(TICKET_NUMBER_PREFIX).join('|')})-\\d{4}-\\d{6,}$`, 'i');

/**
 * Whether a search text is one whole ticket number (`INC-2026-000123`, any case, spaces around
 * ignored). Such a search matches a handful of tickets at most, so the list goes straight to the
 * index instead of walking the newest tickets first (docs/decisions/0202).
 */
export function isTicketNumber(text: string): boolean {
  return NUMBER_PATTERN.test(text.trim());
}
