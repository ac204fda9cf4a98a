// Test support for field work: a project with a desk, sites in two arrival areas and CIs to
// inspect, made straight in the database. Not a test file.
import { deflateSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { arrivalTargets, calendars, ciTypes, cis, slaPolicies, teamMembers } from '../../db/schema/index.js';
import type { Deps } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import type { Auth, Factories } from '../../test/factories.js';
import { WEEKLY_5X8, WEEKLY_7X24 } from '../tickets/ticket.test-support.js';

export async function ciTypeId(deps: Deps, key: string): Promise<{ id: string; version: number }> {
  const [row] = await deps.db
    .select({ id: ciTypes.id, version: ciTypes.version })
    .from(ciTypes)
    .where(eq(ciTypes.key, key));
  if (!row) throw new Error(`no CI type ${key}`);
  return row;
}

export async function makeCi(
  deps: Deps,
  projectId: string,
  typeKey: string,
  name: string,
  over: Partial<typeof cis.$inferInsert> = {},
) {
  const type = await ciTypeId(deps, typeKey);
  const [row] = await deps.db
    .insert(cis)
    .values({ id: uuid7(), projectId, typeId: type.id, typeVersion: type.version, name, ...over })
    .returning();
  return row!;
}

/**
 * A project ready for field work: the tenant of `f.tenant()` (manager, engineer, contact, an
 * engaged subcontractor's field engineer) plus a desk agent, a technical lead, the customer's
 * requester and approver, a team, a calendar and SLA policy, two sites in two arrival areas
 * (city 2 h — the default — and suburbs 4 h) and CIs: two switches and a server in the city, a
 * signal controller in the suburbs.
 */
export async function fieldTenant(deps: Deps, f: Factories, opts: { calendar?: '7x24' | '5x8' } = {}) {
  const t = await f.tenant();
  const agent = await f.user();
  await f.member(t.project.id, agent.id, 'service_desk_agent');
  const lead = await f.user();
  await f.member(t.project.id, lead.id, 'technical_lead');
  await f.member(t.project.id, t.contact.id, 'requester');
  const approver = await f.contact(t.customer.id);
  await f.member(t.project.id, approver.id, 'customer_approver');
  const team = await f.team({ leadUserId: t.engineer.id });
  await deps.db.insert(teamMembers).values([{ teamId: team.id, userId: t.engineer.id }]);
  const calendarId = uuid7();
  const allDay = (opts.calendar ?? '7x24') === '7x24';
  await deps.db.insert(calendars).values({
    id: calendarId,
    projectId: t.project.id,
    name: `日历-${calendarId.slice(-6)}`,
    weekly: allDay ? WEEKLY_7X24 : WEEKLY_5X8,
    followsChinaHolidays: !allDay,
  });
  await deps.db.insert(slaPolicies).values({
    id: uuid7(),
    projectId: t.project.id,
    name: '标准 SLA',
    calendarId,
    targets: {
      '1': { response: 15, resolution: 240 },
      '2': { response: 30, resolution: 480 },
      '3': { response: 60, resolution: 960 },
      '4': { response: 120, resolution: 2400 },
    },
    escalations: [{ threshold: 100, notify: ['assignee', 'project_manager'] }],
  });
  const city = await f.site(t.customer.id, { name: `指挥中心-${uuid7().slice(-6)}` });
  const suburb = await f.site(t.customer.id, { name: `郊区路口-${uuid7().slice(-6)}` });
  await deps.db.insert(arrivalTargets).values([
    {
      projectId: t.project.id,
      areaKey: 'city',
      labelZh: '市区',
      labelEn: 'City',
      minutes: 120,
      isDefault: true,
      siteIds: [city.id],
      position: 0,
    },
    {
      projectId: t.project.id,
      areaKey: 'suburb',
      labelZh: '郊区',
      labelEn: 'Suburbs',
      minutes: 240,
      siteIds: [suburb.id],
      position: 1,
    },
  ]);
  const switchA = await makeCi(deps, t.project.id, 'switch', '核心交换机-01', {
    siteId: city.id,
    tags: ['core'],
  });
  const switchB = await makeCi(deps, t.project.id, 'switch', '汇聚交换机-02', { siteId: city.id });
  const server = await makeCi(deps, t.project.id, 'physical_server', '平台服务器-01', { siteId: city.id });
  const controller = await makeCi(deps, t.project.id, 'signal_controller', '信号机-解放路', {
    siteId: suburb.id,
  });
  return {
    ...t,
    agent,
    lead,
    approver,
    team,
    calendarId,
    city,
    suburb,
    switchA,
    switchB,
    server,
    controller,
  };
}

export type FieldTenant = Awaited<ReturnType<typeof fieldTenant>>;

/** A small real PNG (w×h, grey), as a phone's signature pad would send it. */
export function png(width = 4, height = 2): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.concat(
    Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(width, 0x80)])),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const signatureUrl = (b: Buffer = png()) => `data:image/png;base64,${b.toString('base64')}`;

/** Uploads a photo to an owner, as the browser would (multipart). */
export async function upload(
  app: FastifyInstance,
  auth: Auth,
  ownerType: string,
  ownerId: string,
  content = png(),
) {
  const boundary = '----opsdesk' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: `/api/v1/attachments?ownerType=${ownerType}&ownerId=${ownerId}&category=photo`,
    headers: { ...auth.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}
