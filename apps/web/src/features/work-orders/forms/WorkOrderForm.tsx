import { App, DatePicker, Form, Input, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { WorkOrderCreateSchema, WorkOrderUpdateSchema } from '@opsdesk/contracts';
import type { WorkOrder } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { projectApi, projectKeys } from '../../projects/api/project.api';
import { SiteSelect } from '../../cmdb/components/SiteSelect';
import { SubcontractorSelect } from '../../subcontractors/components/SubcontractorSelect';
import { AssigneeSelect, ProjectSelect, TicketSelect } from '../../tickets/components/pickers';
import { useTicketLabels } from '../../tickets/labels';
import { workOrderApi, workOrderKeys } from '../api/work-orders.api';
import { CiMultiSelect } from '../components/CiMultiSelect';
import { useInspectionLabels } from '../../inspections/labels';

const iso = (v: unknown) => (dayjs.isDayjs(v) ? v.toISOString() : null);
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && !v.trim());

/** The arrival areas of a project (现场限时服务), for the area picker and the page. */
export function useArrivalTargets(projectId: string | null | undefined) {
  return useQuery({
    queryKey: workOrderKeys.arrivalTargets(projectId ?? ''),
    queryFn: ({ signal }) => workOrderApi.arrivalTargets(projectId!, signal),
    enabled: !!projectId,
    staleTime: 5 * 60_000,
  });
}

function PlanFields({
  projectId,
  knownCis,
}: {
  projectId: string | null | undefined;
  knownCis?: { value: string; label: string }[];
}) {
  const { t } = useTranslation('workOrders');
  const labels = useInspectionLabels();
  const project = useQuery({
    queryKey: projectKeys.detail(projectId ?? ''),
    queryFn: ({ signal }) => projectApi.get(projectId!, signal),
    enabled: !!projectId,
    staleTime: 5 * 60_000,
  });
  const targets = useArrivalTargets(projectId);
  return (
    <>
      <Form.Item name="ciIds" label={t('fields.cis')}>
        <CiMultiSelect projectId={projectId} knownOptions={knownCis} placeholder={t('pickers.cis')} />
      </Form.Item>
      <Form.Item name="siteId" label={t('fields.site')}>
        <SiteSelect customerId={project.data?.customerId} />
      </Form.Item>
      <Form.Item name="areaKey" label={t('fields.area')}>
        <Select
          allowClear
          placeholder={t('pickers.area')}
          options={(targets.data?.targets ?? []).map((a) => ({
            value: a.areaKey,
            label: t('areaLine', { label: labels.text(a.label), minutes: a.minutes }),
          }))}
        />
      </Form.Item>
      <Form.Item name="plannedStart" label={t('fields.plannedStart')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="plannedEnd" label={t('fields.plannedEnd')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="instructions" label={t('fields.instructions')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} />
      </Form.Item>
    </>
  );
}

/** A new work order: on its own (planned maintenance) or for an incident or request (`parentId`). */
export function WorkOrderCreateForm(props: {
  projectId: string | null;
  parentId?: string;
  onDone: (wo: WorkOrder) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['workOrders', 'tickets', 'common']);
  const labels = useTicketLabels();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: WorkOrderCreateSchema,
    toInput: (v: FormValues) => {
      const out: FormValues = {};
      for (const [k, val] of Object.entries(v)) if (!blank(val)) out[k] = val;
      out.plannedStart = iso(v.plannedStart) ?? undefined;
      out.plannedEnd = iso(v.plannedEnd) ?? undefined;
      return out;
    },
    submit: (data) => workOrderApi.create(data),
    onSuccess: (wo) => {
      void qc.invalidateQueries({ queryKey: workOrderKeys.all });
      message.success(t('common:form.created'));
      props.onDone(wo);
    },
  });
  const projectId = Form.useWatch('projectId', form.form) as string | undefined;
  const levels = [1, 2, 3, 4];
  return (
    <ContractFormView
      form={form}
      onCancel={props.onCancel}
      submitLabel={t('create')}
      initialValues={{
        projectId: props.projectId ?? undefined,
        parentId: props.parentId,
        impact: 3,
        urgency: 3,
      }}
    >
      <Form.Item name="projectId" label={t('fields.project')} required>
        <ProjectSelect />
      </Form.Item>
      <Form.Item name="title" label={t('fields.title')} required>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="parentId" label={t('fields.parent')}>
        <TicketSelect projectId={projectId} />
      </Form.Item>
      <Form.Item name="description" label={t('fields.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={50000} />
      </Form.Item>
      <PlanFields projectId={projectId} />
      <Form.Item name="impact" label={t('fields.impact')}>
        <Select options={levels.map((l) => ({ value: l, label: labels.impact(l) }))} />
      </Form.Item>
      <Form.Item name="urgency" label={t('fields.urgency')}>
        <Select options={levels.map((l) => ({ value: l, label: labels.urgency(l) }))} />
      </Form.Item>
      <Form.Item name="assigneeId" label={t('fields.assignee')}>
        {projectId ? <AssigneeSelect projectId={projectId} /> : <Select disabled />}
      </Form.Item>
      <Form.Item name="subcontractorId" label={t('fields.subcontractor')}>
        <SubcontractorSelect placeholder={t('pickers.subcontractor')} />
      </Form.Item>
    </ContractFormView>
  );
}

/** Changes the plan of a work order (desk and managers): window, site, area, CIs, instructions. */
export function WorkOrderPlanForm({ wo, onDone }: { wo: WorkOrder; onDone: () => void }) {
  const { t } = useTranslation(['workOrders', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: WorkOrderUpdateSchema,
    toInput: (v: FormValues) => ({
      title: v.title,
      description: v.description ?? '',
      ciIds: v.ciIds ?? [],
      siteId: v.siteId ?? null,
      areaKey: v.areaKey ?? null,
      plannedStart: iso(v.plannedStart),
      plannedEnd: iso(v.plannedEnd),
      instructions: v.instructions ?? '',
    }),
    submit: (data) => workOrderApi.update(wo.id, data),
    onSuccess: (next) => {
      qc.setQueryData(workOrderKeys.detail(wo.id), next);
      void qc.invalidateQueries({ queryKey: workOrderKeys.all });
      message.success(t('common:form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{
        title: wo.title,
        description: wo.description,
        ciIds: wo.workOrder.cis.map((c) => c.id),
        siteId: wo.workOrder.site?.id,
        areaKey: wo.workOrder.area?.key,
        plannedStart: wo.workOrder.plannedStart ? dayjs(wo.workOrder.plannedStart) : undefined,
        plannedEnd: wo.workOrder.plannedEnd ? dayjs(wo.workOrder.plannedEnd) : undefined,
        instructions: wo.workOrder.instructions,
      }}
    >
      <Form.Item name="title" label={t('fields.title')} required>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="description" label={t('fields.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={50000} />
      </Form.Item>
      <PlanFields
        projectId={wo.projectId}
        knownCis={wo.workOrder.cis.map((c) => ({ value: c.id, label: c.name }))}
      />
    </ContractFormView>
  );
}
