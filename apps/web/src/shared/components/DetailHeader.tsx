import type { ReactNode } from 'react';
import { Button, Flex, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Title row of a detail page: back to the list, title, tags, actions (wrap on a phone). */
export function DetailHeader(props: {
  backTo: string;
  title: ReactNode;
  tags?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation('common');
  const navigate = useNavigate();
  return (
    <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 16 }}>
      <Space wrap align="center">
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          aria-label={t('actions.back')}
          onClick={() => void navigate(props.backTo)}
        />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {props.title}
        </Typography.Title>
        {props.tags}
      </Space>
      {props.actions && <Space wrap>{props.actions}</Space>}
    </Flex>
  );
}
