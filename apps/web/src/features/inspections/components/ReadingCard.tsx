import { useEffect, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Image, Input, Radio, Tag, Typography, theme } from 'antd';
import { CameraOutlined, CheckCircleFilled, CloseOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { InspectionItem, ReadingEvaluation } from '@opsdesk/contracts';
import { attachmentApi } from '../../../shared/attachments/attachments.api';
import { abnormalReasonOf } from '../judge';
import { queuedPhoto } from '../offline/draft-store';
import type { DraftReading } from '../offline/draft-store';
import type { ReadingPatch } from '../offline/useInspectionDraft';
import { SeverityTag, useInspectionLabels } from '../labels';

const BIG: CSSProperties = { minHeight: 48, fontSize: 18 };

/** A photo taken offline, shown from the bytes waiting in IndexedDB. */
function QueuedThumb({ id }: { id: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    void queuedPhoto(id).then((p) => {
      if (!p) return;
      made = URL.createObjectURL(new Blob([p.bytes], { type: p.type }));
      setUrl(made);
    });
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [id]);
  return url ? <Image src={url} width={72} height={72} style={{ objectFit: 'cover' }} /> : null;
}

/** The right control for the item's reading type, with big touch targets. */
function ValueInput(props: {
  item: InspectionItem;
  value: DraftReading['value'] | undefined;
  disabled: boolean;
  label: string;
  onChange: (value: DraftReading['value']) => void;
}) {
  const { t } = useTranslation('inspections');
  const labels = useInspectionLabels();
  const r = props.item.reading;
  switch (r.type) {
    case 'number':
      return (
        <Input
          aria-label={props.label}
          inputMode="decimal"
          enterKeyHint="next"
          autoComplete="off"
          size="large"
          style={BIG}
          disabled={props.disabled}
          value={props.value === null || props.value === undefined ? '' : String(props.value)}
          suffix={r.unit ? <Typography.Text type="secondary">{r.unit}</Typography.Text> : undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
      );
    case 'boolean':
      return (
        <Radio.Group
          aria-label={props.label}
          block
          optionType="button"
          buttonStyle="solid"
          size="large"
          disabled={props.disabled}
          value={typeof props.value === 'boolean' ? (props.value ? 'yes' : 'no') : undefined}
          onChange={(e) => props.onChange(e.target.value === 'yes')}
          options={[
            { value: 'yes', label: t('yes'), style: { ...BIG, lineHeight: '46px' } },
            { value: 'no', label: t('no'), style: { ...BIG, lineHeight: '46px' } },
          ]}
        />
      );
    case 'choice':
      return (
        <Radio.Group
          aria-label={props.label}
          buttonStyle="solid"
          disabled={props.disabled}
          value={typeof props.value === 'string' ? props.value : undefined}
          onChange={(e) => props.onChange(e.target.value as string)}
          style={{ width: '100%' }}
        >
          <Flex vertical gap={8}>
            {r.options.map((o) => (
              <Radio.Button
                key={o.value}
                value={o.value}
                style={{ ...BIG, lineHeight: '46px', width: '100%' }}
              >
                {labels.text(o.label)}
              </Radio.Button>
            ))}
          </Flex>
        </Radio.Group>
      );
    case 'text':
      return (
        <Input.TextArea
          aria-label={props.label}
          disabled={props.disabled}
          autoSize={{ minRows: 2, maxRows: 6 }}
          style={{ fontSize: 16 }}
          value={typeof props.value === 'string' ? props.value : ''}
          onChange={(e) => props.onChange(e.target.value)}
        />
      );
  }
}

/**
 * One check item on the phone: what to check and how, the input for its reading type, and the
 * judgement at once (正常 / 异常) by the domain's rules. An abnormal reading asks for the reason;
 * an item that wants a photo offers the camera.
 */
export function ReadingCard(props: {
  item: InspectionItem;
  reading: DraftReading | undefined;
  evaluation: ReadingEvaluation;
  disabled: boolean;
  onChange: (patch: ReadingPatch) => void;
  onPhoto: (file: File) => void;
  onRemovePhoto: (id: string) => void;
}) {
  const { t } = useTranslation('inspections');
  const { token } = theme.useToken();
  const labels = useInspectionLabels();
  const fileRef = useRef<HTMLInputElement>(null);
  const { item, reading, evaluation: ev } = props;
  const title = labels.text(item.title);
  const range = labels.normalRange(item);
  const entered = !!reading && reading.value !== null && reading.value !== '';
  const abnormal = ev.normal === false;
  const reason = abnormal ? (ev.ok ? ev.abnormalReason : abnormalReasonOf(item, reading)) : null;
  const normal = ev.normal === true;
  const problems = ev.ok ? [] : ev.problems;
  const valueProblem = entered ? problems.find((p) => p.path === 'value') : undefined;
  const remarkMissing = problems.some((p) => p.code === 'remark_required');
  const photoMissing = problems.some((p) => p.code === 'photo_required');
  const photos = [...(reading?.photos ?? []), ...(reading?.pendingPhotos ?? [])];
  const wantsPhoto = item.photo === 'always' || (item.photo === 'when_abnormal' && abnormal);
  const border = abnormal
    ? token.colorError
    : normal && entered
      ? token.colorSuccess
      : token.colorBorderSecondary;
  const state = abnormal ? 'abnormal' : normal && entered ? 'normal' : 'empty';

  return (
    <Card
      size="small"
      data-item={item.key}
      data-state={state}
      style={{ borderColor: border, borderWidth: abnormal || (normal && entered) ? 2 : 1 }}
      title={
        <Flex
          justify="space-between"
          align="center"
          gap={8}
          style={{ whiteSpace: 'normal', padding: '6px 0' }}
        >
          <Typography.Text strong style={{ fontSize: 16 }}>
            {title}
          </Typography.Text>
          {abnormal ? (
            <Tag
              color="error"
              icon={<ExclamationCircleFilled />}
              style={{ fontSize: 14, padding: '2px 8px' }}
            >
              {t('task.abnormal')}
            </Tag>
          ) : normal && entered ? (
            <Tag color="success" icon={<CheckCircleFilled />} style={{ fontSize: 14, padding: '2px 8px' }}>
              {t('task.normal')}
            </Tag>
          ) : (
            <Tag>{t('task.notEntered')}</Tag>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={10}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {labels.text(item.method)}
        </Typography.Text>
        {range && (
          <Typography.Text style={{ fontSize: 13 }}>{t('task.normalRange', { range })}</Typography.Text>
        )}
        <ValueInput
          item={item}
          label={title}
          value={reading?.value}
          disabled={props.disabled}
          onChange={(value) => props.onChange({ value })}
        />
        {valueProblem && (
          <Typography.Text type="danger">{t(`problems.${valueProblem.code}`)}</Typography.Text>
        )}
        {abnormal && reason && (
          <Flex gap={6} align="center" wrap>
            <SeverityTag severity={item.severity} />
            <Typography.Text type="danger">{t(`abnormalReason.${reason}`)}</Typography.Text>
          </Flex>
        )}
        {(abnormal || !!reading?.remark) && (
          <div>
            <Typography.Text strong={abnormal}>
              {abnormal ? t('task.remarkRequired') : t('task.remark')}
            </Typography.Text>
            <Input.TextArea
              aria-label={abnormal ? t('task.remarkRequired') : t('task.remark')}
              status={remarkMissing ? 'error' : undefined}
              autoSize={{ minRows: 2, maxRows: 6 }}
              style={{ fontSize: 16, marginTop: 4 }}
              disabled={props.disabled}
              placeholder={t('task.remarkPlaceholder')}
              value={reading?.remark ?? ''}
              onChange={(e) => props.onChange({ remark: e.target.value })}
            />
            {remarkMissing && (
              <Typography.Text type="danger">{t('problems.remark_required')}</Typography.Text>
            )}
          </div>
        )}
        {!abnormal || reading?.flagged ? (
          <Checkbox
            disabled={props.disabled || !entered}
            checked={reading?.flagged ?? false}
            onChange={(e) => props.onChange({ flagged: e.target.checked })}
            style={{ minHeight: 32, alignItems: 'center' }}
          >
            {t('task.flag')}
          </Checkbox>
        ) : null}
        {(wantsPhoto || photos.length > 0 || item.photo !== 'never') && (
          <div>
            <Flex gap={8} wrap align="center">
              {photos.map((id) => (
                <div key={id} style={{ position: 'relative' }}>
                  {id.startsWith('local-') ? (
                    <>
                      <QueuedThumb id={id} />
                      <Tag color="warning" style={{ position: 'absolute', left: 0, bottom: 0, margin: 0 }}>
                        {t('task.photoPending')}
                      </Tag>
                    </>
                  ) : (
                    <Image
                      src={attachmentApi.contentUrl(id, true)}
                      width={72}
                      height={72}
                      style={{ objectFit: 'cover' }}
                    />
                  )}
                  {!props.disabled && (
                    <Button
                      size="small"
                      shape="circle"
                      icon={<CloseOutlined />}
                      aria-label={t('task.removePhoto')}
                      onClick={() => props.onRemovePhoto(id)}
                      style={{ position: 'absolute', top: -8, right: -8 }}
                    />
                  )}
                </div>
              ))}
              {!props.disabled && (
                <Button
                  icon={<CameraOutlined />}
                  size="large"
                  danger={photoMissing}
                  onClick={() => fileRef.current?.click()}
                  style={{ minHeight: 48 }}
                >
                  {t('task.takePhoto')}
                </Button>
              )}
            </Flex>
            <input
              ref={fileRef}
              type="file"
              accept="image/*"
              capture="environment"
              hidden
              aria-label={t('task.takePhoto')}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) props.onPhoto(file);
                e.target.value = '';
              }}
            />
            {photoMissing && <Typography.Text type="danger">{t('problems.photo_required')}</Typography.Text>}
          </div>
        )}
        {reading?.errors?.map((m) => (
          <Alert key={m} type="error" showIcon title={t('task.serverError', { message: m })} />
        ))}
      </Flex>
    </Card>
  );
}
