import type { GlobalRole, ProjectRole, Specialty, UserKind } from '@opsdesk/domain';

/** Who the demo has: one user per role (passwords are generated when it is seeded). */
export interface DemoUser {
  key: string;
  username: string;
  displayName: string;
  kind: UserKind;
  role: string;
  globalRoles?: GlobalRole[];
  customer?: 'traffic' | 'hospital' | 'bank';
  subcontractor?: boolean;
  managesDivision?: string;
  managesRegion?: string;
  title?: string;
  phone?: string;
  memberships?: { project: 'traffic' | 'hospital' | 'bank'; role: ProjectRole; specialty?: Specialty }[];
}

export const DEMO_USERS: DemoUser[] = [
  {
    key: 'admin',
    username: 'admin',
    displayName: '系统管理员',
    kind: 'staff',
    role: '系统管理员 admin',
    globalRoles: ['admin'],
  },
  {
    key: 'secadmin',
    username: 'secadmin',
    displayName: '安全管理员',
    kind: 'staff',
    role: '安全管理员 security admin',
    globalRoles: ['security_admin'],
  },
  {
    key: 'auditor',
    username: 'auditor',
    displayName: '审计管理员',
    kind: 'staff',
    role: '审计管理员 auditor',
    globalRoles: ['auditor'],
  },
  {
    key: 'dm',
    username: 'dm.zhao',
    displayName: '赵事业部',
    kind: 'staff',
    role: '事业部经理 division manager',
    managesDivision: '城交事业部',
    title: '事业部经理',
  },
  {
    key: 'rm',
    username: 'rm.qian',
    displayName: '钱大区',
    kind: 'staff',
    role: '大区经理 regional manager',
    managesRegion: '华东大区',
    title: '大区经理',
  },
  {
    key: 'pm',
    username: 'pm.sun',
    displayName: '孙项目',
    kind: 'staff',
    role: '项目经理 project manager',
    title: '项目经理',
    phone: '13800000001',
    memberships: [
      { project: 'traffic', role: 'project_manager' },
      { project: 'hospital', role: 'project_manager' },
    ],
  },
  {
    key: 'lead',
    username: 'lead.li',
    displayName: '李技术',
    kind: 'staff',
    role: '技术负责人 technical lead',
    memberships: [{ project: 'traffic', role: 'technical_lead' }],
  },
  {
    key: 'agent',
    username: 'agent.zhou',
    displayName: '周服务台',
    kind: 'staff',
    role: '服务台 service desk',
    memberships: [
      { project: 'traffic', role: 'service_desk_agent' },
      { project: 'hospital', role: 'service_desk_agent' },
      { project: 'bank', role: 'service_desk_agent' },
    ],
  },
  {
    key: 'engineer',
    username: 'eng.wu',
    displayName: '吴网络',
    kind: 'staff',
    role: '网络工程师 engineer (network)',
    memberships: [
      { project: 'traffic', role: 'engineer', specialty: 'network' },
      { project: 'bank', role: 'engineer', specialty: 'terminal' },
    ],
  },
  {
    key: 'cm',
    username: 'cm.zheng',
    displayName: '郑客户经理',
    kind: 'staff',
    role: '客户经理 customer manager',
    memberships: [{ project: 'traffic', role: 'customer_manager' }],
  },
  {
    key: 'requester',
    username: 'jt.wang',
    displayName: '王科长（市交通局）',
    kind: 'customer_contact',
    customer: 'traffic',
    role: '甲方报障人 requester',
    phone: '0571-87000001',
    memberships: [{ project: 'traffic', role: 'requester' }],
  },
  {
    key: 'approver',
    username: 'jt.feng',
    displayName: '冯处长（市交通局）',
    kind: 'customer_contact',
    customer: 'traffic',
    role: '甲方审批人 customer approver',
    memberships: [{ project: 'traffic', role: 'customer_approver' }],
  },
  {
    key: 'hospitalContact',
    username: 'yy.he',
    displayName: '何主任（第一人民医院）',
    kind: 'customer_contact',
    customer: 'hospital',
    role: '甲方报障人 requester (hospital)',
    memberships: [{ project: 'hospital', role: 'requester' }],
  },
  {
    key: 'field',
    username: 'sub.chen',
    displayName: '陈工（恒达信息）',
    kind: 'subcontractor_staff',
    subcontractor: true,
    role: '分包商现场工程师 field engineer',
    memberships: [{ project: 'traffic', role: 'field_engineer' }],
  },
];
