import { DEFAULT_PRIORITY_MATRIX, HOURS_5X8, priorityFor, searchDocument } from '@opsdesk/domain';
import type { Actor, ActorRelation, Impact, Urgency } from '@opsdesk/domain';
import type { DemoWorld } from '../../demo/seed.js';
import {
  calendars,
  routingRules,
  serviceDeskSettings,
  slaPolicies,
  teams,
  ticketCategories,
  ticketComments,
  tickets,
} from '../../db/schema/index.js';
import type { StoredEscalation } from '../../db/schema/index.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { CalendarResolver } from '../calendars/calendar.definition.js';
import { startClocks } from '../sla/sla.clocks.js';
import { EMERGENCY_AFTER_MS } from '../tickets/ticket.create.service.js';
import { Lifecycles } from '../tickets/ticket.lifecycle.js';
import { nextTicketNumbers } from '../tickets/ticket.numbers.js';
import { insertTicket, lockTicket } from '../tickets/ticket.repository.js';
import { runTransition } from '../tickets/ticket.transition.js';
import { ensureHolidayYears } from '../calendars/holiday.seed.js';
import { searchTokens } from '@opsdesk/domain';
import { eq } from 'drizzle-orm';
import { TICKETS } from './service-desk.demo-data.js';

type ProjectKey = 'traffic' | 'hospital' | 'bank';
const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const H = 3_600_000;
const ESCALATE: StoredEscalation[] = [50, 80, 100].map((threshold) => ({
  threshold,
  notify: ['assignee', 'group_lead', 'project_manager'],
}));

/** Demo data of the service desk: calendars, SLA policies, categories, routing rules and ~30 tickets. */
export async function seedServiceDeskDemo(world: DemoWorld): Promise<void> {
  const { tx, now } = world;
  await ensureHolidayYears(tx, now, true);
  const cal7x24 = uuid7();
  const cal5x8 = { traffic: uuid7(), hospital: uuid7(), bank: uuid7() };
  await tx.insert(calendars).values({
    id: cal7x24,
    projectId: null,
    name: '7×24 全天候',
    weekly: { 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY },
    followsChinaHolidays: false,
    createdAt: now,
    updatedAt: now,
  });
  const weekly5x8 = {
    1: HOURS_5X8,
    2: HOURS_5X8,
    3: HOURS_5X8,
    4: HOURS_5X8,
    5: HOURS_5X8,
    6: [],
    7: [],
  } as unknown as Record<string, { start: string; end: string }[]>;
  for (const p of ['traffic', 'hospital', 'bank'] as const) {
    await tx.insert(calendars).values({
      id: cal5x8[p],
      projectId: world.projects[p],
      name: '驻场 5×8（午休 12:00–13:00）',
      weekly: weekly5x8,
      followsChinaHolidays: true,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(serviceDeskSettings).values({
      projectId: world.projects[p],
      priorityMatrix: {
        cells: DEFAULT_PRIORITY_MATRIX.cells.map((r) => [...r]),
        businessStoppedPriority: 1,
      },
      serviceCalendarId: cal5x8[p],
      updatedAt: now,
    });
  }
  // The traffic hotline runs 7×24; the hospital and the bank branch are served in office hours.
  const policies: [ProjectKey, string, Record<string, { response: number; resolution: number }>][] = [
    [
      'traffic',
      cal7x24,
      {
        1: { response: 15, resolution: 240 },
        2: { response: 30, resolution: 480 },
        3: { response: 60, resolution: 1440 },
        4: { response: 240, resolution: 4320 },
      },
    ],
    [
      'hospital',
      cal5x8.hospital,
      {
        1: { response: 30, resolution: 480 },
        2: { response: 60, resolution: 960 },
        3: { response: 120, resolution: 1920 },
        4: { response: 480, resolution: 4800 },
      },
    ],
    [
      'bank',
      cal5x8.bank,
      {
        1: { response: 30, resolution: 480 },
        2: { response: 60, resolution: 960 },
        3: { response: 240, resolution: 2400 },
        4: { response: 480, resolution: 4800 },
      },
    ],
  ];
  for (const [p, calendarId, targets] of policies) {
    await tx.insert(slaPolicies).values({
      id: uuid7(),
      projectId: world.projects[p],
      name: '标准 SLA',
      calendarId,
      targets,
      escalations: ESCALATE,
      createdAt: now,
      updatedAt: now,
    });
  }
  const categories = new Map<string, string>();
  const tree: [ProjectKey, string, string | null][] = [
    ['traffic', '网络', null],
    ['traffic', '交换机', '网络'],
    ['traffic', '信号机', null],
    ['traffic', '服务器', null],
    ['traffic', '终端', null],
    ['traffic', '应用系统', null],
    ['hospital', '应用系统', null],
    ['hospital', 'HIS', '应用系统'],
    ['hospital', 'PACS', '应用系统'],
    ['hospital', '服务器', null],
    ['hospital', '终端', null],
    ['bank', '终端', null],
    ['bank', '网络', null],
  ];
  for (const [p, name, parent] of tree) {
    const id = uuid7();
    categories.set(`${p}:${name}`, id);
    await tx.insert(ticketCategories).values({
      id,
      projectId: world.projects[p],
      parentId: parent ? categories.get(`${p}:${parent}`)! : null,
      name,
      createdAt: now,
      updatedAt: now,
    });
  }
  const teamId = async (name: string) =>
    (await tx.select({ id: teams.id }).from(teams).where(eq(teams.name, name)))[0]?.id;
  const netTeam = await teamId('网络组');
  const deskTeam = await teamId('服务台');
  if (netTeam && deskTeam) {
    await tx.insert(routingRules).values([
      {
        id: uuid7(),
        projectId: world.projects.traffic,
        name: '网络与信号机 → 网络组',
        position: 1,
        categoryId: categories.get('traffic:网络')!,
        groupId: netTeam,
        createdAt: now,
        updatedAt: now,
      },
      {
        id: uuid7(),
        projectId: world.projects.traffic,
        name: '信号机关键字 → 网络组',
        position: 2,
        keywords: ['信号机', '信号灯'],
        groupId: netTeam,
        createdAt: now,
        updatedAt: now,
      },
      {
        id: uuid7(),
        projectId: world.projects.traffic,
        name: '其余 → 服务台',
        position: 9,
        groupId: deskTeam,
        createdAt: now,
        updatedAt: now,
      },
      {
        id: uuid7(),
        projectId: world.projects.hospital,
        name: '全部 → 服务台',
        position: 1,
        groupId: deskTeam,
        createdAt: now,
        updatedAt: now,
      },
      {
        id: uuid7(),
        projectId: world.projects.bank,
        name: '全部 → 服务台',
        position: 1,
        groupId: deskTeam,
        createdAt: now,
        updatedAt: now,
      },
    ]);
  }

  const lifecycles = new Lifecycles(tx);
  const requesterOf: Record<ProjectKey, string | undefined> = {
    traffic: world.users.requester,
    hospital: world.users.hospitalContact,
    bank: undefined,
  };
  for (const d of TICKETS) {
    const createdAt = new Date(now.getTime() - d.ago * H);
    const kind = d.kind ?? 'incident';
    const projectId = world.projects[d.project];
    const priority = priorityFor(
      DEFAULT_PRIORITY_MATRIX,
      (d.impact ?? 3) as Impact,
      (d.urgency ?? 3) as Urgency,
      { businessStopped: d.businessStopped ?? false },
    );
    const number = (await nextTicketNumbers(tx as unknown as Ctx['deps']['db'], kind, createdAt, 1))[0]!;
    const categoryId = d.category ? (categories.get(`${d.project}:${d.category}`) ?? null) : null;
    const row = await insertTicket(tx, {
      id: uuid7(createdAt.getTime()),
      number,
      kind,
      projectId,
      requesterId: requesterOf[d.project] ?? null,
      channel: d.channel ?? 'portal',
      categoryId,
      impact: d.impact ?? 3,
      urgency: d.urgency ?? 3,
      priority,
      businessStopped: d.businessStopped ?? false,
      title: d.title,
      description: d.description ?? '',
      state: 'new',
      stateCategory: 'open',
      groupId: d.project === 'traffic' ? (netTeam ?? null) : (deskTeam ?? null),
      searchTokens: searchDocument([number, d.title, d.description ?? '']),
      emergencyCheckAt: d.businessStopped ? new Date(createdAt.getTime() + EMERGENCY_AFTER_MS) : null,
      createdBy: world.users.agent ?? null,
      createdAt,
      updatedAt: createdAt,
    });
    await startClocks(
      tx,
      new CalendarResolver(tx, createdAt),
      row,
      categoryId ? [categoryId] : [],
      createdAt,
    );
    for (const [hours, userKey, action, rawInput] of d.steps ?? []) {
      const at = new Date(createdAt.getTime() + hours * H);
      const who = demoWho(world, userKey, at);
      const input = { ...(rawInput ?? {}) };
      if (typeof input['assigneeId'] === 'string') input['assigneeId'] = world.users[input['assigneeId']];
      const t = (await lockTicket(tx, null, row.id))!;
      const relations: ActorRelation[] =
        userKey === 'requester' || userKey === 'hospitalContact'
          ? ['requester']
          : ['agent', 'assignee', 'group_member'];
      await runTransition(
        { tx, who, resolver: new CalendarResolver(tx, at), lifecycles },
        t,
        action,
        input,
        relations,
      );
    }
    if (d.reply) {
      const [hours, userKey, text, visibility = 'public'] = d.reply;
      await tx.insert(ticketComments).values({
        id: uuid7(),
        ticketId: row.id,
        authorId: world.users[userKey] ?? null,
        visibility,
        body: text,
        searchTokens: searchTokens(text),
        createdAt: new Date(createdAt.getTime() + hours * H),
      });
    }
    if (d.rating) {
      await tx
        .update(tickets)
        .set({ satisfactionRating: d.rating, satisfactionComment: '服务及时，态度好', ratedAt: now })
        .where(eq(tickets.id, row.id));
    }
  }
}

/** Demo steps act as the demo users; audit rows name them like a request would. */
function demoWho(world: DemoWorld, userKey: string, at: Date): Ctx {
  const userId = world.users[userKey]!;
  const actor: Actor = {
    userId,
    kind: userKey === 'requester' || userKey === 'hospitalContact' ? 'customer_contact' : 'staff',
    globalRoles: [],
    customerId: null,
    subcontractorId: null,
    managesDivision: null,
    managesRegion: null,
    memberships: [],
  };
  return {
    db: world.tx as unknown as Ctx['db'],
    deps: undefined as unknown as Ctx['deps'],
    actor,
    actorName: userKey,
    credential: 'session',
    requestId: 'demo-seed',
    ip: null,
    lang: 'zh-CN',
    now: at,
  };
}
