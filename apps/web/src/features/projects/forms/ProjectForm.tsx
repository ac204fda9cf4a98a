import type { ReactNode } from 'react';
import { App, Checkbox, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  DELIVERY_TYPES,
  PROJECT_BUSINESS_LINES,
  PROJECT_STATUSES,
  ProjectCreateSchema,
  ProjectUpdateSchema,
  RENEWAL_STATUSES,
} from '@opsdesk/contracts';
import type { Project } from '@opsdesk/contracts';
import { fromDateOnly, toDateOnly } from '../../../shared/format';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { CustomerSelect } from '../../customers/components/CustomerSelect';
import { TeamSelect } from '../../roster/components/TeamSelect';
import { projectApi, projectKeys } from '../api/project.api';
import { MoneyInput } from '../components/MoneyInput';

/** The defaults of a new contract: 5×8 on site and a 7×24 hotline (editable). */
export const DEFAULT_SERVICE_HOURS = { onSite: '5x8', hotline: '7x24', note: null };

/**
 * Form values → the contract's input: DatePickers hold dayjs (→ `YYYY-MM-DD`); an empty hotline
 * means none; the amount is already the string the API wants (see MoneyInput).
 */
export const toProjectInput = (v: FormValues) => {
  const hours = (v.serviceHours ?? {}) as Record<string, unknown>;
  const hotline = typeof hours.hotline === 'string' ? hours.hotline.trim() : '';
  return {
    ...v,
    startDate: toDateOnly(v.startDate),
    endDate: toDateOnly(v.endDate),
    warrantyEnd: toDateOnly(v.warrantyEnd),
    contractValue: v.contractValue ?? null,
    dutyTeamId: v.dutyTeamId ?? null,
    serviceHours: { onSite: hours.onSite ?? '', hotline: hotline || null, note: hours.note ?? null },
  };
};

const Section = ({ children }: { children: string }) => (
  <Typography.Title level={5} style={{ marginTop: 8 }}>
    {children}
  </Typography.Title>
);

/** Half-width fields side by side on a desktop, stacked on a phone. */
const Pair = ({ children }: { children: ReactNode }) => (
  <Flex gap={12} wrap>
    {children}
  </Flex>
);
const half = { style: { flex: '1 1 220px', minWidth: 0 } };

function ProjectFields({ withCustomer }: { withCustomer: boolean }) {
  const { t } = useTranslation(['projects', 'common']);
  return (
    <>
      <Section>{t('sections.basic')}</Section>
      <Pair>
        <Form.Item name="code" label={t('fields.code')} required {...half}>
          <Input maxLength={40} placeholder="PRJ-2026-001" />
        </Form.Item>
        <Form.Item name="status" label={t('fields.status')} required {...half}>
          <Select
            options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`common:enums.projectStatus.${s}`) }))}
          />
        </Form.Item>
      </Pair>
      <Form.Item name="name" label={t('fields.name')} required>
        <Input maxLength={200} />
      </Form.Item>
      {withCustomer && (
        <Form.Item name="customerId" label={t('fields.customer')} required>
          <CustomerSelect />
        </Form.Item>
      )}
      <Pair>
        <Form.Item name="region" label={t('fields.region')} {...half}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="division" label={t('fields.division')} {...half}>
          <Input maxLength={60} />
        </Form.Item>
      </Pair>

      <Section>{t('sections.contract')}</Section>
      <Pair>
        <Form.Item name="contractNo" label={t('fields.contractNo')} {...half}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="contractValue" label={t('fields.contractValue')} {...half}>
          <MoneyInput placeholder="35,000,000.00" />
        </Form.Item>
      </Pair>
      <Pair>
        <Form.Item name="businessLine" label={t('fields.businessLine')} {...half}>
          <Select
            allowClear
            options={PROJECT_BUSINESS_LINES.map((b) => ({ value: b, label: t(`enums.businessLine.${b}`) }))}
          />
        </Form.Item>
        <Form.Item name="deliveryType" label={t('fields.deliveryType')} {...half}>
          <Select
            allowClear
            options={DELIVERY_TYPES.map((d) => ({ value: d, label: t(`enums.deliveryType.${d}`) }))}
          />
        </Form.Item>
      </Pair>
      <Pair>
        <Form.Item name="warrantyEnd" label={t('fields.warrantyEnd')} {...half}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="renewalStatus" label={t('fields.renewalStatus')} {...half}>
          <Select
            options={RENEWAL_STATUSES.map((r) => ({ value: r, label: t(`enums.renewalStatus.${r}`) }))}
          />
        </Form.Item>
      </Pair>
      <Form.Item extra={t('fields.modeFactsHelp')}>
        <Flex gap={16} wrap>
          <Form.Item name="customerSelfMaintains" valuePropName="checked" noStyle>
            <Checkbox>{t('fields.customerSelfMaintains')}</Checkbox>
          </Form.Item>
          <Form.Item name="viaReseller" valuePropName="checked" noStyle>
            <Checkbox>{t('fields.viaReseller')}</Checkbox>
          </Form.Item>
        </Flex>
      </Form.Item>

      <Section>{t('sections.service')}</Section>
      <Pair>
        <Form.Item name="startDate" label={t('fields.startDate')} {...half}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endDate" label={t('fields.endDate')} {...half}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Pair>
      <Pair>
        <Form.Item
          name={['serviceHours', 'onSite']}
          label={t('fields.onSiteHours')}
          required
          extra={t('fields.hoursHelp')}
          {...half}
        >
          <Input maxLength={5} placeholder="5x8" />
        </Form.Item>
        <Form.Item
          name={['serviceHours', 'hotline']}
          label={t('fields.hotlineHours')}
          extra={t('fields.hotlineHelp')}
          {...half}
        >
          <Input maxLength={5} placeholder="7x24" allowClear />
        </Form.Item>
      </Pair>
      <Form.Item name={['serviceHours', 'note']} label={t('fields.hoursNote')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="dutyTeamId" label={t('fields.dutyTeam')} extra={t('fields.dutyTeamHelp')}>
        <TeamSelect />
      </Form.Item>
      <Form.Item name="scopeDescription" label={t('fields.scopeDescription')}>
        <Input.TextArea rows={4} maxLength={8000} />
      </Form.Item>
      <Form.Item name="description" label={t('fields.description')}>
        <Input.TextArea rows={3} maxLength={8000} />
      </Form.Item>
    </>
  );
}

/** A new service project (contract); `customerId` fixes the customer (from the customer's page). */
export function ProjectCreateForm({
  customerId,
  onDone,
}: {
  customerId?: string;
  onDone: (saved?: Project) => void;
}) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: ProjectCreateSchema,
    toInput: toProjectInput,
    fixed: customerId ? { customerId } : undefined,
    submit: (data) => projectApi.create(data),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: projectKeys.all });
      message.success(t('form.created'));
      onDone(saved);
    },
  });
  return (
    <ContractFormView
      form={form}
      initialValues={{
        status: 'planned',
        renewalStatus: 'first_term',
        serviceHours: DEFAULT_SERVICE_HOURS,
        customerSelfMaintains: false,
        viaReseller: false,
      }}
      onCancel={() => onDone()}
    >
      <ProjectFields withCustomer={!customerId} />
    </ContractFormView>
  );
}

/** Edit a project's overview and contract details; its customer does not change. */
export function ProjectEditForm({ project, onDone }: { project: Project; onDone: () => void }) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: ProjectUpdateSchema,
    toInput: toProjectInput,
    submit: (data) => projectApi.update(project.id, data),
    onSuccess: () => {
      // The mode suggestion rests on these details: it sits under the project key and refreshes too.
      void qc.invalidateQueries({ queryKey: projectKeys.all });
      message.success(t('form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{
        code: project.code,
        name: project.name,
        status: project.status,
        division: project.division,
        region: project.region,
        startDate: fromDateOnly(project.startDate),
        endDate: fromDateOnly(project.endDate),
        description: project.description,
        contractNo: project.contractNo,
        contractValue: project.contractValue,
        businessLine: project.businessLine ?? undefined,
        deliveryType: project.deliveryType ?? undefined,
        warrantyEnd: fromDateOnly(project.warrantyEnd),
        renewalStatus: project.renewalStatus,
        customerSelfMaintains: project.customerSelfMaintains,
        viaReseller: project.viaReseller,
        serviceHours: project.serviceHours,
        scopeDescription: project.scopeDescription,
        dutyTeamId: project.dutyTeamId ?? undefined,
      }}
    >
      <ProjectFields withCustomer={false} />
    </ContractFormView>
  );
}
