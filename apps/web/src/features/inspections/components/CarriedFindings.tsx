import { Alert, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import type { FindingBrief } from '../api/inspections.api';
import { SeverityTag } from '../labels';

/** The open findings of earlier rounds on this CI (and, once submitted, what this round raised). */
export function CarriedFindings({ findings }: { findings: FindingBrief[] }) {
  const { t } = useTranslation(['inspections', 'findings']);
  if (!findings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="carried-findings"
      title={t('task.carried')}
      description={
        <Flex vertical gap={8}>
          {findings.map((f) => (
            <div key={f.id}>
              <Flex gap={4} wrap align="center">
                <SeverityTag severity={f.severity} />
                <Typography.Text strong>{f.title}</Typography.Text>
                {f.status === 'resolved' && <Tag color="green">{t('findings:status.resolved')}</Tag>}
                {f.incident && (
                  <Link to={`/tickets/${f.incident.id}`}>
                    <Tag color="blue">{f.incident.number}</Tag>
                  </Link>
                )}
                {f.workOrder && (
                  <Link to={`/work-orders/${f.workOrder.id}`}>
                    <Tag color="cyan">{f.workOrder.number}</Tag>
                  </Link>
                )}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
                {f.quote}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('task.carriedLine', { date: formatDate(f.since.slice(0, 10)), count: f.occurrences })}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      }
    />
  );
}
