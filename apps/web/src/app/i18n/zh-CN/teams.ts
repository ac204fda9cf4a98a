export default {
  title: '团队',
  create: '新建团队',
  edit: '编辑团队',
  searchPlaceholder: '搜索团队名称',
  empty: '还没有团队。团队把内部员工编组（如服务台、网络组），便于派单和排班。',
  fields: {
    name: '团队名称',
    description: '说明',
    lead: '组长',
    members: '成员',
    memberCount: '人数',
  },
  memberPlaceholder: '搜索并添加内部员工',
  leadPlaceholder: '选择组长',
};
