import type { DeskTicketKind } from '@opsdesk/domain';

// The demo's tickets as a story per ticket: raised `ago` hours before the seed, then each step an
// action of a demo user some hours after raising (service-desk.demo.ts plays them through the engine).
type ProjectKey = 'traffic' | 'hospital' | 'bank';

/** A step of a demo ticket's story: an action by a demo user `hours` after it was raised. */
export type Step = [hours: number, user: string, action: string, input?: Record<string, unknown>];
export interface DemoTicket {
  project: ProjectKey;
  kind?: DeskTicketKind;
  title: string;
  description?: string;
  category?: string;
  impact?: number;
  urgency?: number;
  businessStopped?: boolean;
  channel?: 'portal' | 'phone' | 'email' | 'monitoring';
  /** Raised this many hours ago. */
  ago: number;
  steps?: Step[];
  reply?: [hours: number, user: string, text: string, visibility?: 'public' | 'internal'];
  rating?: number;
}

// prettier-ignore
const fix = { resolutionCode: 'fixed', resolutionText: '已处理，业务恢复正常' };
// prettier-ignore
export const TICKETS: DemoTicket[] = [
  { project: 'traffic', title: '中山路-解放路路口信号机黄闪', category: '信号机', impact: 2, urgency: 1, channel: 'phone', ago: 2 },
  { project: 'traffic', title: '指挥中心大屏无信号', category: '终端', ago: 5, steps: [[0.2, 'agent', 'assign', { assigneeId: 'engineer' }]] },
  { project: 'traffic', title: '全市信号控制平台无法登录', description: '系统瘫痪，业务系统不能运转', category: '应用系统', businessStopped: true, channel: 'phone', ago: 13, steps: [[0.1, 'engineer', 'take']] },
  { project: 'traffic', title: '核心交换机端口频繁 up/down', category: '交换机', impact: 2, urgency: 2, channel: 'monitoring', ago: 26, steps: [[0.3, 'engineer', 'take'], [2, 'engineer', 'pend', { pendingReason: 'vendor' }]] },
  { project: 'traffic', title: '外场视频监控断流', category: '网络', ago: 50, steps: [[1, 'engineer', 'take'], [6, 'engineer', 'resolve', fix]] },
  { project: 'traffic', title: 'VPN 账号开通申请', kind: 'service_request', channel: 'portal', ago: 30, steps: [[0.5, 'agent', 'take'], [3, 'agent', 'resolve', { resolutionCode: 'fulfilled', resolutionText: '账号已开通并告知用户' }]] },
  { project: 'traffic', title: '信号配时方案如何调整？', kind: 'consultation', channel: 'portal', ago: 20, steps: [[1, 'lead', 'answer', { answerText: '请在平台“配时方案”菜单中新建方案后提交审批。' }]] },
  { project: 'traffic', title: '机房 UPS 电池告警', category: '服务器', channel: 'monitoring', ago: 120, steps: [[0.5, 'engineer', 'take'], [4, 'engineer', 'resolve', fix], [30, 'requester', 'close']], rating: 5 },
  { project: 'traffic', title: '打印机卡纸', category: '终端', impact: 4, urgency: 4, channel: 'portal', ago: 80, steps: [[1, 'agent', 'cancel', { cancelReason: '用户已自行处理' }]] },
  { project: 'traffic', title: '路口检测器数据异常', category: '信号机', ago: 200, steps: [[1, 'engineer', 'take'], [5, 'engineer', 'resolve', fix], [40, 'requester', 'reopen', { reopenReason: '问题再次出现' }], [46, 'engineer', 'resolve', fix]] },
  { project: 'hospital', title: 'HIS 门诊挂号系统响应缓慢', category: 'HIS', impact: 2, urgency: 2, channel: 'phone', ago: 3 },
  { project: 'hospital', title: 'PACS 影像调阅失败', category: 'PACS', impact: 2, urgency: 1, ago: 8, steps: [[0.5, 'agent', 'take']], reply: [0.6, 'agent', '已远程登录检查存储，请稍候。'] },
  { project: 'hospital', title: 'LIS 检验报告打印乱码', category: '应用系统', ago: 28, steps: [[1, 'agent', 'take'], [2, 'agent', 'pend', { pendingReason: 'customer' }]], reply: [2.1, 'agent', '内部：待科室提供打印机型号', 'internal'] },
  { project: 'hospital', title: '信息中心机房空调告警', category: '服务器', businessStopped: false, channel: 'monitoring', ago: 60, steps: [[0.2, 'agent', 'take'], [3, 'agent', 'resolve', fix], [20, 'hospitalContact', 'close']], rating: 4 },
  { project: 'hospital', title: '新增科室电脑 5 台', kind: 'service_request', category: '终端', ago: 100, steps: [[2, 'agent', 'take']] },
  { project: 'hospital', title: '数据库备份失败', category: '服务器', ago: 40, steps: [[1, 'agent', 'assign', { assigneeId: 'agent' }]] },
  { project: 'hospital', title: '住院收费系统无法结算', description: '系统瘫痪，业务系统不能运转', category: 'HIS', businessStopped: true, channel: 'phone', ago: 1 },
  { project: 'hospital', title: '如何申请 VPN 远程访问？', kind: 'consultation', ago: 6 },
  { project: 'bank', title: '营业部排队机不出号', category: '终端', channel: 'phone', ago: 4 },
  { project: 'bank', title: '柜面 PC 蓝屏', category: '终端', ago: 30, steps: [[1, 'engineer', 'take'], [3, 'engineer', 'resolve', { resolutionCode: 'replaced', resolutionText: '更换内存条' }]] },
  { project: 'bank', title: '网点打印机更换硒鼓', kind: 'service_request', category: '终端', ago: 48, steps: [[2, 'engineer', 'take'], [5, 'engineer', 'resolve', { resolutionCode: 'fulfilled', resolutionText: '已更换' }]] },
  { project: 'bank', title: '网点网络中断', category: '网络', impact: 1, urgency: 1, channel: 'phone', ago: 0.5 },
  { project: 'bank', title: '自助终端读卡器故障', category: '终端', ago: 70, steps: [[3, 'engineer', 'take'], [8, 'engineer', 'resolve', { resolutionCode: 'replaced', resolutionText: '更换读卡器' }]] },
  { project: 'traffic', title: '信号灯全红', category: '信号机', impact: 1, urgency: 2, channel: 'phone', ago: 0.3 },
  { project: 'traffic', title: '申请开通指挥中心访客 Wi-Fi', kind: 'service_request', ago: 10 },
  { project: 'traffic', title: '路由器配置备份', kind: 'service_request', category: '网络', ago: 150, steps: [[1, 'engineer', 'take'], [2, 'engineer', 'resolve', { resolutionCode: 'fulfilled', resolutionText: '已备份至配置库' }], [30, 'requester', 'close']], rating: 5 },
  { project: 'hospital', title: '手术麻醉系统登录慢', category: '应用系统', impact: 2, urgency: 3, ago: 12, steps: [[0.5, 'agent', 'take']] },
  { project: 'hospital', title: '自助挂号机黑屏', category: '终端', ago: 16, steps: [[1, 'agent', 'take'], [4, 'agent', 'resolve', fix]] },
  { project: 'traffic', title: '卡口相机时间不同步', category: '网络', ago: 36, steps: [[0.5, 'engineer', 'take'], [1, 'engineer', 'pend', { pendingReason: 'change' }]] },
  { project: 'hospital', title: '医保接口调用超时', category: 'HIS', impact: 2, urgency: 2, ago: 22, steps: [[1, 'agent', 'take'], [2, 'agent', 'pend', { pendingReason: 'vendor' }], [10, 'agent', 'resume']] },
];
