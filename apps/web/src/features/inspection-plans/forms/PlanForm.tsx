import { App, DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { InspectionPlanCreateSchema, InspectionPlanUpdateSchema } from '@opsdesk/contracts';
import type { Site } from '@opsdesk/contracts';
import { fromDateOnly, toDateOnly } from '../../../shared/format';
import { EntitySelect } from '../../../shared/components/EntitySelect';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { useCiTypes } from '../../ci-types/api/useCiTypes';
import { projectApi, projectKeys } from '../../projects/api/project.api';
import { siteApi, siteKeys } from '../../sites/api/site.api';
import { AssigneeSelect, GroupSelect } from '../../tickets/components/pickers';
import { useInspectionLabels } from '../../inspections/labels';
import { templateApi, templateKeys } from '../../inspection-templates/api/templates.api';
import { CiMultiSelect } from '../../work-orders/components/CiMultiSelect';
import { planApi, planKeys } from '../api/plans.api';
import type { InspectionPlan } from '../api/plans.api';

/** Server paths of list entries (`selection.ciIds.3`) → the field showing the list. */
function listAliases(): Record<string, (string | number)[]> {
  const out: Record<string, (string | number)[]> = {};
  for (let i = 0; i < 200; i++) {
    out[`templateIds.${i}`] = ['templateIds'];
    out[`selection.ciIds.${i}`] = ['selection', 'ciIds'];
    out[`selection.filter.siteIds.${i}`] = ['selection', 'filter', 'siteIds'];
    out[`selection.filter.ciTypeKeys.${i}`] = ['selection', 'filter', 'ciTypeKeys'];
    out[`selection.filter.tags.${i}`] = ['selection', 'filter', 'tags'];
  }
  return out;
}
const ALIASES = listAliases();

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Form values → the contract's body: the selection and schedule of the chosen kind only. */
function toBody(v: FormValues) {
  const sel = (v.selection ?? {}) as {
    mode?: string;
    ciIds?: string[];
    filter?: Record<string, string[] | undefined>;
  };
  const sch = (v.schedule ?? {}) as {
    kind?: string;
    day?: number;
    weekday?: number;
    month?: number;
    expression?: string;
  };
  const nonEmpty = (a: string[] | undefined) => (a?.length ? a : undefined);
  const selection =
    sel.mode === 'filter'
      ? {
          mode: 'filter',
          filter: {
            ...(nonEmpty(sel.filter?.ciTypeKeys) ? { ciTypeKeys: sel.filter!.ciTypeKeys } : {}),
            ...(nonEmpty(sel.filter?.siteIds) ? { siteIds: sel.filter!.siteIds } : {}),
            ...(nonEmpty(sel.filter?.tags) ? { tags: sel.filter!.tags } : {}),
          },
        }
      : { mode: 'explicit', ciIds: sel.ciIds ?? [] };
  const schedule =
    sch.kind === 'weekly'
      ? { kind: 'weekly', weekday: sch.weekday }
      : sch.kind === 'quarterly'
        ? { kind: 'quarterly', month: sch.month, day: sch.day }
        : sch.kind === 'cron'
          ? { kind: 'cron', expression: sch.expression ?? '' }
          : { kind: 'monthly', day: sch.day };
  return {
    name: v.name,
    templateIds: v.templateIds ?? [],
    selection,
    schedule,
    assigneeId: v.assigneeId ?? null,
    teamId: v.teamId ?? null,
    dueDays: v.dueDays,
    endsOn: toDateOnly(v.endsOn),
    active: v.active ?? true,
  };
}

function SitesSelect(props: {
  customerId: string | undefined;
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
}) {
  return (
    <EntitySelect<Site>
      id={props.id}
      multiple
      queryKey={[...siteKeys.all, 'plan-picker', props.customerId ?? 'any']}
      search={(q, signal) =>
        siteApi
          .list({ q: q || undefined, customerId: props.customerId, limit: 20 }, signal)
          .then((p) => p.items)
      }
      fetchOne={siteApi.get}
      toOption={(s) => ({ value: s.id, label: s.name })}
      value={props.value ?? []}
      onChange={(v) => props.onChange?.(Array.isArray(v) ? v : v ? [v] : [])}
    />
  );
}

/** The fields of a plan: templates, what to inspect, when, who and the due window. */
function PlanFields({ projectId, plan }: { projectId: string; plan?: InspectionPlan }) {
  const { t } = useTranslation(['inspectionPlans', 'inspectionTemplates']);
  const labels = useInspectionLabels();
  const { types } = useCiTypes();
  const form = Form.useFormInstance();
  const mode = (Form.useWatch(['selection', 'mode'], form) as string | undefined) ?? 'explicit';
  const kind = (Form.useWatch(['schedule', 'kind'], form) as string | undefined) ?? 'monthly';
  const project = useQuery({
    queryKey: projectKeys.detail(projectId),
    queryFn: ({ signal }) => projectApi.get(projectId, signal),
    staleTime: 5 * 60_000,
  });
  const templates = useQuery({
    queryKey: [...templateKeys.all, 'for-project', projectId],
    queryFn: ({ signal }) => templateApi.list({ projectId, limit: 200 }, signal),
    staleTime: 60_000,
  });
  const templateOptions = (templates.data?.items ?? []).map((x) => ({
    value: x.id,
    label: `${labels.text(x.name)} · ${t('inspectionTemplates:version', { version: x.version })}`,
  }));
  for (const x of plan?.templates ?? [])
    if (!templateOptions.some((o) => o.value === x.id))
      templateOptions.push({ value: x.id, label: `${labels.text(x.name)} · V${x.version}` });
  return (
    <>
      <Form.Item name="name" label={t('fields.name')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="templateIds" label={t('fields.templates')} required>
        <Select
          mode="multiple"
          options={templateOptions}
          loading={templates.isFetching}
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item name={['selection', 'mode']} label={t('fields.selection')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'explicit', label: t('selection.explicit') },
            { value: 'filter', label: t('selection.filter') },
          ]}
        />
      </Form.Item>
      {mode === 'explicit' ? (
        <Form.Item name={['selection', 'ciIds']} label={t('selection.cis')} required>
          <CiMultiSelect projectId={projectId} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name={['selection', 'filter', 'ciTypeKeys']} label={t('selection.ciTypes')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={types.map((x) => ({ value: x.key, label: labels.text(x.label) }))}
            />
          </Form.Item>
          <Form.Item name={['selection', 'filter', 'siteIds']} label={t('selection.sites')}>
            <SitesSelect customerId={project.data?.customerId} />
          </Form.Item>
          <Form.Item name={['selection', 'filter', 'tags']} label={t('selection.tags')}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} />
          </Form.Item>
        </>
      )}
      <Form.Item name={['schedule', 'kind']} label={t('schedule.kind')}>
        <Radio.Group
          optionType="button"
          options={(['monthly', 'weekly', 'quarterly', 'cron'] as const).map((k) => ({
            value: k,
            label: t(`schedule.${k}`),
          }))}
        />
      </Form.Item>
      {kind === 'quarterly' && (
        <Form.Item name={['schedule', 'month']} label={t('schedule.month')} required>
          <InputNumber min={1} max={3} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
      {(kind === 'monthly' || kind === 'quarterly') && (
        <Form.Item name={['schedule', 'day']} label={t('schedule.day')} required>
          <InputNumber min={1} max={31} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
      {kind === 'weekly' && (
        <Form.Item name={['schedule', 'weekday']} label={t('schedule.weekday')} required>
          <Select options={WEEKDAYS.map((d) => ({ value: Number(d), label: t(`schedule.weekdays.${d}`) }))} />
        </Form.Item>
      )}
      {kind === 'cron' && (
        <Form.Item name={['schedule', 'expression']} label={t('schedule.expression')} required>
          <Input placeholder="0 9 * * 1" maxLength={120} />
        </Form.Item>
      )}
      <Form.Item name="assigneeId" label={t('fields.assignee')} extra={t('assigneeOrTeam')}>
        <AssigneeSelect projectId={projectId} />
      </Form.Item>
      <Form.Item name="teamId" label={t('fields.team')}>
        <GroupSelect />
      </Form.Item>
      <Form.Item name="dueDays" label={t('fields.dueDays')} required>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      {!plan && (
        <Form.Item name="startsOn" label={t('fields.startsOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="endsOn" label={t('fields.endsOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="active" label={t('fields.active')} valuePropName="checked">
        <Switch checkedChildren={t('active')} unCheckedChildren={t('paused')} />
      </Form.Item>
    </>
  );
}

/** A new plan of a project: the tasks already due are generated at once. */
export function PlanCreateForm(props: {
  projectId: string;
  onDone: (plan: InspectionPlan) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['inspectionPlans', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: InspectionPlanCreateSchema,
    fieldNames: ALIASES,
    toInput: (v) => {
      const body = toBody(v);
      const startsOn = toDateOnly(v.startsOn);
      return { ...body, endsOn: body.endsOn ?? undefined, ...(startsOn ? { startsOn } : {}) };
    },
    submit: (data) => planApi.create(props.projectId, data),
    onSuccess: (plan) => {
      void qc.invalidateQueries({ queryKey: planKeys.all });
      void qc.invalidateQueries({ queryKey: ['inspections'] });
      message.success(t('common:form.created'));
      props.onDone(plan);
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={props.onCancel}
      submitLabel={t('create')}
      initialValues={{
        selection: { mode: 'explicit' },
        schedule: { kind: 'monthly', day: 1 },
        dueDays: 3,
        active: true,
      }}
    >
      <PlanFields projectId={props.projectId} />
    </ContractFormView>
  );
}

/** Changes a plan; generated tasks keep their CIs and template versions. */
export function PlanEditForm({ plan, onDone }: { plan: InspectionPlan; onDone: () => void }) {
  const { t } = useTranslation(['inspectionPlans', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: InspectionPlanUpdateSchema,
    fieldNames: ALIASES,
    toInput: toBody,
    submit: (data) => planApi.update(plan.id, data),
    onSuccess: (next) => {
      qc.setQueryData(planKeys.detail(plan.id), next);
      void qc.invalidateQueries({ queryKey: planKeys.all });
      void qc.invalidateQueries({ queryKey: ['inspections'] });
      message.success(t('common:form.saved'));
      onDone();
    },
  });
  const s = plan.selection;
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{
        name: plan.name,
        templateIds: plan.templates.map((x) => x.id),
        selection:
          s.mode === 'explicit' ? { mode: 'explicit', ciIds: s.ciIds } : { mode: 'filter', filter: s.filter },
        schedule: plan.schedule,
        assigneeId: plan.assignee?.id,
        teamId: plan.team?.id,
        dueDays: plan.dueDays,
        endsOn: fromDateOnly(plan.endsOn),
        active: plan.active,
      }}
    >
      <PlanFields projectId={plan.projectId} plan={plan} />
    </ContractFormView>
  );
}
