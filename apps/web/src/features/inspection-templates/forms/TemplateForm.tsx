import { App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  INSPECTION_CI_TYPE_KEYS,
  INSPECTION_SEVERITIES,
  InspectionTemplateCopySchema,
  InspectionTemplateCreateSchema,
  InspectionTemplateReviseSchema,
  PHOTO_RULES,
  READING_TYPES,
} from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { useCiTypes } from '../../ci-types/api/useCiTypes';
import { useInspectionLabels } from '../../inspections/labels';
import { ProjectSelect } from '../../tickets/components/pickers';
import { templateApi, templateKeys } from '../api/templates.api';
import type { InspectionTemplateDetail } from '../api/templates.api';

type ItemValues = {
  key?: string;
  ciTypeKey?: string;
  title?: { 'zh-CN'?: string; en?: string };
  method?: { 'zh-CN'?: string; en?: string };
  reading?: {
    type?: string;
    unit?: string;
    min?: number | null;
    max?: number | null;
    normal?: boolean | string[];
    options?: { value?: string; label?: { 'zh-CN'?: string; en?: string } }[];
    required?: boolean;
  };
  photo?: string;
  severity?: string;
};

const txt = (l: { 'zh-CN'?: string; en?: string } | undefined) => ({
  'zh-CN': l?.['zh-CN'] ?? '',
  en: l?.en ?? '',
});

/** An item of the form → the contract's item: the reading holds only what its type has. */
function toItem(i: ItemValues) {
  const r = i.reading ?? {};
  const reading =
    r.type === 'boolean'
      ? { type: 'boolean', normal: r.normal !== false }
      : r.type === 'choice'
        ? {
            type: 'choice',
            options: (r.options ?? []).map((o) => ({ value: o.value ?? '', label: txt(o.label) })),
            normal: Array.isArray(r.normal) ? r.normal : [],
          }
        : r.type === 'text'
          ? { type: 'text', required: r.required === true }
          : { type: 'number', unit: r.unit ?? '', min: r.min ?? null, max: r.max ?? null };
  return {
    key: i.key ?? '',
    ciTypeKey: i.ciTypeKey ?? '',
    title: txt(i.title),
    method: txt(i.method),
    reading,
    photo: i.photo ?? 'never',
    severity: i.severity ?? 'minor',
  };
}

function toBody(v: FormValues) {
  return {
    name: txt(v.name as ItemValues['title']),
    items: ((v.items as ItemValues[] | undefined) ?? []).map(toItem),
    autoIncidentSeverities: (v.autoIncidentSeverities as string[] | undefined) ?? [],
  };
}

function ItemEditor({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useTranslation(['inspectionTemplates', 'inspections']);
  const labels = useInspectionLabels();
  const { types } = useCiTypes();
  const form = Form.useFormInstance();
  const type = (Form.useWatch(['items', index, 'reading', 'type'], form) as string | undefined) ?? 'number';
  const options =
    (Form.useWatch(['items', index, 'reading', 'options'], form) as NonNullable<
      ItemValues['reading']
    >['options']) ?? [];
  const typeKeys = [...new Set([...types.map((x) => x.key), ...INSPECTION_CI_TYPE_KEYS])];
  return (
    <Card
      size="small"
      title={t('item.count', { index: index + 1 })}
      extra={
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('item.remove')}
          onClick={onRemove}
        />
      }
    >
      <Flex gap={8} wrap>
        <Form.Item
          name={[index, 'ciTypeKey']}
          label={t('item.ciType')}
          required
          style={{ flex: '1 1 200px' }}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={typeKeys.map((k) => ({ value: k, label: labels.ciType(k) }))}
          />
        </Form.Item>
        <Form.Item name={[index, 'key']} label={t('item.key')} required style={{ flex: '1 1 160px' }}>
          <Input maxLength={64} placeholder="cpu_usage" />
        </Form.Item>
      </Flex>
      <Form.Item name={[index, 'title', 'zh-CN']} label={t('item.titleZh')} required>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name={[index, 'title', 'en']} label={t('item.titleEn')} required>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name={[index, 'method', 'zh-CN']} label={t('item.methodZh')} required>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Form.Item name={[index, 'method', 'en']} label={t('item.methodEn')} required>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Form.Item name={[index, 'reading', 'type']} label={t('item.readingType')}>
        <Radio.Group
          optionType="button"
          options={READING_TYPES.map((r) => ({ value: r, label: t(`inspections:readingType.${r}`) }))}
        />
      </Form.Item>
      {type === 'number' && (
        <Flex gap={8} wrap>
          <Form.Item name={[index, 'reading', 'unit']} label={t('item.unit')} style={{ flex: '1 1 100px' }}>
            <Input maxLength={20} placeholder="%" />
          </Form.Item>
          <Form.Item name={[index, 'reading', 'min']} label={t('item.min')} style={{ flex: '1 1 100px' }}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name={[index, 'reading', 'max']} label={t('item.max')} style={{ flex: '1 1 100px' }}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      )}
      {type === 'boolean' && (
        <Form.Item name={[index, 'reading', 'normal']} label={t('item.normalAnswer')} initialValue={true}>
          <Radio.Group
            options={[
              { value: true, label: t('inspections:yes') },
              { value: false, label: t('inspections:no') },
            ]}
          />
        </Form.Item>
      )}
      {type === 'choice' && (
        <>
          <Typography.Text strong>{t('item.options')}</Typography.Text>
          <Form.List name={[index, 'reading', 'options']}>
            {(fields, { add, remove }) => (
              <Flex vertical gap={4} style={{ margin: '4px 0 12px' }}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={4} align="start" wrap>
                    <Form.Item name={[f.name, 'value']} style={{ flex: '1 1 100px', marginBottom: 4 }}>
                      <Input placeholder={t('item.optionValue')} maxLength={64} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'label', 'zh-CN']}
                      style={{ flex: '1 1 100px', marginBottom: 4 }}
                    >
                      <Input placeholder={t('item.optionZh')} maxLength={500} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'label', 'en']} style={{ flex: '1 1 100px', marginBottom: 4 }}>
                      <Input placeholder={t('item.optionEn')} maxLength={500} />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }}>
                  {t('item.addOption')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Form.Item name={[index, 'reading', 'normal']} label={t('item.normal')}>
            <Select
              mode="multiple"
              options={options
                .filter((o) => o?.value)
                .map((o) => ({ value: o.value!, label: o.label?.['zh-CN'] || o.value! }))}
            />
          </Form.Item>
        </>
      )}
      {type === 'text' && (
        <Form.Item name={[index, 'reading', 'required']} valuePropName="checked">
          <Checkbox>{t('item.textRequired')}</Checkbox>
        </Form.Item>
      )}
      <Flex gap={8} wrap>
        <Form.Item name={[index, 'photo']} label={t('item.photo')} style={{ flex: '1 1 160px' }}>
          <Select options={PHOTO_RULES.map((p) => ({ value: p, label: t(`inspections:photoRule.${p}`) }))} />
        </Form.Item>
        <Form.Item name={[index, 'severity']} label={t('item.severity')} style={{ flex: '1 1 160px' }}>
          <Select options={INSPECTION_SEVERITIES.map((s) => ({ value: s, label: labels.severity(s) }))} />
        </Form.Item>
      </Flex>
    </Card>
  );
}

function TemplateFields({ withProject }: { withProject: boolean }) {
  const { t } = useTranslation(['inspectionTemplates', 'inspections']);
  const labels = useInspectionLabels();
  return (
    <>
      {withProject && (
        <Form.Item name="projectId" label={t('fields.project')} extra={t('everyProject')}>
          <ProjectSelect />
        </Form.Item>
      )}
      <Form.Item name={['name', 'zh-CN']} label={t('fields.nameZh')} required>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name={['name', 'en']} label={t('fields.nameEn')} required>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="autoIncidentSeverities" label={t('fields.autoIncidentSeverities')}>
        <Select
          mode="multiple"
          options={INSPECTION_SEVERITIES.map((s) => ({ value: s, label: labels.severity(s) }))}
        />
      </Form.Item>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Flex vertical gap={12} style={{ marginBottom: 16 }}>
            {fields.map((f) => (
              <ItemEditor key={f.key} index={f.name} onRemove={() => remove(f.name)} />
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                add({ reading: { type: 'number', unit: '' }, photo: 'never', severity: 'minor' })
              }
            >
              {t('item.add')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </>
  );
}

/** The form's values of a template version (for a revision). */
function valuesOf(tpl: InspectionTemplateDetail): FormValues {
  return {
    name: tpl.name,
    autoIncidentSeverities: [...tpl.autoIncidentSeverities],
    items: tpl.items.map((i) => ({
      ...i,
      reading: {
        ...i.reading,
        ...(i.reading.options ? { options: i.reading.options.map((o) => ({ ...o })) } : {}),
      },
    })),
  };
}

/** A new template (version 1): for a project, or for every project (the system admin). */
export function TemplateCreateForm(props: {
  projectId: string | null;
  onDone: (tpl: InspectionTemplateDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['inspectionTemplates', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: InspectionTemplateCreateSchema,
    toInput: (v) => ({ ...toBody(v), projectId: (v.projectId as string | undefined) ?? null }),
    submit: (data) => templateApi.create(data),
    onSuccess: (tpl) => {
      void qc.invalidateQueries({ queryKey: templateKeys.all });
      message.success(t('common:form.created'));
      props.onDone(tpl);
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={props.onCancel}
      submitLabel={t('create')}
      initialValues={{
        projectId: props.projectId ?? undefined,
        autoIncidentSeverities: ['major', 'critical'],
        items: [],
      }}
    >
      <TemplateFields withProject />
    </ContractFormView>
  );
}

/** A revision: a new version when something changed; tasks and results keep theirs. */
export function TemplateReviseForm({ tpl, onDone }: { tpl: InspectionTemplateDetail; onDone: () => void }) {
  const { t } = useTranslation(['inspectionTemplates', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: InspectionTemplateReviseSchema,
    toInput: toBody,
    submit: (data) => templateApi.revise(tpl.id, data),
    onSuccess: (next) => {
      void qc.invalidateQueries({ queryKey: templateKeys.all });
      message.success(
        next.version === tpl.version
          ? t('actions.unchanged')
          : t('actions.revised', { version: next.version }),
      );
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      submitLabel={t('actions.revise')}
      initialValues={valuesOf(tpl)}
    >
      <Typography.Paragraph type="secondary">{t('actions.reviseHint')}</Typography.Paragraph>
      <TemplateFields withProject={false} />
    </ContractFormView>
  );
}

/** A copy (of a built-in template, say) to adapt: version 1 of a new template. */
export function TemplateCopyForm(props: {
  tpl: InspectionTemplateDetail;
  projectId: string | null;
  onDone: (tpl: InspectionTemplateDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['inspectionTemplates', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: InspectionTemplateCopySchema,
    toInput: (v) => ({
      projectId: (v.projectId as string | undefined) ?? null,
      name: txt(v.name as ItemValues['title']),
    }),
    submit: (data) => templateApi.copy(props.tpl.id, data),
    onSuccess: (tpl) => {
      void qc.invalidateQueries({ queryKey: templateKeys.all });
      message.success(t('actions.copied'));
      props.onDone(tpl);
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={props.onCancel}
      submitLabel={t('actions.copy')}
      initialValues={{ projectId: props.projectId ?? undefined, name: props.tpl.name }}
    >
      <Form.Item name="projectId" label={t('fields.project')} extra={t('everyProject')}>
        <ProjectSelect />
      </Form.Item>
      <Form.Item name={['name', 'zh-CN']} label={t('fields.nameZh')} required>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name={['name', 'en']} label={t('fields.nameEn')} required>
        <Input maxLength={500} />
      </Form.Item>
    </ContractFormView>
  );
}
