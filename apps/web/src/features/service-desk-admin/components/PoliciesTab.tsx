import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_ESCALATION_STEPS,
  ESCALATION_NOTIFY,
  SlaPolicyCreateSchema,
  SlaPolicyUpdateSchema,
} from '@opsdesk/contracts';
import type { Project } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { ListPage } from '../../../shared/list/ListPage';
import { wholeList } from '../../../shared/list/contract-list';
import type { ListColumn } from '../../../shared/list/types';
import { calendarApi, calendarKeys } from '../../calendars/api/calendars.api';
import { CategorySelect, GroupSelect, useCategories } from '../../tickets/components/pickers';
import { useTicketLabels } from '../../tickets/labels';
import { DESK_KINDS } from '../../tickets/pages/TicketQueuePage';
import { deskApi, deskKeys } from '../api/desk-admin.api';
import type { SlaPolicy } from '../api/desk-admin.api';
import { RowActions } from '../../../shared/list/RowActions';

const LEVELS = ['1', '2', '3', '4'] as const;
const ANY = 'any';

function useCalendarNames(projectId: string) {
  const q = useQuery({
    queryKey: calendarKeys.list(projectId),
    queryFn: ({ signal }) => calendarApi.list(projectId, signal),
  });
  return { items: q.data?.items ?? [], names: new Map((q.data?.items ?? []).map((c) => [c.id, c.name])) };
}

/** SLA policies: response and resolution targets per priority on a business calendar, and escalation steps. */
export function PoliciesTab({ project }: { project: Project }) {
  const { t } = useTranslation(['deskAdmin', 'common']);
  const labels = useTicketLabels();
  const manage = can(project, 'update');
  const create = useOverlay();
  const edit = useOverlay<SlaPolicy>();
  const calendars = useCalendarNames(project.id);
  const categories = new Map((useCategories(project.id).data?.items ?? []).map((c) => [c.id, c.name]));
  const anyLabel = t('rules.any');
  const target = (m: number | null | undefined) => (m ? labels.duration(m) : '—');
  const columns: ListColumn<SlaPolicy>[] = [
    { key: 'name', title: t('policies.name'), alwaysVisible: true },
    { key: 'kind', title: t('policies.kind'), value: (p) => (p.kind ? labels.kind(p.kind) : anyLabel) },
    {
      key: 'category',
      title: t('policies.category'),
      value: (p) => (p.categoryId ? (categories.get(p.categoryId) ?? '…') : anyLabel),
    },
    {
      key: 'calendar',
      title: t('policies.calendar'),
      value: (p) => calendars.names.get(p.calendarId) ?? '…',
    },
    {
      key: 'targets',
      title: t('policies.targets'),
      value: (p) =>
        LEVELS.filter((l) => p.targets[l])
          .map((l) =>
            t('policies.targetSummary', {
              p: l,
              response: target(p.targets[l]?.response),
              resolution: target(p.targets[l]?.resolution),
            }),
          )
          .join('; '),
      render: (p) => (
        <Flex vertical gap={2}>
          {LEVELS.filter((l) => p.targets[l]).map((l) => (
            <Typography.Text key={l} style={{ whiteSpace: 'nowrap' }}>
              {t('policies.targetSummary', {
                p: l,
                response: target(p.targets[l]?.response),
                resolution: target(p.targets[l]?.resolution),
              })}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    {
      key: 'escalations',
      title: t('policies.escalations'),
      value: (p) => p.escalations.map((e) => `${e.threshold}%`).join(' / '),
    },
    {
      key: 'active',
      title: t('policies.active'),
      value: (p) => p.active,
      render: (p) => (p.active ? <Tag color="green">{t('rules.on')}</Tag> : <Tag>{t('rules.off')}</Tag>),
    },
    ...(manage
      ? [
          {
            key: 'actions',
            title: t('common:actionsColumn'),
            noExport: true,
            render: (p: SlaPolicy) => (
              <RowActions
                onEdit={() => edit.show(p)}
                remove={{
                  name: p.name,
                  action: () => deskApi.removePolicy(p.id),
                  invalidate: deskKeys.policies(project.id),
                }}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <ListPage<SlaPolicy>
        listKey="sla-policies"
        description={t('policies.intro')}
        queryKey={deskKeys.policies(project.id)}
        fetchPage={wholeList((signal) => deskApi.policies(project.id, signal))}
        columns={columns}
        rowKey={(p) => p.id}
        paginated={false}
        emptyText={t('policies.empty')}
        create={manage ? { label: t('policies.create'), onClick: () => create.show() } : null}
      />
      <FormDrawer open={create.open} title={t('policies.create')} onClose={create.close} width={760}>
        <PolicyForm key={create.key} project={project} onDone={create.close} />
      </FormDrawer>
      <FormDrawer open={edit.open} title={t('policies.edit')} onClose={edit.close} width={760}>
        {edit.record && (
          <PolicyForm key={edit.key} project={project} policy={edit.record} onDone={edit.close} />
        )}
      </FormDrawer>
    </>
  );
}

type Targets = Partial<
  Record<(typeof LEVELS)[number], { response?: number | null; resolution?: number | null }>
>;

/** Form values → the contract's targets: a priority with neither target is left out. */
export function targetsOf(v: Targets | undefined) {
  const out: Record<string, { response: number | null; resolution: number | null }> = {};
  for (const l of LEVELS) {
    const row = v?.[l];
    const response = typeof row?.response === 'number' ? row.response : null;
    const resolution = typeof row?.resolution === 'number' ? row.resolution : null;
    if (response !== null || resolution !== null) out[l] = { response, resolution };
  }
  return out;
}

function PolicyForm(props: { project: Project; policy?: SlaPolicy; onDone: () => void }) {
  const { t } = useTranslation(['deskAdmin', 'common']);
  const labels = useTicketLabels();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const calendars = useCalendarNames(props.project.id);
  const p = props.policy;
  const toInput = (v: FormValues) => ({
    name: v.name,
    ...(p ? {} : { kind: v.kind === ANY ? null : v.kind, categoryId: v.categoryId ?? null }),
    calendarId: v.calendarId,
    targets: targetsOf(v.targets as Targets),
    escalations: ((v.escalations as FormValues[] | undefined) ?? []).map((e) => ({
      threshold: e.threshold,
      notify: e.notify ?? [],
      reassignGroupId: e.reassignGroupId ?? null,
      raisePriority: e.raisePriority === true,
    })),
    active: v.active !== false,
  });
  const createForm = useContractForm({
    schema: SlaPolicyCreateSchema,
    toInput,
    submit: (data) => deskApi.createPolicy(props.project.id, data),
    onSuccess: () => done(false),
  });
  const updateForm = useContractForm({
    schema: SlaPolicyUpdateSchema,
    toInput,
    submit: (data) => deskApi.updatePolicy(p!.id, data),
    onSuccess: () => done(true),
  });
  const done = (saved: boolean) => {
    void qc.invalidateQueries({ queryKey: deskKeys.policies(props.project.id) });
    message.success(saved ? t('common:form.saved') : t('common:form.created'));
    props.onDone();
  };
  const form = p ? updateForm : createForm;
  const initialTargets: Targets = {};
  for (const l of LEVELS)
    initialTargets[l] = {
      response: p?.targets[l]?.response ?? null,
      resolution: p?.targets[l]?.resolution ?? null,
    };
  return (
    <ContractFormView
      form={form}
      onCancel={props.onDone}
      initialValues={{
        name: p?.name,
        kind: p ? (p.kind ?? ANY) : ANY,
        categoryId: p?.categoryId ?? undefined,
        calendarId: p?.calendarId,
        targets: initialTargets,
        escalations: p?.escalations ?? DEFAULT_ESCALATION_STEPS,
        active: p?.active ?? true,
      }}
    >
      <Form.Item name="name" label={t('policies.name')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="kind"
          label={t('policies.kind')}
          style={{ minWidth: 200, flex: 1 }}
          extra={p ? t('policies.fixedAfterCreate') : undefined}
        >
          <Select
            disabled={!!p}
            options={[
              { value: ANY, label: t('rules.any') },
              ...DESK_KINDS.map((k) => ({ value: k, label: labels.kind(k) })),
            ]}
          />
        </Form.Item>
        <Form.Item name="categoryId" label={t('policies.category')} style={{ minWidth: 200, flex: 1 }}>
          <CategorySelect
            projectId={props.project.id}
            activeOnly={false}
            disabled={!!p}
            placeholder={t('rules.any')}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="calendarId" label={t('policies.calendar')} required extra={t('policies.calendarHint')}>
        <Select options={calendars.items.map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Card size="small" title={t('policies.targets')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('policies.targetsHint')}</Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          rowKey="p"
          dataSource={LEVELS.map((l) => ({ p: l }))}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'p', title: t('policies.priority'), render: (_: unknown, r) => labels.priority(r.p) },
            ...(['response', 'resolution'] as const).map((m) => ({
              key: m,
              title: t(`policies.${m}`),
              render: (_: unknown, r: { p: string }) => (
                <Form.Item name={['targets', r.p, m]} style={{ margin: 0 }}>
                  <InputNumber
                    min={1}
                    max={525600}
                    style={{ width: 140 }}
                    suffix={t('policies.minutes')}
                    aria-label={`${labels.priority(r.p)} ${t(`policies.${m}`)}`}
                  />
                </Form.Item>
              ),
            })),
          ]}
        />
      </Card>
      <Card size="small" title={t('policies.escalations')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('policies.escalationsHint')}</Typography.Paragraph>
        <Form.List name="escalations">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap align="flex-start">
                  <Form.Item
                    name={[field.name, 'threshold']}
                    style={{ margin: 0 }}
                    rules={[{ required: true, message: t('policies.thresholdRequired') }]}
                  >
                    <InputNumber
                      min={1}
                      max={1000}
                      suffix="%"
                      style={{ width: 110 }}
                      aria-label={t('policies.threshold')}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'notify']} style={{ margin: 0, minWidth: 220, flex: 1 }}>
                    <Select
                      mode="multiple"
                      aria-label={t('policies.notify')}
                      placeholder={t('policies.notify')}
                      options={ESCALATION_NOTIFY.map((n) => ({
                        value: n,
                        label: t(`policies.notifyWho.${n}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'reassignGroupId']}
                    style={{ margin: 0, minWidth: 180, flex: 1 }}
                  >
                    <GroupSelect placeholder={t('policies.reassign')} aria-label={t('policies.reassign')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'raisePriority']}
                    valuePropName="checked"
                    style={{ margin: 0 }}
                  >
                    <Checkbox>{t('policies.raisePriority')}</Checkbox>
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    aria-label={t('common:actions.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    threshold: 100,
                    notify: [...ESCALATION_NOTIFY],
                    reassignGroupId: null,
                    raisePriority: false,
                  })
                }
                disabled={fields.length >= 10}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('policies.addStep')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Card>
      <Form.Item name="active" label={t('policies.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </ContractFormView>
  );
}
