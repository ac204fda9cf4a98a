import { useSearchParams } from 'react-router';
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Project } from '@opsdesk/contracts';
import { ProjectRequired } from '../components/ProjectRequired';
import { BreachesTab } from '../components/BreachesTab';
import { CategoriesTab } from '../components/CategoriesTab';
import { MatrixTab } from '../components/MatrixTab';
import { PoliciesTab } from '../components/PoliciesTab';
import { RulesTab } from '../components/RulesTab';
import { TasksTab } from '../components/TasksTab';

const TABS = ['categories', 'matrix', 'rules', 'policies', 'breaches', 'tasks'] as const;
type Tab = (typeof TABS)[number];

/** `/service-desk/settings`: the header project's desk — categories, matrix, routing, SLA, breaches. */
export default function ServiceDeskSettingsPage() {
  return <ProjectRequired>{(p) => <Settings project={p} />}</ProjectRequired>;
}

function Settings({ project }: { project: Project }) {
  const { t } = useTranslation('deskAdmin');
  const [sp, setSp] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(sp.get('tab') ?? '')
    ? (sp.get('tab') as Tab)
    : 'categories';
  const body = (k: Tab) => {
    switch (k) {
      case 'categories':
        return <CategoriesTab project={project} />;
      case 'matrix':
        return <MatrixTab project={project} />;
      case 'rules':
        return <RulesTab project={project} />;
      case 'policies':
        return <PoliciesTab project={project} />;
      case 'breaches':
        return <BreachesTab project={project} />;
      case 'tasks':
        return <TasksTab project={project} />;
    }
  };
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('title', { project: `${project.code} ${project.name}` })}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSp({ tab: key }, { replace: true })}
        items={TABS.map((k) => ({ key: k, label: t(`tabs.${k}`), children: tab === k ? body(k) : null }))}
      />
    </>
  );
}
