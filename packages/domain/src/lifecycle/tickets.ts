import type { LifecycleDefinition, LifecycleState, LifecycleTransition } from './types.js';

/**
 * Default lifecycles of the service desk's ticket kinds (服务台: 故障申告 / 服务请求 / 咨询).
 * Data only; `engine.ts` runs them and `validate.ts` checks them.
 *
 * Incident (事件):
 *   new → assigned → in_progress ⇄ pending → resolved → closed, cancelled before resolving;
 *   a group member or agent may take a new ticket straight to in_progress (taking = response);
 *   resolved → in_progress by reopen within the window; resolved → closed by the requester or an
 *   agent (after a return visit), or by the system after `autoCloseAfterDays`.
 */

/** Why a ticket waits. Every reason pauses the SLA; the reason goes to the SLA engine with the pause. */
export const PENDING_REASONS = ['customer', 'vendor', 'change'] as const;
export type PendingReason = (typeof PENDING_REASONS)[number];

/** How an incident was resolved (reported per month; 更换 = hardware replaced). */
export const INCIDENT_RESOLUTION_CODES = [
  'fixed',
  'workaround',
  'replaced',
  'no_fault_found',
  'user_guidance',
  'duplicate',
] as const;

/** How a service request ended. `out_of_scope`: outside the project's contracted services. */
export const SERVICE_REQUEST_RESOLUTION_CODES = ['fulfilled', 'partially_fulfilled', 'out_of_scope'] as const;

/** The two final states every ticket kind ends in (closed, cancelled). */
export const FINAL_STATES: readonly LifecycleState[] = [
  {
    key: 'closed',
    category: 'final',
    pausesSla: false,
    final: true,
    label: { 'zh-CN': '已关闭', en: 'Closed' },
  },
  {
    key: 'cancelled',
    category: 'final',
    pausesSla: false,
    final: true,
    label: { 'zh-CN': '已取消', en: 'Cancelled' },
  },
];

const TICKET_STATES: readonly LifecycleState[] = [
  { key: 'new', category: 'open', pausesSla: false, final: false, label: { 'zh-CN': '新建', en: 'New' } },
  {
    key: 'assigned',
    category: 'open',
    pausesSla: false,
    final: false,
    label: { 'zh-CN': '已分派', en: 'Assigned' },
  },
  {
    key: 'in_progress',
    category: 'in_progress',
    pausesSla: false,
    final: false,
    label: { 'zh-CN': '处理中', en: 'In progress' },
  },
  {
    key: 'pending',
    category: 'pending',
    pausesSla: true,
    final: false,
    label: { 'zh-CN': '挂起', en: 'Pending' },
  },
  {
    key: 'resolved',
    category: 'resolved',
    pausesSla: false,
    final: false,
    label: { 'zh-CN': '已解决', en: 'Resolved' },
  },
  ...FINAL_STATES,
];

const NONE = { requiredFields: [], guards: [], meetsResponse: false, assignsActor: false } as const;

const TICKET_TRANSITIONS: readonly LifecycleTransition[] = [
  {
    ...NONE,
    action: 'assign',
    from: ['new', 'assigned', 'in_progress'],
    to: 'assigned',
    roles: ['agent', 'project_manager', 'group_member', 'assignee'],
    requiredFields: [{ name: 'assigneeId', type: 'id' }],
    label: { 'zh-CN': '分派', en: 'Assign' },
  },
  {
    ...NONE,
    action: 'take',
    from: ['new'],
    to: 'in_progress',
    roles: ['agent', 'group_member'],
    meetsResponse: true,
    assignsActor: true,
    label: { 'zh-CN': '受理', en: 'Take' },
  },
  {
    ...NONE,
    action: 'start',
    from: ['assigned'],
    to: 'in_progress',
    roles: ['assignee'],
    meetsResponse: true,
    label: { 'zh-CN': '开始处理', en: 'Start' },
  },
  {
    ...NONE,
    action: 'pend',
    from: ['in_progress'],
    to: 'pending',
    roles: ['assignee'],
    requiredFields: [{ name: 'pendingReason', type: 'enum', values: PENDING_REASONS }],
    label: { 'zh-CN': '挂起', en: 'Put on hold' },
  },
  {
    ...NONE,
    action: 'resume',
    from: ['pending'],
    to: 'in_progress',
    roles: ['assignee', 'agent', 'system'],
    label: { 'zh-CN': '恢复处理', en: 'Resume' },
  },
  {
    ...NONE,
    action: 'resolve',
    from: ['in_progress', 'pending'],
    to: 'resolved',
    roles: ['assignee', 'agent'],
    requiredFields: [
      { name: 'resolutionCode', type: 'enum', values: INCIDENT_RESOLUTION_CODES },
      { name: 'resolutionText', type: 'text' },
    ],
    label: { 'zh-CN': '解决', en: 'Resolve' },
  },
  {
    ...NONE,
    action: 'reopen',
    from: ['resolved'],
    to: 'in_progress',
    roles: ['requester', 'agent', 'assignee'],
    requiredFields: [{ name: 'reopenReason', type: 'text' }],
    guards: ['withinReopenWindow'],
    label: { 'zh-CN': '重新打开', en: 'Reopen' },
  },
  {
    ...NONE,
    action: 'close',
    from: ['resolved'],
    to: 'closed',
    roles: ['requester', 'agent'],
    label: { 'zh-CN': '关闭', en: 'Close' },
  },
  {
    ...NONE,
    action: 'auto_close',
    from: ['resolved'],
    to: 'closed',
    roles: ['system'],
    guards: ['autoCloseDue'],
    label: { 'zh-CN': '自动关闭', en: 'Close automatically' },
  },
  {
    ...NONE,
    action: 'cancel',
    from: ['new', 'assigned', 'in_progress', 'pending'],
    to: 'cancelled',
    roles: ['requester', 'agent', 'project_manager'],
    requiredFields: [{ name: 'cancelReason', type: 'text' }],
    label: { 'zh-CN': '取消', en: 'Cancel' },
  },
];

/** The default incident (事件 / 故障申告) lifecycle. */
export const INCIDENT_LIFECYCLE: LifecycleDefinition = {
  kind: 'incident',
  initial: 'new',
  states: TICKET_STATES,
  transitions: TICKET_TRANSITIONS,
  reopenWindowDays: 3,
  autoCloseAfterDays: 3,
};

/**
 * The default service request (服务请求) lifecycle: the incident's, with "fulfilled" wording and its
 * own resolution codes. No approval step: the seeds ask for approvals of repair costs and changes,
 * not of service requests; a catalogue item that needs one can get an `approval` state later.
 */
export const SERVICE_REQUEST_LIFECYCLE: LifecycleDefinition = {
  ...INCIDENT_LIFECYCLE,
  kind: 'service_request',
  states: TICKET_STATES.map((s) =>
    s.key === 'resolved' ? { ...s, label: { 'zh-CN': '已完成', en: 'Fulfilled' } } : s,
  ),
  transitions: TICKET_TRANSITIONS.map((t) =>
    t.action === 'resolve'
      ? {
          ...t,
          requiredFields: [
            { name: 'resolutionCode', type: 'enum', values: SERVICE_REQUEST_RESOLUTION_CODES },
            { name: 'resolutionText', type: 'text' },
          ],
          label: { 'zh-CN': '完成', en: 'Fulfil' },
        }
      : t,
  ),
};

/**
 * The default consultation (咨询) lifecycle: new → answered → closed. Answering is the response
 * and makes the answerer the assignee; the requester may ask again (reopen) within the window;
 * the requester may withdraw, or an agent close, an unanswered question.
 */
export const CONSULTATION_LIFECYCLE: LifecycleDefinition = {
  kind: 'consultation',
  initial: 'new',
  states: [
    { key: 'new', category: 'open', pausesSla: false, final: false, label: { 'zh-CN': '新建', en: 'New' } },
    {
      key: 'answered',
      category: 'resolved',
      pausesSla: false,
      final: false,
      label: { 'zh-CN': '已答复', en: 'Answered' },
    },
    {
      key: 'closed',
      category: 'final',
      pausesSla: false,
      final: true,
      label: { 'zh-CN': '已关闭', en: 'Closed' },
    },
  ],
  transitions: [
    {
      ...NONE,
      action: 'answer',
      from: ['new'],
      to: 'answered',
      roles: ['agent', 'group_member', 'assignee'],
      requiredFields: [{ name: 'answerText', type: 'text' }],
      meetsResponse: true,
      assignsActor: true,
      label: { 'zh-CN': '答复', en: 'Answer' },
    },
    {
      ...NONE,
      action: 'reopen',
      from: ['answered'],
      to: 'new',
      roles: ['requester', 'agent'],
      requiredFields: [{ name: 'reopenReason', type: 'text' }],
      guards: ['withinReopenWindow'],
      label: { 'zh-CN': '追问', en: 'Ask again' },
    },
    {
      ...NONE,
      action: 'close',
      from: ['new', 'answered'],
      to: 'closed',
      roles: ['requester', 'agent'],
      label: { 'zh-CN': '关闭', en: 'Close' },
    },
    {
      ...NONE,
      action: 'auto_close',
      from: ['answered'],
      to: 'closed',
      roles: ['system'],
      guards: ['autoCloseDue'],
      label: { 'zh-CN': '自动关闭', en: 'Close automatically' },
    },
  ],
  reopenWindowDays: 3,
  autoCloseAfterDays: 3,
};
