import { useQuery } from '@tanstack/react-query';
import { useMe } from '../../app/session/me';
import { projectApi, projectKeys } from '../projects/api/project.api';

/**
 * What the user may do in a project's CMDB: create and edit CIs (`update`), import files
 * (`import`) — the project's own abilities (`cmdbCreate`, `cmdbImport`), computed by the server.
 * With every project shown (no project), staff are offered both: the form and the import wizard
 * ask for the project, and the server decides there. Never derived from roles here.
 */
export function useCmdbAbilities(projectId: string | null | undefined): {
  update: boolean;
  import: boolean;
  /** The project's abilities have arrived (false while they load; true with no project). */
  known: boolean;
} {
  const staff = useMe().kind === 'staff';
  const project = useQuery({
    queryKey: projectKeys.detail(projectId ?? ''),
    queryFn: ({ signal }) => projectApi.get(projectId!, signal),
    enabled: !!projectId,
    staleTime: 5 * 60_000,
  });
  if (!projectId) return { update: staff, import: staff, known: true };
  const abilities = project.data?.abilities;
  return {
    update: abilities?.cmdbCreate ?? false,
    import: abilities?.cmdbImport ?? false,
    known: !!abilities,
  };
}
