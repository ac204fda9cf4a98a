import { FINAL_STATES } from './tickets.js';
import type { LifecycleDefinition, LifecycleTransition } from './types.js';

const NONE = { requiredFields: [], guards: [], meetsResponse: false, assignsActor: false } as const;

const TRANSITIONS: readonly LifecycleTransition[] = [
  {
    ...NONE,
    action: 'dispatch',
    from: ['new', 'dispatched'],
    to: 'dispatched',
    roles: ['agent', 'project_manager'],
    requiredFields: [{ name: 'assigneeId', type: 'id' }],
    label: { 'zh-CN': '派单', en: 'Dispatch' },
  },
  {
    ...NONE,
    action: 'accept',
    from: ['dispatched'],
    to: 'accepted',
    roles: ['assignee'],
    meetsResponse: true,
    label: { 'zh-CN': '接单', en: 'Accept' },
  },
  {
    ...NONE,
    action: 'reject',
    from: ['dispatched', 'accepted'],
    to: 'new',
    roles: ['assignee'],
    requiredFields: [{ name: 'rejectReason', type: 'text' }],
    label: { 'zh-CN': '退单', en: 'Reject' },
  },
  {
    ...NONE,
    action: 'check_in',
    from: ['accepted'],
    to: 'on_site',
    roles: ['assignee', 'agent'],
    requiredFields: [{ name: 'checkedInAt', type: 'timestamp' }],
    label: { 'zh-CN': '到场签到', en: 'Check in' },
  },
  {
    ...NONE,
    action: 'complete',
    from: ['on_site'],
    to: 'work_done',
    roles: ['assignee'],
    requiredFields: [{ name: 'workSummary', type: 'text' }],
    label: { 'zh-CN': '完工', en: 'Complete' },
  },
  {
    ...NONE,
    action: 'sign_off',
    from: ['work_done'],
    to: 'signed_off',
    roles: ['requester', 'customer_approver', 'assignee'],
    requiredFields: [{ name: 'signerName', type: 'text' }],
    label: { 'zh-CN': '客户签字确认', en: 'Sign off' },
  },
  {
    ...NONE,
    action: 'rework',
    from: ['work_done'],
    to: 'accepted',
    roles: ['requester', 'customer_approver', 'agent'],
    requiredFields: [{ name: 'reworkReason', type: 'text' }],
    label: { 'zh-CN': '返工', en: 'Send back for rework' },
  },
  {
    ...NONE,
    action: 'close',
    from: ['signed_off'],
    to: 'closed',
    roles: ['agent', 'project_manager'],
    label: { 'zh-CN': '关闭', en: 'Close' },
  },
  {
    ...NONE,
    action: 'cancel',
    from: ['new', 'dispatched', 'accepted'],
    to: 'cancelled',
    roles: ['agent', 'project_manager'],
    requiredFields: [{ name: 'cancelReason', type: 'text' }],
    label: { 'zh-CN': '取消', en: 'Cancel' },
  },
];

/**
 * The default work order (工单) lifecycle:
 *   new → dispatched → accepted → on_site → work_done → signed_off → closed;
 *   the engineer may reject (with a reason) before arriving, which sends it back to `new` for
 *   dispatching again; the customer may send finished work back for rework (to `accepted`: the
 *   engineer checks in again); cancelled before anyone is on site.
 *
 * Accepting is the response. Work done stops the resolution clock (the customer's signature may
 * come later); the desk may record an arrival reported by phone (`check_in` by an agent), while
 * the check-in time itself is a field. Nothing pauses: waiting for spare parts, if it should
 * pause, is a state an administrator can add.
 */
export const WORK_ORDER_LIFECYCLE: LifecycleDefinition = {
  kind: 'work_order',
  initial: 'new',
  states: [
    {
      key: 'new',
      category: 'open',
      pausesSla: false,
      final: false,
      label: { 'zh-CN': '待派单', en: 'To dispatch' },
    },
    {
      key: 'dispatched',
      category: 'open',
      pausesSla: false,
      final: false,
      label: { 'zh-CN': '已派单', en: 'Dispatched' },
    },
    {
      key: 'accepted',
      category: 'in_progress',
      pausesSla: false,
      final: false,
      label: { 'zh-CN': '已接单', en: 'Accepted' },
    },
    {
      key: 'on_site',
      category: 'in_progress',
      pausesSla: false,
      final: false,
      label: { 'zh-CN': '已到场', en: 'On site' },
    },
    {
      key: 'work_done',
      category: 'resolved',
      pausesSla: false,
      final: false,
      label: { 'zh-CN': '已完工', en: 'Work done' },
    },
    {
      key: 'signed_off',
      category: 'resolved',
      pausesSla: false,
      final: false,
      label: { 'zh-CN': '客户已确认', en: 'Signed off' },
    },
    ...FINAL_STATES,
  ],
  transitions: TRANSITIONS,
  reopenWindowDays: null,
  autoCloseAfterDays: null,
};
