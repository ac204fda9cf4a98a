import { useQuery } from '@tanstack/react-query';
import { Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Project, Team, TicketListItem } from '@opsdesk/contracts';
import { useMe } from '../../../app/session/me';
import { EntitySelect } from '../../../shared/components/EntitySelect';
import type { ListFilter } from '../../../shared/list/types';
import type { EntityOption } from '../../../shared/components/EntitySelect';
import { projectApi, projectKeys } from '../../projects/api/project.api';
import { teamApi, teamKeys } from '../../teams/api/team.api';
import { categoryTree, deskApi, deskKeys } from '../../service-desk-admin/api/desk-admin.api';
import type { CategoryNode } from '../../service-desk-admin/api/desk-admin.api';
import { ticketApi, ticketKeys } from '../api/tickets.api';
import type { Requester } from '../api/tickets.api';

interface ValueProps<V = string> {
  id?: string;
  value?: V | null;
  onChange?: (value: V | undefined) => void;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
}

/** A project the user sees, searched by code or name. */
export function ProjectSelect(props: ValueProps) {
  const { t } = useTranslation('tickets');
  return (
    <EntitySelect<Project>
      id={props.id}
      aria-label={props['aria-label']}
      queryKey={[...projectKeys.all, 'ticket-picker']}
      search={(q, signal) => projectApi.list({ q: q || undefined, limit: 20 }, signal).then((p) => p.items)}
      fetchOne={projectApi.get}
      toOption={(p) => ({ value: p.id, label: `${p.code} ${p.name}` })}
      value={props.value ?? null}
      onChange={(v) => props.onChange?.(typeof v === 'string' ? v : undefined)}
      placeholder={props.placeholder ?? t('pickers.project')}
      disabled={props.disabled}
    />
  );
}

/** A list's filter by project: a `ProjectSelect` bound to the URL's `projectId`. */
export function projectFilter(label: string): ListFilter {
  return {
    name: 'projectId',
    label,
    render: (value, onChange) => (
      <ProjectSelect aria-label={label} value={value} onChange={onChange} placeholder={label} />
    ),
    width: 220,
  };
}

/**
 * Someone who may work the project's tickets: its staff and engaged field engineers (the server
 * checks it again). The members list is short, so it is searched in the browser.
 */
export function AssigneeSelect(props: ValueProps & { projectId: string }) {
  const { t } = useTranslation(['tickets', 'common']);
  const me = useMe();
  const members = useQuery({
    queryKey: projectKeys.members(props.projectId),
    queryFn: ({ signal }) => projectApi.members(props.projectId, signal),
    staleTime: 60_000,
  });
  const seen = new Map<string, EntityOption & { mine: boolean }>();
  for (const m of members.data?.items ?? []) {
    if (m.userKind === 'customer_contact') continue;
    const prev = seen.get(m.userId);
    const role = t(`common:enums.projectRole.${m.role}`);
    const name = m.userId === me.id ? t('pickers.me', { name: m.displayName }) : m.displayName;
    seen.set(m.userId, {
      value: m.userId,
      label: prev ? `${prev.label}${t('events.listSeparator')}${role}` : `${name} · ${role}`,
      mine: m.userId === me.id,
    });
  }
  const options = [...seen.values()].sort((a, b) => Number(b.mine) - Number(a.mine));
  return (
    <Select
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value ?? undefined}
      onChange={(v: string | undefined) => props.onChange?.(v)}
      options={options.map(({ value, label }) => ({ value, label }))}
      loading={members.isFetching}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      placeholder={props.placeholder ?? t('pickers.assignee')}
      disabled={props.disabled}
      style={{ width: '100%' }}
    />
  );
}

/** An assignment group (a team). */
export function GroupSelect(props: ValueProps<string | null>) {
  const { t } = useTranslation('tickets');
  return (
    <EntitySelect<Team>
      id={props.id}
      aria-label={props['aria-label']}
      queryKey={[...teamKeys.all, 'ticket-picker']}
      search={(q, signal) => teamApi.list({ q: q || undefined, limit: 20 }, signal).then((p) => p.items)}
      fetchOne={teamApi.get}
      toOption={(team) => ({ value: team.id, label: team.name })}
      value={props.value ?? null}
      onChange={(v) => props.onChange?.(typeof v === 'string' ? v : undefined)}
      placeholder={props.placeholder ?? t('pickers.group')}
      disabled={props.disabled}
    />
  );
}

/** Another ticket, by number or words (for links, merges and parents). */
export function TicketSelect(props: ValueProps & { projectId?: string; excludeId?: string }) {
  const { t } = useTranslation('tickets');
  return (
    <EntitySelect<TicketListItem>
      id={props.id}
      aria-label={props['aria-label']}
      queryKey={[...ticketKeys.all, 'picker', props.projectId ?? 'any', props.excludeId ?? '']}
      search={(q, signal) =>
        ticketApi
          .list({ q: q || undefined, projectId: props.projectId, limit: 20, queue: 'all' }, signal)
          .then((p) => p.items.filter((i) => i.id !== props.excludeId))
      }
      fetchOne={ticketApi.get}
      toOption={(i) => ({ value: i.id, label: `${i.number} ${i.title}` })}
      value={props.value ?? null}
      onChange={(v) => props.onChange?.(typeof v === 'string' ? v : undefined)}
      placeholder={props.placeholder ?? t('pickers.ticket')}
      disabled={props.disabled}
    />
  );
}

export function useCategories(projectId: string | null | undefined) {
  return useQuery({
    queryKey: deskKeys.categories(projectId ?? ''),
    queryFn: ({ signal }) => deskApi.categories(projectId!, signal),
    enabled: !!projectId,
    staleTime: 60_000,
  });
}

type TreeOption = { value: string; title: string; disabled?: boolean; children?: TreeOption[] };
function toTree(nodes: CategoryNode[], activeOnly: boolean, exclude?: string): TreeOption[] {
  return nodes
    .filter((n) => n.id !== exclude && (!activeOnly || n.active))
    .map((n) => ({
      value: n.id,
      title: n.name,
      ...(n.children ? { children: toTree(n.children, activeOnly, exclude) } : {}),
    }));
}

/** A category of the project's tree. */
export function CategorySelect(
  props: ValueProps<string | null> & {
    projectId: string | null | undefined;
    activeOnly?: boolean;
    excludeId?: string;
  },
) {
  const { t } = useTranslation('tickets');
  const query = useCategories(props.projectId);
  const tree = toTree(categoryTree(query.data?.items ?? []), props.activeOnly ?? true, props.excludeId);
  return (
    <TreeSelect
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value ?? undefined}
      onChange={(v: string | undefined) => props.onChange?.(v ?? undefined)}
      treeData={tree}
      loading={query.isFetching}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      treeDefaultExpandAll
      placeholder={props.placeholder ?? t('pickers.category')}
      disabled={props.disabled || !props.projectId}
      style={{ width: '100%' }}
    />
  );
}

/** `王科长 · 138… · wang@…`: the caller, among the contacts of the project's customer. */
export function requesterLabel(r: Requester): string {
  return [r.displayName, r.phone, r.email].filter(Boolean).join(' · ');
}

/** Phone logging: find the caller by name, phone, e-mail or username. */
export function RequesterSelect(
  props: ValueProps & { projectId: string | null | undefined; autoFocus?: boolean },
) {
  const { t } = useTranslation('tickets');
  const projectId = props.projectId;
  return (
    <EntitySelect<Requester>
      key={projectId ?? 'none'}
      id={props.id}
      aria-label={props['aria-label']}
      queryKey={ticketKeys.requesters(projectId ?? '')}
      search={(q, signal) =>
        projectId
          ? ticketApi.requesters(projectId, { q: q || undefined, limit: 20 }, signal).then((r) => r.items)
          : Promise.resolve([])
      }
      toOption={(r) => ({ value: r.id, label: requesterLabel(r) })}
      value={props.value ?? null}
      onChange={(v) => props.onChange?.(typeof v === 'string' ? v : undefined)}
      placeholder={props.placeholder ?? t('pickers.requester')}
      disabled={props.disabled || !projectId}
    />
  );
}
