import { Link, useNavigate } from 'react-router';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { InspectionTemplateListQuery } from '@opsdesk/contracts';
import { useMe } from '../../../app/session/me';
import { useCurrentProjectId } from '../../../app/session/project';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { useInspectionLabels } from '../../inspections/labels';
import { projectFilter } from '../../tickets/components/pickers';
import { templateApi, templateKeys } from '../api/templates.api';
import type { InspectionTemplateListItem } from '../api/templates.api';
import { ProjectName } from '../components/ProjectName';
import { TemplateCreateForm } from '../forms/TemplateForm';

const fetchTemplates = contractList(InspectionTemplateListQuery, templateApi.list);

export function TemplateTags({
  tpl,
}: {
  tpl: Pick<InspectionTemplateListItem, 'builtIn' | 'archived' | 'version'>;
}) {
  const { t } = useTranslation('inspectionTemplates');
  return (
    <>
      <Tag color="blue">{t('version', { version: tpl.version })}</Tag>
      {tpl.builtIn && <Tag color="purple">{t('builtIn')}</Tag>}
      {tpl.archived && <Tag>{t('archived')}</Tag>}
    </>
  );
}

/** `/inspection-templates`: the built-in templates, every project's and the projects' own. */
export default function TemplateListPage() {
  const { t } = useTranslation(['inspectionTemplates', 'common']);
  const labels = useInspectionLabels();
  const me = useMe();
  const navigate = useNavigate();
  const headerProject = useCurrentProjectId();
  const create = useOverlay();
  const filters: ListFilter[] = [
    projectFilter(t('fields.project')),
    {
      name: 'includeArchived',
      label: t('fields.includeArchived'),
      options: [{ value: 'true', label: t('fields.includeArchived') }],
      width: 130,
    },
  ];
  const columns: ListColumn<InspectionTemplateListItem>[] = [
    {
      key: 'name',
      title: t('fields.name'),
      sortKey: 'name',
      alwaysVisible: true,
      value: (r) => labels.text(r.name),
      render: (r) => (
        <Space size={4} wrap>
          <Link to={`/inspection-templates/${encodeURIComponent(r.id)}`}>{labels.text(r.name)}</Link>
          <TemplateTags tpl={r} />
        </Space>
      ),
    },
    {
      key: 'project',
      title: t('fields.project'),
      value: (r) => (r.projectId ? r.projectId.slice(0, 8) : t('everyProject')),
      render: (r) => (r.projectId ? <ProjectName id={r.projectId} /> : t('everyProject')),
    },
    {
      key: 'ciTypes',
      title: t('fields.ciTypes'),
      value: (r) => r.ciTypeKeys.map(labels.ciType).join('、'),
    },
    { key: 'itemCount', title: t('fields.itemCount'), value: (r) => r.itemCount, align: 'right' },
    {
      key: 'updatedAt',
      title: t('fields.updatedAt'),
      sortKey: 'updatedAt',
      value: (r) => formatDateTime(r.updatedAt),
    },
  ];
  return (
    <>
      <ListPage<InspectionTemplateListItem>
        listKey="inspection-templates"
        title={t('title')}
        queryKey={templateKeys.all}
        fetchPage={fetchTemplates}
        columns={columns}
        rowKey={(r) => r.id}
        filters={filters}
        searchPlaceholder={t('searchPlaceholder')}
        emptyText={t('empty')}
        create={me.kind === 'staff' ? { label: t('create'), onClick: () => create.show() } : null}
      />
      <FormDrawer open={create.open} title={t('create')} onClose={create.close} width={720}>
        <TemplateCreateForm
          key={create.key}
          projectId={headerProject}
          onCancel={create.close}
          onDone={(tpl) => {
            create.close();
            void navigate(`/inspection-templates/${encodeURIComponent(tpl.id)}`);
          }}
        />
      </FormDrawer>
    </>
  );
}
