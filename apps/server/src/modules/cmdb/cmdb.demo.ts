import { and, eq } from 'drizzle-orm';
import { checkAttributes, chinaDay, shiftDay } from '@opsdesk/domain';
import type { RelationType } from '@opsdesk/domain';
import { ciRelations, sites } from '../../db/schema/index.js';
import type { DemoWorld } from '../../demo/seed.js';
import { uuid7 } from '../../lib/ids.js';
import { typesByKeys } from './ci-type.repository.js';
import type { NewCi } from './ci.repository.js';
import { insertCis, relationHistory } from './ci.write.js';
import type { Who } from './ci.write.js';

interface DemoCi {
  ref: string;
  type: string;
  name: string;
  vendor?: string;
  model?: string;
  serial?: string;
  /** Days from today to the end of the warranty (negative: already ended). */
  warrantyIn?: number;
  purchased?: string;
  price?: number;
  site?: string;
  status?: NewCi['status'];
  tags?: string[];
  attributes?: Record<string, unknown>;
}

const INTERSECTIONS = [
  '中山路-解放路',
  '中山路-人民路',
  '解放路-环城北路',
  '人民路-建设路',
  '建设路-文化路',
  '文化路-环城东路',
  '环城北路-体育场路',
  '体育场路-延安路',
];

/** The traffic project: the 信号控制平台 business service down to the room it runs in, and the intersections. */
function trafficCis(): { cis: DemoCi[]; relations: [string, RelationType, string][] } {
  const cis: DemoCi[] = [
    {
      ref: 'hq',
      type: 'site',
      name: '交通指挥中心',
      site: '交通指挥中心',
      attributes: { address: '市府大道 100 号' },
    },
    {
      ref: 'room',
      type: 'room',
      name: '指挥中心机房',
      site: '交通指挥中心',
      attributes: { floor: '5F', area_sqm: 120 },
    },
    {
      ref: 'rackA',
      type: 'rack',
      name: 'A01 机柜',
      site: '交通指挥中心',
      attributes: { u_height: 42, power_kw: 6 },
    },
    {
      ref: 'core',
      type: 'switch',
      name: '核心交换机-01',
      vendor: '华为',
      model: 'S7706',
      serial: 'HW-S7706-0001',
      warrantyIn: 45,
      purchased: '2021-06-18',
      price: 186000,
      site: '交通指挥中心',
      tags: ['核心'],
      attributes: { management_ip: '10.10.0.1', port_count: 96, layer: 'l3' },
    },
    {
      ref: 'agg',
      type: 'switch',
      name: '汇聚交换机-外场',
      vendor: '华为',
      model: 'S5735',
      serial: 'HW-S5735-0107',
      warrantyIn: 20,
      purchased: '2021-06-18',
      price: 32000,
      site: '交通指挥中心',
      attributes: { management_ip: '10.10.0.2', port_count: 48, layer: 'l3' },
    },
    {
      ref: 'fw',
      type: 'firewall',
      name: '边界防火墙',
      vendor: '深信服',
      model: 'AF-1000',
      serial: 'SXF-AF-2231',
      warrantyIn: 80,
      purchased: '2022-01-10',
      price: 98000,
      site: '交通指挥中心',
      attributes: { management_ip: '10.10.0.254', throughput_gbps: 10 },
    },
    {
      ref: 'srv1',
      type: 'physical_server',
      name: '平台服务器-01',
      vendor: '浪潮',
      model: 'NF5280M6',
      serial: 'LC-NF5280-8812',
      warrantyIn: 200,
      purchased: '2022-03-01',
      price: 76000,
      site: '交通指挥中心',
      attributes: {
        management_ip: '10.10.1.11',
        bmc_ip: '10.10.9.11',
        os: 'openEuler 22.03',
        cpu_cores: 64,
        memory_gb: 512,
      },
    },
    {
      ref: 'srv2',
      type: 'physical_server',
      name: '平台服务器-02',
      vendor: '浪潮',
      model: 'NF5280M6',
      serial: 'LC-NF5280-8813',
      warrantyIn: 200,
      purchased: '2022-03-01',
      price: 76000,
      site: '交通指挥中心',
      attributes: {
        management_ip: '10.10.1.12',
        bmc_ip: '10.10.9.12',
        os: 'openEuler 22.03',
        cpu_cores: 64,
        memory_gb: 512,
      },
    },
    {
      ref: 'vm1',
      type: 'virtual_machine',
      name: 'vm-信控应用-01',
      attributes: { ip_address: '10.10.2.21', os: '麒麟 V10', vcpus: 16, memory_gb: 64 },
    },
    {
      ref: 'vm2',
      type: 'virtual_machine',
      name: 'vm-信控数据库-01',
      attributes: { ip_address: '10.10.2.31', os: '麒麟 V10', vcpus: 16, memory_gb: 128 },
    },
    {
      ref: 'db',
      type: 'database_instance',
      name: '信控数据库',
      attributes: {
        db_engine: 'dm',
        version: 'DM8',
        instance_name: 'SIGNAL',
        ip_address: '10.10.2.31',
        port: 5236,
      },
    },
    {
      ref: 'mw',
      type: 'middleware_instance',
      name: '信控接入网关',
      attributes: { mw_product: 'nginx', version: '1.24', ip_address: '10.10.2.21', port: 443 },
    },
    {
      ref: 'app',
      type: 'application',
      name: '信号控制系统',
      attributes: { version: 'V5.2', developer: '城交事业部' },
    },
    {
      ref: 'svc',
      type: 'business_service',
      name: '信号控制平台',
      tags: ['核心业务'],
      attributes: { service_level: 'gold', service_hours: '7x24', business_owner: '冯处长' },
    },
  ];
  const relations: [string, RelationType, string][] = [
    ['room', 'located_in', 'hq'],
    ['rackA', 'located_in', 'room'],
    ['core', 'located_in', 'rackA'],
    ['agg', 'located_in', 'rackA'],
    ['fw', 'located_in', 'rackA'],
    ['srv1', 'located_in', 'rackA'],
    ['srv2', 'located_in', 'rackA'],
    ['agg', 'connected_to', 'core'],
    ['srv1', 'connected_to', 'core'],
    ['srv2', 'connected_to', 'core'],
    ['core', 'connected_to', 'fw'],
    ['vm1', 'runs_on', 'srv1'],
    ['vm2', 'runs_on', 'srv2'],
    ['db', 'runs_on', 'vm2'],
    ['mw', 'runs_on', 'vm1'],
    ['app', 'runs_on', 'vm1'],
    ['app', 'depends_on', 'db'],
    ['app', 'depends_on', 'mw'],
    ['svc', 'depends_on', 'app'],
  ];
  INTERSECTIONS.forEach((x, i) => {
    const n = String(i + 1).padStart(3, '0');
    cis.push({
      ref: `sc${i}`,
      type: 'signal_controller',
      name: `信号机-${x}`,
      vendor: i % 3 === 0 ? '易华录' : '海信',
      model: i % 3 === 0 ? 'EHL-TSC-400' : 'HiCon-S7',
      serial: `TSC-2021-${n}`,
      warrantyIn: [15, 25, 50, 70, 85, 120, -30, 400][i],
      purchased: i < 4 ? '2020-09-01' : '2021-09-01',
      price: 45800,
      site: i === 0 ? '中山路-解放路路口' : undefined,
      status: i === 6 ? 'faulty' : 'in_use',
      tags: ['外场'],
      attributes: {
        intersection: x,
        ip_address: `10.20.${i + 1}.10`,
        phase_count: i % 2 ? 8 : 4,
        comm_mode: i % 4 === 3 ? '4g' : 'fiber',
      },
    });
    cis.push({
      ref: `cam${i}`,
      type: 'camera',
      name: `卡口摄像机-${x}`,
      vendor: '海康威视',
      model: 'DS-2CD7A87',
      serial: `HIK-CAM-${n}`,
      warrantyIn: 300 + i * 10,
      purchased: '2022-05-01',
      price: 12800,
      tags: ['外场'],
      attributes: { ip_address: `10.20.${i + 1}.20`, camera_kind: 'checkpoint', intersection: x },
    });
    relations.push(
      [`sc${i}`, 'connected_to', 'agg'],
      [`cam${i}`, 'connected_to', 'agg'],
      [`sc${i}`, 'depends_on', 'svc'],
    );
  });
  return { cis, relations };
}

function hospitalCis(): { cis: DemoCi[]; relations: [string, RelationType, string][] } {
  return {
    cis: [
      {
        ref: 'room',
        type: 'room',
        name: '信息中心机房',
        site: '信息中心机房',
        attributes: { floor: 'B1', area_sqm: 200 },
      },
      {
        ref: 'rack',
        type: 'rack',
        name: 'B03 机柜',
        site: '信息中心机房',
        attributes: { u_height: 42, power_kw: 8 },
      },
      {
        ref: 'his1',
        type: 'physical_server',
        name: 'HIS 数据库服务器-主',
        vendor: '华为',
        model: 'TaiShan 200',
        serial: 'HW-TS200-3301',
        warrantyIn: 28,
        purchased: '2019-11-20',
        price: 158000,
        site: '信息中心机房',
        attributes: { management_ip: '172.16.1.11', os: 'CentOS 7.9', cpu_cores: 96, memory_gb: 768 },
      },
      {
        ref: 'his2',
        type: 'physical_server',
        name: 'HIS 数据库服务器-备',
        vendor: '华为',
        model: 'TaiShan 200',
        serial: 'HW-TS200-3302',
        warrantyIn: 28,
        purchased: '2019-11-20',
        price: 158000,
        site: '信息中心机房',
        attributes: { management_ip: '172.16.1.12', os: 'CentOS 7.9', cpu_cores: 96, memory_gb: 768 },
      },
      {
        ref: 'san',
        type: 'storage_array',
        name: '核心存储',
        vendor: '华为',
        model: 'OceanStor 5310',
        serial: 'HW-OS5310-0042',
        warrantyIn: 62,
        purchased: '2020-04-01',
        price: 420000,
        site: '信息中心机房',
        attributes: { management_ip: '172.16.1.50', capacity_tb: 200, raid_level: 'RAID 6' },
      },
      {
        ref: 'ora',
        type: 'database_instance',
        name: 'HIS 数据库',
        attributes: {
          db_engine: 'oracle',
          version: '19c',
          instance_name: 'HISDB',
          ip_address: '172.16.1.10',
          port: 1521,
        },
      },
      {
        ref: 'his',
        type: 'application',
        name: 'HIS 医院信息系统',
        attributes: { version: '6.0', developer: '卫宁健康' },
      },
      { ref: 'lis', type: 'application', name: 'LIS 检验系统', attributes: { version: '3.2' } },
      {
        ref: 'svc',
        type: 'business_service',
        name: '门诊挂号收费',
        attributes: { service_level: 'gold', service_hours: '7x24', business_owner: '何主任' },
      },
    ],
    relations: [
      ['rack', 'located_in', 'room'],
      ['his1', 'located_in', 'rack'],
      ['his2', 'located_in', 'rack'],
      ['san', 'located_in', 'rack'],
      ['ora', 'runs_on', 'his1'],
      ['ora', 'depends_on', 'san'],
      ['his2', 'backs_up', 'his1'],
      ['his', 'depends_on', 'ora'],
      ['lis', 'depends_on', 'ora'],
      ['svc', 'depends_on', 'his'],
    ],
  };
}

function bankCis(): { cis: DemoCi[]; relations: [string, RelationType, string][] } {
  const cis: DemoCi[] = [
    {
      ref: 'sw',
      type: 'switch',
      name: '营业部接入交换机',
      vendor: '锐捷',
      model: 'RG-S2910',
      serial: 'RJ-2910-7781',
      warrantyIn: 35,
      purchased: '2018-07-01',
      price: 6800,
      site: '营业部',
      attributes: { management_ip: '192.168.100.1', port_count: 24, layer: 'l2' },
    },
  ];
  const relations: [string, RelationType, string][] = [];
  for (let i = 1; i <= 6; i++) {
    cis.push({
      ref: `pc${i}`,
      type: 'pc',
      name: `柜台终端-${String(i).padStart(2, '0')}`,
      vendor: '联想',
      model: 'ThinkCentre M930t',
      serial: `LX-M930-${1000 + i}`,
      warrantyIn: i === 1 ? 12 : i === 2 ? 40 : 500,
      purchased: i <= 2 ? '2019-06-01' : '2023-06-01',
      price: 5200,
      site: '营业部',
      attributes: { ip_address: `192.168.100.${10 + i}`, os: 'Windows 10', user_name: `柜员${i}` },
    });
    relations.push([`pc${i}`, 'connected_to', 'sw']);
  }
  for (let i = 1; i <= 3; i++) {
    cis.push({
      ref: `pr${i}`,
      type: 'printer',
      name: `存折打印机-${i}`,
      vendor: i === 3 ? '得力' : '南天',
      model: i === 3 ? 'DL-630K' : 'PR2E',
      serial: `PRN-${2000 + i}`,
      warrantyIn: i === 1 ? -60 : 75,
      purchased: '2018-07-01',
      price: 3900,
      site: '营业部',
      status: i === 1 ? 'maintenance' : 'in_use',
      attributes: { printer_kind: 'dot_matrix', network_printer: false },
    });
    relations.push([`pr${i}`, 'connected_to', `pc${i}`]);
  }
  return { cis, relations };
}

/**
 * Demo CMDB: the traffic project's 信号控制平台 down to its servers, switches, intersections and
 * room; the hospital's HIS on its database, servers and storage; the bank branch's terminals and
 * printers — with warranties ending in the next weeks, so statistics and impact show something.
 */
export async function seedCmdbDemo(world: DemoWorld): Promise<void> {
  const { tx, now } = world;
  const today = chinaDay(now);
  const who: Who = {
    actorId: world.users.admin ?? null,
    actorName: '系统管理员',
    requestId: 'demo-seed',
    now,
  };
  const types = await typesByKeys(tx, [
    'site',
    'room',
    'rack',
    'switch',
    'firewall',
    'physical_server',
    'virtual_machine',
    'database_instance',
    'middleware_instance',
    'application',
    'business_service',
    'signal_controller',
    'camera',
    'storage_array',
    'pc',
    'printer',
  ]);
  const sets = [
    { project: 'traffic' as const, owner: world.users.engineer, ...trafficCis() },
    { project: 'hospital' as const, owner: world.users.pm, ...hospitalCis() },
    { project: 'bank' as const, owner: world.users.engineer, ...bankCis() },
  ];
  for (const set of sets) {
    const projectId = world.projects[set.project];
    const siteRows = await tx
      .select({ id: sites.id, name: sites.name })
      .from(sites)
      .where(and(eq(sites.customerId, world.customers[set.project])));
    const ids = new Map<string, string>();
    const rows = set.cis.map((c) => {
      const type = types.get(c.type)!;
      const check = checkAttributes(type.attributes, c.attributes ?? {}, 'json');
      if (check.problems.length) throw new Error(`demo CI ${c.name}: ${JSON.stringify(check.problems)}`);
      const id = uuid7();
      ids.set(c.ref, id);
      const row: NewCi = {
        id,
        projectId,
        typeId: type.id,
        typeVersion: type.version,
        name: c.name,
        status: c.status ?? 'in_use',
        ownerId: set.owner ?? null,
        siteId: siteRows.find((s) => s.name === c.site)?.id ?? null,
        tags: c.tags ?? [],
        attributes: check.values,
        vendor: c.vendor ?? null,
        model: c.model ?? null,
        serialNo: c.serial ?? null,
        purchaseDate: c.purchased ?? null,
        price: c.price === undefined ? null : c.price.toFixed(2),
        warrantyEnd: c.warrantyIn === undefined ? null : shiftDay(today, c.warrantyIn),
        createdAt: now,
        updatedAt: now,
        createdBy: who.actorId,
      };
      return { row, uniques: check.uniques };
    });
    await insertCis(tx, who, rows);
    for (const [from, type, to] of set.relations) {
      const id = uuid7();
      await tx.insert(ciRelations).values({
        id,
        projectId,
        fromCiId: ids.get(from)!,
        toCiId: ids.get(to)!,
        type,
        createdAt: now,
        createdBy: who.actorId,
      });
      await relationHistory(tx, who, 'relation_add', id, type, ids.get(from)!, ids.get(to)!);
    }
  }
}
