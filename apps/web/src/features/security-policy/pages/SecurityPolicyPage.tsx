import { Alert, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SecurityPolicyDto } from '@opsdesk/contracts';
import { useAbilities } from '../../../shared/abilities/useAbilities';
import { QueryState } from '../../../shared/components/QueryState';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { securityPolicyApi, securityPolicyKeys } from '../api/security-policy.api';
import { POLICY_FIELDS, SecurityPolicyForm } from '../forms/SecurityPolicyForm';

const UNIT = {
  passwordMinLength: 'units.chars',
  passwordMinClasses: 'units.classes',
  lockoutThreshold: 'units.times',
  lockoutMinutes: 'units.minutes',
  idleTimeoutMinutes: 'units.minutes',
  sessionMaxHours: 'units.hours',
} as const satisfies Record<keyof SecurityPolicyDto, string>;

export default function SecurityPolicyPage() {
  const { t } = useTranslation(['security', 'common']);
  const abilities = useAbilities();
  const edit = useOverlay();
  const query = useQuery({
    queryKey: securityPolicyKeys.all,
    queryFn: ({ signal }) => securityPolicyApi.get(signal),
  });

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        {abilities.manageSecurityPolicy && query.data && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => edit.show()}>
            {t('edit')}
          </Button>
        )}
      </Flex>
      <Alert type="info" showIcon title={t('intro')} style={{ marginBottom: 16 }} />
      <QueryState query={query}>
        {(policy) => (
          <>
            <Card>
              <Descriptions
                column={{ xs: 1, md: 2 }}
                items={POLICY_FIELDS.map((f) => ({
                  key: f,
                  label: t(`fields.${f}`),
                  children: t(UNIT[f], { value: policy[f] }),
                }))}
              />
            </Card>
            <FormDrawer open={edit.open} title={t('edit')} onClose={edit.close}>
              <SecurityPolicyForm key={edit.key} policy={policy} onDone={edit.close} />
            </FormDrawer>
          </>
        )}
      </QueryState>
    </>
  );
}
