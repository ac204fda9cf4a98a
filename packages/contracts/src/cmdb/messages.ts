// The CMDB's field-problem rules and notification kinds (localised).
import { defineRules } from '../messages.js';
import { defineNotificationKinds } from '../notifications.js';

// ── Messages ────────────────────────────────────────────────────────────────
defineRules({
  // Attribute values (codes of checkAttributes in @opsdesk/domain, as `rule.ci.<code>`)
  'rule.ci.required': { 'zh-CN': '必填', en: 'Required' },
  'rule.ci.unknown_attribute': { 'zh-CN': '该类型没有此属性', en: 'This type has no such attribute' },
  'rule.ci.not_text': { 'zh-CN': '应为文本', en: 'Must be text' },
  'rule.ci.too_long': { 'zh-CN': '最多 {max} 个字符', en: 'At most {max} characters' },
  'rule.ci.not_number': { 'zh-CN': '应为数字', en: 'Must be a number' },
  'rule.ci.not_integer': { 'zh-CN': '应为整数', en: 'Must be a whole number' },
  'rule.ci.below_min': { 'zh-CN': '不能小于 {min}', en: 'Must be at least {min}' },
  'rule.ci.above_max': { 'zh-CN': '不能大于 {max}', en: 'Must be at most {max}' },
  'rule.ci.not_date': { 'zh-CN': '应为日期（YYYY-MM-DD）', en: 'Must be a date (YYYY-MM-DD)' },
  'rule.ci.not_boolean': { 'zh-CN': '应为“是”或“否”', en: 'Must be yes or no' },
  'rule.ci.not_option': { 'zh-CN': '必须是以下之一：{options}', en: 'Must be one of: {options}' },
  'rule.ci.not_ip': { 'zh-CN': '不是有效的 IP 地址', en: 'Not a valid IP address' },
  'rule.ci.not_mac': { 'zh-CN': '不是有效的 MAC 地址', en: 'Not a valid MAC address' },
  'rule.ci.not_reference': { 'zh-CN': '应引用一个配置项', en: 'Must refer to a configuration item' },
  'rule.ci.referenceNotFound': {
    'zh-CN': '本项目中没有引用的配置项',
    en: 'No such configuration item in this project',
  },
  'rule.ci.referenceType': {
    'zh-CN': '引用的配置项类型不符（应为：{types}）',
    en: 'The referenced item has the wrong type (expected: {types})',
  },
  'rule.ci.referenceAmbiguous': {
    'zh-CN': '有多个配置项名为“{value}”，请填写其序列号',
    en: 'Several items are named "{value}"; use the serial number',
  },
  'rule.ci.ownerNotFound': { 'zh-CN': '找不到该负责人', en: 'No such owner' },
  'rule.ci.siteOfOtherCustomer': {
    'zh-CN': '该站点不属于本项目的客户',
    en: "This site does not belong to the project's customer",
  },
  'rule.ci.projectNotFound': { 'zh-CN': '项目不存在或无权访问', en: 'No such project' },
  'rule.ci.typeNotFound': { 'zh-CN': '配置项类型不存在', en: 'No such CI type' },
  'rule.ci.sameProject': {
    'zh-CN': '关系两端的配置项须属于同一项目',
    en: 'Both items of a relation must belong to one project',
  },
  'rule.ci.relationSelf': { 'zh-CN': '配置项不能与自身建立关系', en: 'An item cannot be related to itself' },
  'rule.ci.deleted': { 'zh-CN': '该配置项已删除', en: 'This item is deleted' },
  // Type definitions (codes of validateAttributeDefs / attributeChangeProblems, as `rule.ciType.<code>`)
  'rule.ciType.bad_key': {
    'zh-CN': '标识只能包含小写字母、数字和下划线，且以字母开头（最多 40 位）',
    en: 'A key has lower-case letters, digits and underscores, starting with a letter (at most 40)',
  },
  'rule.ciType.duplicate_key': { 'zh-CN': '属性标识重复', en: 'This attribute key is used twice' },
  'rule.ciType.blank_label': {
    'zh-CN': '中文和英文名称都必填',
    en: 'Both the Chinese and the English label are required',
  },
  'rule.ciType.unknown_kind': { 'zh-CN': '不支持的属性类型', en: 'Unknown attribute kind' },
  'rule.ciType.unit_for_non_number': { 'zh-CN': '只有数字属性可以有单位', en: 'Only numbers have a unit' },
  'rule.ciType.bounds_for_non_number': {
    'zh-CN': '只有数字属性可以设置范围',
    en: 'Only numbers have bounds',
  },
  'rule.ciType.min_above_max': { 'zh-CN': '最小值不能大于最大值', en: 'The minimum is above the maximum' },
  'rule.ciType.no_options': { 'zh-CN': '枚举属性至少需要一个选项', en: 'An enum needs at least one option' },
  'rule.ciType.duplicate_option': { 'zh-CN': '选项值重复', en: 'An option value is used twice' },
  'rule.ciType.options_for_non_enum': { 'zh-CN': '只有枚举属性可以有选项', en: 'Only enums have options' },
  'rule.ciType.ref_types_for_non_reference': {
    'zh-CN': '只有引用属性可以限定类型',
    en: 'Only references name types',
  },
  'rule.ciType.unknown_ref_type': { 'zh-CN': '引用了不存在的配置项类型', en: 'Refers to an unknown CI type' },
  'rule.ciType.unique_kind': {
    'zh-CN': '日期和是/否属性不能设为唯一',
    en: 'Dates and yes/no attributes cannot be unique',
  },
  'rule.ciType.too_many': { 'zh-CN': '属性过多（最多 100 个）', en: 'Too many attributes (at most 100)' },
  'rule.ciType.kind_changed': {
    'zh-CN': '已有属性不能改变类型，请新增一个属性',
    en: 'An existing attribute cannot change kind; add a new one',
  },
  'rule.ciType.system_attribute_removed': {
    'zh-CN': '内置属性不能删除',
    en: 'Built-in attributes cannot be removed',
  },
  'rule.ciType.uniqueConflict': {
    'zh-CN': '现有配置项中该属性有重复值（{value}），不能设为唯一',
    en: 'Existing items repeat this value ({value}); it cannot be unique',
  },
  // Imports
  'rule.import.unreadable': {
    'zh-CN': '无法读取文件（支持 .xlsx 和 .csv）',
    en: 'The file cannot be read (.xlsx and .csv are supported)',
  },
  'rule.import.noHeader': { 'zh-CN': '第一行应为表头', en: 'The first row must be the header' },
  'rule.import.missingColumn': {
    'zh-CN': '缺少必填列“{column}”',
    en: 'The required column "{column}" is missing',
  },
  'rule.import.unknownColumn': { 'zh-CN': '无法识别的列“{column}”', en: 'Unknown column "{column}"' },
  'rule.import.duplicateColumn': { 'zh-CN': '列“{column}”重复', en: 'The column "{column}" appears twice' },
  'rule.import.tooManyRows': { 'zh-CN': '最多导入 {max} 行', en: 'At most {max} rows can be imported' },
  'rule.import.duplicateInFile': { 'zh-CN': '与第 {row} 行是同一配置项', en: 'The same item as row {row}' },
  'rule.import.serialOtherType': {
    'zh-CN': '该序列号已被其他类型的配置项使用',
    en: 'This serial number belongs to an item of another type',
  },
  'rule.import.nameAmbiguous': {
    'zh-CN': '有多个同名配置项，请填写序列号',
    en: 'Several items have this name; give the serial number',
  },
  'rule.import.failed': { 'zh-CN': '写入失败：{reason}', en: 'Could not be written: {reason}' },
});

defineNotificationKinds({
  'cmdb.warrantyEnding': {
    'zh-CN': '{project}：{count} 个配置项的保修将在 {days} 天内到期（{names}）',
    en: '{project}: the warranty of {count} configuration items ends within {days} days ({names})',
  },
});
