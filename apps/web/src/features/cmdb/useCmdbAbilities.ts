import { useQuery } from '@tanstack/react-query';
import { useMe } from '../../app/session/me';
import { useAbilities } from '../../shared/abilities/useAbilities';
import { cmdbApi, cmdbKeys } from './api/cmdb.api';

/**
 * What the user may do in a project's CMDB: create and edit CIs (`update`), import files
 * (`import`). The API has no project-level CMDB abilities yet, so this reads them from a CI of
 * the project (its `abilities`: `update`, and `delete` which goes with importing); with no CI to
 * ask, staff are offered the action and the server decides. Never derived from roles here.
 */
export function useCmdbAbilities(projectId: string | null | undefined): { update: boolean; import: boolean } {
  const me = useMe();
  const admin = useAbilities().manageOrganisation;
  const staff = me.kind === 'staff';
  const probe = useQuery({
    queryKey: [...cmdbKeys.cis, 'abilities-probe', projectId],
    queryFn: ({ signal }) => cmdbApi.list({ projectId: projectId!, limit: 1 }, signal),
    enabled: staff && !admin && !!projectId,
    staleTime: 5 * 60_000,
  });
  if (admin) return { update: true, import: true };
  if (!staff) return { update: false, import: false };
  const sample = probe.data?.items[0];
  if (sample) return { update: sample.abilities.update, import: sample.abilities.delete };
  return { update: true, import: true };
}
