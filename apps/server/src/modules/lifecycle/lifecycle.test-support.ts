import { TestClock } from '../../test/app.js';
import type { FastifyInstance } from 'fastify';
import type { Auth, Factories } from '../../test/factories.js';

/**
 * Test support for service projects. `appOn` builds an opsdesk node on a database of its own (an
 * isolated one, for tests whose sweeps act on every due row); `serviceTenant` a project with a
 * service period and contract details, its manager, technical lead, engineer, the customer's
 * requester and approver, and an engaged subcontractor with its field engineer.
 */
export { appOn } from '../../test/app.js';

export { TestClock };

export async function serviceTenant(f: Factories, over: Parameters<Factories['project']>[0] = {}) {
  const customer = await f.customer();
  const project = await f.project({
    customerId: customer.id,
    status: 'planned',
    startDate: '2026-03-01',
    endDate: '2027-02-28',
    region: `大区-${Math.random().toString(16).slice(2, 8)}`,
    division: `事业部-${Math.random().toString(16).slice(2, 8)}`,
    businessLine: 'urban_traffic',
    contractValue: '35000000.00',
    deliveryType: 'own_build',
    warrantyEnd: '2028-12-31',
    ...over,
  });
  const pm = await f.user({ phone: '13800000001' });
  await f.member(project.id, pm.id, 'project_manager');
  const lead = await f.user({ phone: '13800000002' });
  await f.member(project.id, lead.id, 'technical_lead');
  const engineer = await f.user({ phone: '13800000003' });
  await f.member(project.id, engineer.id, 'engineer', 'network');
  const requester = await f.contact(customer.id);
  await f.member(project.id, requester.id, 'requester');
  const approver = await f.contact(customer.id);
  await f.member(project.id, approver.id, 'customer_approver');
  const subcontractor = await f.subcontractor();
  await f.engage(project.id, subcontractor.id);
  const fieldEngineer = await f.subStaff(subcontractor.id);
  await f.member(project.id, fieldEngineer.id, 'field_engineer');
  const regionalManager = await f.user({ managesRegion: project.region });
  const divisionManager = await f.user({ managesDivision: project.division });
  return {
    customer,
    project,
    pm,
    lead,
    engineer,
    requester,
    approver,
    subcontractor,
    fieldEngineer,
    regionalManager,
    divisionManager,
  };
}

export type ServiceTenant = Awaited<ReturnType<typeof serviceTenant>>;

/** Uploads a file as an attachment of an owner, as the browser would (multipart). */
export async function uploadTo(
  app: FastifyInstance,
  auth: Auth,
  ownerType: string,
  ownerId: string,
  content: Buffer,
  fileName = '会议纪要.png',
) {
  const boundary = '----opsdesk' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: `/api/v1/attachments?ownerType=${ownerType}&ownerId=${ownerId}&category=evidence`,
    headers: { ...auth.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}
