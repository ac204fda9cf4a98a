import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserKind } from '@opsdesk/contracts';
import { projectApi, projectKeys } from '../api/project.api';

/**
 * Pick people of a project's team (one option per person, whatever their roles), optionally only
 * some kinds of user — staff for task owners, staff and subcontractor staff for the duty roster.
 */
export function ProjectMemberSelect({
  projectId,
  kinds,
  value,
  onChange,
  multiple,
  id,
  placeholder,
  allowClear = true,
  'aria-label': ariaLabel,
}: {
  projectId: string;
  kinds?: UserKind[];
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  'aria-label'?: string;
}) {
  const { t } = useTranslation(['projects', 'common']);
  const members = useQuery({
    queryKey: projectKeys.members(projectId),
    queryFn: ({ signal }) => projectApi.members(projectId, signal),
  });
  const people = new Map<string, { name: string; roles: string[] }>();
  for (const m of members.data?.items ?? []) {
    if (kinds && !kinds.includes(m.userKind)) continue;
    const p = people.get(m.userId) ?? { name: m.displayName, roles: [] };
    p.roles.push(t(`common:enums.projectRole.${m.role}`));
    people.set(m.userId, p);
  }
  const options = [...people].map(([userId, p]) => ({
    value: userId,
    label: t('members.option', { name: p.name, roles: p.roles.join(t('members.roleSeparator')) }),
  }));
  return (
    <Select<string | string[]>
      id={id}
      aria-label={ariaLabel}
      mode={multiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      loading={members.isFetching}
      allowClear={allowClear}
      placeholder={placeholder}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
    />
  );
}
