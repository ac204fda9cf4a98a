export default {
  title: '地点',
  create: '新建地点',
  edit: '编辑地点',
  searchPlaceholder: '搜索地点名称或地址',
  empty: '还没有地点。地点是客户的机房、办公楼等服务现场。',
  fields: {
    customer: '客户',
    name: '地点名称',
    address: '地址',
    region: '区域',
    notes: '备注',
  },
};
