import { Readable } from 'node:stream';
import { stateOf } from '@opsdesk/domain';
import type { WorkOrderSignOffSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { insertAttachment } from '../attachments/attachment.repository.js';
import { storageFor } from '../attachments/attachment.service.js';
import { recordAudit } from '../audit/audit.record.js';
import { CalendarResolver } from '../calendars/calendar.definition.js';
import { relationsOf } from '../tickets/ticket.action.service.js';
import { kickMail } from '../tickets/ticket.create.service.js';
import { Lifecycles } from '../tickets/ticket.lifecycle.js';
import { findTicketView, lockTicket } from '../tickets/ticket.repository.js';
import type { TicketRow } from '../tickets/ticket.repository.js';
import { runTransition } from '../tickets/ticket.transition.js';

/** Largest signature image accepted (a signature drawn on a phone is a few tens of KB). */
export const SIGNATURE_MAX_BYTES = 512 * 1024;
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The PNG in a `data:image/png;base64,…` URL: its bytes, or the field problem. */
export function decodeSignature(dataUrl: string): { ok: true; png: Buffer } | { ok: false; rule: string } {
  const m = /^data:image\/png;base64,([A-Za-z0-9+/\s]+={0,2})$/.exec(dataUrl.trim());
  if (!m) return { ok: false, rule: 'rule.workOrder.signatureFormat' };
  const png = Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
  if (png.length > SIGNATURE_MAX_BYTES) return { ok: false, rule: 'rule.workOrder.signatureTooLarge' };
  // A real PNG: the signature, then an IHDR chunk with a width and a height.
  const ok =
    png.length > 33 &&
    PNG_MAGIC.every((b, i) => png[i] === b) &&
    png.subarray(12, 16).toString('latin1') === 'IHDR' &&
    png.readUInt32BE(16) > 0 &&
    png.readUInt32BE(20) > 0;
  return ok ? { ok: true, png } : { ok: false, rule: 'rule.workOrder.signatureFormat' };
}

const notDone = (state: string) =>
  new AppError('INVALID_TRANSITION', { action: 'sign_off', reason: 'not_allowed_from_state', state }, {}, [
    { path: 'signature', rule: 'rule.workOrder.notDone' },
  ]);

/**
 * The customer's sign-off on the engineer's phone: the signature is stored as an attachment of the
 * ticket and the lifecycle's `sign_off` is taken with the signer's name — one transaction, so a
 * refusal (not done yet: 409 naming `signature`; a bad image: 400) leaves neither the file nor a
 * row behind.
 */
export async function signOffWorkOrder(
  ctx: Ctx,
  id: string,
  input: z.output<typeof WorkOrderSignOffSchema>,
): Promise<void> {
  const view = await findTicketView(ctx.db, ctx.actor, id);
  if (!view || view.ticket.kind !== 'work_order') throw AppError.notFound();
  if (view.ticket.state !== 'work_done') throw notDone(view.ticket.state);
  const decoded = decodeSignature(input.signature);
  if (!decoded.ok)
    throw AppError.field(
      'signature',
      decoded.rule,
      decoded.rule === 'rule.workOrder.signatureTooLarge' ? { maxKb: SIGNATURE_MAX_BYTES / 1024 } : undefined,
    );
  const storage = storageFor(ctx);
  const blob = await storage.put(Readable.from([decoded.png]), SIGNATURE_MAX_BYTES + 1);
  try {
    await ctx.db.transaction(async (tx) => {
      const t: TicketRow | null = await lockTicket(tx, ctx.actor, id);
      if (!t || t.kind !== 'work_order') throw AppError.notFound();
      const lifecycles = new Lifecycles(tx);
      const def = await lifecycles.get('work_order');
      // Checked again under the lock: another phone may have signed or sent it back meanwhile.
      if (stateOf(def, t.state).key !== 'work_done') throw notDone(t.state);
      const attachmentId = uuid7(ctx.now.getTime());
      const fileName = `签名-${t.number}.png`;
      await insertAttachment(tx, {
        id: attachmentId,
        ownerType: 'ticket',
        ownerId: t.id,
        projectId: t.projectId,
        fileName,
        contentType: 'image/png',
        sizeBytes: blob.sizeBytes,
        sha256: blob.sha256,
        storageKey: blob.key,
        category: 'signature',
        uploadedBy: ctx.actor.userId,
        createdAt: ctx.now,
      });
      await recordAudit(tx, ctx, {
        action: 'attachment.upload',
        objectType: 'ticket',
        objectId: t.id,
        detail: {
          attachmentId,
          fileName,
          sizeBytes: blob.sizeBytes,
          sha256: blob.sha256,
          category: 'signature',
        },
      });
      await runTransition(
        { tx, who: ctx, resolver: new CalendarResolver(tx, ctx.now), lifecycles },
        t,
        'sign_off',
        { signerName: input.signerName, signatureAttachmentId: attachmentId },
        await relationsOf(tx, ctx, t),
      );
    });
  } catch (err) {
    await storage.remove(blob.key);
    throw err;
  }
  await kickMail(ctx);
}
