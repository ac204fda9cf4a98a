import { Card, Descriptions, Flex, Image, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '@opsdesk/contracts';
import { attachmentApi } from '../../../shared/attachments/attachments.api';
import { formatDateTime } from '../../../shared/format';
import { useInspectionLabels } from '../../inspections/labels';
import { useTicketLabels } from '../../tickets/labels';
import { ServerHtml } from '../../tickets/components/TicketTimeline';

/** 工单信息: what is to be done, where, when and on which CIs. */
export function WorkOrderPlanCard({ wo }: { wo: WorkOrder }) {
  const { t } = useTranslation(['workOrders', 'common']);
  const labels = useInspectionLabels();
  const none = t('common:empty');
  const w = wo.workOrder;
  return (
    <Card size="small" title={t('sections.plan')}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'instructions',
            label: t('fields.instructions'),
            children: w.instructions.trim() ? (
              <div style={{ whiteSpace: 'pre-wrap' }}>{w.instructions}</div>
            ) : (
              none
            ),
          },
          ...(wo.description.trim()
            ? [
                {
                  key: 'description',
                  label: t('fields.description'),
                  children: <ServerHtml html={wo.descriptionHtml} />,
                },
              ]
            : []),
          { key: 'site', label: t('fields.site'), children: w.site?.name ?? none },
          {
            key: 'area',
            label: t('fields.area'),
            children: w.area ? t('areaLine', { label: w.area.label, minutes: w.area.minutes }) : none,
          },
          {
            key: 'window',
            label: t('fields.plannedWindow'),
            children:
              w.plannedStart || w.plannedEnd
                ? t('window', { start: formatDateTime(w.plannedStart), end: formatDateTime(w.plannedEnd) })
                : none,
          },
          {
            key: 'cis',
            label: t('fields.cis'),
            children: w.cis.length ? (
              <Flex gap={4} wrap>
                {w.cis.map((c) => (
                  <Link key={c.id} to={`/cis/${c.id}`}>
                    <Tag>
                      {c.name} · {labels.ciType(c.typeKey)}
                    </Tag>
                  </Link>
                ))}
              </Flex>
            ) : (
              none
            ),
          },
          { key: 'dispatchedTo', label: t('fields.dispatchedTo'), children: w.dispatchedTo?.name ?? none },
        ]}
      />
    </Card>
  );
}

/** 现场记录: dispatch, arrival (and where), work done, time and parts. */
export function WorkOrderRecordCard({ wo }: { wo: WorkOrder }) {
  const { t } = useTranslation(['workOrders', 'common']);
  const ticketLabels = useTicketLabels();
  const none = t('common:empty');
  const w = wo.workOrder;
  const loc = w.checkInLocation;
  return (
    <Card size="small" title={t('sections.record')}>
      {w.rejectReason && (
        <Typography.Paragraph type="warning">
          {t('rejectedBefore', { reason: w.rejectReason })}
        </Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'dispatchedAt', label: t('fields.dispatchedAt'), children: formatDateTime(w.dispatchedAt) },
          {
            key: 'checkedInAt',
            label: t('fields.checkedInAt'),
            children: w.checkedInAt ? formatDateTime(w.checkedInAt) : t('noRecord'),
          },
          ...(loc
            ? [
                {
                  key: 'location',
                  label: t('fields.checkInLocation'),
                  children: (
                    <>
                      {loc.lat !== undefined && loc.lng !== undefined && (
                        <div>
                          {t('location', {
                            lat: loc.lat.toFixed(5),
                            lng: loc.lng.toFixed(5),
                            accuracy: loc.accuracyM ?? '—',
                          })}
                        </div>
                      )}
                      {loc.note && <div>{loc.note}</div>}
                    </>
                  ),
                },
              ]
            : []),
          { key: 'completedAt', label: t('fields.completedAt'), children: formatDateTime(w.completedAt) },
          {
            key: 'workPerformed',
            label: t('fields.workPerformed'),
            children: w.workPerformed ? (
              <div style={{ whiteSpace: 'pre-wrap' }}>{w.workPerformed}</div>
            ) : (
              none
            ),
          },
          {
            key: 'timeSpent',
            label: t('fields.timeSpentMinutes'),
            children: w.timeSpentMinutes !== null ? ticketLabels.duration(w.timeSpentMinutes) : none,
          },
          { key: 'partsUsed', label: t('fields.partsUsed'), children: w.partsUsed ?? none },
        ]}
      />
    </Card>
  );
}

/** The customer's sign-off once given: name, time and the signature as drawn. */
export function SignedOff({ wo }: { wo: WorkOrder }) {
  const { t } = useTranslation('workOrders');
  const s = wo.workOrder.signOff;
  if (!s) return null;
  return (
    <Flex vertical gap={8} data-testid="signed-off">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'signer', label: t('fields.signer'), children: s.signerName },
          { key: 'signedAt', label: t('fields.signedAt'), children: formatDateTime(s.signedAt) },
        ]}
      />
      {s.signatureAttachmentId && (
        <Image
          alt={t('signOff.signature')}
          src={attachmentApi.contentUrl(s.signatureAttachmentId, true)}
          style={{ maxWidth: '100%', background: '#fff', border: '1px solid #f0f0f0' }}
        />
      )}
    </Flex>
  );
}
