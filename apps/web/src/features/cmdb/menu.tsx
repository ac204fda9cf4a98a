import { AppstoreOutlined, BarChartOutlined, ClusterOutlined } from '@ant-design/icons';
import type { UserKind } from '@opsdesk/contracts';
import type { SystemAbilities } from '../../shared/abilities/useAbilities';
import type { MenuGroup } from '../../app/layout/menu';

/** Menu labels of the CMDB (issue 5); texts in `layout:menu.*`. */
export type CmdbMenuLabel = 'cis' | 'assetStats' | 'ciTypes';

/**
 * 配置管理: everyone signed in reads the CIs and statistics of the projects in their scope (the
 * server scopes them); the types are the admin's.
 */
export function cmdbMenu(a: SystemAbilities, who?: { kind: UserKind }): MenuGroup[] {
  if (!who) return [];
  return [
    {
      label: 'cmdb',
      items: [
        { path: '/cis', label: 'cis', icon: <ClusterOutlined /> },
        { path: '/asset-stats', label: 'assetStats', icon: <BarChartOutlined /> },
        ...(a.manageOrganisation
          ? [{ path: '/ci-types', label: 'ciTypes' as const, icon: <AppstoreOutlined /> }]
          : []),
      ],
    },
  ];
}
