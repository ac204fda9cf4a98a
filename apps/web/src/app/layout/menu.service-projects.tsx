import {
  CalendarOutlined,
  CarryOutOutlined,
  OrderedListOutlined,
  PartitionOutlined,
  ScheduleOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { UserKind } from '@opsdesk/contracts';
import type { MenuEntry, MenuGroup } from './menu';

/** Menu labels of service projects (issue 3); texts in `layout:menu.*`. */
export type ServiceProjectsMenuLabel =
  'handovers' | 'projectTasks' | 'roster' | 'approvals' | 'serviceModeRules' | 'checklistTemplates';

/**
 * Beside the projects: staff get the handovers, the tasks across projects and the duty roster;
 * customer contacts the plans awaiting their approval (the portal page). Subcontractor staff own no
 * tasks (owners are staff) and read their rosters on the project's page. The server decides what
 * each may see.
 */
export function serviceProjectEntries(who?: { kind: UserKind }): MenuEntry[] {
  if (who?.kind === 'customer_contact')
    return [{ path: '/portal/approvals', label: 'approvals', icon: <CarryOutOutlined /> }];
  if (who?.kind !== 'staff') return [];
  return [
    { path: '/handovers', label: 'handovers', icon: <SwapOutlined /> },
    { path: '/project-tasks', label: 'projectTasks', icon: <ScheduleOutlined /> },
    { path: '/roster', label: 'roster', icon: <CalendarOutlined /> },
  ];
}

/** The rules and templates of service projects: staff read them, admins edit them. */
export function serviceProjectsConfigMenu(who?: { kind: UserKind }): MenuGroup[] {
  if (who?.kind !== 'staff') return [];
  return [
    {
      label: 'serviceProjects',
      items: [
        { path: '/service-mode-rules', label: 'serviceModeRules', icon: <PartitionOutlined /> },
        { path: '/checklist-templates', label: 'checklistTemplates', icon: <OrderedListOutlined /> },
      ],
    },
  ];
}
