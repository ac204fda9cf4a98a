import type { z } from 'zod';
import type { ErrorCode } from './errors.js';
import type { Lang, Messages } from './i18n.js';
import { fill } from './i18n.js';

/** The default message of each error code, in both languages. */
export const ERROR_MESSAGES: Record<ErrorCode, Messages> = {
  VALIDATION_FAILED: {
    'zh-CN': '提交的内容有误，请检查标出的字段',
    en: 'Some fields are invalid; please check them',
  },
  MALFORMED_REQUEST: { 'zh-CN': '请求格式错误', en: 'The request is malformed' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: {
    'zh-CN': '会话已超时，请重新登录',
    en: 'Your session has expired; please sign in again',
  },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    'zh-CN': '登录失败次数过多，账号已锁定，请于 {until} 后再试',
    en: 'Too many failed sign-ins: the account is locked until {until}',
  },
  ACCOUNT_DISABLED: { 'zh-CN': '账号已停用', en: 'This account is disabled' },
  CSRF_FAILED: {
    'zh-CN': '请求校验失败，请刷新页面后重试',
    en: 'Request check failed; reload the page and try again',
  },
  FORBIDDEN: { 'zh-CN': '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { 'zh-CN': '对象不存在或无权访问', en: 'Not found' },
  CONFLICT: {
    'zh-CN': '数据已被修改或存在冲突，请刷新后重试',
    en: 'The data changed or conflicts; reload and try again',
  },
  ALREADY_EXISTS: { 'zh-CN': '已存在相同的记录', en: 'A record with the same value already exists' },
  IN_USE: { 'zh-CN': '该记录正在被使用，无法删除', en: 'This record is in use and cannot be deleted' },
  INVALID_TRANSITION: {
    'zh-CN': '当前状态下不能执行此操作',
    en: 'This action is not allowed in the current state',
  },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '提交的内容过大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  SETUP_DONE: { 'zh-CN': '系统已初始化', en: 'Setup is already done' },
  INTERNAL: {
    'zh-CN': '服务器内部错误，请联系管理员',
    en: 'Internal error; please contact the administrator',
  },
  UNAVAILABLE: { 'zh-CN': '服务暂不可用', en: 'Service unavailable' },
};

/**
 * Messages of opsdesk's own validation rules, used as the `message` of zod refinements:
 * `.refine(fn, { message: 'rule.endBeforeStart' })`. Modules add theirs with `defineRules`.
 */
const RULE_MESSAGES: Record<string, Messages> = {
  'rule.required': { 'zh-CN': '必填', en: 'Required' },
  'rule.endBeforeStart': {
    'zh-CN': '结束日期不能早于开始日期',
    en: 'The end date cannot be before the start date',
  },
  'rule.passwordTooShort': {
    'zh-CN': '密码至少 {minLength} 位',
    en: 'The password needs at least {minLength} characters',
  },
  'rule.passwordTooLong': {
    'zh-CN': '密码最多 {maxLength} 位',
    en: 'The password can have at most {maxLength} characters',
  },
  'rule.passwordClasses': {
    'zh-CN': '密码需包含大写字母、小写字母、数字、符号中的至少 {minClasses} 类',
    en: 'The password needs at least {minClasses} of: lower case, upper case, digits, symbols',
  },
  'rule.passwordEqualsUsername': {
    'zh-CN': '密码不能与用户名相同',
    en: 'The password cannot equal the username',
  },
  'rule.unique': { 'zh-CN': '该值已被使用', en: 'This value is already used' },
  'rule.unknownReference': { 'zh-CN': '引用的对象不存在', en: 'The referenced object does not exist' },
  'rule.orgForKind': {
    'zh-CN': '客户联系人须属于一个客户，分包商人员须属于一个分包商，内部员工两者都不属于',
    en: 'A customer contact belongs to one customer, subcontractor staff to one subcontractor, staff to neither',
  },
  'rule.roleForKind': { 'zh-CN': '该用户类型不能担任此角色', en: 'This kind of user cannot hold this role' },
  'rule.globalRoleGrant': {
    'zh-CN': '三员分立：仅安全管理员可授予角色，每人至多一个，且不能授予自己',
    en: 'Separation of duties: only the security admin grants roles, one per person, never to themselves',
  },
  'rule.specialtyForEngineer': { 'zh-CN': '仅工程师角色需要专业方向', en: 'Only engineers have a specialty' },
  'rule.managerScope': {
    'zh-CN': '仅内部员工可担任大区/事业部经理',
    en: 'Only staff can manage a division or region',
  },
  'rule.subcontractorNotEngaged': {
    'zh-CN': '该分包商未参与此项目',
    en: 'This subcontractor is not engaged on the project',
  },
  'rule.contactOfOtherCustomer': {
    'zh-CN': '该联系人不属于此项目的客户',
    en: "This contact does not belong to the project's customer",
  },
  'rule.cannotDisableSelf': { 'zh-CN': '不能停用自己的账号', en: 'You cannot disable your own account' },
  'rule.currentPasswordWrong': { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  'rule.phoneFormat': {
    'zh-CN': '电话号码只能包含数字、+、-、括号和空格',
    en: 'A phone number has digits, +, -, brackets and spaces only',
  },
  'rule.projectCode': {
    'zh-CN': '项目编号只能包含字母、数字、点、下划线和短横线',
    en: 'A project code has letters, digits, dots, underscores and dashes only',
  },
  'rule.usernameFormat': {
    'zh-CN': '用户名只能包含字母、数字和 . _ @ -',
    en: 'A username has letters, digits and . _ @ - only',
  },
  'rule.invalidValue': { 'zh-CN': '取值无效', en: 'Invalid value' },
  'rule.tooLong': { 'zh-CN': '内容过长', en: 'Too long' },
  'rule.invalidCursor': { 'zh-CN': '分页游标无效', en: 'Invalid page cursor' },
};

export function defineRules(rules: Record<string, Messages>): void {
  Object.assign(RULE_MESSAGES, rules);
}

export function ruleMessage(key: string, lang: Lang, params?: Record<string, unknown>): string | undefined {
  const m = RULE_MESSAGES[key];
  return m ? fill(m[lang], params) : undefined;
}

export function errorMessage(code: ErrorCode, lang: Lang, params?: Record<string, unknown>): string {
  return fill(ERROR_MESSAGES[code][lang], params);
}

const FORMAT_NAMES: Record<string, Messages> = {
  email: { 'zh-CN': '邮箱地址', en: 'e-mail address' },
  uuid: { 'zh-CN': 'ID', en: 'ID' },
  date: { 'zh-CN': '日期（YYYY-MM-DD）', en: 'date (YYYY-MM-DD)' },
  datetime: { 'zh-CN': '时间（ISO 8601）', en: 'date-time (ISO 8601)' },
  regex: { 'zh-CN': '格式', en: 'format' },
  url: { 'zh-CN': '网址', en: 'URL' },
  ipv4: { 'zh-CN': 'IPv4 地址', en: 'IPv4 address' },
};

const TYPE_NAMES: Record<string, Messages> = {
  string: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  int: { 'zh-CN': '整数', en: 'an integer' },
  boolean: { 'zh-CN': '是/否', en: 'true or false' },
  array: { 'zh-CN': '列表', en: 'a list' },
  object: { 'zh-CN': '对象', en: 'an object' },
  date: { 'zh-CN': '日期', en: 'a date' },
};

const t = (m: Messages | undefined, lang: Lang, fallback: string) => (m ? m[lang] : fallback);

/**
 * A short message for one zod issue in the caller's language. Rule keys (`rule.*`) set as a
 * refinement's message are looked up in the rule catalogue.
 */
export function describeIssue(issue: z.core.$ZodIssue, lang: Lang): string {
  const zh = lang === 'zh-CN';
  if (issue.message?.startsWith('rule.')) {
    const params = (issue as { params?: Record<string, unknown> }).params;
    return ruleMessage(issue.message, lang, params) ?? issue.message;
  }
  switch (issue.code) {
    case 'invalid_type': {
      if ((issue as { input?: unknown }).input === undefined) return zh ? '必填' : 'Required';
      const expected = t(TYPE_NAMES[issue.expected], lang, issue.expected);
      return zh ? `应为${expected}` : `Must be ${expected}`;
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return zh ? `至少 ${n} 个字符` : `At least ${n} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return zh ? `至少 ${n} 项` : `At least ${n} items`;
      return zh ? `不能小于 ${n}` : `Must be at least ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return zh ? `最多 ${n} 个字符` : `At most ${n} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return zh ? `最多 ${n} 项` : `At most ${n} items`;
      return zh ? `不能大于 ${n}` : `Must be at most ${n}`;
    }
    case 'invalid_format': {
      const name = t(FORMAT_NAMES[issue.format], lang, issue.format);
      return zh ? `${name}格式不正确` : `Not a valid ${name}`;
    }
    case 'invalid_value':
      return zh
        ? `必须是以下之一：${issue.values.map(String).join('、')}`
        : `Must be one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return zh ? '不允许的字段' : 'Unknown field';
    case 'not_multiple_of':
      return zh ? `必须是 ${String(issue.divisor)} 的倍数` : `Must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return zh ? '取值无效' : 'Invalid value';
    default:
      return zh ? '取值无效' : 'Invalid value';
  }
}

/**
 * Flattens zod issues into field errors. An unknown key becomes one error per key, at the key's
 * own path, so a form can show it beside the field.
 */
export function issuesToFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  lang: Lang,
): { path: string; code: string; message: string }[] {
  const out: { path: string; code: string; message: string }[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: [...base, key].join('.'), code: issue.code, message: describeIssue(issue, lang) });
      continue;
    }
    const code = issue.message?.startsWith('rule.') ? issue.message.slice(5) : issue.code;
    out.push({ path: base.join('.'), code, message: describeIssue(issue, lang) });
  }
  return out;
}
