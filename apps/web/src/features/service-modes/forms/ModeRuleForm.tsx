import { App, Button, Card, Checkbox, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  ModeConditionSchema,
  PROJECT_BUSINESS_LINES,
  RENEWAL_STATUSES,
  SERVICE_MODES,
  ServiceModeRuleCreateSchema,
  ServiceModeRuleUpdateSchema,
  VARIANTS_BY_MODE,
} from '@opsdesk/contracts';
import type { ServiceMode, ServiceModeRuleDto } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { MoneyInput } from '../../projects/components/MoneyInput';
import { serviceModeApi, serviceModeKeys } from '../api/service-mode.api';
import type { ModeImplications } from '../components/ModeFacts';
import { useFactValueText } from '../components/ModeFacts';

/** The yes/no facts, from the contract's condition schema. */
const BOOLEAN_FACTS = ModeConditionSchema.options[0].shape.fact.options;
const FACTS = [...BOOLEAN_FACTS, 'businessLine', 'renewal', 'contractValue'] as const;
type Fact = (typeof FACTS)[number];
const isBoolean = (f: unknown) => (BOOLEAN_FACTS as readonly unknown[]).includes(f);
const AMOUNT_OPS = ['gt', 'gte', 'lt', 'lte'] as const;

const NOTHING: ModeImplications = {
  customerManager: false,
  subcontractor: false,
  supplies: { spares: false, consumables: false, repairCosts: false },
  qualityMonitoring: {
    periodicChecks: false,
    onSiteReturnVisits: false,
    phoneReturnVisits: false,
    onSiteManagement: false,
  },
};

/**
 * Form rows → the contract's conditions. Each row keeps the server's names (`when.N.value`,
 * `when.N.values`) so field errors land on it; the operator follows from the fact except for amounts.
 */
const toInput = (v: FormValues) => ({
  ...v,
  when: ((v.when as Record<string, unknown>[] | undefined) ?? []).map((c) => {
    if (isBoolean(c.fact)) return { fact: c.fact, op: 'is', value: c.value ?? true };
    if (c.fact === 'businessLine' || c.fact === 'renewal')
      return { fact: c.fact, op: 'in', values: c.values ?? [] };
    const amount = typeof c.value === 'string' && c.value !== '' ? Number(c.value) : c.value;
    return { fact: c.fact, op: c.op ?? 'gt', value: amount };
  }),
});

/** Rule → form rows (amount thresholds as the money input's string). */
const toForm = (r: ServiceModeRuleDto) => ({
  key: r.key,
  mode: r.mode,
  variant: r.variant,
  reason: r.reason,
  implies: r.implies,
  when: r.when.map((c) => (c.fact === 'contractValue' ? { ...c, value: c.value.toFixed(2) } : { ...c })),
});

function ConditionRow({ name, onRemove }: { name: number; onRemove: () => void }) {
  const { t } = useTranslation(['serviceModes', 'common']);
  const form = Form.useFormInstance();
  const valueText = useFactValueText();
  const fact = Form.useWatch(['when', name, 'fact'], form) as Fact | undefined;
  const factOptions = FACTS.map((f) => ({ value: f, label: t(`facts.${f}`) }));
  return (
    <Card size="small" style={{ marginBottom: 8 }}>
      <Flex gap={8} wrap align="start">
        <Form.Item
          name={[name, 'fact']}
          label={t('rules.conditionFact')}
          style={{ minWidth: 160, flex: '1 1 160px', marginBottom: 8 }}
        >
          <Select
            options={factOptions}
            onChange={(f: Fact) => {
              form.setFieldValue(['when', name], {
                fact: f,
                op: f === 'contractValue' ? 'gt' : undefined,
                value: isBoolean(f) ? true : undefined,
                values: f === 'businessLine' || f === 'renewal' ? [] : undefined,
              });
            }}
          />
        </Form.Item>
        {fact === 'contractValue' && (
          <>
            <Form.Item
              name={[name, 'op']}
              label={t('rules.conditionOp')}
              style={{ width: 120, marginBottom: 8 }}
            >
              <Select options={AMOUNT_OPS.map((op) => ({ value: op, label: t(`ops.${op}`) }))} />
            </Form.Item>
            <Form.Item
              name={[name, 'value']}
              label={t('rules.conditionAmount')}
              style={{ flex: '1 1 200px', marginBottom: 8 }}
            >
              <MoneyInput />
            </Form.Item>
          </>
        )}
        {fact !== undefined && isBoolean(fact) && (
          <Form.Item name={[name, 'value']} label={t('rules.conditionValue')} style={{ marginBottom: 8 }}>
            <Radio.Group
              options={[
                { value: true, label: t('common:yes') },
                { value: false, label: t('common:no') },
              ]}
            />
          </Form.Item>
        )}
        {(fact === 'businessLine' || fact === 'renewal') && (
          <Form.Item
            name={[name, 'values']}
            label={t('rules.conditionValues')}
            extra={fact === 'businessLine' ? t('rules.businessLineHelp') : undefined}
            style={{ flex: '1 1 220px', marginBottom: 8 }}
          >
            <Select
              mode={fact === 'businessLine' ? 'tags' : 'multiple'}
              options={(fact === 'businessLine' ? PROJECT_BUSINESS_LINES : RENEWAL_STATUSES).map((v) => ({
                value: v,
                label: valueText(fact, v),
              }))}
            />
          </Form.Item>
        )}
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('rules.removeCondition')}
          onClick={onRemove}
          style={{ marginTop: 30 }}
        />
      </Flex>
    </Card>
  );
}

function RuleFields() {
  const { t } = useTranslation('serviceModes');
  const form = Form.useFormInstance();
  const mode = Form.useWatch('mode', form) as ServiceMode | undefined;
  const check = (name: (string | number)[], label: string) => (
    <Form.Item name={['implies', ...name]} valuePropName="checked" noStyle>
      <Checkbox>{label}</Checkbox>
    </Form.Item>
  );
  return (
    <>
      <Flex gap={12} wrap>
        <Form.Item name="mode" label={t('fields.mode')} required style={{ flex: '1 1 160px' }}>
          <Select
            options={SERVICE_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
            onChange={(m: ServiceMode) => {
              const v = form.getFieldValue('variant') as string | undefined;
              if (v && !(VARIANTS_BY_MODE[m] as readonly string[]).includes(v))
                form.setFieldValue('variant', undefined);
            }}
          />
        </Form.Item>
        <Form.Item name="variant" label={t('fields.variant')} required style={{ flex: '1 1 160px' }}>
          <Select
            disabled={!mode}
            options={(mode ? VARIANTS_BY_MODE[mode] : []).map((v) => ({
              value: v,
              label: t(`variant.${v}`),
            }))}
          />
        </Form.Item>
      </Flex>
      <Typography.Text strong>{t('fields.when')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('rules.whenHelp')}
      </Typography.Paragraph>
      <Form.List name="when">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row) => (
              <ConditionRow key={row.key} name={row.name} onRemove={() => remove(row.name)} />
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ fact: 'businessLine', op: 'in', values: [] })}
              style={{ marginBottom: 16 }}
              disabled={rows.length >= 10}
            >
              {t('rules.addCondition')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name={['reason', 'zh-CN']} label={t('fields.reasonZh')} required>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name={['reason', 'en']} label={t('fields.reasonEn')} required>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item label={t('impliesGroups.staffing')}>
        <Flex gap={8} wrap>
          {check(['customerManager'], t('implies.customerManager'))}
          {check(['subcontractor'], t('implies.subcontractor'))}
        </Flex>
      </Form.Item>
      <Form.Item label={t('impliesGroups.supplies')}>
        <Flex gap={8} wrap>
          {check(['supplies', 'spares'], t('implies.spares'))}
          {check(['supplies', 'consumables'], t('implies.consumables'))}
          {check(['supplies', 'repairCosts'], t('implies.repairCosts'))}
        </Flex>
      </Form.Item>
      <Form.Item label={t('impliesGroups.quality')}>
        <Flex gap={8} wrap>
          {check(['qualityMonitoring', 'periodicChecks'], t('implies.periodicChecks'))}
          {check(['qualityMonitoring', 'onSiteReturnVisits'], t('implies.onSiteReturnVisits'))}
          {check(['qualityMonitoring', 'phoneReturnVisits'], t('implies.phoneReturnVisits'))}
          {check(['qualityMonitoring', 'onSiteManagement'], t('implies.onSiteManagement'))}
        </Flex>
      </Form.Item>
    </>
  );
}

/** A new rule, placed at the end of the list (move it afterwards). */
export function ModeRuleCreateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation(['serviceModes', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: ServiceModeRuleCreateSchema,
    toInput,
    submit: (data) => serviceModeApi.createRule(data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: serviceModeKeys.rules });
      void qc.invalidateQueries({ queryKey: ['projects', 'mode-suggestion'] });
      message.success(t('common:form.created'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{ implies: NOTHING, when: [], mode: 'on_site' }}
    >
      <Form.Item name="key" label={t('fields.key')} required extra={t('rules.keyHelp')}>
        <Input maxLength={60} placeholder="business_support_large" />
      </Form.Item>
      <RuleFields />
    </ContractFormView>
  );
}

/** Edit a rule's mode, conditions, reason and implications; its key stays. */
export function ModeRuleEditForm({ rule, onDone }: { rule: ServiceModeRuleDto; onDone: () => void }) {
  const { t } = useTranslation(['serviceModes', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: ServiceModeRuleUpdateSchema,
    toInput,
    submit: (data) => serviceModeApi.updateRule(rule.id, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: serviceModeKeys.rules });
      void qc.invalidateQueries({ queryKey: ['projects', 'mode-suggestion'] });
      message.success(t('common:form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView form={form} onCancel={onDone} initialValues={toForm(rule)}>
      <Form.Item label={t('fields.key')}>
        <Typography.Text code>{rule.key}</Typography.Text>
      </Form.Item>
      <RuleFields />
    </ContractFormView>
  );
}
