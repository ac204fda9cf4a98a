export default {
  menu: {
    navigation: '导航',
    projects: '运维服务项目',
    organisation: '组织管理',
    customers: '客户',
    subcontractors: '分包商',
    sites: '地点',
    teams: '团队',
    users: '用户',
    system: '系统与安全',
    audit: '审计日志',
    securityPolicy: '安全策略',
  },
  header: {
    openMenu: '打开菜单',
    project: '当前项目',
    projectPlaceholder: '选择项目',
    allProjects: '全部项目',
    language: '语言',
  },
  user: {
    tokens: '我的 API 令牌',
    password: '修改密码',
    signOut: '退出登录',
    signedOut: '已退出登录',
  },
};
