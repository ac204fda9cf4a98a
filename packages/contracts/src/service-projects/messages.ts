import { defineNotificationKinds } from '../notifications.js';
import { defineRules } from '../messages.js';

defineRules({
  'rule.negativeValue': { 'zh-CN': '金额不能为负数', en: 'The amount cannot be negative' },
  'rule.moneyFormat': {
    'zh-CN': '金额格式不正确（最多两位小数）',
    en: 'Not a valid amount (at most two decimals)',
  },
  'rule.timeOfDay': { 'zh-CN': '时间格式应为 HH:MM', en: 'A time is written HH:MM' },
  'rule.serviceHours': {
    'zh-CN': '服务时间格式应如 5x8、7x24',
    en: 'Service hours are written like 5x8 or 7x24',
  },
  'rule.requiredToStart': {
    'zh-CN': '启动项目前须填写服务起止日期',
    en: 'The service start and end dates are needed to start the project',
  },
  'rule.modeNotInRules': { 'zh-CN': '服务模式规则中没有此模式', en: 'No service-mode rule has this mode' },
  'rule.variantNotOfMode': {
    'zh-CN': '该服务类型不属于所选服务模式',
    en: 'This variant does not belong to the chosen mode',
  },
  'rule.noModeRules': { 'zh-CN': '至少要保留一条服务模式规则', en: 'Keep at least one service-mode rule' },
  'rule.modeRuleShadowed': {
    'zh-CN': '规则「{rule}」排在无条件规则「{by}」之后，永远不会生效',
    en: 'Rule "{rule}" comes after the catch-all "{by}" and would never apply',
  },
  'rule.offsetRange': {
    'zh-CN': '天数应在 {min} 到 {max} 之间',
    en: 'The number of days must be between {min} and {max}',
  },
  'rule.recurrenceForPhase': {
    'zh-CN': '实施阶段的事项按月重复，其他阶段的事项只做一次',
    en: 'Implementation items recur monthly; the others happen once',
  },
  'rule.notProjectStaff': {
    'zh-CN': '该用户不是此项目的内部成员',
    en: 'This user is not a staff member of the project',
  },
  'rule.notProjectMember': {
    'zh-CN': '该用户不是此项目的成员',
    en: 'This user is not a member of the project',
  },
  'rule.notTeamMember': { 'zh-CN': '该用户不是此团队的成员', en: 'This user is not a member of the team' },
  'rule.staffOnly': { 'zh-CN': '只能选择内部员工', en: 'Choose a staff member' },
  'rule.cannotSeeProject': { 'zh-CN': '该用户无权查看此项目', en: 'This user cannot see the project' },
  'rule.attachmentRequired': { 'zh-CN': '请先上传待审批的文档', en: 'Attach the document to approve first' },
  'rule.commentRequired': { 'zh-CN': '请填写意见', en: 'Write a comment' },
  'rule.shiftTimes': {
    'zh-CN': '班次结束须晚于开始，且不超过 7 天',
    en: 'A shift ends after it starts and lasts at most 7 days',
  },
  'rule.rotationTooLong': {
    'zh-CN': '一次最多排 62 天、2000 个班次',
    en: 'A rotation covers at most 62 days and 2,000 shifts',
  },
  'rule.sameUser': { 'zh-CN': '请选择另一位值班人员', en: 'Choose someone else to take the shift' },
  'rule.modeRequiresNoSubcontractor': {
    'zh-CN': '所选服务模式不配置分包商',
    en: 'The chosen mode has no subcontractor',
  },
  'rule.modeNotDecided': { 'zh-CN': '尚未确定服务模式', en: 'The service mode is not decided yet' },
});

/** In-app notifications of service projects (the bell), zh-CN and en. */
defineNotificationKinds({
  'project_task.due_soon': {
    'zh-CN': '「{project}」的任务「{titleZh}」将于 {dueDate} 到期',
    en: 'Task "{titleEn}" of {project} is due on {dueDate}',
  },
  'project_task.due_today': {
    'zh-CN': '「{project}」的任务「{titleZh}」今天到期',
    en: 'Task "{titleEn}" of {project} is due today',
  },
  'project_task.overdue': {
    'zh-CN': '「{project}」的任务「{titleZh}」已逾期 {daysOverdue} 天',
    en: 'Task "{titleEn}" of {project} is {daysOverdue} days overdue',
  },
  'project_task.assigned': {
    'zh-CN': '您负责「{project}」的任务「{titleZh}」，{dueDate} 到期',
    en: 'You own task "{titleEn}" of {project}, due on {dueDate}',
  },
  'project_task.approval_requested': {
    'zh-CN': '「{project}」的「{titleZh}」请您审批',
    en: '"{titleEn}" of {project} awaits your approval',
  },
  'project_task.approved': {
    'zh-CN': '「{project}」的「{titleZh}」已由 {by} 审批通过',
    en: '"{titleEn}" of {project} was approved by {by}',
  },
  'project_task.rejected': {
    'zh-CN': '「{project}」的「{titleZh}」被 {by} 退回：{comment}',
    en: '"{titleEn}" of {project} was rejected by {by}: {comment}',
  },
  'project.closing_started': {
    'zh-CN': '「{project}」进入收尾阶段，收尾清单已生成',
    en: '{project} entered its closing phase; the closing checklist is ready',
  },
  'handover.started': {
    'zh-CN': '「{project}」将于 {plannedDate} 服务交接，请在此前确定服务模式',
    en: '{project} is handed over on {plannedDate}; agree its service mode before then',
  },
  'handover.mode_decided': {
    'zh-CN': '「{project}」确定为{modeZh}，请确定客户经理',
    en: 'The mode of {project} is decided ({modeEn}); assign a customer manager',
  },
  'handover.customer_manager_assigned': {
    'zh-CN': '您被指定为「{project}」的客户经理，请确定是否需要分包商',
    en: 'You are the customer manager of {project}; decide whether a subcontractor is needed',
  },
  'tender.awarded': {
    'zh-CN': '「{project}」的招标「{title}」已定标：{subcontractor}',
    en: 'Tender "{title}" of {project} was awarded to {subcontractor}',
  },
  'roster.swapped': {
    'zh-CN': '「{label}」班次（{startsAt}）已由 {from} 换给 {to}：{reason}',
    en: 'Shift "{label}" ({startsAt}) passed from {from} to {to}: {reason}',
  },
});
