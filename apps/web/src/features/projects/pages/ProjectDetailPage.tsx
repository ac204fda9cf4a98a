import type { ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Tabs } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Project } from '@opsdesk/contracts';
import { useMe } from '../../../app/session/me';
import { can } from '../../../shared/abilities/useAbilities';
import { DetailHeader } from '../../../shared/components/DetailHeader';
import { QueryState } from '../../../shared/components/QueryState';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { HandoverPanel } from '../../handovers/components/HandoverPanel';
import { LifecyclePanel } from '../../lifecycle/components/LifecyclePanel';
import { PhaseTag } from '../../lifecycle/components/TaskTags';
import { OnDutyNow } from '../../roster/components/OnDutyNow';
import { RosterCalendar } from '../../roster/components/RosterCalendar';
import { projectApi, projectKeys } from '../api/project.api';
import { ProjectDocuments } from '../components/ProjectDocuments';
import { ProjectOverview } from '../components/ProjectOverview';
import { ProjectStatusTag } from '../components/ProjectStatusTag';
import { ProjectTeam } from '../components/ProjectTeam';
import { ProjectEditForm } from '../forms/ProjectForm';

const TABS = ['overview', 'team', 'handover', 'lifecycle', 'roster', 'documents'] as const;
type Tab = (typeof TABS)[number];
/** Old links: the team and the subcontractors were two tabs. */
const ALIASES: Record<string, Tab> = { members: 'team', subcontractors: 'team' };

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
  const me = useMe();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  // The handover is the provider's internal work (staff only); customer contacts see no roster.
  const internal = me.kind === 'staff';
  const tabs = TABS.filter(
    (x) => (x !== 'handover' || internal) && (x !== 'roster' || me.kind !== 'customer_contact'),
  );
  const asked = sp.get('tab') ?? '';
  const wanted = ALIASES[asked] ?? asked;
  const tab: Tab = (tabs as readonly string[]).includes(wanted) ? (wanted as Tab) : 'overview';
  const edit = useOverlay();
  const confirm = useConfirmAction();

  const panels: Record<Tab, { label: string; children: ReactNode }> = {
    overview: {
      label: t('tabs.overview'),
      children: <ProjectOverview project={project} onEdit={() => edit.show()} />,
    },
    team: { label: t('tabs.team'), children: <ProjectTeam project={project} /> },
    handover: { label: t('tabs.handover'), children: <HandoverPanel project={project} /> },
    lifecycle: { label: t('tabs.lifecycle'), children: <LifecyclePanel project={project} /> },
    roster: {
      label: t('tabs.roster'),
      children: (
        <>
          <div style={{ marginBottom: 16 }}>
            <OnDutyNow owner={{ projectId: project.id }} />
          </div>
          <RosterCalendar owner={{ projectId: project.id }} />
        </>
      ),
    },
    documents: { label: t('tabs.documents'), children: <ProjectDocuments project={project} /> },
  };

  return (
    <>
      <DetailHeader
        backTo="/projects"
        title={`${project.code} ${project.name}`}
        tags={
          <>
            <ProjectStatusTag status={project.status} />
            <PhaseTag phase={project.phase} />
          </>
        }
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
        destroyOnHidden
        onChange={(key) => setSp({ tab: key }, { replace: true })}
        items={tabs.map((key) => ({ key, ...panels[key] }))}
      />
      <FormDrawer open={edit.open} title={t('edit')} onClose={edit.close} width={720}>
        <ProjectEditForm key={edit.key} project={project} onDone={edit.close} />
      </FormDrawer>
    </>
  );
}
