import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  EnvironmentOutlined,
  ProjectOutlined,
  SafetyOutlined,
  ShopOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { SystemAbilities } from '../../shared/abilities/useAbilities';

export type MenuLabel =
  'projects' | 'customers' | 'subcontractors' | 'sites' | 'teams' | 'users' | 'audit' | 'securityPolicy';
export type MenuGroupLabel = 'organisation' | 'system';

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
export function buildMenu(a: SystemAbilities): MenuGroup[] {
  const groups: MenuGroup[] = [
    { label: null, items: [{ path: '/projects', label: 'projects', icon: <ProjectOutlined /> }] },
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
