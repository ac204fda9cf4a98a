import { Link } from 'react-router';
import { Button, Flex, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionTask } from '@opsdesk/contracts';
import type { SubmitResult } from '../api/inspections.api';

/** After submitting: the counts, the findings it opened and the incidents raised at once. */
export function Submitted({ task, result }: { task: InspectionTask; result: SubmitResult | null }) {
  const { t } = useTranslation(['inspections', 'common']);
  const counts = result?.task.counts ?? task.counts;
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Result
        status="success"
        title={t('task.submitted')}
        subTitle={t('task.submittedSummary', { items: counts.items, abnormal: counts.abnormal })}
        extra={
          <Space wrap>
            <Link to="/inspection-tasks">
              <Button type="primary" size="large">
                {t('task.backToList')}
              </Button>
            </Link>
            {result && result.findings.created.length > 0 && (
              <Link to={`/findings?taskId=${task.id}`}>
                <Button size="large">{t('task.findings')}</Button>
              </Link>
            )}
          </Space>
        }
      >
        {result && (result.findings.created.length > 0 || result.incidents.length > 0) && (
          <Flex vertical gap={4}>
            {result.findings.created.length > 0 && (
              <Typography.Text>
                {t('task.findingsCreated', { count: result.findings.created.length })}
              </Typography.Text>
            )}
            {result.incidents.length > 0 && (
              <Typography.Text>
                {t('task.incidentsRaised', { numbers: result.incidents.map((i) => i.number).join(', ') })}
              </Typography.Text>
            )}
          </Flex>
        )}
      </Result>
    </div>
  );
}
