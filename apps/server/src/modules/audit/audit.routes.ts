import { AuditListQuery, AuditPage, AuditVerifySchema } from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentAudit } from './audit.presenter.js';
import { searchAudit, verifyAudit } from './audit.service.js';

export async function auditRoutes(app: ZodApp) {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log (auditors, admins)',
        querystring: AuditListQuery,
        response: { 200: AuditPage },
      },
    },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      const page = await searchAudit(ctx(req), filter, limit, cursor);
      return { items: page.items.map(presentAudit), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verify the audit hash chain',
        response: { 200: AuditVerifySchema },
      },
    },
    async (req) => verifyAudit(ctx(req)),
  );
}
