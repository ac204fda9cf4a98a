import { App, Button, Card, Flex, Form, Input, Radio, Select, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CalendarCreateSchema, CalendarUpdateSchema } from '@opsdesk/contracts';
import type { Calendar } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { ProjectSelect } from '../../tickets/components/pickers';
import { calendarApi, calendarKeys } from '../api/calendars.api';
import { DateOnlyPicker, DatesPicker } from '../components/DatesField';
import { WEEKDAYS, WeeklyHoursEditor } from '../components/WeeklyHoursEditor';

const CUSTOM = 'custom';
/** Where custom hours start: the 5×8 day with its lunch break. */
const OFFICE = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [
      'Asia/Shanghai',
      'Asia/Hong_Kong',
      'Asia/Taipei',
      'Asia/Tokyo',
      'Asia/Singapore',
      'Europe/London',
      'UTC',
    ];
  }
}

/**
 * Where the server's calendar problems land: a range's problem (`weekly.2.1`, overlapping or empty)
 * on its start time, a bad extra date (`extraHolidays.3`) on the dates field.
 */
const FIELD_NAMES: Record<string, (string | number)[]> = {};
for (const d of WEEKDAYS)
  for (let i = 0; i < 12; i++) FIELD_NAMES[`weekly.${d}.${i}`] = ['weekly', d, i, 'start'];
for (let i = 0; i < 400; i++) FIELD_NAMES[`extraHolidays.${i}`] = ['extraHolidays'];

/** The form's weekly ranges → `{ 1: [...], …, 7: [...] }` (empty rows dropped). */
export function weeklyOf(v: unknown): Record<string, { start: string; end: string }[]> {
  const src = (v ?? {}) as Record<string, { start?: string; end?: string }[] | undefined>;
  const out: Record<string, { start: string; end: string }[]> = {};
  for (const d of WEEKDAYS)
    out[d] = (src[d] ?? [])
      .filter((r) => r && (r.start || r.end))
      .map((r) => ({ start: (r.start ?? '').trim(), end: (r.end ?? '').trim() }));
  return out;
}

/** Create a calendar from a preset or custom hours, or edit one: hours with breaks, time zone, holidays. */
export function CalendarForm(props: { calendar?: Calendar; projectId?: string | null; onDone: () => void }) {
  const { t } = useTranslation(['calendars', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const c = props.calendar;
  const toInput = (v: FormValues) => {
    const custom = c || v.preset === CUSTOM;
    return {
      name: v.name,
      timeZone: v.timeZone,
      ...(c ? {} : { projectId: v.projectId ?? null }),
      ...(!c && v.preset !== CUSTOM ? { preset: v.preset } : {}),
      ...(custom ? { weekly: weeklyOf(v.weekly) } : {}),
      followsChinaHolidays: v.followsChinaHolidays === true,
      extraHolidays: v.extraHolidays ?? [],
      extraMakeupWorkdays: ((v.extraMakeupWorkdays as FormValues[] | undefined) ?? [])
        .filter((m) => m?.date)
        .map((m) => ({ date: m.date, ...(m.hours ? { hours: m.hours } : {}) })),
    };
  };
  const done = (saved: boolean) => {
    void qc.invalidateQueries({ queryKey: calendarKeys.all });
    message.success(saved ? t('common:form.saved') : t('common:form.created'));
    props.onDone();
  };
  const createForm = useContractForm({
    schema: CalendarCreateSchema,
    toInput,
    fieldNames: FIELD_NAMES,
    submit: calendarApi.create,
    onSuccess: () => done(false),
  });
  const updateForm = useContractForm({
    schema: CalendarUpdateSchema,
    toInput,
    fieldNames: FIELD_NAMES,
    submit: (data) => calendarApi.update(c!.id, data),
    onSuccess: () => done(true),
  });
  const form = c ? updateForm : createForm;
  const preset = Form.useWatch('preset', form.form) as string | undefined;
  const showWeekly = !!c || preset === CUSTOM;
  const weekdayOptions = WEEKDAYS.map((d) => ({ value: d, label: t(`weekdays.${d}`) }));

  return (
    <ContractFormView
      form={form}
      onCancel={props.onDone}
      initialValues={
        c
          ? {
              name: c.name,
              timeZone: c.timeZone,
              weekly: c.weekly,
              followsChinaHolidays: c.followsChinaHolidays,
              extraHolidays: c.extraHolidays,
              extraMakeupWorkdays: c.extraMakeupWorkdays,
            }
          : {
              projectId: props.projectId ?? undefined,
              preset: '5x8',
              timeZone: 'Asia/Shanghai',
              followsChinaHolidays: true,
              weekly: { 1: OFFICE, 2: OFFICE, 3: OFFICE, 4: OFFICE, 5: OFFICE, 6: [], 7: [] },
              extraHolidays: [],
              extraMakeupWorkdays: [],
            }
      }
    >
      <Form.Item name="name" label={t('fields.name')} required>
        <Input maxLength={100} placeholder={t('form.namePlaceholder')} />
      </Form.Item>
      {!c && (
        <Form.Item name="projectId" label={t('fields.project')} extra={t('form.projectHint')}>
          <ProjectSelect placeholder={t('form.global')} />
        </Form.Item>
      )}
      {!c && (
        <Form.Item name="preset" label={t('form.preset')}>
          <Radio.Group
            optionType="button"
            onChange={(e) => form.form.setFieldValue('followsChinaHolidays', e.target.value !== '7x24')}
            options={[
              { value: '5x8', label: t('form.presets.5x8') },
              { value: '7x24', label: t('form.presets.7x24') },
              { value: CUSTOM, label: t('form.presets.custom') },
            ]}
          />
        </Form.Item>
      )}
      <Form.Item name="timeZone" label={t('fields.timeZone')} required>
        <Select showSearch options={timeZones().map((z) => ({ value: z, label: z }))} />
      </Form.Item>
      {showWeekly && (
        <Card size="small" title={t('form.weekly')} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('form.weeklyHint')}</Typography.Paragraph>
          <WeeklyHoursEditor />
        </Card>
      )}
      <Form.Item
        name="followsChinaHolidays"
        label={t('fields.followsChinaHolidays')}
        valuePropName="checked"
        extra={t('form.followsHint')}
      >
        <Switch />
      </Form.Item>
      <Form.Item name="extraHolidays" label={t('fields.extraHolidays')} extra={t('form.extraHolidaysHint')}>
        <DatesPicker />
      </Form.Item>
      <Form.Item label={t('fields.extraMakeupWorkdays')} extra={t('form.makeupHint')}>
        <Form.List name="extraMakeupWorkdays">
          {(fields, { add, remove }) => (
            <Flex vertical gap={6}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="center" wrap>
                  <Form.Item name={[f.name, 'date']} style={{ margin: 0 }}>
                    <DateOnlyPicker aria-label={t('form.makeupDate')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'hours']} style={{ margin: 0, minWidth: 180 }}>
                    <Select
                      allowClear
                      options={weekdayOptions}
                      placeholder={t('form.makeupHours')}
                      aria-label={t('form.makeupHours')}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('common:actions.remove')}
                    onClick={() => remove(f.name)}
                  />
                </Flex>
              ))}
              <Button
                size="small"
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({})}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('form.addMakeup')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
    </ContractFormView>
  );
}
