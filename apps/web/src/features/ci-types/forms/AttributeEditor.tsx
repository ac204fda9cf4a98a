import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ATTRIBUTE_KINDS } from '@opsdesk/contracts';
import type { AttributeDef, AttributeKind } from '@opsdesk/contracts';
import type { FormInstance } from 'antd';
import { useCmdbLabels } from '../../cmdb/labels';
import { useCiTypes } from '../api/useCiTypes';

/** Attribute kinds that take a unit and a range. */
export const NUMERIC: AttributeKind[] = ['number', 'integer'];

/** The Chinese and English name side by side (both required: the UI and templates use both). */
export function LabelPair({ name, required = true }: { name: (string | number)[]; required?: boolean }) {
  const { t } = useTranslation('ciTypes');
  return (
    <Row gutter={8}>
      <Col xs={24} sm={12}>
        <Form.Item name={[...name, 'zh-CN']} label={t('fields.labelZh')} required={required}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={[...name, 'en']} label={t('fields.labelEn')} required={required}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The settings of one attribute; what is offered depends on its kind. */
export function AttributeEditor({
  form,
  field,
  index,
  count,
  saved,
  onRemove,
  onMove,
}: {
  form: FormInstance;
  field: { key: number; name: number };
  index: number;
  count: number;
  /** The attribute as saved (kind and key stay; built-in ones stay). */
  saved: AttributeDef | undefined;
  onRemove: () => void;
  onMove: (to: number) => void;
}) {
  const { t } = useTranslation(['ciTypes', 'common']);
  const labels = useCmdbLabels();
  const { types } = useCiTypes();
  const kind = Form.useWatch(['attributes', field.name, 'kind'], form) as AttributeKind | undefined;
  const key = Form.useWatch(['attributes', field.name, 'key'], form) as string | undefined;
  const zh = Form.useWatch(['attributes', field.name, 'label', 'zh-CN'], form) as string | undefined;
  return (
    <Card
      size="small"
      title={`${index + 1}. ${zh || key || t('attributes.new')}`}
      extra={
        <Space size={0}>
          <Tooltip title={t('attributes.moveUp')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              aria-label={t('attributes.moveUp')}
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
            />
          </Tooltip>
          <Tooltip title={t('attributes.moveDown')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              aria-label={t('attributes.moveDown')}
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
            />
          </Tooltip>
          <Tooltip title={saved?.system ? t('attributes.builtIn') : t('attributes.remove')}>
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('attributes.remove')}
              disabled={saved?.system}
              onClick={onRemove}
            />
          </Tooltip>
        </Space>
      }
    >
      <Row gutter={8}>
        <Col xs={24} sm={12}>
          <Form.Item
            name={[field.name, 'key']}
            label={t('fields.attributeKey')}
            required
            extra={saved ? t('attributes.keyFixed') : t('attributes.keyHint')}
          >
            <Input maxLength={40} disabled={!!saved} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name={[field.name, 'kind']}
            label={t('fields.kind')}
            required
            extra={saved ? t('attributes.kindFixed') : undefined}
          >
            <Select
              disabled={!!saved}
              options={ATTRIBUTE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <LabelPair name={[field.name, 'label']} />
      <Space wrap size="large">
        <Form.Item name={[field.name, 'required']} valuePropName="checked" noStyle>
          <Checkbox>{t('fields.required')}</Checkbox>
        </Form.Item>
        <Form.Item name={[field.name, 'unique']} valuePropName="checked" noStyle>
          <Checkbox disabled={kind === 'boolean' || kind === 'date'}>{t('fields.unique')}</Checkbox>
        </Form.Item>
      </Space>
      {kind && NUMERIC.includes(kind) && (
        <Row gutter={8} style={{ marginTop: 12 }}>
          <Col xs={24} sm={8}>
            <Form.Item name={[field.name, 'unit']} label={t('fields.unit')}>
              <Input maxLength={20} placeholder="GB" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name={[field.name, 'min']} label={t('fields.min')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name={[field.name, 'max']} label={t('fields.max')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      )}
      {kind === 'text' && (
        <Form.Item name={[field.name, 'maxLength']} label={t('fields.maxLength')} style={{ marginTop: 12 }}>
          <InputNumber min={1} max={4000} precision={0} placeholder="500" style={{ width: 160 }} />
        </Form.Item>
      )}
      {kind === 'reference' && (
        <Form.Item
          name={[field.name, 'refTypes']}
          label={t('fields.refTypes')}
          extra={t('attributes.refTypesHint')}
          style={{ marginTop: 12 }}
        >
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={types.map((ty) => ({ value: ty.key, label: labels.type(ty) }))}
          />
        </Form.Item>
      )}
      {kind === 'enum' && (
        <Form.List name={[field.name, 'options']}>
          {(options, ops, { errors }) => (
            <div style={{ marginTop: 12 }}>
              <div style={{ marginBottom: 8 }}>{t('fields.options')}</div>
              {options.map((o) => (
                <Row key={o.key} gutter={8} align="top">
                  <Col xs={24} sm={7}>
                    <Form.Item name={[o.name, 'value']} required>
                      <Input
                        placeholder={t('fields.optionValue')}
                        aria-label={t('fields.optionValue')}
                        maxLength={60}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={10} sm={7}>
                    <Form.Item name={[o.name, 'label', 'zh-CN']} required>
                      <Input
                        placeholder={t('fields.labelZh')}
                        aria-label={t('fields.labelZh')}
                        maxLength={100}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={10} sm={7}>
                    <Form.Item name={[o.name, 'label', 'en']} required>
                      <Input
                        placeholder={t('fields.labelEn')}
                        aria-label={t('fields.labelEn')}
                        maxLength={100}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={4} sm={3}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('attributes.removeOption')}
                      onClick={() => ops.remove(o.name)}
                    />
                  </Col>
                </Row>
              ))}
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => ops.add({ value: '', label: { 'zh-CN': '', en: '' } })}
              >
                {t('attributes.addOption')}
              </Button>
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>
      )}
    </Card>
  );
}
