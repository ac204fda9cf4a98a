import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  DEFAULT_PRIORITY_MATRIX,
  HOURS_5X8,
  calendar5x8,
  calendarWithHolidays,
  clockState,
  crossedThresholds,
  formatTicketNumber,
  instant,
  instantToLocal,
  isWorkingTime,
  DEFAULT_TIME_ZONE,
  priorityFor,
  searchDocument,
  searchTokens,
} from '@opsdesk/domain';
import type { CalendarDefinition, DeskTicketKind, Impact, Urgency } from '@opsdesk/domain';
import type { Db } from '../apps/server/src/db/client.js';
import type { StoredClockEvent, StoredEscalation } from '../apps/server/src/db/schema/index.js';
import { uuid7 } from '../apps/server/src/lib/ids.js';
import { newSecret, sha256 } from '../apps/server/src/lib/secrets.js';
import { CalendarResolver } from '../apps/server/src/modules/calendars/calendar.definition.js';
import {
  ensureHolidayYears,
  packageHolidayYears,
} from '../apps/server/src/modules/calendars/holiday.seed.js';
import { breachInstant, deriveClock, domainClock } from '../apps/server/src/modules/sla/sla.clocks.js';

/**
 * The service desk's benchmark data (issue 4): customers, projects with desks (calendars, SLA
 * policies, categories, groups, routing rules), staff and contacts, then `tickets` tickets created
 * over the past year with Chinese/English fault texts, comments on a fifth of them, and `clocks`
 * running SLA clocks on the open ones — written with COPY (FK triggers off for the loading
 * session, secondary indexes dropped and rebuilt from their own definitions, so the schema ends
 * exactly as migrated). Search tokens come from the real tokeniser (domain/search); the running
 * clocks' due times, fired steps and next checks from the real clock code (sla.clocks.ts
 * `deriveClock` on the real calendars with China's holidays), as they would stand right after a
 * sweep at `lastSweepAt`.
 */

const DAY = 86_400_000;
const MIN = 60_000;

// ── deterministic randomness ──
let seed = 0x5eed_1234;
export function rnd(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
function weighted<T>(xs: readonly (readonly [T, number])[]): T {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [x, w] of xs) if ((r -= w) < 0) return x;
  return xs[xs.length - 1]![0];
}

// ── vocabulary ──
type ProjectType = 'traffic' | 'hospital' | 'bank' | 'government';
const CITIES = [
  '杭州',
  '宁波',
  '温州',
  '绍兴',
  '嘉兴',
  '湖州',
  '金华',
  '台州',
  '丽水',
  '衢州',
  '舟山',
  '义乌',
  '苏州',
  '无锡',
  '合肥',
  '南昌',
  '福州',
  '厦门',
  '济南',
  '青岛',
  '郑州',
  '长沙',
  '武汉',
  '成都',
  '西安',
];
const ROADS = [
  '中山',
  '解放',
  '人民',
  '建设',
  '文化',
  '延安',
  '环城',
  '滨江',
  '湖滨',
  '庆春',
  '凤起',
  '体育场',
  '文三',
  '天目山',
  '莫干山',
];
const SITES: Record<ProjectType, () => string> = {
  traffic: () => `${pick(ROADS)}路-${pick(ROADS)}路路口`,
  hospital: () => pick(['门诊楼', '住院部', '急诊科', '检验科', '放射科', '信息中心', '药房', '手术室']),
  bank: () => pick(['营业部', '城东支行', '城西网点', '自助银行', '数据中心', '柜面']),
  government: () => pick(['政务大厅', '中心机房', '办公楼三层', '会议中心', '档案室', '指挥中心']),
};
/** [title phrase, category key, is network-ish] — the fault vocabulary of the seeds. */
const FAULTS: Record<ProjectType | 'any', [string, string][]> = {
  any: [
    ['服务器宕机', 'host'],
    ['核心交换机网络中断', 'network'],
    ['打印机卡纸', 'terminal'],
    ['数据库连接超时', 'db'],
    ['机房空调告警', 'host'],
    ['UPS电池告警', 'host'],
    ['磁盘空间不足', 'host'],
    ['VPN无法登录', 'network'],
    ['Oracle数据库锁表', 'db'],
    ['光纤中断', 'network'],
    ['应用系统响应缓慢', 'app'],
    ['电脑蓝屏', 'terminal'],
    ['邮件无法发送', 'app'],
    ['Wi-Fi信号弱', 'network'],
    ['备份任务失败', 'host'],
    ['存储阵列告警', 'host'],
    ['虚拟机无法启动', 'host'],
    ['域账号被锁定', 'app'],
    ['网站证书过期', 'app'],
    ['网络中断', 'network'],
  ],
  traffic: [
    ['信号机故障', 'signal'],
    ['信号机黄闪', 'signal'],
    ['路口信号灯全红', 'signal'],
    ['视频监控断流', 'network'],
    ['卡口相机时间不同步', 'network'],
    ['检测器数据异常', 'signal'],
    ['指挥中心大屏无信号', 'terminal'],
  ],
  hospital: [
    ['HIS系统登录失败', 'app'],
    ['PACS影像调阅慢', 'app'],
    ['LIS检验报告打印乱码', 'app'],
    ['医保接口调用超时', 'app'],
    ['自助挂号机黑屏', 'terminal'],
  ],
  bank: [
    ['排队机不出号', 'terminal'],
    ['自助终端读卡器故障', 'terminal'],
    ['柜面PC蓝屏', 'terminal'],
    ['网点网络中断', 'network'],
  ],
  government: [
    ['视频会议系统无法连接', 'app'],
    ['OA系统登录失败', 'app'],
    ['会议室投影仪无信号', 'terminal'],
  ],
};
const REQUESTS = [
  'VPN账号开通申请',
  '新增科室电脑5台',
  '申请开通访客Wi-Fi',
  '网点打印机更换硒鼓',
  '路由器配置备份',
  '申请邮箱扩容',
  '软件安装申请',
  '防火墙策略开通',
];
const QUESTIONS = [
  '信号配时方案如何调整？',
  '如何申请VPN远程访问？',
  '打印机驱动在哪里下载？',
  '密码忘记了怎么办？',
];
const PRODUCTS = [
  'Cisco C9300',
  'Huawei S5735',
  'H3C S6520',
  'HP LaserJet M404',
  'Dell R740',
  'Oracle 19c',
  'MySQL 8.0',
  'Nginx 1.24',
  'Windows 10',
  'VMware ESXi 7',
  '海康威视 DS-2CD',
  '浪潮 NF5280',
];
const ENGLISH = [
  'server down',
  'printer jam',
  'disk full',
  'timeout on switch port',
  'link down',
  'high CPU load',
  'certificate expired',
  'connection refused',
];
const SYMPTOMS = [
  '影响业务办理',
  '用户无法正常使用',
  '多名用户反映',
  '告警持续出现',
  '已尝试重启无效',
  '现场人员已确认',
  '间歇性出现',
  '上午开始出现',
];
const REPLIES = [
  '已远程登录检查，正在处理。',
  '工程师已出发前往现场。',
  '已更换配件，请确认是否恢复。',
  '复测后问题未再出现，请观察。',
  '等待厂商提供备件，预计明天到货。',
  '已重启服务，业务恢复正常。',
  '请提供设备型号和故障截图。',
  'Restarted the service, please verify.',
  '已联系运营商排查线路。',
  '配置已回滚到上一版本。',
];
const INTERNAL = [
  '内部：怀疑是交换机端口故障，需要备件',
  '内部：客户多次报修同类问题，建议做问题管理',
  '内部：已通知厂商二线支持',
  '内部：timeout 出现在数据库连接池',
];
const SURNAMES =
  '王李张刘陈杨黄赵周吴徐孙马胡朱郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈'.split(
    '',
  );
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲建国志红梅林波宁斌浩凯'.split('');
const personName = () => pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.6 ? pick(GIVEN) : '');
const ip = () => `10.${int(250)}.${int(250)}.${1 + int(250)}`;

// ── the world ──
export interface ProjectInfo {
  id: string;
  code: string;
  type: ProjectType;
  customerId: string;
  calendarId: string;
  policyId: string;
  targets: Record<string, { response: number; resolution: number }>;
  categories: Record<string, string>; // category key → id
  groups: { first: string; network: string };
  pm: string;
  agents: string[];
  engineers: string[];
  contacts: string[];
}

export interface BenchWorld {
  /** The instant the data stands at: the last ticket was raised before it. */
  now: Date;
  /** The data's SLA clocks are as right after a sweep at this instant. */
  lastSweepAt: Date;
  projects: ProjectInfo[];
  admin: { id: string };
  /** A service-desk agent in four projects, with a personal API token and a browser session. */
  agent: { id: string; token: string; cookie: string; projectIds: string[] };
  /** A customer contact of the first customer (two projects), with a browser session. */
  contact: { id: string; customerId: string; cookie: string };
  counts: {
    tickets: number;
    comments: number;
    liveTickets: number;
    clocks: number;
    runningClocks: number;
    events: number;
  };
  generationMs: number;
}

const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const WEEKLY_7X24 = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), ALL_DAY]));
const WEEKLY_5X8 = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), d <= 5 ? HOURS_5X8.map((r) => ({ ...r })) : []]),
);
const ESCALATIONS: StoredEscalation[] = [50, 80, 100].map((threshold) => ({
  threshold,
  notify: ['assignee', 'group_lead', 'project_manager'],
}));
const TARGETS: Record<ProjectType, Record<string, { response: number; resolution: number }>> = {
  traffic: {
    1: { response: 15, resolution: 240 },
    2: { response: 30, resolution: 480 },
    3: { response: 60, resolution: 1440 },
    4: { response: 240, resolution: 4320 },
  },
  hospital: {
    1: { response: 30, resolution: 480 },
    2: { response: 60, resolution: 960 },
    3: { response: 120, resolution: 1920 },
    4: { response: 480, resolution: 4800 },
  },
  bank: {
    1: { response: 30, resolution: 480 },
    2: { response: 60, resolution: 960 },
    3: { response: 240, resolution: 2400 },
    4: { response: 480, resolution: 4800 },
  },
  government: {
    1: { response: 30, resolution: 480 },
    2: { response: 60, resolution: 960 },
    3: { response: 120, resolution: 2400 },
    4: { response: 480, resolution: 4800 },
  },
};
const CATEGORY_TREE: [key: string, name: string, parent: string | null][] = [
  ['network', '网络', null],
  ['switch', '交换机', 'network'],
  ['fiber', '光纤线路', 'network'],
  ['host', '主机存储', null],
  ['server', '服务器', 'host'],
  ['db', '数据库中间件', null],
  ['app', '应用系统', null],
  ['terminal', '终端', null],
  ['printer', '打印机', 'terminal'],
  ['signal', '信号机', null],
];

/**
 * The latest 10:30 in Shanghai on a working day (China's holidays and make-up days, as the 5×8
 * calendars follow them) at or before `real`: SLA clocks of every calendar are ticking then, so the
 * sweep sees a busy minute whenever the benchmark runs (at 3 a.m. or on a Sunday it would see few).
 */
export function busyInstant(real: Date): Date {
  const def = calendarWithHolidays(calendar5x8(), packageHolidayYears());
  const local = new Date(real.getTime() + 8 * 3_600_000);
  let t = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 2, 30);
  if (t > real.getTime()) t -= DAY;
  while (!isWorkingTime(def, instant(t))) t -= DAY;
  return new Date(t);
}

/** COPY text format: one value. */
function cv(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
const line = (vals: unknown[]) => `${vals.map(cv).join('\t')}\n`;

async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: string[],
  rows: Iterable<string>,
): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  async function* chunks() {
    let buf = '';
    for (const r of rows) {
      buf += r;
      if (buf.length > 1 << 20) {
        yield buf;
        buf = '';
      }
    }
    if (buf) yield buf;
  }
  await pipeline(Readable.from(chunks()), stream);
}

/** Drops a table's secondary indexes (not those of constraints); returns their definitions. */
async function dropIndexes(client: pg.ClientBase, table: string): Promise<string[]> {
  const r = await client.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relname = $1 AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
    [table],
  );
  for (const { name } of r.rows) await client.query(`DROP INDEX ${name}`);
  return r.rows.map((x) => x.def);
}

interface Ticket {
  id: string;
  at: number; // created, epoch ms
  p: number; // project index
  kind: DeskTicketKind;
  state: string;
  cat: 'open' | 'in_progress' | 'pending' | 'resolved' | 'final';
  priority: number;
  assignee: string | null;
  updated: number;
  respondedAt: number | null;
  pendingAt: number | null;
}

export async function generate(
  db: Db,
  url: string,
  sizes: { tickets: number; runningClocks: number; projects: number },
  log: (m: string) => void,
): Promise<BenchWorld> {
  const t0 = performance.now();
  // Sessions and tokens are made now; the tickets and clocks stand at a busy minute of the desk.
  const realNow = new Date();
  const now = busyInstant(realNow);
  const lastSweepAt = new Date(now.getTime() - 2 * MIN);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = (text: string, params: unknown[] = []) => client.query(text, params);
    await q(`SET session_replication_role = replica`); // no FK triggers while loading consistent data
    await q(`SET maintenance_work_mem = '1GB'`);
    await ensureHolidayYears(db, now, true);

    // ── people and desks ──
    const customers: string[] = [];
    const nCustomers = Math.max(1, Math.ceil(sizes.projects / 2));
    const rows: string[] = [];
    for (let c = 0; c < nCustomers; c++) {
      const id = uuid7();
      customers.push(id);
      rows.push(
        line([
          id,
          `C${String(c).padStart(3, '0')}`,
          `${CITIES[c % CITIES.length]}${['交通管理局', '人民医院', '农商银行', '政务服务中心'][c % 4]}${c >= CITIES.length ? c : ''}`,
          now,
          now,
        ]),
      );
    }
    await copyRows(client, 'customers', ['id', 'code', 'name', 'created_at', 'updated_at'], rows);

    const userRows: string[] = [];
    const user = (kind: string, username: string, customerId: string | null, roles = '{}') => {
      const id = uuid7();
      userRows.push(
        line([
          id,
          kind,
          username,
          personName(),
          `${username}@example.cn`,
          customerId,
          roles,
          'zh-CN',
          now,
          now,
        ]),
      );
      return id;
    };
    const adminId = user('staff', 'bench-admin', null, '{admin}');
    const agentId = user('staff', 'bench-agent', null);
    const projects: ProjectInfo[] = [];
    const memberRows: string[] = [];
    const teamRows: string[] = [];
    const teamMemberRows: string[] = [];
    const calendarRows: string[] = [];
    const settingsRows: string[] = [];
    const categoryRows: string[] = [];
    const ruleRows: string[] = [];
    const policyRows: string[] = [];
    const globalCal = uuid7();
    calendarRows.push(line([globalCal, null, '7×24 全天候', 'Asia/Shanghai', WEEKLY_7X24, false, now, now]));
    const contactsOf = new Map<string, string[]>();
    for (const cid of customers) {
      const list: string[] = [];
      for (let k = 0; k < 20; k++)
        list.push(user('customer_contact', `bench-c${customers.indexOf(cid)}-${k}`, cid));
      contactsOf.set(cid, list);
    }
    const types: ProjectType[] = ['traffic', 'hospital', 'bank', 'government'];
    for (let p = 0; p < sizes.projects; p++) {
      const id = uuid7();
      const type = types[Math.floor(p / 2) % 4]!;
      const customerId = customers[Math.floor(p / 2) % nCustomers]!;
      const code = `BENCH-${String(p).padStart(2, '0')}`;
      const pm = user('staff', `bench-pm-${p}`, null);
      const agents = [user('staff', `bench-agent-${p}-a`, null), user('staff', `bench-agent-${p}-b`, null)];
      const engineers = Array.from({ length: 6 }, (_, k) => user('staff', `bench-eng-${p}-${k}`, null));
      if (p < 4) agents.push(agentId);
      for (const [u, role] of [
        [pm, 'project_manager'],
        ...agents.map((a) => [a, 'service_desk_agent']),
        ...engineers.map((e) => [e, 'engineer']),
      ] as [string, string][])
        memberRows.push(line([uuid7(), id, u, role, now]));
      const groups = { first: uuid7(), network: uuid7() };
      teamRows.push(line([groups.first, `${code} 一线支持组`, agents[0], now, now]));
      teamRows.push(line([groups.network, `${code} 网络组`, engineers[0], now, now]));
      for (const u of [...agents]) teamMemberRows.push(line([groups.first, u]));
      for (const u of engineers) teamMemberRows.push(line([groups.network, u]));
      // Traffic control runs 7×24 (the global calendar); the others are served 5×8 with China's holidays.
      let calendarId = globalCal;
      if (type !== 'traffic') {
        calendarId = uuid7();
        calendarRows.push(
          line([calendarId, id, '驻场 5×8（午休 12:00–13:00）', 'Asia/Shanghai', WEEKLY_5X8, true, now, now]),
        );
      }
      settingsRows.push(
        line([
          id,
          { cells: DEFAULT_PRIORITY_MATRIX.cells.map((r) => [...r]), businessStoppedPriority: 1 },
          calendarId,
          now,
        ]),
      );
      const categories: Record<string, string> = {};
      CATEGORY_TREE.forEach(([key, name, parent], i) => {
        if (key === 'signal' && type !== 'traffic') return;
        categories[key] = uuid7();
        categoryRows.push(line([categories[key], id, parent ? categories[parent] : null, name, i, now, now]));
      });
      ruleRows.push(
        line([
          uuid7(),
          id,
          '网络类',
          10,
          '{}',
          null,
          '{}',
          '{网络,交换机,光纤,断流,Wi-Fi,VPN}',
          groups.network,
          now,
          now,
        ]),
      );
      ruleRows.push(line([uuid7(), id, '其余进一线', 100, '{}', null, '{}', '{}', groups.first, now, now]));
      const policyId = uuid7();
      policyRows.push(line([policyId, id, '标准 SLA', calendarId, TARGETS[type], ESCALATIONS, now, now]));
      projects.push({
        id,
        code,
        type,
        customerId,
        calendarId,
        policyId,
        targets: TARGETS[type],
        categories,
        groups,
        pm,
        agents,
        engineers,
        contacts: contactsOf.get(customerId)!,
      });
    }
    await copyRows(
      client,
      'users',
      [
        'id',
        'kind',
        'username',
        'display_name',
        'email',
        'customer_id',
        'global_roles',
        'locale',
        'created_at',
        'updated_at',
      ],
      userRows,
    );
    await copyRows(
      client,
      'projects',
      ['id', 'code', 'name', 'customer_id', 'status', 'created_at', 'updated_at'],
      projects.map((p, i) =>
        line([
          p.id,
          p.code,
          `${CITIES[i % CITIES.length]}${{ traffic: '交通信号运维项目', hospital: '医院信息系统运维项目', bank: '银行网点运维项目', government: '政务云运维项目' }[p.type]}${i >= CITIES.length ? i : ''}`,
          p.customerId,
          'active',
          now,
          now,
        ]),
      ),
    );
    await copyRows(
      client,
      'project_members',
      ['id', 'project_id', 'user_id', 'role', 'created_at'],
      memberRows,
    );
    await copyRows(client, 'teams', ['id', 'name', 'lead_user_id', 'created_at', 'updated_at'], teamRows);
    await copyRows(client, 'team_members', ['team_id', 'user_id'], teamMemberRows);
    await copyRows(
      client,
      'calendars',
      [
        'id',
        'project_id',
        'name',
        'time_zone',
        'weekly',
        'follows_china_holidays',
        'created_at',
        'updated_at',
      ],
      calendarRows,
    );
    await copyRows(
      client,
      'service_desk_settings',
      ['project_id', 'priority_matrix', 'service_calendar_id', 'updated_at'],
      settingsRows,
    );
    await copyRows(
      client,
      'ticket_categories',
      ['id', 'project_id', 'parent_id', 'name', 'position', 'created_at', 'updated_at'],
      categoryRows,
    );
    await copyRows(
      client,
      'routing_rules',
      [
        'id',
        'project_id',
        'name',
        'position',
        'kinds',
        'category_id',
        'channels',
        'keywords',
        'group_id',
        'created_at',
        'updated_at',
      ],
      ruleRows,
    );
    await copyRows(
      client,
      'sla_policies',
      ['id', 'project_id', 'name', 'calendar_id', 'targets', 'escalations', 'created_at', 'updated_at'],
      policyRows,
    );

    const token = `odt_${newSecret()}`;
    await q(
      `INSERT INTO api_tokens (id, user_id, name, prefix, token_hash, created_at) VALUES ($1, $2, 'bench', $3, $4, $5)`,
      [uuid7(), agentId, token.slice(0, 12), sha256(token), realNow],
    );
    const session = async (userId: string) => {
      const cookie = newSecret();
      await q(
        `INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)`,
        [sha256(cookie), userId, newSecret(), realNow],
      );
      return cookie;
    };
    const world: BenchWorld = {
      now,
      lastSweepAt,
      projects,
      admin: { id: adminId },
      agent: {
        id: agentId,
        token,
        cookie: await session(agentId),
        projectIds: projects.slice(0, 4).map((p) => p.id),
      },
      contact: {
        id: projects[0]!.contacts[0]!,
        customerId: projects[0]!.customerId,
        cookie: await session(projects[0]!.contacts[0]!),
      },
      counts: { tickets: 0, comments: 0, liveTickets: 0, clocks: 0, runningClocks: 0, events: 0 },
      generationMs: 0,
    };

    // ── when tickets were raised: over the past year, more in office hours and on workdays ──
    const N = sizes.tickets;
    const end = lastSweepAt.getTime() - 1000;
    const start = end - 365 * DAY;
    const times = new Float64Array(N);
    for (let i = 0; i < N;) {
      const t = start + rnd() * (end - start);
      const local = new Date(t + 8 * 3_600_000);
      const h = local.getUTCHours();
      const wd = local.getUTCDay();
      const w = (h >= 8 && h < 19 ? 1 : 0.25) * (wd === 0 || wd === 6 ? 0.5 : 1);
      if (rnd() < w) times[i++] = t;
    }
    times.sort();
    // Projects differ in size (the first, the agent's, are the largest).
    const cum: number[] = [];
    let acc = 0;
    for (let p = 0; p < sizes.projects; p++) cum.push((acc += 1 / (1 + p / 8)));
    const projectOf = () => {
      const r = rnd() * acc;
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid]! > r) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };

    // ── which are still open: weighted towards the recent, a tail up to 90 days old ──
    // Running clocks per open ticket: new/assigned 2 (response and resolution), in progress 1, pending 0.
    const live = Math.round(sizes.runningClocks / 1.25);
    const n2 = Math.round(live * 0.4);
    const n1 = Math.min(live - n2, sizes.runningClocks - 2 * n2);
    const candidates: { i: number; key: number }[] = [];
    for (let i = N - 1; i >= 0 && end - times[i]! < 90 * DAY; i--) {
      const w = Math.exp(-(end - times[i]!) / (12 * DAY));
      candidates.push({ i, key: -Math.log(1 - rnd()) / w });
    }
    if (candidates.length < live)
      throw new Error(`too few recent tickets (${candidates.length}) for ${live} open ones`);
    candidates.sort((a, b) => a.key - b.key);
    const liveState = new Map<number, 'new2' | 'ip' | 'pending'>();
    const chosen = candidates.slice(0, live).map((c) => c.i);
    for (let k = chosen.length - 1; k > 0; k--) {
      const j = int(k + 1);
      [chosen[k], chosen[j]] = [chosen[j]!, chosen[k]!];
    }
    chosen.forEach((i, k) => liveState.set(i, k < n2 ? 'new2' : k < n2 + n1 ? 'ip' : 'pending'));
    candidates.length = 0;

    // ── tickets ──
    const resolver = new CalendarResolver(db, now);
    const defs = new Map<string, CalendarDefinition>();
    for (const p of projects)
      if (!defs.has(p.calendarId)) defs.set(p.calendarId, await resolver.definition(p.calendarId));
    const counters = new Map<string, number>();
    const tickets: Ticket[] = new Array(N);
    const clockRows: string[] = [];
    let running = 0;
    const ticketCols = [
      'id',
      'number',
      'kind',
      'project_id',
      'requester_id',
      'channel',
      'category_id',
      'impact',
      'urgency',
      'priority',
      'business_stopped',
      'title',
      'description',
      'state',
      'state_category',
      'pending_reason',
      'group_id',
      'assignee_id',
      'resolution_code',
      'resolution_text',
      'responded_at',
      'resolved_at',
      'closed_at',
      'sla_due_at',
      'sla_breached',
      'emergency_check_at',
      'satisfaction_rating',
      'rated_at',
      'search_tokens',
      'created_by',
      'created_at',
      'updated_at',
    ];
    const clockCols = [
      'id',
      'ticket_id',
      'project_id',
      'metric',
      'policy_id',
      'calendar_id',
      'target_minutes',
      'escalations',
      'fired_thresholds',
      'events',
      'state',
      'stopped',
      'due_at',
      'breached_at',
      'next_check_at',
      'updated_at',
    ];
    const L = lastSweepAt.getTime();
    const ticketRows = function* () {
      for (let i = 0; i < N; i++) {
        const at = Math.floor(times[i]!);
        const pi = projectOf();
        const p = projects[pi]!;
        const ls = liveState.get(i);
        const kind: DeskTicketKind = ls
          ? rnd() < 0.8
            ? 'incident'
            : 'service_request'
          : weighted([
              ['incident', 70],
              ['service_request', 20],
              ['consultation', 10],
            ] as const);
        const year = Number(instantToLocal(DEFAULT_TIME_ZONE, instant(at)).date.slice(0, 4));
        const ck = `${kind}:${year}`;
        const seq = (counters.get(ck) ?? 0) + 1;
        counters.set(ck, seq);
        const number = formatTicketNumber(kind, year, seq);
        let title: string;
        let description: string;
        let catKey: string | null;
        if (kind === 'incident') {
          const [fault, ck2] =
            rnd() < 0.6 ? pick(FAULTS[p.type]!.concat(FAULTS.any.slice(0, 6))) : pick(FAULTS.any);
          title = rnd() < 0.5 ? `${SITES[p.type]()}${fault}` : fault;
          catKey = p.categories[ck2] ? ck2 : null;
          const parts = [`${pick(SYMPTOMS)}，${fault}`];
          if (rnd() < 0.5) parts.push(`设备 ${pick(PRODUCTS)}，IP ${ip()}`);
          if (rnd() < 0.25) parts.push(`Monitoring alert: ${pick(ENGLISH)} on ${ip()}`);
          if (rnd() < 0.3) parts.push(`${pick(SYMPTOMS)}，疑似${pick(FAULTS.any)[0]}`);
          description = parts.join('。') + '。';
        } else if (kind === 'service_request') {
          title = pick(REQUESTS);
          catKey = rnd() < 0.5 ? 'terminal' : 'app';
          description = `${SITES[p.type]()}申请：${title}，联系人${personName()}。`;
        } else {
          title = pick(QUESTIONS);
          catKey = null;
          description = rnd() < 0.5 ? `${pick(SYMPTOMS)}。` : '';
        }
        if (rnd() < 0.3) catKey = null;
        const categoryId = catKey ? (p.categories[catKey] ?? null) : null;
        const impact = weighted([
          [1, 3],
          [2, 12],
          [3, 55],
          [4, 30],
        ] as const) as Impact;
        const urgency = weighted([
          [1, 5],
          [2, 20],
          [3, 50],
          [4, 25],
        ] as const) as Urgency;
        const businessStopped = kind === 'incident' && rnd() < 0.01;
        const priority = priorityFor(DEFAULT_PRIORITY_MATRIX, impact, urgency, { businessStopped });
        const channel = weighted([
          ['phone', 40],
          ['portal', 30],
          ['email', 10],
          ['monitoring', 15],
          ['api', 5],
        ] as const);
        const requester = channel === 'monitoring' && rnd() < 0.7 ? null : pick(p.contacts);
        const createdBy = channel === 'portal' && requester ? requester : pick(p.agents);
        const groupId = /网络|交换机|光纤|断流|Wi-Fi|VPN/.test(title + description)
          ? p.groups.network
          : p.groups.first;
        const assignable = [...p.agents, ...p.engineers];
        const age = end - at;
        let state: string;
        let cat: Ticket['cat'];
        let assignee: string | null = pick(assignable);
        let respondedAt: number | null = at + (2 + int(90)) * MIN;
        let resolvedAt: number | null = null;
        let closedAt: number | null = null;
        let pendingAt: number | null = null;
        let pendingReason: string | null = null;
        let resolution: [string, string] | null = null;
        if (ls === 'new2') {
          const assigned = rnd() < 0.5;
          state = assigned ? 'assigned' : 'new';
          cat = 'open';
          if (!assigned) assignee = null;
          respondedAt = null;
        } else if (ls === 'ip') {
          state = 'in_progress';
          cat = 'in_progress';
          respondedAt = Math.max(at, Math.min(respondedAt, L - 1000));
        } else if (ls === 'pending') {
          state = 'pending';
          cat = 'pending';
          respondedAt = Math.max(at, Math.min(respondedAt, L - 1000));
          pendingAt = Math.max(respondedAt, Math.min(respondedAt + (5 + int(600)) * MIN, L - 1000));
          pendingReason = pick(['customer', 'vendor', 'change']);
        } else {
          const dur = (30 + int(3 * 24 * 60)) * MIN;
          resolvedAt = Math.min(at + dur, end);
          respondedAt = Math.min(respondedAt, resolvedAt);
          const cancelled = rnd() < 0.04;
          if (cancelled) {
            state = 'cancelled';
            cat = 'final';
            closedAt = resolvedAt;
            resolvedAt = null;
            respondedAt = null;
          } else if (kind === 'consultation') {
            state = age > 7 * DAY ? 'closed' : 'answered';
            cat = state === 'closed' ? 'final' : 'resolved';
            closedAt = state === 'closed' ? resolvedAt + 3 * DAY : null;
            resolution = ['answered', '已答复'];
          } else {
            const closeAt = resolvedAt + (rnd() < 0.4 ? int(3 * DAY) : 3 * DAY);
            state = closeAt <= end ? 'closed' : 'resolved';
            cat = state === 'closed' ? 'final' : 'resolved';
            closedAt = state === 'closed' ? closeAt : null;
            resolution =
              kind === 'incident'
                ? [
                    pick(['fixed', 'fixed', 'fixed', 'workaround', 'replaced', 'no_fault_found']),
                    pick(['已处理，业务恢复正常', '更换硬件后恢复', '重启后恢复', '远程指导用户处理']),
                  ]
                : ['fulfilled', '已按申请处理完成'];
          }
        }
        const updated = Math.max(at, respondedAt ?? 0, resolvedAt ?? 0, closedAt ?? 0, pendingAt ?? 0);
        const id = uuid7(at);
        tickets[i] = { id, at, p: pi, kind, state, cat, priority, assignee, updated, respondedAt, pendingAt };

        // SLA: the open tickets' clocks, derived by the real clock code as after a sweep at L.
        let slaDueAt: number | null = null;
        let slaBreached = false;
        if (ls) {
          const def = defs.get(p.calendarId)!;
          for (const metric of ['response', 'resolution'] as const) {
            const events: StoredClockEvent[] = [{ type: 'start', at }];
            if (metric === 'response' && respondedAt !== null) events.push({ type: 'stop', at: respondedAt });
            if (metric === 'resolution' && pendingAt !== null)
              events.push({ type: 'pause', at: pendingAt, reason: pendingReason! });
            const base = {
              targetMinutes: p.targets[String(priority)]![metric],
              events,
              escalations: ESCALATIONS,
            };
            const clock = domainClock(base);
            const st = clockState(clock, def, instant(L));
            const fired = crossedThresholds(clock, def, instant(L), [50, 80, 100]);
            const breachedAt =
              st.state === 'breached' && st.dueAt !== null ? new Date(breachInstant(def, st.dueAt)) : null;
            const d = deriveClock({ ...base, firedThresholds: fired, breachedAt }, def, lastSweepAt);
            if (d.status.phase === 'running') running++;
            if (
              !d.stopped &&
              d.state === 'running' &&
              d.dueAt &&
              (slaDueAt === null || d.dueAt.getTime() < slaDueAt)
            )
              slaDueAt = d.dueAt.getTime();
            if (d.state === 'breached' || breachedAt) slaBreached = true;
            clockRows.push(
              line([
                uuid7(at),
                id,
                p.id,
                metric,
                p.policyId,
                p.calendarId,
                base.targetMinutes,
                ESCALATIONS,
                `{${fired.join(',')}}`,
                events,
                d.state,
                d.stopped,
                d.dueAt,
                breachedAt,
                d.nextCheckAt,
                new Date(Math.max(at, L - int(600) * MIN)),
              ]),
            );
          }
        } else {
          slaBreached = rnd() < 0.08;
        }
        const rated = state === 'closed' && rnd() < 0.3;
        yield line([
          id,
          number,
          kind,
          p.id,
          requester,
          channel,
          categoryId,
          impact,
          urgency,
          priority,
          businessStopped,
          title,
          description,
          state,
          cat,
          pendingReason,
          groupId,
          assignee,
          resolution?.[0] ?? null,
          resolution?.[1] ?? null,
          respondedAt && new Date(respondedAt),
          resolvedAt && new Date(resolvedAt),
          closedAt && new Date(closedAt),
          slaDueAt && new Date(slaDueAt),
          slaBreached,
          businessStopped && ls && at + 12 * 3_600_000 > L ? new Date(at + 12 * 3_600_000) : null,
          rated ? 4 + int(2) : null,
          rated ? new Date(closedAt!) : null,
          searchDocument([number, title, description]),
          createdBy,
          new Date(at),
          new Date(updated),
        ]);
        if (i % 100_000 === 99_999)
          log(`tickets: ${i + 1} generated (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      }
    };
    const ticketIndexes = await dropIndexes(client, 'tickets');
    await copyRows(client, 'tickets', ticketCols, ticketRows());
    log(`tickets: ${N} copied (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    for (const [k, v] of counters) {
      const [kind, year] = k.split(':');
      await q(`INSERT INTO ticket_counters (kind, year, last_value) VALUES ($1, $2, $3)`, [
        kind,
        Number(year),
        v,
      ]);
    }

    // ── clocks: the open tickets' (computed above), and the stopped ones of the others (made in SQL:
    // approximate due times; they never reach the sweep, whose partial index holds only clocks to check) ──
    const clockIndexes = await dropIndexes(client, 'sla_clocks');
    await copyRows(client, 'sla_clocks', clockCols, clockRows);
    const liveClocks = clockRows.length;
    clockRows.length = 0;
    const stopped = await q(`
      INSERT INTO sla_clocks (id, ticket_id, project_id, metric, policy_id, calendar_id, target_minutes, escalations, fired_thresholds, events, state, stopped, due_at, breached_at, next_check_at, updated_at)
      SELECT gen_random_uuid(), t.id, t.project_id, m.metric, p.id, p.calendar_id,
             (p.targets -> t.priority::text ->> m.metric)::int, p.escalations, '{50,80}',
             jsonb_build_array(jsonb_build_object('type', 'start', 'at', (extract(epoch FROM t.created_at) * 1000)::bigint),
                               jsonb_build_object('type', 'stop', 'at', (extract(epoch FROM COALESCE(CASE WHEN m.metric = 'response' THEN t.responded_at END, t.resolved_at, t.closed_at, t.updated_at)) * 1000)::bigint)),
             CASE WHEN t.sla_breached AND m.metric = 'resolution' THEN 'breached' ELSE 'met' END, true,
             t.created_at + make_interval(mins => (p.targets -> t.priority::text ->> m.metric)::int),
             CASE WHEN t.sla_breached AND m.metric = 'resolution' THEN t.created_at + make_interval(mins => (p.targets -> t.priority::text ->> m.metric)::int + 1) END,
             NULL, t.updated_at
        FROM tickets t JOIN sla_policies p ON p.project_id = t.project_id
        CROSS JOIN (VALUES ('response'), ('resolution')) AS m (metric)
       WHERE t.state_category IN ('resolved', 'final')`);
    log(
      `sla_clocks: ${liveClocks} open (${running} running) + ${stopped.rowCount} stopped (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
    );

    // ── comments on a fifth of the tickets ──
    const commentIndexes = await dropIndexes(client, 'ticket_comments');
    let comments = 0;
    const commentRows = function* () {
      for (let i = 0; i < N; i++) {
        if (rnd() >= 0.2) continue;
        const t = tickets[i]!;
        const p = projects[t.p]!;
        const k = 1 + int(2) + (rnd() < 0.2 ? 1 : 0);
        for (let c = 0; c < k; c++) {
          const internal = rnd() < 0.3;
          let body = internal ? pick(INTERNAL) : pick(REPLIES);
          if (rnd() < 0.3) body += ` ${pick(FAULTS.any)[0]}问题${pick(['已复现', '未再出现', '待观察'])}。`;
          const at = Math.min(t.at + (c + 1) * (5 + int(240)) * MIN, Math.max(t.updated, t.at), L - MIN);
          comments++;
          yield line([
            uuid7(at),
            t.id,
            t.assignee ?? pick(p.agents),
            internal ? 'internal' : 'public',
            body,
            internal ? null : int(4) ? null : 10 + int(120),
            searchTokens(body),
            new Date(at),
          ]);
        }
      }
    };
    await copyRows(
      client,
      'ticket_comments',
      [
        'id',
        'ticket_id',
        'author_id',
        'visibility',
        'body',
        'time_spent_minutes',
        'search_tokens',
        'created_at',
      ],
      commentRows(),
    );
    log(`ticket_comments: ${comments} copied (${((performance.now() - t0) / 1000).toFixed(0)} s)`);

    // ── history: each ticket's `created` entry ──
    const eventIndexes = await dropIndexes(client, 'ticket_events');
    const ev =
      await q(`INSERT INTO ticket_events (id, ticket_id, at, actor_id, actor_name, type, visibility, data)
      SELECT gen_random_uuid(), t.id, t.created_at, t.created_by, '基准', 'created', 'public',
             jsonb_build_object('number', t.number, 'kind', t.kind, 'priority', t.priority, 'channel', t.channel, 'groupId', t.group_id)
        FROM tickets t`);

    // ── rebuild the indexes from their own definitions, then statistics ──
    for (const def of [...ticketIndexes, ...clockIndexes, ...commentIndexes, ...eventIndexes]) {
      const i0 = performance.now();
      await q(def);
      log(
        `  ${def.replace(/ USING .*/, '').replace('CREATE INDEX ', '')} ${((performance.now() - i0) / 1000).toFixed(1)} s`,
      );
    }
    await q(`RESET session_replication_role`);
    for (const tbl of [
      'tickets',
      'sla_clocks',
      'ticket_comments',
      'ticket_events',
      'users',
      'projects',
      'project_members',
      'teams',
      'team_members',
    ])
      await q(`VACUUM ANALYZE ${tbl}`);
    log(`indexes rebuilt, vacuumed and analysed (${((performance.now() - t0) / 1000).toFixed(0)} s)`);

    world.counts = {
      tickets: N,
      comments,
      liveTickets: live,
      clocks: liveClocks + (stopped.rowCount ?? 0),
      runningClocks: running,
      events: ev.rowCount ?? 0,
    };
    world.generationMs = performance.now() - t0;
    return world;
  } finally {
    await client.end();
  }
}
