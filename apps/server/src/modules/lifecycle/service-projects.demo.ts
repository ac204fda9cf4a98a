import { and, eq, inArray } from 'drizzle-orm';
import {
  DEFAULT_SERVICE_MODE_RULES,
  addDays,
  expandRotation,
  handoverFollowUps,
  handoverStartDate,
  localDateAt,
  qualitySchedule,
} from '@opsdesk/domain';
import { handovers, projects, projectTasks, rosterShifts, tenders } from '../../db/schema/index.js';
import type { DemoWorld } from '../../demo/seed.js';
import type { AnonCtx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { findProject } from '../projects/project.repository.js';
import { enterPhase } from './lifecycle.service.js';
import { SYSTEM_ACTOR, generateTasks, syncGeneratedTasks } from './task-generation.js';

/**
 * Demo content for service projects (`opsdesk start --demo`): the contract details of the three
 * demo projects; the traffic project handed over (on-site business support, its customer manager,
 * an awarded tender) and in implementation with its checklists, a plan awaiting the customer's
 * approval, and a week of day/night duty; the hospital's handover 20 days away (so it shows in
 * "handovers starting") and its start checklist; the bank's third-party equipment, for a
 * different suggestion.
 */
export async function seedServiceProjects(world: DemoWorld): Promise<void> {
  const { tx, now, users: u, projects: p } = world;
  // The audit writer reads only who, when and from where; the demo transaction is all it writes to.
  const who = {
    db: tx,
    deps: null,
    actor: null,
    actorName: 'demo',
    requestId: 'demo-seed',
    ip: null,
    lang: 'zh-CN',
    now,
  } as unknown as AnonCtx;
  const year = now.getUTCFullYear();
  const today = localDateAt(now);

  const details: Record<keyof typeof p, Partial<typeof projects.$inferInsert>> = {
    traffic: {
      contractNo: `JTJ-YW-${year}-001`,
      contractValue: '35000000.00',
      businessLine: 'urban_traffic',
      deliveryType: 'own_build',
      warrantyEnd: `${year + 2}-12-31`,
      scopeDescription:
        '全市 320 个路口信号机、交通指挥中心平台、外场检测器及通信网络的运行维护与业务支撑（信号值班、信息准确性核查、警卫保障）。',
    },
    hospital: {
      contractNo: `DYYY-YW-${year}-007`,
      contractValue: '1200000.00',
      businessLine: 'software',
      deliveryType: 'own_build',
      warrantyEnd: `${year + 1}-02-28`,
      scopeDescription: 'HIS、LIS、PACS 应用软件及机房基础设施的技术保障。',
    },
    bank: {
      contractNo: `HXYH-ZD-${year}-012`,
      contractValue: '2800000.00',
      businessLine: 'other',
      deliveryType: 'third_party',
      warrantyEnd: `${year}-06-30`,
      scopeDescription: '网点 PC、打印机、排队机等第三方终端外设的巡检与维护。',
    },
  };
  for (const key of ['traffic', 'hospital', 'bank'] as const) {
    await tx
      .update(projects)
      .set({ ...details[key], updatedAt: now })
      .where(eq(projects.id, p[key]));
  }
  const view = async (id: string) => (await findProject(tx, SYSTEM_ACTOR, id))!;

  // ── Traffic: handed over on January 1, on-site business support, in implementation ──
  const traffic = await view(p.traffic);
  const implies = DEFAULT_SERVICE_MODE_RULES.find((r) => r.key === 'business_support_urban_traffic')!.implies;
  const planned = `${year}-01-01`;
  await tx.insert(handovers).values({
    id: uuid7(),
    projectId: p.traffic,
    plannedDate: planned,
    startDate: handoverStartDate(planned),
    regionalManagerId: u.rm ?? null,
    divisionManagerId: u.dm ?? null,
    serviceLeadId: u.rm ?? null,
    customerManagerId: u.cm ?? null,
    suggestedMode: 'on_site',
    suggestedVariant: 'business_support',
    suggestedRuleKey: 'business_support_urban_traffic',
    chosenMode: 'on_site',
    chosenVariant: 'business_support',
    chosenImplies: implies,
    decidedBy: u.dm ?? null,
    decidedAt: now,
    decisionReason: '城交大项目，合同额 3500 万元，按服务模式规则驻场业务支撑，配置专职客户经理和分包商。',
    subcontractorNeeded: true,
    subcontractorDecidedBy: u.cm ?? null,
    subcontractorDecidedAt: now,
    subcontractorReason: '外场设备点多面广，需分包商现场维护。',
    startNotifiedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  await generateTasks(tx, who, p.traffic, handoverFollowUps(implies, planned), 'demo');
  await syncGeneratedTasks(
    tx,
    who,
    p.traffic,
    'quality.',
    qualitySchedule(implies.qualityMonitoring, today, traffic.endDate!),
    'demo',
    today,
  );
  await tx.insert(tenders).values({
    id: uuid7(),
    projectId: p.traffic,
    title: '路口信号机外场维护分包',
    scope: '路口信号机及外场设备现场维护',
    budget: '1800000.00',
    status: 'awarded',
    awardedSubcontractorId: world.subcontractorId,
    awardReason: '资质齐全，响应时间承诺 30 分钟，综合评分第一。',
    createdBy: u.cm ?? null,
    publishedBy: u.cm ?? null,
    publishedAt: now,
    awardedBy: u.cm ?? null,
    awardedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  await enterPhase(tx, who, traffic, 'start', null);
  await enterPhase(tx, who, await view(p.traffic), 'implement', null);
  // The handover and start work is done, but for the implementation plan, waiting on 冯处长's approval.
  const done = { status: 'done' as const, completedBy: u.pm ?? null, completedAt: now, nextReminderAt: null };
  await tx
    .update(projectTasks)
    .set(done)
    .where(and(eq(projectTasks.projectId, p.traffic), inArray(projectTasks.phase, ['handover', 'start'])));
  await tx
    .update(projectTasks)
    .set({ ...done, approvedBy: u.approver ?? null, approvedAt: now, completedBy: u.approver ?? null })
    .where(and(eq(projectTasks.projectId, p.traffic), eq(projectTasks.templateKey, 'start.service_plan')));
  await tx
    .update(projectTasks)
    .set({
      status: 'awaiting_approval',
      completedBy: null,
      completedAt: null,
      dueDate: addDays(today, 5),
      reminderStep: 0,
      nextReminderAt: null,
    })
    .where(
      and(eq(projectTasks.projectId, p.traffic), eq(projectTasks.templateKey, 'start.implementation_plan')),
    );

  // A week of day/night duty on the 7×24 hotline, from today.
  const duty = [u.agent, u.engineer, u.lead].filter((x): x is string => Boolean(x));
  if (duty.length) {
    const shifts = expandRotation({
      from: today,
      days: 7,
      shifts: [
        { label: '白班', start: '08:00', end: '20:00' },
        { label: '夜班', start: '20:00', end: '08:00' },
      ],
      userIds: duty,
    });
    await tx.insert(rosterShifts).values(
      shifts.map((s) => ({
        id: uuid7(),
        projectId: p.traffic,
        ...s,
        createdBy: u.pm ?? null,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }

  // ── Hospital: handover in 20 days (its window is open), start checklist generated ──
  const hospitalHandover = addDays(today, 20);
  await tx.insert(handovers).values({
    id: uuid7(),
    projectId: p.hospital,
    plannedDate: hospitalHandover,
    startDate: handoverStartDate(hospitalHandover),
    regionalManagerId: u.rm ?? null,
    serviceLeadId: u.rm ?? null,
    createdAt: now,
    updatedAt: now,
  });
  await enterPhase(tx, who, await view(p.hospital), 'start', null);
}
