import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AttributeDef } from '@opsdesk/contracts';
import { useCiTypes } from '../../ci-types/api/useCiTypes';
import { cmdbApi, cmdbKeys } from '../api/cmdb.api';
import { useCmdbLabels } from '../labels';
import { CiSelect } from './CiSelect';

/** The input of one attribute kind; `value`/`onChange` come from the Form.Item around it. */
export function AttributeInput({
  def,
  projectId,
  ciId,
  id,
  value,
  onChange,
}: {
  def: AttributeDef;
  /** References point to CIs of the same project. */
  projectId: string | null | undefined;
  /** The CI being edited (it cannot refer to itself). */
  ciId?: string;
  id?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
}) {
  const { t } = useTranslation(['cmdb', 'common']);
  const labels = useCmdbLabels();
  const { byKey } = useCiTypes();
  const change = (v: unknown) => onChange?.(v);
  switch (def.kind) {
    case 'number':
    case 'integer':
      return (
        <InputNumber
          id={id}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => change(v ?? null)}
          precision={def.kind === 'integer' ? 0 : undefined}
          min={def.min ?? undefined}
          max={def.max ?? undefined}
          suffix={def.unit ?? undefined}
          style={{ width: '100%' }}
        />
      );
    case 'date':
      return (
        <DatePicker
          id={id}
          value={(value as Parameters<typeof DatePicker>[0]['value']) ?? null}
          onChange={(v) => change(v ?? null)}
          style={{ width: '100%' }}
        />
      );
    case 'boolean':
      return (
        <Select
          id={id}
          allowClear
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(v: boolean | undefined) => change(v ?? null)}
          options={[
            { value: true, label: t('common:yes') },
            { value: false, label: t('common:no') },
          ]}
          style={{ width: '100%' }}
        />
      );
    case 'enum':
      return (
        <Select
          id={id}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={typeof value === 'string' ? value : undefined}
          onChange={(v: string | undefined) => change(v ?? null)}
          options={(def.options ?? []).map((o) => ({ value: o.value, label: labels.text(o.label) }))}
          style={{ width: '100%' }}
        />
      );
    case 'reference': {
      // One allowed type: the picker offers only CIs of it; several: the server checks the type.
      const only = def.refTypes?.length === 1 ? byKey.get(def.refTypes[0]!)?.id : undefined;
      return (
        <CiSelect
          id={id}
          projectId={projectId}
          typeId={only}
          excludeId={ciId}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => change(v ?? null)}
          placeholder={projectId ? t('cmdb:pickers.ci') : t('cmdb:pickers.projectFirst')}
        />
      );
    }
    case 'ip':
      return (
        <Input
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => change(e.target.value)}
          placeholder="10.0.0.1"
          inputMode="decimal"
          autoComplete="off"
        />
      );
    case 'mac':
      return (
        <Input
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => change(e.target.value)}
          placeholder="00:1A:2B:3C:4D:5E"
          autoComplete="off"
        />
      );
    case 'text':
    default:
      return (
        <Input
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => change(e.target.value)}
          maxLength={def.maxLength ?? 500}
        />
      );
  }
}

/**
 * One form field per attribute of a type, named `attributes.<key>`: the server's field errors
 * (`attributes.management_ip`) and the browser's (attributesSchema) land on it.
 */
export function AttributeFields({
  defs,
  projectId,
  ciId,
}: {
  defs: readonly AttributeDef[];
  projectId: string | null | undefined;
  ciId?: string;
}) {
  const { t } = useTranslation('cmdb');
  const labels = useCmdbLabels();
  if (!defs.length)
    return <Typography.Paragraph type="secondary">{t('form.noAttributes')}</Typography.Paragraph>;
  return (
    <>
      {defs.map((def) => (
        <Form.Item
          key={def.key}
          name={['attributes', def.key]}
          label={labels.attribute(def)}
          required={def.required}
          extra={def.unique ? t('form.uniqueHint') : undefined}
        >
          <AttributeInput def={def} projectId={projectId} ciId={ciId} />
        </Form.Item>
      ))}
    </>
  );
}

/** A stored attribute value for reading: references as a link to the CI. */
export function AttributeValue({ def, value }: { def: AttributeDef; value: unknown }) {
  const labels = useCmdbLabels();
  if (def.kind === 'reference' && typeof value === 'string' && value) return <CiRef id={value} />;
  return <>{labels.attributeValue(def, value)}</>;
}

/** A CI by its id, as a link with its name (loaded once per id). */
export function CiRef({ id }: { id: string }) {
  const q = useQuery({
    queryKey: cmdbKeys.detail(id),
    queryFn: ({ signal }) => cmdbApi.get(id, signal),
    staleTime: 60_000,
    retry: false,
  });
  return <Link to={`/cis/${id}`}>{q.data?.name ?? id.slice(0, 8)}</Link>;
}
