import { asc, eq } from 'drizzle-orm';
import {
  DEFAULT_TIME_ZONE,
  EXAMPLE_ARRIVAL_TARGETS,
  instant,
  instantToLocal,
  parseDate,
  weekdayOf,
} from '@opsdesk/domain';
import type { InspectionItem, IsoWeekday } from '@opsdesk/domain';
import type { DemoWorld } from '../../demo/seed.js';
import { arrivalTargets, inspectionTasks, sites } from '../../db/schema/index.js';
import type { Ctx, Deps } from '../../http/context.js';
import { actorOf, findPrincipalByUserId } from '../auth/auth.repository.js';
import { findingToWorkOrder } from './finding.service.js';
import { createPlan } from './plan.service.js';
import { submitTask } from './submit.service.js';
import { taskDetail } from './task.service.js';
import {
  acceptWorkOrder,
  checkInWorkOrder,
  completeWorkOrder,
  createWorkOrder,
} from './work-order.service.js';

const H = 3_600_000;
const D = 24 * H;

/** Demo steps act as the demo users, through the services, as requests would. */
async function demoCtx(world: DemoWorld, userKey: string, now: Date): Promise<Ctx> {
  const principal = await findPrincipalByUserId(world.tx, world.users[userKey]!);
  // The demo runs in one transaction: the services' own transactions become its savepoints, the
  // ticket counter is drawn in it, and jobs (mail) wait for a real node.
  const deps = { db: world.tx, now: () => now, jobs: { send: async () => null } } as unknown as Deps;
  return {
    db: world.tx as unknown as Ctx['db'],
    deps,
    actor: actorOf(principal!),
    actorName: principal!.user.displayName,
    credential: 'session',
    requestId: 'demo-seed',
    ip: null,
    lang: 'zh-CN',
    now,
  };
}

type Abnormal = { value: number | boolean | string; remark: string };

/** A plausible normal reading for an item; `abnormal` picks what goes wrong and why. */
function reading(
  item: InspectionItem,
  abnormal?: Abnormal,
): { value: number | boolean | string; remark?: string } {
  if (abnormal) return abnormal;
  const r = item.reading;
  switch (r.type) {
    case 'number': {
      const lo = r.min ?? null;
      const hi = r.max ?? null;
      return {
        value:
          lo !== null && hi !== null
            ? Math.round(((lo + hi) / 2) * 10) / 10
            : (lo ?? (hi !== null ? hi / 2 : 1)),
      };
    }
    case 'boolean':
      return { value: r.normal };
    case 'choice':
      return { value: r.normal[0] ?? '' };
    case 'text':
      return { value: '正常' };
  }
}

/** Fills a task: every item normal but the ones named `ciName/itemKey`. */
async function fill(ctx: Ctx, taskId: string, abnormal: Record<string, Abnormal> = {}) {
  const task = await taskDetail(ctx, taskId);
  const readings = task.cis.flatMap((ci) =>
    task.templates
      .flatMap((t) => t.items)
      .filter((i) => i.ciTypeKey === ci.typeKey)
      .map((i) => ({
        ciId: ci.ciId,
        itemKey: i.key,
        ...reading(i as InspectionItem, abnormal[`${ci.name}/${i.key}`]),
      })),
  );
  return submitTask(ctx, taskId, { readings, skips: [] });
}

async function tasksOf(world: DemoWorld, planId: string) {
  return world.tx
    .select()
    .from(inspectionTasks)
    .where(eq(inspectionTasks.planId, planId))
    .orderBy(asc(inspectionTasks.scheduledDate));
}

/**
 * Demo field work: arrival targets; the traffic project's monthly switch inspection (last month's
 * round submitted with two abnormal readings — one kept open, one that raised an incident — and
 * this month's open) and its signal-controller inspection by the subcontractor, due today; the
 * hospital's weekly servers, storage and machine-room round (last week's done, today's open); and
 * work orders in different states: one from the incident, on site; one done, awaiting the
 * customer's signature; one planned maintenance, dispatched.
 */
export async function seedFieldWorkDemo(world: DemoWorld): Promise<void> {
  const { tx, now, projects } = world;
  const today = instantToLocal(DEFAULT_TIME_ZONE, instant(now.getTime())).date;
  const [y, m] = today.split('-').map(Number) as [number, number];
  const dayOfMonth = Number(today.slice(8, 10));
  const lastMonth = m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
  const weekday = weekdayOf(parseDate(today)!) as IsoWeekday;
  const weekAgo = instantToLocal(DEFAULT_TIME_ZONE, instant(now.getTime() - 7 * D)).date;

  for (const key of ['traffic', 'hospital'] as const) {
    const siteRows = await tx
      .select({ id: sites.id, name: sites.name })
      .from(sites)
      .where(eq(sites.customerId, world.customers[key]));
    await tx.insert(arrivalTargets).values(
      EXAMPLE_ARRIVAL_TARGETS.map((t, i) => ({
        projectId: projects[key],
        areaKey: t.areaKey,
        labelZh: t.label['zh-CN'],
        labelEn: t.label.en,
        minutes: t.minutes,
        isDefault: t.isDefault ?? false,
        // The command centre and the hospital's own building are in the city; the intersections out there.
        siteIds: siteRows
          .filter((s) => (i === 0 ? !s.name.includes('路口') : s.name.includes('路口')))
          .map((s) => s.id),
        position: i,
        updatedAt: now,
      })),
    );
  }

  // ── Traffic: switches monthly (last month done), signal controllers by the subcontractor, due today.
  const pm = await demoCtx(world, 'pm', now);
  const switches = await createPlan(pm, projects.traffic, {
    name: '网络设备月度巡检',
    templateIds: ['builtin.network'],
    selection: { mode: 'filter', filter: { ciTypeKeys: ['switch', 'firewall'] } },
    schedule: { kind: 'monthly', day: 1 },
    assigneeId: world.users.engineer!,
    teamId: null,
    dueDays: 7,
    startsOn: lastMonth,
    endsOn: null,
    active: true,
  });
  await createPlan(pm, projects.traffic, {
    name: '信号机月度巡检',
    templateIds: ['builtin.signal_controller'],
    selection: { mode: 'filter', filter: { ciTypeKeys: ['signal_controller'] } },
    schedule: { kind: 'monthly', day: dayOfMonth },
    assigneeId: world.users.field!,
    teamId: null,
    dueDays: 1,
    startsOn: today,
    endsOn: null,
    active: true,
  });
  const [previous] = await tasksOf(world, switches);
  let incidentFinding: string | undefined;
  if (previous && previous.scheduledDate < today.slice(0, 7) + '-01') {
    const eng = await demoCtx(world, 'engineer', new Date(previous.opensAt.getTime() + 34 * H));
    const out = await fill(eng, previous.id, {
      '核心交换机-01/cpu_usage': { value: 86, remark: '早高峰信号数据汇聚，CPU 偏高' },
      '汇聚交换机-外场/uplink_ports': {
        value: false,
        remark: '上联口 Gi1/0/48 频繁 up/down，疑似光模块老化',
      },
    });
    incidentFinding = out.findings.created.find((x) => x.incident)?.id;
  }

  // ── Hospital: servers, storage and the machine room weekly; last week's round done.
  const hospitalPm = await demoCtx(world, 'pm', now);
  const hospital = await createPlan(hospitalPm, projects.hospital, {
    name: '信息中心每周巡检',
    templateIds: ['builtin.server', 'builtin.storage', 'builtin.machine_room'],
    selection: { mode: 'filter', filter: {} },
    schedule: { kind: 'weekly', weekday },
    assigneeId: world.users.pm!,
    teamId: null,
    dueDays: 2,
    startsOn: weekAgo,
    endsOn: null,
    active: true,
  });
  const [lastWeek] = await tasksOf(world, hospital);
  if (lastWeek && lastWeek.scheduledDate < today) {
    const who = await demoCtx(world, 'pm', new Date(lastWeek.opensAt.getTime() + 15 * H));
    await fill(who, lastWeek.id, {
      '核心存储/capacity_usage': { value: 88, remark: 'PACS 影像增长快，已提扩容申请' },
    });
  }

  // ── Work orders in different states.
  if (incidentFinding) {
    const desk = await demoCtx(world, 'agent', new Date(now.getTime() - 5 * H));
    const woId = await findingToWorkOrder(desk, incidentFinding, {
      assigneeId: world.users.engineer!,
      instructions: '携带备用光模块；更换前通知指挥中心',
      impact: 3,
      urgency: 2,
      tags: ['巡检'],
    });
    const eng = (hours: number) => demoCtx(world, 'engineer', new Date(now.getTime() - hours * H));
    await acceptWorkOrder(await eng(4.5), woId);
    await checkInWorkOrder(await eng(3), woId, { location: { note: '指挥中心机房 A01 机柜' } });
  }
  const agent = await demoCtx(world, 'agent', new Date(now.getTime() - 26 * H));
  const done = await createWorkOrder(agent, {
    projectId: projects.traffic,
    title: '中山路-解放路路口信号机电源模块更换',
    description: '信号机间歇性黄闪，判断为电源模块老化。',
    ciIds: [],
    instructions: '携带备用电源模块；断电前通知指挥中心切换手动控制',
    impact: 2,
    urgency: 2,
    tags: [],
    assigneeId: world.users.field!,
  });
  const field = (hours: number) => demoCtx(world, 'field', new Date(now.getTime() - hours * H));
  await acceptWorkOrder(await field(25.5), done.id);
  await checkInWorkOrder(await field(24), done.id, { location: { note: '路口东北角机柜' } });
  await completeWorkOrder(await field(23), done.id, {
    workPerformed: '更换电源模块，恢复多时段定周期控制，观察一个周期正常',
    timeSpentMinutes: 55,
    partsUsed: '信号机电源模块 ×1',
  });
  await createWorkOrder(await demoCtx(world, 'agent', new Date(now.getTime() - 2 * H)), {
    projectId: projects.hospital,
    title: 'HIS 数据库服务器季度预防性维护',
    description: '按维护合同进行季度预防性维护（除尘、固件检查、日志清理）。',
    ciIds: [],
    plannedStart: new Date(now.getTime() + 2 * D).toISOString(),
    plannedEnd: new Date(now.getTime() + 2 * D + 3 * H).toISOString(),
    instructions: '周末窗口操作，提前与信息中心确认停机时间',
    impact: 3,
    urgency: 3,
    tags: ['预防性维护'],
    assigneeId: world.users.pm!,
  });
}
