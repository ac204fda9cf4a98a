import { App, AutoComplete, Button, DatePicker, Flex, Form, Input, InputNumber } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  RosterRotationSchema,
  RosterShiftCreateSchema,
  RosterShiftUpdateSchema,
  RosterSwapSchema,
} from '@opsdesk/contracts';
import type { RosterShift } from '@opsdesk/contracts';
import { fromDateOnly, toDateOnly } from '../../../shared/format';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { rosterApi, rosterKeys } from '../api/roster.api';
import type { RosterOwner } from '../api/roster.api';
import { RosterPersonSelect } from '../components/RosterPersonSelect';
import { instantToPicker, pickerToInstant, shanghaiToday } from '../time';

const PICKER = {
  showTime: { format: 'HH:mm' },
  format: 'YYYY-MM-DD HH:mm',
  style: { width: '100%' },
} as const;

function useRefresh() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: rosterKeys.all });
}

function LabelInput(props: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t } = useTranslation('roster');
  return (
    <AutoComplete
      {...props}
      maxLength={40}
      options={(['day', 'night', 'duty', 'hotline'] as const).map((k) => ({ value: t(`labels.${k}`) }))}
    />
  );
}

const shiftInput = (v: FormValues) => ({
  ...v,
  startsAt: pickerToInstant(v.startsAt),
  endsAt: pickerToInstant(v.endsAt),
});

/** One shift on a roster, in Shanghai wall time. */
export function ShiftCreateForm({ owner, onDone }: { owner: RosterOwner; onDone: () => void }) {
  const { t } = useTranslation(['roster', 'common']);
  const { message } = App.useApp();
  const refresh = useRefresh();
  const form = useContractForm({
    schema: RosterShiftCreateSchema,
    toInput: shiftInput,
    submit: (data) => rosterApi.createShift(owner, data),
    onSuccess: () => {
      refresh();
      message.success(t('common:form.created'));
      onDone();
    },
  });
  return (
    <ContractFormView form={form} onCancel={onDone} initialValues={{ label: t('labels.duty') }}>
      <Form.Item name="userId" label={t('fields.user')} required>
        <RosterPersonSelect owner={owner} />
      </Form.Item>
      <Form.Item name="label" label={t('fields.label')} required>
        <LabelInput />
      </Form.Item>
      <Form.Item name="startsAt" label={t('fields.startsAt')} required extra={t('timeZoneHelp')}>
        <DatePicker {...PICKER} />
      </Form.Item>
      <Form.Item name="endsAt" label={t('fields.endsAt')} required>
        <DatePicker {...PICKER} />
      </Form.Item>
    </ContractFormView>
  );
}

export function ShiftEditForm({ shift, onDone }: { shift: RosterShift; onDone: () => void }) {
  const { t } = useTranslation(['roster', 'common']);
  const { message } = App.useApp();
  const refresh = useRefresh();
  const form = useContractForm({
    schema: RosterShiftUpdateSchema,
    toInput: shiftInput,
    submit: (data) => rosterApi.updateShift(shift.id, data),
    onSuccess: () => {
      refresh();
      message.success(t('common:form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{
        label: shift.label,
        startsAt: instantToPicker(shift.startsAt),
        endsAt: instantToPicker(shift.endsAt),
      }}
    >
      <Form.Item name="label" label={t('fields.label')} required>
        <LabelInput />
      </Form.Item>
      <Form.Item name="startsAt" label={t('fields.startsAt')} required extra={t('timeZoneHelp')}>
        <DatePicker {...PICKER} />
      </Form.Item>
      <Form.Item name="endsAt" label={t('fields.endsAt')} required>
        <DatePicker {...PICKER} />
      </Form.Item>
    </ContractFormView>
  );
}

/**
 * A rotation: the days it covers, the daily shifts (an end at or before the start is the next
 * morning) and the people in turn; the server lays it out as shifts.
 */
export function RotationForm({ owner, onDone }: { owner: RosterOwner; onDone: () => void }) {
  const { t } = useTranslation(['roster', 'common']);
  const { message } = App.useApp();
  const refresh = useRefresh();
  const form = useContractForm({
    schema: RosterRotationSchema,
    toInput: (v) => ({ ...v, from: toDateOnly(v.from) }),
    submit: (data) => rosterApi.createRotation(owner, data),
    onSuccess: (r) => {
      refresh();
      message.success(t('rotation.created', { count: r.items.length }));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      submitLabel={t('rotation.submit')}
      initialValues={{
        from: fromDateOnly(shanghaiToday()),
        days: 7,
        shifts: [
          { label: t('labels.day'), start: '08:00', end: '20:00' },
          { label: t('labels.night'), start: '20:00', end: '08:00' },
        ],
      }}
    >
      <Flex gap={12} wrap>
        <Form.Item name="from" label={t('rotation.from')} required style={{ flex: '1 1 160px' }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="days" label={t('rotation.days')} required style={{ flex: '1 1 120px' }}>
          <InputNumber min={1} max={62} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item label={t('rotation.shifts')} required extra={t('rotation.shiftsHelp')}>
        <Form.List name="shifts">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <Flex key={row.key} gap={8} align="start" wrap>
                  <Form.Item name={[row.name, 'label']} style={{ flex: '2 1 100px', marginBottom: 8 }}>
                    <Input placeholder={t('fields.label')} aria-label={t('fields.label')} maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'start']} style={{ flex: '1 1 80px', marginBottom: 8 }}>
                    <Input placeholder="08:00" aria-label={t('rotation.start')} maxLength={5} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'end']} style={{ flex: '1 1 80px', marginBottom: 8 }}>
                    <Input placeholder="20:00" aria-label={t('rotation.end')} maxLength={5} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common:actions.remove')}
                    disabled={rows.length <= 1}
                    onClick={() => remove(row.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={rows.length >= 6}
                onClick={() => add({ label: '', start: '', end: '' })}
              >
                {t('rotation.addShift')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="userIds" label={t('rotation.people')} required extra={t('rotation.peopleHelp')}>
        <RosterPersonSelect owner={owner} multiple />
      </Form.Item>
    </ContractFormView>
  );
}

/** Hand a shift to someone else on the roster, with a reason (both are told). */
export function SwapForm({
  shift,
  owner,
  onDone,
}: {
  shift: RosterShift;
  owner: RosterOwner;
  onDone: () => void;
}) {
  const { t } = useTranslation(['roster', 'common']);
  const { message } = App.useApp();
  const refresh = useRefresh();
  const form = useContractForm({
    schema: RosterSwapSchema,
    submit: (data) => rosterApi.swap(shift.id, data),
    onSuccess: () => {
      refresh();
      message.success(t('swap.done'));
      onDone();
    },
  });
  return (
    <ContractFormView form={form} onCancel={onDone} submitLabel={t('swap.submit')}>
      <Form.Item name="toUserId" label={t('swap.to')} required>
        <RosterPersonSelect owner={owner} />
      </Form.Item>
      <Form.Item name="reason" label={t('swap.reason')} required>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </ContractFormView>
  );
}
