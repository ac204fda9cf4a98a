import { Button, Card, Descriptions, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Project } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { formatDate, formatDateTime } from '../../../shared/format';
import { PhaseTag } from '../../lifecycle/components/TaskTags';
import { MoneyText } from './MoneyText';
import { ProjectStatusTag } from './ProjectStatusTag';

/** `5×8`, `7×24` — the API writes `5x8`. */
const hours = (h: string) => h.replace('x', '×');

/** The project's overview and contract details (合同信息). */
export function ProjectOverview({ project, onEdit }: { project: Project; onEdit: () => void }) {
  const { t } = useTranslation(['projects', 'common']);
  const none = t('common:empty');
  const text = (v: string | null) => v ?? none;
  const block = (v: string | null) => <div style={{ whiteSpace: 'pre-wrap' }}>{v ?? none}</div>;
  const flags = [
    project.customerSelfMaintains && t('fields.customerSelfMaintains'),
    project.viaReseller && t('fields.viaReseller'),
  ].filter((x): x is string => Boolean(x));
  const h = project.serviceHours;

  return (
    <Card
      extra={
        can(project, 'update') && (
          <Button icon={<EditOutlined />} onClick={onEdit}>
            {t('common:actions.edit')}
          </Button>
        )
      }
    >
      <Descriptions
        title={t('sections.basic')}
        style={{ marginBottom: 16 }}
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        items={[
          { key: 'code', label: t('fields.code'), children: project.code },
          { key: 'name', label: t('fields.name'), children: project.name },
          {
            key: 'customer',
            label: t('fields.customer'),
            children: <Link to={`/customers/${project.customerId}`}>{project.customerName}</Link>,
          },
          {
            key: 'status',
            label: t('fields.status'),
            children: <ProjectStatusTag status={project.status} />,
          },
          { key: 'phase', label: t('fields.phase'), children: <PhaseTag phase={project.phase} /> },
          { key: 'region', label: t('fields.region'), children: text(project.region) },
          { key: 'division', label: t('fields.division'), children: text(project.division) },
        ]}
      />
      <Descriptions
        title={t('sections.contract')}
        style={{ marginBottom: 16 }}
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        items={[
          { key: 'contractNo', label: t('fields.contractNo'), children: text(project.contractNo) },
          {
            key: 'contractValue',
            label: t('fields.contractValue'),
            children: <MoneyText value={project.contractValue} />,
          },
          {
            key: 'businessLine',
            label: t('fields.businessLine'),
            children: project.businessLine ? t(`enums.businessLine.${project.businessLine}`) : none,
          },
          {
            key: 'deliveryType',
            label: t('fields.deliveryType'),
            children: project.deliveryType ? t(`enums.deliveryType.${project.deliveryType}`) : none,
          },
          { key: 'warrantyEnd', label: t('fields.warrantyEnd'), children: formatDate(project.warrantyEnd) },
          {
            key: 'renewalStatus',
            label: t('fields.renewalStatus'),
            children: t(`enums.renewalStatus.${project.renewalStatus}`),
          },
          ...(flags.length
            ? [
                {
                  key: 'flags',
                  label: t('fields.maintenance'),
                  children: flags.map((f) => <Tag key={f}>{f}</Tag>),
                },
              ]
            : []),
        ]}
      />
      <Descriptions
        title={t('sections.service')}
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        items={[
          { key: 'startDate', label: t('fields.startDate'), children: formatDate(project.startDate) },
          { key: 'endDate', label: t('fields.endDate'), children: formatDate(project.endDate) },
          {
            key: 'serviceHours',
            label: t('fields.serviceHours'),
            children: [
              t('fields.onSiteShown', { hours: hours(h.onSite) }),
              h.hotline ? t('fields.hotlineShown', { hours: hours(h.hotline) }) : t('fields.noHotline'),
              h.note,
            ]
              .filter(Boolean)
              .join(t('fields.hoursSeparator')),
          },
          {
            key: 'scopeDescription',
            label: t('fields.scopeDescription'),
            span: 'filled',
            children: block(project.scopeDescription),
          },
          {
            key: 'description',
            label: t('fields.description'),
            span: 'filled',
            children: block(project.description),
          },
          { key: 'createdAt', label: t('common:createdAt'), children: formatDateTime(project.createdAt) },
          { key: 'updatedAt', label: t('common:updatedAt'), children: formatDateTime(project.updatedAt) },
        ]}
      />
    </Card>
  );
}
