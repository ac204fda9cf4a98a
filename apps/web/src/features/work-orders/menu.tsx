import {
  AlertOutlined,
  AuditOutlined,
  CarryOutOutlined,
  FileSearchOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { UserKind } from '@opsdesk/contracts';
import type { MenuGroup } from '../../app/layout/menu';

/** Menu labels of field work (issue 6); texts in `layout:menu.*`. */
export type FieldWorkMenuLabel =
  | 'workOrders'
  | 'myWorkOrders'
  | 'inspectionTasks'
  | 'myInspections'
  | 'findings'
  | 'inspectionPlans'
  | 'inspectionTemplates'
  | 'inspectionReports';
export type FieldWorkMenuGroupLabel = 'fieldWork';

/**
 * 现场服务: staff get work orders, inspection tasks, findings, plans, templates and reports (the
 * server decides what each may change); subcontractor field engineers only their own work — 我的工单
 * and 我的巡检 — on their phones; customer contacts the monthly inspection report.
 */
export function fieldWorkMenu(who?: { kind: UserKind }): MenuGroup[] {
  if (!who) return [];
  if (who.kind === 'subcontractor_staff')
    return [
      {
        label: 'fieldWork',
        items: [
          { path: '/work-orders', label: 'myWorkOrders', icon: <ToolOutlined /> },
          { path: '/inspection-tasks', label: 'myInspections', icon: <CarryOutOutlined /> },
        ],
      },
    ];
  if (who.kind === 'customer_contact')
    return [
      {
        label: 'fieldWork',
        items: [{ path: '/inspection-reports', label: 'inspectionReports', icon: <AuditOutlined /> }],
      },
    ];
  return [
    {
      label: 'fieldWork',
      items: [
        { path: '/work-orders', label: 'workOrders', icon: <ToolOutlined /> },
        { path: '/inspection-tasks', label: 'inspectionTasks', icon: <CarryOutOutlined /> },
        { path: '/findings', label: 'findings', icon: <AlertOutlined /> },
        { path: '/inspection-plans', label: 'inspectionPlans', icon: <ScheduleOutlined /> },
        { path: '/inspection-templates', label: 'inspectionTemplates', icon: <ProfileOutlined /> },
        { path: '/inspection-reports', label: 'inspectionReports', icon: <FileSearchOutlined /> },
      ],
    },
  ];
}
