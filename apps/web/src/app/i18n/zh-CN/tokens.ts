export default {
  title: '我的 API 令牌',
  intro:
    'API 令牌让脚本和其他系统以您的身份调用 opsdesk API（请求头 Authorization: Bearer <令牌>）。令牌拥有您的全部权限，请妥善保管。',
  create: '新建令牌',
  empty: '您还没有 API 令牌。',
  fields: {
    name: '名称',
    namePlaceholder: '例如：监控告警对接',
    prefix: '前缀',
    expiresInDays: '有效期（天）',
    expiresHelp: '留空表示永不过期；建议设置有效期。',
    lastUsedAt: '最近使用',
    expiresAt: '过期时间',
    status: '状态',
  },
  never: '永不',
  status: { active: '有效', revoked: '已吊销', expired: '已过期' },
  revoke: '吊销',
  confirmRevoke: '确定吊销令牌“{{name}}”吗？使用它的脚本将立即无法访问。',
  revoked: '令牌已吊销',
  secret: {
    title: '令牌已创建',
    warning: '请立即复制并妥善保存此令牌。关闭此窗口后将无法再次查看。',
    copied: '已复制',
    done: '我已保存',
  },
};
