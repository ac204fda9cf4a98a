import { App, Button, Col, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CI_CATEGORIES, CiTypeCreateSchema, CiTypeUpdateSchema } from '@opsdesk/contracts';
import type { AttributeKind, CiType } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormInstance } from 'antd';
import type { FormValues } from '../../../shared/form/useContractForm';
import { useCmdbLabels } from '../../cmdb/labels';
import { ciTypeApi, ciTypeKeys } from '../api/ci-type.api';
import { AttributeEditor, LabelPair, NUMERIC } from './AttributeEditor';

/** One attribute as the API takes it: only the settings its kind has (a kind change drops the rest). */
export function cleanAttribute(a: Record<string, unknown>): Record<string, unknown> {
  const kind = a.kind as AttributeKind;
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  const out: Record<string, unknown> = {
    key: typeof a.key === 'string' ? a.key.trim() : a.key,
    label: a.label ?? { 'zh-CN': '', en: '' },
    kind,
    required: a.required === true,
    unique: a.unique === true && kind !== 'boolean' && kind !== 'date',
  };
  if (NUMERIC.includes(kind)) {
    out.unit = blank(a.unit) ? null : a.unit;
    out.min = blank(a.min) ? null : a.min;
    out.max = blank(a.max) ? null : a.max;
  }
  if (kind === 'text') out.maxLength = blank(a.maxLength) ? null : a.maxLength;
  if (kind === 'enum') out.options = (a.options as unknown[] | undefined) ?? [];
  if (kind === 'reference') out.refTypes = (a.refTypes as string[] | undefined) ?? [];
  return out;
}

const toInput = (v: FormValues) => ({
  ...v,
  attributes: ((v.attributes as Record<string, unknown>[] | undefined) ?? []).map(cleanAttribute),
});

/** The fields of a type: its names, category, order, and the list of its attributes. */
function TypeFields({
  form,
  saved,
  isNew,
}: {
  form: FormInstance;
  saved: CiType | undefined;
  isNew: boolean;
}) {
  const { t } = useTranslation(['ciTypes', 'common']);
  const labels = useCmdbLabels();
  return (
    <>
      {isNew && (
        <Form.Item name="key" label={t('fields.key')} required extra={t('keyHint')}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
      )}
      <LabelPair name={['label']} />
      <Row gutter={8}>
        <Col xs={24} sm={12}>
          <Form.Item name="category" label={t('fields.category')} required>
            <Select options={CI_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="sortOrder" label={t('fields.sortOrder')}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="attributes">
        {(fields, ops, { errors }) => (
          <Flex vertical gap={12}>
            <Flex justify="space-between" align="center">
              <strong>{t('attributes.title')}</strong>
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  ops.add({
                    key: '',
                    kind: 'text',
                    label: { 'zh-CN': '', en: '' },
                    required: false,
                    unique: false,
                  })
                }
              >
                {t('attributes.add')}
              </Button>
            </Flex>
            {fields.length === 0 && <div style={{ color: 'rgba(0,0,0,.45)' }}>{t('attributes.none')}</div>}
            {fields.map((field, index) => (
              <AttributeEditor
                key={field.key}
                form={form}
                field={field}
                index={index}
                count={fields.length}
                // The list keys its initial items 0…n-1 and keeps a key with its item when moved.
                saved={saved?.attributes[field.key]}
                onRemove={() => ops.remove(field.name)}
                onMove={(to) => ops.move(index, to)}
              />
            ))}
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </>
  );
}

/** A new CI type (admin): key, names, category and its attributes. */
export function CiTypeCreateForm({ onDone }: { onDone: (saved?: CiType) => void }) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: CiTypeCreateSchema,
    toInput,
    submit: (data) => ciTypeApi.create(data),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ciTypeKeys.all });
      message.success(t('form.created'));
      onDone(saved);
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={() => onDone()}
      initialValues={{ category: 'other', sortOrder: 1000, attributes: [], label: { 'zh-CN': '', en: '' } }}
    >
      <TypeFields form={form.form} saved={undefined} isNew />
    </ContractFormView>
  );
}

/**
 * Edit a type (admin). Saving attribute changes makes a new version; CIs are checked against it
 * the next time they are written. Saved attributes keep their key and kind; built-in ones stay.
 */
export function CiTypeEditForm({ type, onDone }: { type: CiType; onDone: () => void }) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: CiTypeUpdateSchema,
    toInput,
    submit: (data) => ciTypeApi.update(type.id, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ciTypeKeys.all });
      message.success(t('form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{
        label: type.label,
        category: type.category,
        sortOrder: type.sortOrder,
        attributes: type.attributes.map((a) => ({
          ...a,
          required: a.required ?? false,
          unique: a.unique ?? false,
        })),
      }}
    >
      <TypeFields form={form.form} saved={type} isNew={false} />
    </ContractFormView>
  );
}
