export default {
  title: '客户',
  create: '新建客户',
  edit: '编辑客户',
  searchPlaceholder: '搜索客户名称、简称或编号',
  empty: '还没有客户。客户是接受运维服务的单位（甲方），先创建客户，再为其建立服务项目。',
  fields: {
    code: '客户编号',
    name: '客户名称',
    shortName: '简称',
    industry: '行业',
    address: '地址',
    phone: '电话',
    notes: '备注',
  },
  tabs: { basic: '基本信息', contacts: '联系人', sites: '地点', projects: '服务项目' },
  contacts: {
    create: '新建联系人',
    empty: '该客户还没有联系人。联系人可以报障、审批，并查看本单位的服务记录。',
  },
  picker: { placeholder: '搜索并选择客户' },
};
