import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import {
  customers,
  projectMembers,
  projects,
  projectSubcontractors,
  settings,
  sites,
  subcontractors,
  teamMembers,
  teams,
  users,
} from '../db/schema/index.js';
import type { Deps } from '../http/context.js';
import { uuid7 } from '../lib/ids.js';
import { DEMO_USERS } from './demo-users.js';
import { hashPassword } from '../lib/password-hash.js';
import { recordAudit } from '../modules/audit/audit.record.js';
import { seedCmdbDemo } from '../modules/cmdb/cmdb.demo.js';
import { seedServiceDeskDemo } from '../modules/service-desk/service-desk.demo.js';
import { seedServiceProjects } from '../modules/lifecycle/service-projects.demo.js';
import { seedFieldWorkDemo } from '../modules/field-work/field-work.demo.js';

export interface DemoLogin {
  username: string;
  password: string;
  role: string;
}

/** What earlier seeders made, for later ones (modules add seeders that build on these). */
export interface DemoWorld {
  tx: Tx;
  now: Date;
  customers: Record<'traffic' | 'hospital' | 'bank', string>;
  subcontractorId: string;
  projects: Record<'traffic' | 'hospital' | 'bank', string>;
  users: Record<string, string>;
}

export type DemoSeeder = (world: DemoWorld) => Promise<void>;

/** Modules append seeders here; they run in order in the demo transaction. */
export const DEMO_SEEDERS: DemoSeeder[] = [
  seedServiceProjects,
  seedCmdbDemo,
  seedServiceDeskDemo,
  seedFieldWorkDemo,
];

const SEEDED_KEY = 'demo.seeded';

/** A random password that meets the default policy: upper, lower, digits and a dash. */
function demoPassword(): string {
  const pick = (chars: string, n: number) =>
    Array.from({ length: n }, () => chars[randomInt(chars.length)]).join('');
  return `${pick('ABCDEFGHJKLMNPQRSTUVWXYZ', 2)}${pick('abcdefghijkmnpqrstuvwxyz', 4)}-${pick('23456789', 4)}`;
}

async function seedOrganisation(
  tx: Tx,
  now: Date,
): Promise<{
  world: Omit<DemoWorld, 'tx' | 'now' | 'users'>;
  logins: DemoLogin[];
  userIds: Record<string, string>;
}> {
  const c = { traffic: uuid7(), hospital: uuid7(), bank: uuid7() };
  await tx.insert(customers).values([
    {
      id: c.traffic,
      code: 'JTJ',
      name: '市交通局',
      shortName: '交通局',
      industry: '交通',
      address: '市府大道 100 号',
      phone: '0571-87000000',
      createdAt: now,
      updatedAt: now,
    },
    {
      id: c.hospital,
      code: 'DYYY',
      name: '市第一人民医院',
      shortName: '一院',
      industry: '医疗',
      address: '健康路 8 号',
      phone: '0571-87100000',
      createdAt: now,
      updatedAt: now,
    },
    {
      id: c.bank,
      code: 'HXYH-BJ',
      name: '华信银行滨江支行',
      shortName: '华信滨江',
      industry: '金融',
      address: '江南大道 66 号',
      phone: '0571-87200000',
      createdAt: now,
      updatedAt: now,
    },
  ]);
  const subId = uuid7();
  await tx.insert(subcontractors).values({
    id: subId,
    name: '恒达信息技术有限公司',
    creditCode: '91330100MA2XXXXXX1',
    contactName: '陈经理',
    phone: '0571-88000000',
    qualifications: '信息系统集成三级',
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(sites).values([
    {
      id: uuid7(),
      customerId: c.traffic,
      name: '交通指挥中心',
      address: '市府大道 100 号 5 楼',
      region: '华东大区',
      createdAt: now,
      updatedAt: now,
    },
    {
      id: uuid7(),
      customerId: c.traffic,
      name: '中山路-解放路路口',
      address: '中山路与解放路交叉口',
      region: '华东大区',
      createdAt: now,
      updatedAt: now,
    },
    {
      id: uuid7(),
      customerId: c.hospital,
      name: '信息中心机房',
      address: '健康路 8 号 门诊楼 B1',
      createdAt: now,
      updatedAt: now,
    },
    {
      id: uuid7(),
      customerId: c.bank,
      name: '营业部',
      address: '江南大道 66 号 1 楼',
      createdAt: now,
      updatedAt: now,
    },
  ]);
  const year = now.getUTCFullYear();
  const p = { traffic: uuid7(), hospital: uuid7(), bank: uuid7() };
  await tx.insert(projects).values([
    {
      id: p.traffic,
      code: `JTJ-${year}-YW`,
      name: `市交通局信号控制系统运维服务项目（${year}）`,
      customerId: c.traffic,
      status: 'active',
      division: '城交事业部',
      region: '华东大区',
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
      description: '全市 320 个路口信号机、指挥中心平台及网络的 7×24 运维。',
      createdAt: now,
      updatedAt: now,
    },
    {
      id: p.hospital,
      code: `DYYY-${year}-YW`,
      name: `市第一人民医院信息系统运维（${year}）`,
      customerId: c.hospital,
      status: 'active',
      division: '软件事业部',
      region: '华东大区',
      startDate: `${year}-03-01`,
      endDate: `${year + 1}-02-28`,
      description: 'HIS、LIS、PACS 及机房基础设施运维。',
      createdAt: now,
      updatedAt: now,
    },
    {
      id: p.bank,
      code: `HXYH-${year}-ZD`,
      name: `华信银行滨江支行网点终端运维（${year}）`,
      customerId: c.bank,
      status: 'planned',
      division: '软件事业部',
      region: '华南大区',
      startDate: `${year}-07-01`,
      endDate: `${year + 1}-06-30`,
      description: '网点 PC、打印机及排队机终端外设维护。',
      createdAt: now,
      updatedAt: now,
    },
  ]);
  await tx
    .insert(projectSubcontractors)
    .values({ projectId: p.traffic, subcontractorId: subId, scope: '路口信号机及外场设备现场维护' });

  const logins: DemoLogin[] = [];
  const userIds: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const id = uuid7();
    userIds[u.key] = id;
    const password = demoPassword();
    logins.push({ username: u.username, password, role: u.role });
    await tx.insert(users).values({
      id,
      kind: u.kind,
      username: u.username,
      passwordHash: await hashPassword(password),
      displayName: u.displayName,
      title: u.title ?? null,
      phone: u.phone ?? null,
      customerId: u.customer ? c[u.customer] : null,
      subcontractorId: u.subcontractor ? subId : null,
      globalRoles: u.globalRoles ?? [],
      managesDivision: u.managesDivision ?? null,
      managesRegion: u.managesRegion ?? null,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    for (const m of u.memberships ?? []) {
      await tx.insert(projectMembers).values({
        id: uuid7(),
        projectId: p[m.project],
        userId: id,
        role: m.role,
        specialty: m.specialty ?? null,
        createdAt: now,
      });
    }
  }
  const teamRows = [
    { name: '服务台', lead: 'agent', members: ['agent'] },
    { name: '网络组', lead: 'engineer', members: ['engineer', 'lead'] },
    { name: '项目管理组', lead: 'pm', members: ['pm', 'cm'] },
  ];
  for (const t of teamRows) {
    const id = uuid7();
    await tx
      .insert(teams)
      .values({ id, name: t.name, leadUserId: userIds[t.lead] ?? null, createdAt: now, updatedAt: now });
    await tx.insert(teamMembers).values(t.members.map((m) => ({ teamId: id, userId: userIds[m]! })));
  }
  return { world: { customers: c, subcontractorId: subId, projects: p }, logins, userIds };
}

/**
 * Demo data for `opsdesk start --demo` / `opsdesk seed --demo`: three customers (市交通局, a hospital,
 * a bank branch), a subcontractor, projects, teams and one user per role with random passwords,
 * returned once so they can be printed. Runs only on a database without customers, once.
 */
export async function seedDemo(deps: Deps): Promise<DemoLogin[]> {
  return deps.db.transaction(async (tx) => {
    const done = await tx.select().from(settings).where(eq(settings.key, SEEDED_KEY));
    if (done.length) return [];
    const existing = await tx.select({ id: customers.id }).from(customers).limit(1);
    if (existing.length) return [];
    const now = deps.now();
    const { world, logins, userIds } = await seedOrganisation(tx, now);
    const full: DemoWorld = { ...world, tx, now, users: userIds };
    for (const seeder of DEMO_SEEDERS) await seeder(full);
    await tx.insert(settings).values({ key: SEEDED_KEY, value: { at: now.toISOString() }, updatedAt: now });
    await recordAudit(
      tx,
      {
        db: deps.db,
        deps,
        actor: null,
        actorName: 'system',
        requestId: 'demo-seed',
        ip: null,
        lang: 'zh-CN',
        now,
      },
      {
        action: 'demo.seed',
        detail: { customers: 3, projects: 3, users: logins.length },
      },
    );
    return logins;
  });
}
