import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { ProjectMemberSelect } from '../../projects/components/ProjectMemberSelect';
import { teamApi, teamKeys } from '../../teams/api/team.api';
import type { RosterOwner } from '../api/roster.api';

type Props = {
  owner: RosterOwner;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  id?: string;
  'aria-label'?: string;
};

/**
 * Who may be on a roster: a project's staff and subcontractor staff (not customer contacts), or a
 * team's members.
 */
export function RosterPersonSelect({ owner, ...props }: Props) {
  if ('projectId' in owner)
    return (
      <ProjectMemberSelect projectId={owner.projectId} kinds={['staff', 'subcontractor_staff']} {...props} />
    );
  return <TeamMemberSelect teamId={owner.teamId} {...props} />;
}

function TeamMemberSelect({
  teamId,
  value,
  onChange,
  multiple,
  id,
  ...rest
}: Omit<Props, 'owner'> & { teamId: string }) {
  const team = useQuery({
    queryKey: [...teamKeys.all, 'one', teamId],
    queryFn: ({ signal }) => teamApi.get(teamId, signal),
  });
  return (
    <Select<string | string[]>
      id={id}
      aria-label={rest['aria-label']}
      mode={multiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      loading={team.isFetching}
      options={(team.data?.members ?? []).map((m) => ({ value: m.userId, label: m.displayName }))}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      style={{ width: '100%' }}
    />
  );
}
