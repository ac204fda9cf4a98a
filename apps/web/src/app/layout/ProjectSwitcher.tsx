import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Project } from '@opsdesk/contracts';
import { isApiError } from '../api/client';
import { EntitySelect } from '../../shared/components/EntitySelect';
import { projectApi, projectKeys } from '../../features/projects/api/project.api';
import { setCurrentProjectId, useCurrentProjectId } from '../session/project';

/**
 * The current project for project-bound modules, searched with `/projects?q=`. Kept in
 * localStorage (see session/project.ts); a project that is gone or out of scope is forgotten.
 */
export function ProjectSwitcher({ width = 240 }: { width?: number | string }) {
  const { t } = useTranslation('layout');
  const projectId = useCurrentProjectId();
  const qc = useQueryClient();
  return (
    <div style={{ width }}>
      <EntitySelect<Project>
        aria-label={t('header.project')}
        queryKey={[...projectKeys.all, 'switcher']}
        search={(q, signal) =>
          projectApi.list({ q: q || undefined, status: undefined, limit: 20 }, signal).then((p) => p.items)
        }
        fetchOne={(id, signal) =>
          projectApi.get(id, signal).catch((e: unknown) => {
            if (isApiError(e) && e.status === 404) {
              setCurrentProjectId(null);
              qc.removeQueries({ queryKey: [...projectKeys.all, 'switcher', 'one', id] });
            }
            throw e;
          })
        }
        toOption={(p) => ({ value: p.id, label: `${p.code} ${p.name}` })}
        value={projectId}
        placeholder={t('header.allProjects')}
        onChange={(v) => setCurrentProjectId(typeof v === 'string' ? v : null)}
      />
    </div>
  );
}
