import { useState } from 'react';
import type { ReactNode } from 'react';
import { App, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CI_STATUSES, CiCreateSchema, CiUpdateSchema } from '@opsdesk/contracts';
import type { AttributeDef, Ci } from '@opsdesk/contracts';
import { useCurrentProjectId } from '../../../app/session/project';
import { fromDateOnly, toDateOnly } from '../../../shared/format';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { projectApi, projectKeys } from '../../projects/api/project.api';
import { ProjectSelect } from '../../tickets/components/pickers';
import { UserSelect } from '../../users/components/UserSelect';
import { useCiTypes } from '../../ci-types/api/useCiTypes';
import { cmdbApi, cmdbKeys } from '../api/cmdb.api';
import { attributesSchema, attributesToApi, attributesToForm } from '../attributes';
import { AttributeFields } from '../components/AttributeFields';
import { CiTypeSelect } from '../components/CiTypeSelect';
import { SiteSelect } from '../components/SiteSelect';
import { useCmdbLabels } from '../labels';

const TEXT_FIELDS = [
  'vendor',
  'model',
  'serialNo',
  'assetTag',
  'supportContract',
  'supplier',
  'description',
] as const;

/** Form values → the contract's input: dates as `YYYY-MM-DD`, cleared fields as null, attributes per kind. */
function toCiInput(v: FormValues, defs: readonly AttributeDef[], mode: 'create' | 'patch') {
  const out: Record<string, unknown> = {
    ...v,
    ownerId: v.ownerId ?? null,
    siteId: v.siteId ?? null,
    tags: (v.tags as string[] | undefined) ?? [],
    purchaseDate: toDateOnly(v.purchaseDate),
    warrantyEnd: toDateOnly(v.warrantyEnd),
    price: v.price ?? null,
    attributes: attributesToApi(defs, v.attributes as Record<string, unknown> | undefined, mode),
  };
  for (const k of TEXT_FIELDS) out[k] = v[k] ?? null;
  return out;
}

/** The fields every CI has, around the attributes of its type. */
function CiFields({
  defs,
  projectId,
  ci,
  head,
}: {
  defs: readonly AttributeDef[];
  projectId: string | null | undefined;
  /** The CI being edited: its owner and site are shown by name without a look-up. */
  ci?: Ci;
  head?: ReactNode;
}) {
  const { t } = useTranslation(['cmdb', 'common']);
  const labels = useCmdbLabels();
  const project = useQuery({
    queryKey: projectKeys.detail(projectId ?? ''),
    queryFn: ({ signal }) => projectApi.get(projectId!, signal),
    enabled: !!projectId,
    staleTime: 60_000,
  });
  const half = { xs: 24, sm: 12 };
  return (
    <>
      {head}
      <Form.Item name="name" label={t('fields.name')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="status" label={t('fields.status')} required>
            <Select options={CI_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="ownerId" label={t('fields.owner')}>
            <UserSelect
              kind="staff"
              knownOptions={ci?.owner ? [{ value: ci.owner.id, label: ci.owner.displayName }] : undefined}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="siteId" label={t('fields.site')}>
        <SiteSelect
          customerId={project.data?.customerId}
          knownOptions={ci?.site ? [{ value: ci.site.id, label: ci.site.name }] : undefined}
        />
      </Form.Item>
      <Form.Item name="tags" label={t('fields.tags')} extra={t('form.tagsHint')}>
        <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
      </Form.Item>

      <Divider titlePlacement="start">{t('form.attributes')}</Divider>
      <AttributeFields defs={defs} projectId={projectId} ciId={ci?.id} />

      <Divider titlePlacement="start">{t('form.asset')}</Divider>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="vendor" label={t('fields.vendor')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="model" label={t('fields.model')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="serialNo" label={t('fields.serialNo')}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="assetTag" label={t('fields.assetTag')}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="purchaseDate" label={t('fields.purchaseDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="price" label={t('fields.price')}>
            <InputNumber min={0} precision={2} suffix={t('form.yuan')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="warrantyEnd" label={t('fields.warrantyEnd')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="supportContract" label={t('fields.supportContract')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="supplier" label={t('fields.supplier')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('fields.description')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </>
  );
}

/** A new CI: project and type first (the type decides the attribute fields), then the rest. */
export function CiCreateForm({
  projectId: fixedProject,
  typeId: initialType,
  onDone,
}: {
  projectId?: string | undefined;
  typeId?: string | undefined;
  onDone: (saved?: Ci) => void;
}) {
  const { t } = useTranslation(['cmdb', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const current = useCurrentProjectId();
  const { byId } = useCiTypes();
  const [projectId, setProjectId] = useState<string | undefined>(fixedProject ?? current ?? undefined);
  const [typeId, setTypeId] = useState<string | undefined>(initialType);
  const defs = (typeId ? byId.get(typeId)?.attributes : undefined) ?? [];
  const form = useContractForm({
    schema: CiCreateSchema.extend({ attributes: attributesSchema(defs) }),
    toInput: (v) => toCiInput(v, defs, 'create'),
    submit: (data) => cmdbApi.create(data),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: cmdbKeys.all });
      message.success(t('common:form.created'));
      onDone(saved);
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={() => onDone()}
      initialValues={{ projectId, typeId, status: 'in_use', tags: [] }}
    >
      <CiFields
        defs={defs}
        projectId={projectId}
        head={
          <>
            <Form.Item name="projectId" label={t('fields.project')} required>
              <ProjectSelect
                placeholder={t('pickers.project')}
                onChange={(v) => {
                  setProjectId(v);
                  form.form.setFieldsValue({ siteId: undefined });
                }}
              />
            </Form.Item>
            <Form.Item name="typeId" label={t('fields.type')} required>
              <CiTypeSelect placeholder={t('pickers.type')} onChange={setTypeId} />
            </Form.Item>
          </>
        }
      />
    </ContractFormView>
  );
}

/** Edit a CI: its project and type stay; attributes are checked against the type's current version. */
export function CiEditForm({ ci, onDone }: { ci: Ci; onDone: () => void }) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { byId } = useCiTypes();
  const defs = byId.get(ci.type.id)?.attributes ?? [];
  const form = useContractForm({
    schema: CiUpdateSchema.extend({ attributes: attributesSchema(defs).optional() }),
    toInput: (v) => toCiInput(v, defs, 'patch'),
    submit: (data) => cmdbApi.update(ci.id, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: cmdbKeys.all });
      message.success(t('form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{
        name: ci.name,
        status: ci.status,
        ownerId: ci.owner?.id,
        siteId: ci.site?.id,
        tags: ci.tags,
        attributes: attributesToForm(defs, ci.attributes),
        vendor: ci.vendor ?? undefined,
        model: ci.model ?? undefined,
        serialNo: ci.serialNo ?? undefined,
        assetTag: ci.assetTag ?? undefined,
        purchaseDate: fromDateOnly(ci.purchaseDate),
        price: ci.price ?? undefined,
        warrantyEnd: fromDateOnly(ci.warrantyEnd),
        supportContract: ci.supportContract ?? undefined,
        supplier: ci.supplier ?? undefined,
        description: ci.description ?? undefined,
      }}
    >
      <CiFields defs={defs} projectId={ci.projectId} ci={ci} />
    </ContractFormView>
  );
}
