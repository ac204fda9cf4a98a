import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  FileAddOutlined,
  MailOutlined,
  PhoneOutlined,
  SettingOutlined,
  EnvironmentOutlined,
  ProjectOutlined,
  SafetyOutlined,
  ShopOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { UserKind } from '@opsdesk/contracts';
import type { SystemAbilities } from '../../shared/abilities/useAbilities';
import { serviceProjectEntries, serviceProjectsConfigMenu } from './menu.service-projects';
import type { ServiceProjectsMenuLabel } from './menu.service-projects';
import { cmdbMenu } from '../../features/cmdb/menu';
import type { CmdbMenuLabel } from '../../features/cmdb/menu';
import { fieldWorkMenu } from '../../features/work-orders/menu';
import type { FieldWorkMenuGroupLabel, FieldWorkMenuLabel } from '../../features/work-orders/menu';

export type MenuLabel =
  | 'projects'
  | 'customers'
  | 'subcontractors'
  | 'sites'
  | 'teams'
  | 'users'
  | 'audit'
  | 'securityPolicy'
  | 'tickets'
  | 'phoneLog'
  | 'deskSettings'
  | 'calendars'
  | 'mailSettings'
  | 'portalTickets'
  | 'portalRaise'
  | ServiceProjectsMenuLabel
  | CmdbMenuLabel
  | FieldWorkMenuLabel;
export type MenuGroupLabel =
  'organisation' | 'system' | 'serviceDesk' | 'portal' | 'serviceProjects' | 'cmdb' | FieldWorkMenuGroupLabel;

export interface MenuEntry {
  path: string;
  label: MenuLabel;
  icon: ReactNode;
}
export interface MenuGroup {
  label: MenuGroupLabel | null;
  items: MenuEntry[];
}

/**
 * The side menu for a user's abilities (from `/me`). A page the user cannot use is not offered;
 * the server refuses it anyway. Empty groups are left out.
 */
export function buildMenu(a: SystemAbilities, who?: { kind: UserKind }): MenuGroup[] {
  const groups: MenuGroup[] = [
    {
      label: null,
      items: [
        { path: '/projects', label: 'projects', icon: <ProjectOutlined /> },
        ...serviceProjectEntries(who),
      ],
    },
    ...serviceDeskMenu(a, who),
    ...fieldWorkMenu(who),
    ...cmdbMenu(a, who),
    ...serviceProjectsConfigMenu(who),
    {
      label: 'organisation',
      items: [
        ...(a.manageOrganisation
          ? [
              { path: '/customers', label: 'customers' as const, icon: <BankOutlined /> },
              { path: '/subcontractors', label: 'subcontractors' as const, icon: <ShopOutlined /> },
              { path: '/sites', label: 'sites' as const, icon: <EnvironmentOutlined /> },
              { path: '/teams', label: 'teams' as const, icon: <ApartmentOutlined /> },
            ]
          : []),
        ...(a.manageUsers || a.grantRoles
          ? [{ path: '/users', label: 'users' as const, icon: <UserOutlined /> }]
          : []),
      ],
    },
    {
      label: 'system',
      items: [
        ...(a.readAudit ? [{ path: '/audit', label: 'audit' as const, icon: <AuditOutlined /> }] : []),
        ...(a.readSecurityPolicy
          ? [{ path: '/security-policy', label: 'securityPolicy' as const, icon: <SafetyOutlined /> }]
          : []),
      ],
    },
  ];
  return groups.filter((g) => g.items.length > 0);
}

/** The menu entry of a location: the longest path that prefixes it. */
export function selectedMenuKey(groups: MenuGroup[], pathname: string): string | undefined {
  return groups
    .flatMap((g) => g.items.map((i) => i.path))
    .filter((p) => pathname === p || pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/** The service desk (issue 4): queues and configuration for staff, the portal for customer contacts. */
function serviceDeskMenu(a: SystemAbilities, who?: { kind: UserKind }): MenuGroup[] {
  if (!who) return [];
  if (who.kind === 'customer_contact')
    return [
      {
        label: 'portal',
        items: [
          { path: '/portal', label: 'portalTickets', icon: <CustomerServiceOutlined /> },
          { path: '/portal/new', label: 'portalRaise', icon: <FileAddOutlined /> },
        ],
      },
    ];
  const staff = who.kind === 'staff';
  return [
    {
      label: 'serviceDesk',
      items: [
        { path: '/tickets', label: 'tickets', icon: <CustomerServiceOutlined /> },
        ...(staff
          ? [
              { path: '/tickets/phone', label: 'phoneLog' as const, icon: <PhoneOutlined /> },
              { path: '/service-desk/settings', label: 'deskSettings' as const, icon: <SettingOutlined /> },
              { path: '/calendars', label: 'calendars' as const, icon: <CalendarOutlined /> },
            ]
          : []),
        ...(a.manageOrganisation
          ? [{ path: '/admin/mail', label: 'mailSettings' as const, icon: <MailOutlined /> }]
          : []),
      ],
    },
  ];
}
