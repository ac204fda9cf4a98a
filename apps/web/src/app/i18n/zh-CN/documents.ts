export default {
  upload: '上传文件',
  uploaded: '已上传“{{name}}”',
  category: '文档类型',
  fileName: '文件名',
  size: '大小',
  uploadedBy: '上传人',
  uploadedAt: '上传时间',
  preview: '预览',
  empty: '还没有文件。',
  projectEmpty: '还没有项目文档。上传合同、服务方案和实施计划后，团队和客户都能在这里找到。',
  categories: {
    contract: '合同',
    service_plan: '服务方案',
    implementation_plan: '实施计划',
    evidence: '证明材料',
    other: '其他',
  },
};
