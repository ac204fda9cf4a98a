import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../app/layout/LanguageSwitch';

/** The frame of the signed-out pages: brand, language switch, one card. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation(['auth', 'common']);
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '24px 16px', background: '#f5f7fa' }}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 960 }}>
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" style={{ width: '100%', maxWidth: 400, marginTop: '8vh' }}>
        <Typography.Title level={2} style={{ marginBottom: 0 }}>
          {t('common:appShortName')}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ marginBottom: 24 }}>
          {t('login.subtitle')}
        </Typography.Text>
        <Card title={title} style={{ width: '100%' }}>
          {children}
        </Card>
      </Flex>
    </Flex>
  );
}
