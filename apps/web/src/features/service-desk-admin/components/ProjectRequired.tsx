import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Project } from '@opsdesk/contracts';
import { setCurrentProjectId, useCurrentProjectId } from '../../../app/session/project';
import { QueryState } from '../../../shared/components/QueryState';
import { projectApi, projectKeys } from '../../projects/api/project.api';
import { ProjectSelect } from '../../tickets/components/pickers';

/**
 * Pages that configure one project (the header's): asks for one when none is chosen, and hands
 * the loaded project (with its abilities) to the page.
 */
export function ProjectRequired({ children }: { children: (project: Project) => ReactNode }) {
  const { t } = useTranslation('deskAdmin');
  const projectId = useCurrentProjectId();
  const query = useQuery({
    queryKey: projectKeys.detail(projectId ?? ''),
    queryFn: ({ signal }) => projectApi.get(projectId!, signal),
    enabled: !!projectId,
  });
  if (!projectId)
    return (
      <Card style={{ maxWidth: 560 }}>
        <Alert type="info" showIcon title={t('chooseProject')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph type="secondary">{t('chooseProjectHint')}</Typography.Paragraph>
        <ProjectSelect aria-label={t('chooseProject')} onChange={(v) => setCurrentProjectId(v ?? null)} />
      </Card>
    );
  return <QueryState query={query}>{(p) => children(p)}</QueryState>;
}
