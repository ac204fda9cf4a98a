import { z } from 'zod';
import { Timestamp, page } from '../common.js';
import { CiSchema } from './cis.js';

// ── Tickets that name a CI (affected CIs) ───────────────────────────────────
export const CiTicketSchema = z
  .object({
    ticketId: z.uuid(),
    number: z.string(),
    title: z.string(),
    kind: z.string(),
    state: z.string(),
    stateCategory: z.string(),
    priority: z.number().int(),
    createdAt: Timestamp,
    /** When the CI was named on the ticket. */
    addedAt: Timestamp,
  })
  .meta({ id: 'CiTicket' });
export const CiTicketListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const CiTicketPage = page(CiTicketSchema);
export const CiTicketParams = z.strictObject({ id: z.uuid(), ticketId: z.uuid() });

// ── CIs that a ticket names (the ticket page's 配置项) ────────────────────────
export const TicketCiSchema = z
  .object({
    ci: CiSchema,
    /** When the CI was named on the ticket. */
    addedAt: Timestamp,
  })
  .meta({ id: 'TicketCi' });
export type TicketCi = z.infer<typeof TicketCiSchema>;
/** In the order they were named (oldest first). */
export const TicketCiListQuery = CiTicketListQuery;
export const TicketCiPage = page(TicketCiSchema)
  .extend({
    /** Whether the caller may name CIs on this ticket and remove them (staff who see it). */
    abilities: z.object({ link: z.boolean() }),
  })
  .meta({ id: 'TicketCiPage' });
