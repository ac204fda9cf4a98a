import { SecurityPolicySchema, SecurityPolicyUpdateSchema } from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { getPolicy, updatePolicy } from './security-policy.service.js';

export async function securityPolicyRoutes(app: ZodApp) {
  app.get(
    '/security-policy',
    {
      schema: {
        tags: ['security'],
        summary: 'Password, lockout and session policy',
        response: { 200: SecurityPolicySchema },
      },
    },
    async (req) => getPolicy(ctx(req)),
  );
  app.patch(
    '/security-policy',
    {
      schema: {
        tags: ['security'],
        summary: 'Change the policy (security admin)',
        body: SecurityPolicyUpdateSchema,
        response: { 200: SecurityPolicySchema },
      },
    },
    async (req) => updatePolicy(ctx(req), req.body),
  );
}
