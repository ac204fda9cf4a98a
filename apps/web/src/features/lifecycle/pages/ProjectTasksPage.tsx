import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProjectTaskViewQuery } from '@opsdesk/contracts';
import type { ProjectTask, PROJECT_TASK_VIEWS } from '@opsdesk/contracts';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import { lifecycleApi, lifecycleKeys } from '../api/lifecycle.api';
import { useTaskColumns } from '../components/taskColumns';
import { useTaskDrawer } from '../components/TaskDrawer';

type View = (typeof PROJECT_TASK_VIEWS)[number];
const VIEWS: View[] = ['mine', 'overdue', 'due_soon', 'awaiting_approval'];
const fetchView = contractList(ProjectTaskViewQuery, lifecycleApi.view);

/** Lifecycle tasks across the projects in scope: mine, overdue, due within 7 days, awaiting approval. */
export default function ProjectTasksPage() {
  const { t } = useTranslation('lifecycle');
  const [sp, setSp] = useSearchParams();
  const view: View = (VIEWS as string[]).includes(sp.get('view') ?? '') ? (sp.get('view') as View) : 'mine';
  const drawer = useTaskDrawer();
  const columns = useTaskColumns(drawer.show);
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('views.title')}
      </Typography.Title>
      <Tabs
        activeKey={view}
        onChange={(v) => setSp({ view: v }, { replace: true })}
        destroyOnHidden
        items={VIEWS.map((v) => ({
          key: v,
          label: t(`views.${v}`),
          children: (
            <ListPage<ProjectTask>
              listKey={`project-tasks-${v}`}
              description={t(`views.${v}Help`)}
              queryKey={lifecycleKeys.view(v)}
              fetchPage={fetchView}
              fixedParams={{ view: v }}
              columns={columns}
              rowKey={(x) => x.id}
              emptyText={t(`views.${v}Empty`)}
            />
          ),
        }))}
      />
      {drawer.element}
    </>
  );
}
