import { App, Form, Input, InputNumber, Select, Switch, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RoutingRuleCreateSchema, TicketChannelSchema } from '@opsdesk/contracts';
import type { Project } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { useContractForm } from '../../../shared/form/useContractForm';
import { ListPage } from '../../../shared/list/ListPage';
import { wholeList } from '../../../shared/list/contract-list';
import type { ListColumn } from '../../../shared/list/types';
import { teamApi, teamKeys } from '../../teams/api/team.api';
import { CategorySelect, GroupSelect, useCategories } from '../../tickets/components/pickers';
import { useTicketLabels } from '../../tickets/labels';
import { DESK_KINDS } from '../../tickets/pages/TicketQueuePage';
import { deskApi, deskKeys } from '../api/desk-admin.api';
import type { RoutingRule } from '../api/desk-admin.api';
import { RowActions } from '../../../shared/list/RowActions';

const ANY = 'any';

/** Team names for rows that carry only ids (the teams list is short). */
export function useTeamNames() {
  const q = useQuery({
    queryKey: [...teamKeys.all, 'names'],
    queryFn: ({ signal }) => teamApi.list({ limit: 200 }, signal),
    staleTime: 60_000,
  });
  return new Map((q.data?.items ?? []).map((team) => [team.id, team.name]));
}

/** Routing rules in order: the first that matches a new ticket names its group. */
export function RulesTab({ project }: { project: Project }) {
  const { t } = useTranslation(['deskAdmin', 'common']);
  const labels = useTicketLabels();
  const manage = can(project, 'update');
  const create = useOverlay();
  const edit = useOverlay<RoutingRule>();
  const teams = useTeamNames();
  const categories = new Map((useCategories(project.id).data?.items ?? []).map((c) => [c.id, c.name]));
  const anyLabel = t('rules.any');
  const columns: ListColumn<RoutingRule>[] = [
    { key: 'position', title: t('rules.position'), align: 'right' },
    { key: 'name', title: t('rules.name'), alwaysVisible: true },
    {
      key: 'kinds',
      title: t('rules.kinds'),
      value: (r) => (r.kinds.length ? r.kinds.map((k) => labels.kind(k)).join(', ') : anyLabel),
    },
    {
      key: 'category',
      title: t('rules.category'),
      value: (r) => (r.categoryId ? (categories.get(r.categoryId) ?? '…') : anyLabel),
    },
    {
      key: 'channels',
      title: t('rules.channels'),
      value: (r) => (r.channels.length ? r.channels.map((c) => labels.channel(c)).join(', ') : anyLabel),
    },
    {
      key: 'keywords',
      title: t('rules.keywords'),
      value: (r) => r.keywords.join(', ') || anyLabel,
      render: (r) => (r.keywords.length ? r.keywords.map((k) => <Tag key={k}>{k}</Tag>) : anyLabel),
    },
    {
      key: 'businessStopped',
      title: t('rules.businessStopped'),
      value: (r) =>
        r.businessStopped === null ? anyLabel : r.businessStopped ? t('common:yes') : t('common:no'),
    },
    { key: 'group', title: t('rules.group'), value: (r) => teams.get(r.groupId) ?? '…' },
    {
      key: 'active',
      title: t('rules.active'),
      value: (r) => r.active,
      render: (r) => (r.active ? <Tag color="green">{t('rules.on')}</Tag> : <Tag>{t('rules.off')}</Tag>),
    },
    ...(manage
      ? [
          {
            key: 'actions',
            title: t('common:actionsColumn'),
            noExport: true,
            render: (r: RoutingRule) => (
              <RowActions
                onEdit={() => edit.show(r)}
                remove={{
                  name: r.name,
                  action: () => deskApi.removeRule(r.id),
                  invalidate: deskKeys.rules(project.id),
                }}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <ListPage<RoutingRule>
        listKey="routing-rules"
        description={t('rules.intro')}
        queryKey={deskKeys.rules(project.id)}
        fetchPage={wholeList((signal) => deskApi.rules(project.id, signal))}
        columns={columns}
        rowKey={(r) => r.id}
        paginated={false}
        emptyText={t('rules.empty')}
        create={manage ? { label: t('rules.create'), onClick: () => create.show() } : null}
      />
      <FormDrawer open={create.open} title={t('rules.create')} onClose={create.close}>
        <RuleForm key={create.key} project={project} onDone={create.close} />
      </FormDrawer>
      <FormDrawer open={edit.open} title={t('rules.edit')} onClose={edit.close}>
        {edit.record && <RuleForm key={edit.key} project={project} rule={edit.record} onDone={edit.close} />}
      </FormDrawer>
    </>
  );
}

function RuleForm(props: { project: Project; rule?: RoutingRule; onDone: () => void }) {
  const { t } = useTranslation(['deskAdmin', 'common']);
  const labels = useTicketLabels();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const r = props.rule;
  // The create schema's output is a complete rule, a valid PATCH body too.
  const form = useContractForm({
    schema: RoutingRuleCreateSchema,
    toInput: (v) => ({
      ...v,
      categoryId: v.categoryId ?? null,
      kinds: v.kinds ?? [],
      channels: v.channels ?? [],
      keywords: v.keywords ?? [],
      businessStopped:
        v.businessStopped === ANY || v.businessStopped === undefined ? null : v.businessStopped === 'true',
      position: v.position ?? 0,
    }),
    submit: (data) => (r ? deskApi.updateRule(r.id, data) : deskApi.createRule(props.project.id, data)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: deskKeys.rules(props.project.id) });
      message.success(r ? t('common:form.saved') : t('common:form.created'));
      props.onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={props.onDone}
      initialValues={
        r
          ? {
              ...r,
              categoryId: r.categoryId ?? undefined,
              businessStopped: r.businessStopped === null ? ANY : String(r.businessStopped),
            }
          : { position: 0, kinds: [], channels: [], keywords: [], businessStopped: ANY, active: true }
      }
    >
      <Form.Item name="name" label={t('rules.name')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="position" label={t('rules.position')} extra={t('rules.positionHint')}>
        <InputNumber min={0} max={10000} />
      </Form.Item>
      <Form.Item name="kinds" label={t('rules.kinds')} extra={t('rules.emptyMeansAny')}>
        <Select mode="multiple" options={DESK_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />
      </Form.Item>
      <Form.Item name="categoryId" label={t('rules.category')} extra={t('rules.categoryHint')}>
        <CategorySelect projectId={props.project.id} activeOnly={false} />
      </Form.Item>
      <Form.Item name="channels" label={t('rules.channels')} extra={t('rules.emptyMeansAny')}>
        <Select
          mode="multiple"
          options={TicketChannelSchema.options.map((c) => ({ value: c, label: labels.channel(c) }))}
        />
      </Form.Item>
      <Form.Item name="keywords" label={t('rules.keywords')} extra={t('rules.keywordsHint')}>
        <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="businessStopped" label={t('rules.businessStopped')}>
        <Select
          options={[
            { value: ANY, label: t('rules.any') },
            { value: 'true', label: t('common:yes') },
            { value: 'false', label: t('common:no') },
          ]}
        />
      </Form.Item>
      <Form.Item name="groupId" label={t('rules.group')} required>
        <GroupSelect />
      </Form.Item>
      <Form.Item name="active" label={t('rules.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </ContractFormView>
  );
}
