export default {
  title: '安全策略',
  intro: '密码、登录锁定与会话策略，符合等级保护（等保 2.0）身份鉴别要求。仅安全管理员可以修改。',
  edit: '修改安全策略',
  fields: {
    passwordMinLength: '密码最小长度',
    passwordMinClasses: '密码最少字符类别',
    lockoutThreshold: '连续登录失败锁定次数',
    lockoutMinutes: '锁定时长（分钟）',
    idleTimeoutMinutes: '会话空闲超时（分钟）',
    sessionMaxHours: '会话最长有效期（小时）',
  },
  help: {
    passwordMinClasses: '大写字母、小写字母、数字、符号四类中至少包含几类',
    range: '取值范围 {{min}}–{{max}}',
  },
  units: {
    chars: '{{value}} 位',
    classes: '{{value}} 类',
    times: '{{value}} 次',
    minutes: '{{value}} 分钟',
    hours: '{{value}} 小时',
  },
};
