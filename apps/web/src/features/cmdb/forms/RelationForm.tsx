import { App, Form, Input, Radio, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CiRelationCreateSchema, RELATION_TYPES } from '@opsdesk/contracts';
import type { Ci, RelationType } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { cmdbApi, cmdbKeys } from '../api/cmdb.api';
import { CiSelect } from '../components/CiSelect';
import { useCmdbLabels } from '../labels';

/**
 * Relate this CI to another of its project: `from —type→ to`, read as a sentence (服务器 运行于
 * 机柜). The direction says which end this CI is; the preview reads the sentence back.
 */
export function RelationForm({ ci, onDone }: { ci: Ci; onDone: () => void }) {
  const { t } = useTranslation(['cmdb', 'common']);
  const labels = useCmdbLabels();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: CiRelationCreateSchema,
    toInput: (v: FormValues) => {
      const other = v.otherId as string | undefined;
      const out = v.direction !== 'in';
      return {
        fromCiId: out ? ci.id : other,
        toCiId: out ? other : ci.id,
        type: v.type,
        note: v.note ?? null,
      };
    },
    fieldNames: { fromCiId: 'otherId', toCiId: 'otherId' },
    submit: (data) => cmdbApi.relate(data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: cmdbKeys.all });
      message.success(t('relations.added'));
      onDone();
    },
  });
  const direction = Form.useWatch('direction', form.form) as 'out' | 'in' | undefined;
  const type = Form.useWatch('type', form.form) as RelationType | undefined;
  const otherName = (Form.useWatch('otherName', form.form) as string | undefined) ?? t('relations.other');
  const sentence =
    type &&
    (direction === 'in'
      ? t('relations.sentence', { from: otherName, relation: labels.relation(type), to: ci.name })
      : t('relations.sentence', { from: ci.name, relation: labels.relation(type), to: otherName }));
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      submitLabel={t('relations.add')}
      initialValues={{ direction: 'out', type: 'runs_on' }}
    >
      <Form.Item name="direction" label={t('relations.direction')}>
        <Radio.Group
          options={[
            { value: 'out', label: t('relations.directionOut') },
            { value: 'in', label: t('relations.directionIn') },
          ]}
        />
      </Form.Item>
      <Form.Item name="type" label={t('relations.type')} required>
        <Select options={RELATION_TYPES.map((r) => ({ value: r, label: labels.relation(r) }))} />
      </Form.Item>
      <Form.Item name="otherId" label={t('relations.other')} required>
        <CiSelect
          projectId={ci.projectId}
          excludeId={ci.id}
          placeholder={t('pickers.ci')}
          onChange={(_v, other) => form.form.setFieldsValue({ otherName: other?.name })}
        />
      </Form.Item>
      <Form.Item name="otherName" hidden>
        <Input />
      </Form.Item>
      {sentence && (
        <Typography.Paragraph type="secondary" data-testid="relation-preview">
          {t('relations.preview', { sentence })}
        </Typography.Paragraph>
      )}
      <Form.Item name="note" label={t('relations.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </ContractFormView>
  );
}
