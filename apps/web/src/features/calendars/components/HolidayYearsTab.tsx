import { App, Button, Form, Input, Tag, Typography } from 'antd';
import { EditOutlined, ImportOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HolidayYearImportSchema, HolidayYearPutSchema } from '@opsdesk/contracts';
import { useAbilities } from '../../../shared/abilities/useAbilities';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { FormDrawer, FormModal, useOverlay } from '../../../shared/form/overlays';
import { useContractForm } from '../../../shared/form/useContractForm';
import { formatDateTime } from '../../../shared/format';
import { wholeList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { calendarApi, calendarKeys } from '../api/calendars.api';
import type { HolidayYear } from '../api/calendars.api';
import { DatesPicker } from './DatesField';

const EXAMPLE =
  '{\n  "year": 2027,\n  "holidays": ["2027-01-01", "2027-02-06"],\n  "makeupWorkdays": ["2027-02-14"]\n}';

/** China's statutory holidays and make-up workdays (调休) per year: loaded from a package, edited or imported by the admin. */
export function HolidayYearsTab() {
  const { t } = useTranslation(['calendars', 'common']);
  const abilities = useAbilities();
  const manage = abilities.manageOrganisation;
  const edit = useOverlay<HolidayYear>();
  const imp = useOverlay();
  const columns: ListColumn<HolidayYear>[] = [
    { key: 'year', title: t('years.year'), alwaysVisible: true },
    { key: 'holidays', title: t('years.holidays'), align: 'right', value: (y) => y.holidays.length },
    {
      key: 'makeupWorkdays',
      title: t('years.makeupWorkdays'),
      align: 'right',
      value: (y) => y.makeupWorkdays.length,
    },
    {
      key: 'source',
      title: t('years.source'),
      value: (y) => t(`years.sources.${y.source}`),
      render: (y) => (
        <Tag color={y.source === 'admin' ? 'gold' : undefined}>{t(`years.sources.${y.source}`)}</Tag>
      ),
    },
    { key: 'updatedAt', title: t('common:updatedAt'), value: (y) => formatDateTime(y.updatedAt) },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (y) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => edit.show(y)}>
          {manage ? t('common:actions.edit') : t('common:actions.details')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <ListPage<HolidayYear>
        listKey="holiday-years"
        description={t('years.intro')}
        queryKey={calendarKeys.years}
        fetchPage={wholeList(calendarApi.years)}
        columns={columns}
        rowKey={(y) => String(y.year)}
        paginated={false}
        emptyText={t('years.empty')}
        extra={
          manage && (
            <Button icon={<ImportOutlined />} onClick={() => imp.show()}>
              {t('years.import')}
            </Button>
          )
        }
      />
      <FormDrawer
        open={edit.open}
        title={t('years.editTitle', { year: edit.record?.year ?? '' })}
        onClose={edit.close}
      >
        {edit.record && <YearForm key={edit.key} year={edit.record} readOnly={!manage} onDone={edit.close} />}
      </FormDrawer>
      <FormModal open={imp.open} title={t('years.import')} onClose={imp.close} width={560}>
        <ImportForm key={imp.key} onDone={imp.close} />
      </FormModal>
    </>
  );
}

function YearForm({ year, readOnly, onDone }: { year: HolidayYear; readOnly: boolean; onDone: () => void }) {
  const { t } = useTranslation(['calendars', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: HolidayYearPutSchema,
    toInput: (v) => ({ holidays: v.holidays ?? [], makeupWorkdays: v.makeupWorkdays ?? [] }),
    submit: (data) => calendarApi.putYear(year.year, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: calendarKeys.years });
      message.success(t('common:form.saved'));
      onDone();
    },
  });
  const fields = (
    <>
      <Typography.Paragraph type="secondary">{t('years.editHint')}</Typography.Paragraph>
      <Form.Item name="holidays" label={t('years.holidays')}>
        <DatesPicker disabled={readOnly} />
      </Form.Item>
      <Form.Item name="makeupWorkdays" label={t('years.makeupWorkdays')}>
        <DatesPicker disabled={readOnly} />
      </Form.Item>
    </>
  );
  const initialValues = { holidays: year.holidays, makeupWorkdays: year.makeupWorkdays };
  return readOnly ? (
    <Form form={form.form} layout="vertical" initialValues={initialValues}>
      {fields}
    </Form>
  ) : (
    <ContractFormView form={form} onCancel={onDone} initialValues={initialValues}>
      {fields}
    </ContractFormView>
  );
}

function ImportForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation(['calendars', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: HolidayYearImportSchema,
    // The pasted text is the body; JSON that does not parse is reported on the field.
    toInput: (v) => {
      try {
        return JSON.parse(String(v.json ?? '')) as unknown;
      } catch {
        return null; // the field's own rule has said so already
      }
    },
    fieldNames: { year: 'json', holidays: 'json', makeupWorkdays: 'json', '': 'json' },
    submit: calendarApi.importYear,
    onSuccess: (y) => {
      void qc.invalidateQueries({ queryKey: calendarKeys.years });
      message.success(t('years.imported', { year: y.year }));
      onDone();
    },
  });
  return (
    <ContractFormView form={form} onCancel={onDone} submitLabel={t('years.importSubmit')}>
      <Typography.Paragraph type="secondary">{t('years.importHint')}</Typography.Paragraph>
      <Form.Item
        name="json"
        label={t('years.json')}
        required
        rules={[
          {
            validator: async (_, value: unknown) => {
              try {
                JSON.parse(String(value ?? ''));
              } catch {
                throw new Error(t('years.badJson'));
              }
            },
          },
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 8, maxRows: 20 }}
          placeholder={EXAMPLE}
          style={{ fontFamily: 'monospace' }}
        />
      </Form.Item>
    </ContractFormView>
  );
}
