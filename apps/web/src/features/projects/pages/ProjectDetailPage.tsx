import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Tabs } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Project } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { DetailHeader } from '../../../shared/components/DetailHeader';
import { QueryState } from '../../../shared/components/QueryState';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { formatDate, formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { projectApi, projectKeys } from '../api/project.api';
import { ProjectMembers } from '../components/ProjectMembers';
import { ProjectStatusTag } from '../components/ProjectStatusTag';
import { ProjectSubcontractors } from '../components/ProjectSubcontractors';
import { ProjectEditForm } from '../forms/ProjectForm';

const TABS = ['overview', 'members', 'subcontractors'] as const;
type Tab = (typeof TABS)[number];

export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => projectApi.get(id, signal),
  });
  return <QueryState query={query}>{(p) => <ProjectDetail project={p} />}</QueryState>;
}

function ProjectDetail({ project }: { project: Project }) {
  const { t } = useTranslation(['projects', 'common']);
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(sp.get('tab') ?? '')
    ? (sp.get('tab') as Tab)
    : 'overview';
  const edit = useOverlay();
  const confirm = useConfirmAction();
  const none = t('common:empty');

  const overview = (
    <Card
      extra={
        can(project, 'update') && (
          <Button icon={<EditOutlined />} onClick={() => edit.show()}>
            {t('common:actions.edit')}
          </Button>
        )
      }
    >
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2 }}
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
          { key: 'division', label: t('fields.division'), children: project.division ?? none },
          { key: 'region', label: t('fields.region'), children: project.region ?? none },
          { key: 'startDate', label: t('fields.startDate'), children: formatDate(project.startDate) },
          { key: 'endDate', label: t('fields.endDate'), children: formatDate(project.endDate) },
          { key: 'createdAt', label: t('common:createdAt'), children: formatDateTime(project.createdAt) },
          { key: 'updatedAt', label: t('common:updatedAt'), children: formatDateTime(project.updatedAt) },
          {
            key: 'description',
            label: t('fields.description'),
            span: 'filled',
            children: <div style={{ whiteSpace: 'pre-wrap' }}>{project.description ?? none}</div>,
          },
        ]}
      />
    </Card>
  );

  return (
    <>
      <DetailHeader
        backTo="/projects"
        title={`${project.code} ${project.name}`}
        tags={<ProjectStatusTag status={project.status} />}
        actions={
          can(project, 'delete') && (
            <Button
              danger
              icon={<DeleteOutlined />}
              onClick={() =>
                confirm({
                  title: t('common:confirm.deleteTitle', { name: project.name }),
                  content: t('common:confirm.deleteContent'),
                  okText: t('common:actions.delete'),
                  action: () => projectApi.remove(project.id),
                  invalidate: projectKeys.all,
                  success: t('common:form.deleted'),
                  onDone: () => void navigate('/projects'),
                })
              }
            >
              {t('common:actions.delete')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setSp({ tab: key }, { replace: true })}
        items={[
          { key: 'overview', label: t('tabs.overview'), children: overview },
          { key: 'members', label: t('tabs.members'), children: <ProjectMembers project={project} /> },
          {
            key: 'subcontractors',
            label: t('tabs.subcontractors'),
            children: <ProjectSubcontractors project={project} />,
          },
        ]}
      />
      <FormDrawer open={edit.open} title={t('edit')} onClose={edit.close}>
        <ProjectEditForm key={edit.key} project={project} onDone={edit.close} />
      </FormDrawer>
    </>
  );
}
