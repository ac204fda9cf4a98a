import { useState } from 'react';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { Alert, DatePicker, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ComputeDueSchema } from '@opsdesk/contracts';
import type { Calendar } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { formatDateTime } from '../../../shared/format';
import { calendarApi } from '../api/calendars.api';

/** `2026-05-01 14:00` as the wall clock of `timeZone` shows it. */
export function inZone(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
  } catch {
    return formatDateTime(iso);
  }
}

/** What-if: when does a target of N working minutes end if the clock starts at a given moment? */
export function ComputeDueForm({ calendar, onDone }: { calendar: Calendar; onDone: () => void }) {
  const { t } = useTranslation(['calendars', 'common']);
  const [result, setResult] = useState<{ due: string; minutes: number; start: string } | null>(null);
  const form = useContractForm({
    schema: ComputeDueSchema,
    toInput: (v) => ({
      start: dayjs.isDayjs(v.start) ? (v.start as Dayjs).second(0).millisecond(0).format() : undefined,
      businessMinutes: v.businessMinutes,
    }),
    submit: async (data) => ({ ...(await calendarApi.computeDue(calendar.id, data)), data }),
    onSuccess: (r) => setResult({ due: r.due, minutes: r.data.businessMinutes, start: r.data.start }),
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      submitLabel={t('compute.submit')}
      initialValues={{ start: dayjs().second(0), businessMinutes: 240 }}
    >
      <Typography.Paragraph type="secondary">
        {t('compute.intro', { name: calendar.name, timeZone: calendar.timeZone })}
      </Typography.Paragraph>
      <Form.Item name="start" label={t('compute.start')} required>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="businessMinutes"
        label={t('compute.minutes')}
        required
        extra={t('compute.minutesHint')}
      >
        <InputNumber min={0} max={5256000} style={{ width: 200 }} suffix={t('compute.minutesUnit')} />
      </Form.Item>
      {result && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          title={t('compute.result', { due: formatDateTime(result.due) })}
          description={
            <>
              <div>
                {t('compute.resultLocal', {
                  time: inZone(result.due, calendar.timeZone),
                  timeZone: calendar.timeZone,
                })}
              </div>
              <div>
                {t('compute.resultDetail', { start: formatDateTime(result.start), minutes: result.minutes })}
              </div>
            </>
          }
        />
      )}
    </ContractFormView>
  );
}
