export default {
  title: '分包商',
  create: '新建分包商',
  edit: '编辑分包商',
  searchPlaceholder: '搜索分包商名称或统一社会信用代码',
  empty: '还没有分包商。分包商是在项目中承担现场工作的外部公司。',
  fields: {
    name: '分包商名称',
    creditCode: '统一社会信用代码',
    contactName: '联系人',
    phone: '电话',
    email: '邮箱',
    qualifications: '资质',
    notes: '备注',
  },
  tabs: { basic: '基本信息', staff: '人员' },
  staff: {
    create: '新建分包商人员',
    empty: '该分包商还没有人员。',
  },
  picker: { placeholder: '搜索并选择分包商' },
};
