import { App, Card, Checkbox, Col, Form, Input, InputNumber, Row, Switch, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MailSettingsPutSchema, MailTestSchema } from '@opsdesk/contracts';
import { QueryState } from '../../../shared/components/QueryState';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { deskApi, deskKeys } from '../api/desk-admin.api';
import type { MailSettings } from '../api/desk-admin.api';

/** `/admin/mail`: SMTP for outgoing notifications (the password is write-only), and a test message. */
export default function MailSettingsPage() {
  const query = useQuery({ queryKey: deskKeys.mail, queryFn: ({ signal }) => deskApi.mail(signal) });
  return <QueryState query={query}>{(s) => <MailSettingsView settings={s} />}</QueryState>;
}

function MailSettingsView({ settings }: { settings: MailSettings }) {
  const { t } = useTranslation(['deskAdmin', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: MailSettingsPutSchema,
    // The password: empty keeps the stored one, "clear" removes it, anything else replaces it.
    toInput: ({ clearPassword, password, ...v }) => ({
      ...v,
      port: v.port ?? 25,
      ...(clearPassword
        ? { password: null }
        : typeof password === 'string' && password !== ''
          ? { password }
          : {}),
    }),
    submit: deskApi.putMail,
    onSuccess: (next) => {
      qc.setQueryData(deskKeys.mail, next);
      form.form.setFieldsValue({ password: '', clearPassword: false });
      message.success(t('common:form.saved'));
    },
  });
  const test = useContractForm({
    schema: MailTestSchema,
    submit: deskApi.testMail,
    onSuccess: () => message.success(t('mail.testQueued')),
  });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={t('mail.title')}>
          <Typography.Paragraph type="secondary">{t('mail.intro')}</Typography.Paragraph>
          <ContractFormView
            form={form}
            initialValues={{
              ...settings,
              username: settings.username ?? undefined,
              password: '',
              clearPassword: false,
            }}
          >
            <Form.Item name="enabled" label={t('mail.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} sm={16}>
                <Form.Item name="host" label={t('mail.host')} required>
                  <Input maxLength={255} placeholder="smtp.example.com" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={8}>
                <Form.Item name="port" label={t('mail.port')} required>
                  <InputNumber min={1} max={65535} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="secure" valuePropName="checked" extra={t('mail.secureHint')}>
              <Checkbox>{t('mail.secure')}</Checkbox>
            </Form.Item>
            <Form.Item name="from" label={t('mail.from')} required>
              <Input maxLength={255} placeholder="opsdesk@example.com" />
            </Form.Item>
            <Form.Item name="username" label={t('mail.username')}>
              <Input maxLength={255} autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('mail.password')}
              extra={settings.passwordSet ? t('mail.passwordSet') : t('mail.passwordNotSet')}
            >
              <Input.Password maxLength={255} autoComplete="new-password" />
            </Form.Item>
            {settings.passwordSet && (
              <Form.Item name="clearPassword" valuePropName="checked">
                <Checkbox>{t('mail.clearPassword')}</Checkbox>
              </Form.Item>
            )}
          </ContractFormView>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('mail.test')}>
          <Typography.Paragraph type="secondary">{t('mail.testIntro')}</Typography.Paragraph>
          <ContractFormView form={test} submitLabel={t('mail.sendTest')}>
            <Form.Item name="to" label={t('mail.testTo')} required>
              <Input maxLength={255} placeholder="someone@example.com" />
            </Form.Item>
          </ContractFormView>
        </Card>
      </Col>
    </Row>
  );
}
