import { defineRules } from '../messages.js';
import { defineNotificationKinds } from '../notifications.js';

// Field problems of field work. Codes of the domain's validators map to `rule.<area>.<code>`.
defineRules({
  // Templates (TemplateProblemCode of validateTemplate)
  'rule.inspection.template.required': { 'zh-CN': '必填', en: 'Required' },
  'rule.inspection.template.invalid': { 'zh-CN': '取值无效', en: 'Invalid value' },
  'rule.inspection.template.invalid_key': {
    'zh-CN': '标识只能包含小写字母、数字和下划线，且以字母开头（最多 64 位）',
    en: 'A key has lower-case letters, digits and underscores, starting with a letter (at most 64)',
  },
  'rule.inspection.template.duplicate_key': {
    'zh-CN': '同一设备类型下检查项标识重复',
    en: 'This item key is used twice for the CI type',
  },
  'rule.inspection.template.unknown_ci_type': { 'zh-CN': '没有该配置项类型', en: 'No such CI type' },
  'rule.inspection.template.unknown_reading_type': {
    'zh-CN': '读数类型应为数值、是/否、选项或文本',
    en: 'The reading type is number, yes/no, choice or text',
  },
  'rule.inspection.template.min_above_max': {
    'zh-CN': '下限不能大于上限',
    en: 'The lower bound cannot be above the upper bound',
  },
  'rule.inspection.template.too_few_options': { 'zh-CN': '至少需要两个选项', en: 'At least two options' },
  'rule.inspection.template.duplicate_option': { 'zh-CN': '选项重复', en: 'This option is used twice' },
  'rule.inspection.template.normal_not_an_option': {
    'zh-CN': '正常值须是选项之一',
    en: 'A normal value must be one of the options',
  },
  'rule.inspection.template.no_normal_option': {
    'zh-CN': '至少一个选项为正常',
    en: 'At least one option must be normal',
  },
  'rule.inspection.template.unknown_photo_rule': { 'zh-CN': '拍照要求无效', en: 'Invalid photo rule' },
  'rule.inspection.template.unknown_severity': { 'zh-CN': '严重程度无效', en: 'Invalid severity' },
  'rule.inspection.template.no_items': { 'zh-CN': '模板至少需要一个检查项', en: 'A template needs an item' },
  'rule.inspection.template.archived': { 'zh-CN': '该模板已停用', en: 'This template is archived' },
  'rule.inspection.template.overlapsPlan': {
    'zh-CN': '巡检计划「{plan}」的另一模板已有「{ciType}」类型的检查项',
    en: 'Another template of plan "{plan}" already has items for {ciType}',
  },
  // Plans (PlanProblemCode of validatePlan, and the server's own)
  'rule.inspection.plan.no_templates': { 'zh-CN': '请选择巡检模板', en: 'Choose a template' },
  'rule.inspection.plan.unknown_template': {
    'zh-CN': '模板不存在或不可用于本项目',
    en: 'No such template for this project',
  },
  'rule.inspection.plan.duplicate_template': { 'zh-CN': '模板重复', en: 'This template is listed twice' },
  'rule.inspection.plan.overlapping_templates': {
    'zh-CN': '两个模板覆盖了同一设备类型',
    en: 'Two templates cover the same CI type',
  },
  'rule.inspection.plan.no_cis': { 'zh-CN': '请选择要巡检的配置项', en: 'Choose the CIs to inspect' },
  'rule.inspection.plan.duplicate_ci': { 'zh-CN': '配置项重复', en: 'This CI is listed twice' },
  'rule.inspection.plan.uncovered_ci_type': {
    'zh-CN': '所选模板没有该类型的检查项',
    en: 'No chosen template has items for this type',
  },
  'rule.inspection.plan.no_assignee': {
    'zh-CN': '请指定巡检人或巡检组',
    en: 'Choose a person or a team',
  },
  'rule.inspection.plan.invalid_due_days': {
    'zh-CN': '完成期限须为 1 天至一个周期之间',
    en: 'The due window is 1 day up to one period',
  },
  'rule.inspection.plan.invalid_day': { 'zh-CN': '日期应为 1–31', en: 'The day is 1–31' },
  'rule.inspection.plan.invalid_weekday': { 'zh-CN': '星期应为 1–7', en: 'The weekday is 1–7' },
  'rule.inspection.plan.invalid_month': {
    'zh-CN': '季度内月份应为 1–3',
    en: 'The month of the quarter is 1–3',
  },
  'rule.inspection.plan.invalid_cron': {
    'zh-CN': '不是有效的 cron 表达式（5 段：分 时 日 月 周）',
    en: 'Not a valid cron expression (5 fields: minute hour day month weekday)',
  },
  'rule.inspection.plan.cron_too_frequent': {
    'zh-CN': '巡检每小时至多一次（分钟段须为单个数值）',
    en: 'At most one inspection an hour (the minute field must be one number)',
  },
  'rule.inspection.plan.unknown_kind': { 'zh-CN': '周期类型无效', en: 'Invalid schedule kind' },
  'rule.inspection.plan.ciNotInProject': {
    'zh-CN': '该配置项不属于本项目或已删除',
    en: 'This CI is not a live CI of the project',
  },
  'rule.inspection.plan.siteOfOtherCustomer': {
    'zh-CN': '该站点不属于本项目的客户',
    en: "This site does not belong to the project's customer",
  },
  // Readings (ReadingProblemCode of evaluateReading, TaskProblemCode of evaluateTask)
  'rule.inspection.reading.required': { 'zh-CN': '请填写读数', en: 'Enter a reading' },
  'rule.inspection.reading.wrong_type': {
    'zh-CN': '读数类型不符（应为{expected}）',
    en: 'Wrong kind of reading (expected {expected})',
  },
  'rule.inspection.reading.not_a_number': { 'zh-CN': '应为数字', en: 'Must be a number' },
  'rule.inspection.reading.comma_in_number': {
    'zh-CN': '请用小数点，不要用逗号',
    en: 'Use a decimal point, not a comma',
  },
  'rule.inspection.reading.not_an_option': { 'zh-CN': '不是可选值之一', en: 'Not one of the options' },
  'rule.inspection.reading.too_long': { 'zh-CN': '内容过长', en: 'Too long' },
  'rule.inspection.reading.remark_required': {
    'zh-CN': '读数异常，请在备注中写明原因',
    en: 'The reading is abnormal: give the reason in the remark',
  },
  'rule.inspection.reading.photo_required': { 'zh-CN': '该项需要拍照', en: 'This item needs a photo' },
  'rule.inspection.reading.unknown_ci': {
    'zh-CN': '该配置项不在本次巡检任务中',
    en: 'This CI is not in the task',
  },
  'rule.inspection.reading.unknown_item': {
    'zh-CN': '该配置项没有此检查项',
    en: 'This CI has no such check item',
  },
  'rule.inspection.reading.unknown_photo': {
    'zh-CN': '照片须先上传到本巡检任务',
    en: 'Upload the photo to this task first',
  },
  'rule.inspection.reading.skip_reason_required': {
    'zh-CN': '请写明未巡检的原因',
    en: 'Give the reason the CI was not inspected',
  },
  'rule.inspection.reading.ci_skipped': {
    'zh-CN': '该配置项已标记为未巡检',
    en: 'This CI is marked as not inspected',
  },
  'rule.inspection.reading.no_checklist': {
    'zh-CN': '任务的模板没有该类型的检查项',
    en: "The task's templates have no items for this type",
  },
  'rule.inspection.reading.unanswered': { 'zh-CN': '尚未填写', en: 'Not entered yet' },
  'rule.inspection.taskNotOpen': {
    'zh-CN': '巡检任务已提交或已取消',
    en: 'The inspection task is submitted or cancelled',
  },
  'rule.monthFormat': { 'zh-CN': '月份格式为 YYYY-MM', en: 'A month is written YYYY-MM' },
  // Findings
  'rule.inspection.finding.resolved': { 'zh-CN': '该遗留问题已解决', en: 'This finding is resolved' },
  'rule.inspection.finding.converted': {
    'zh-CN': '该遗留问题已转为{kind}',
    en: 'This finding already became a {kind}',
  },
  // Work orders
  'rule.workOrder.notDone': {
    'zh-CN': '工单完工后才能由客户签字确认',
    en: 'The customer signs off a work order once the work is done',
  },
  'rule.workOrder.signatureFormat': {
    'zh-CN': '签名须为 PNG 图片（data:image/png;base64,…）',
    en: 'The signature must be a PNG image (data:image/png;base64,…)',
  },
  'rule.workOrder.signatureTooLarge': {
    'zh-CN': '签名图片不能超过 {maxKb} KB',
    en: 'The signature image can be at most {maxKb} KB',
  },
  'rule.workOrder.signatureRequired': { 'zh-CN': '请客户签字', en: 'The customer must sign' },
  'rule.workOrder.checkInInFuture': {
    'zh-CN': '到场时间不能晚于当前时间',
    en: 'The arrival time cannot be in the future',
  },
  'rule.workOrder.checkInBeforeDispatch': {
    'zh-CN': '到场时间不能早于派单时间',
    en: 'The arrival time cannot be before the dispatch',
  },
  'rule.workOrder.plannedEndBeforeStart': {
    'zh-CN': '计划结束时间不能早于开始时间',
    en: 'The planned end cannot be before the start',
  },
  'rule.workOrder.unknownArea': {
    'zh-CN': '本项目没有该到场区域',
    en: 'The project has no such arrival area',
  },
  'rule.workOrder.subcontractorNotEngaged': {
    'zh-CN': '该分包商未参与本项目',
    en: 'This subcontractor is not engaged on the project',
  },
  'rule.workOrder.subcontractorOfAssignee': {
    'zh-CN': '处理人属于另一家分包商',
    en: 'The assignee works for another subcontractor',
  },
  'rule.workOrder.ciNotInProject': {
    'zh-CN': '该配置项不属于本项目或已删除',
    en: 'This CI is not a live CI of the project',
  },
  'rule.workOrder.siteOfOtherCustomer': {
    'zh-CN': '该地点不属于本项目的客户',
    en: "This site does not belong to the project's customer",
  },
  'rule.workOrder.notAWorkOrder': { 'zh-CN': '该工单不是派工单', en: 'This ticket is not a work order' },
  // Arrival targets (ArrivalTargetProblemCode of validateArrivalTargets)
  'rule.arrival.invalid_key': {
    'zh-CN': '区域标识只能包含小写字母、数字和下划线，且以字母开头',
    en: 'An area key has lower-case letters, digits and underscores, starting with a letter',
  },
  'rule.arrival.duplicate_area': { 'zh-CN': '区域重复', en: 'This area is listed twice' },
  'rule.arrival.required': { 'zh-CN': '必填', en: 'Required' },
  'rule.arrival.invalid_minutes': { 'zh-CN': '时限须为正整数分钟', en: 'A positive whole number of minutes' },
  'rule.arrival.several_defaults': { 'zh-CN': '只能有一个默认区域', en: 'Only one area can be the default' },
  'rule.arrival.siteInTwoAreas': { 'zh-CN': '该地点已属于另一区域', en: 'This site is in another area' },
});

defineNotificationKinds({
  'inspection.taskCreated': {
    'zh-CN': '巡检任务「{title}」已生成，请于 {due} 前完成',
    en: 'Inspection task "{title}" is ready; due {due}',
  },
  'inspection.findings': {
    'zh-CN': '巡检任务「{title}」发现 {count} 项新的遗留问题',
    en: 'Inspection task "{title}" found {count} new issues',
  },
  'workOrder.rejected': {
    'zh-CN': '工单 {number}「{title}」被退回，原因：{reason}',
    en: 'Work order {number} "{title}" was rejected: {reason}',
  },
  'workOrder.signedOff': {
    'zh-CN': '工单 {number}「{title}」已由 {signer} 签字确认',
    en: 'Work order {number} "{title}" was signed off by {signer}',
  },
});
