import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Button, Drawer, Flex, Layout, Menu, Spin, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAbilities } from '../../shared/abilities/useAbilities';
import { useIsMobile } from '../../shared/hooks/useIsMobile';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { useMe } from '../session/me';
import { LanguageSwitch } from './LanguageSwitch';
import { buildMenu, selectedMenuKey } from './menu';
import { ProjectSwitcher } from './ProjectSwitcher';
import { UserMenu } from './UserMenu';

const HEADER_HEIGHT = 56;

function PageFallback() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin />
    </Flex>
  );
}

/** The signed-in frame: side menu (a drawer on a phone), header, and the page. */
export function AppLayout() {
  const { t } = useTranslation(['layout', 'common', 'auth']);
  const { token } = theme.useToken();
  const mobile = useIsMobile();
  const location = useLocation();
  const abilities = useAbilities();
  const me = useMe();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  const groups = buildMenu(abilities, me);
  const items: MenuProps['items'] = groups.map((g) => {
    const entries = g.items.map((i) => ({
      key: i.path,
      icon: i.icon,
      label: <Link to={i.path}>{t(`menu.${i.label}`)}</Link>,
    }));
    return g.label
      ? { type: 'group' as const, key: g.label, label: t(`menu.${g.label}`), children: entries }
      : { type: 'group' as const, key: 'main', children: entries };
  });
  const selected = selectedMenuKey(groups, location.pathname);
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 100,
          height: HEADER_HEIGHT,
          lineHeight: `${HEADER_HEIGHT}px`,
          paddingInline: mobile ? 8 : 16,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            {mobile && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('header.openMenu')}
                onClick={() => setDrawerOpen(true)}
              />
            )}
            <Link to="/" style={{ display: 'flex', alignItems: 'baseline', gap: 8, whiteSpace: 'nowrap' }}>
              <Typography.Text strong style={{ fontSize: 18, color: token.colorPrimary }}>
                {t('common:appShortName')}
              </Typography.Text>
              {!mobile && <Typography.Text type="secondary">{t('auth:login.subtitle')}</Typography.Text>}
            </Link>
            {!mobile && <ProjectSwitcher />}
          </Flex>
          <Flex align="center" gap={mobile ? 4 : 12}>
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu compact={mobile} />
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout>
        {!mobile && (
          <Layout.Sider
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            width={216}
            theme="light"
            style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
          >
            {menu}
          </Layout.Sider>
        )}
        {mobile && (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={280}
            title={t('common:appShortName')}
          >
            <div style={{ marginBottom: 16 }}>
              <Typography.Text type="secondary">{t('header.project')}</Typography.Text>
              <ProjectSwitcher width="100%" />
            </div>
            {menu}
          </Drawer>
        )}
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
