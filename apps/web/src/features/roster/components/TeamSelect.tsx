import type { Team } from '@opsdesk/contracts';
import { EntitySelect } from '../../../shared/components/EntitySelect';
import type { EntitySelectProps } from '../../../shared/components/EntitySelect';
import { teamApi, teamKeys } from '../../teams/api/team.api';

type Props = Omit<EntitySelectProps<Team>, 'queryKey' | 'search' | 'fetchOne' | 'toOption'>;

/** Pick a team by searching `/teams?q=` (a duty team, a team's roster). */
export function TeamSelect(props: Props) {
  return (
    <EntitySelect<Team>
      queryKey={[...teamKeys.all, 'picker']}
      search={(q, signal) => teamApi.list({ q: q || undefined, limit: 20 }, signal).then((p) => p.items)}
      fetchOne={teamApi.get}
      toOption={(x) => ({ value: x.id, label: x.name })}
      {...props}
    />
  );
}
