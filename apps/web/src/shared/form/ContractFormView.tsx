import type { ReactNode } from 'react';
import { Alert, Button, Flex, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { describeError } from '../errors';
import type { ContractForm, FormLevelError, FormValues } from './useContractForm';

/** The form's own alert: the server's message (or the caller's text for its code), unmatched field errors, request id. */
export function FormErrorAlert({
  error,
  messages,
}: {
  error: FormLevelError | null;
  messages?: Record<string, string>;
}) {
  const { t } = useTranslation('common');
  if (!error) return null;
  const api = isApiError(error.error) ? error.error : null;
  const title = api
    ? (messages?.[api.code] ?? api.message)
    : error.error
      ? describeError(error.error)
      : t('form.fixFields');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={title}
      description={
        error.unmatched.length || api?.requestId ? (
          <>
            {error.unmatched.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {error.unmatched.map((f) => (
                  <li key={`${f.path}:${f.code}`}>{f.path ? `${f.path}: ${f.message}` : f.message}</li>
                ))}
              </ul>
            )}
            {api?.requestId && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('errors.requestId', { id: api.requestId })}
              </Typography.Text>
            )}
          </>
        ) : undefined
      }
    />
  );
}

/** An antd Form driven by `useContractForm`: vertical (stacks on phones), error alert, submit/cancel. */
export function ContractFormView(props: {
  form: ContractForm;
  initialValues?: FormValues;
  children: ReactNode;
  submitLabel?: string;
  onCancel?: () => void;
  /** Text by envelope code for the form-level alert (e.g. `{ CONFLICT: … }`). */
  messages?: Record<string, string>;
}) {
  const { t } = useTranslation('common');
  const { form, onFinish, submitting, formError } = props.form;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={props.initialValues}
      onFinish={(values: FormValues) => void onFinish(values)}
      scrollToFirstError
      requiredMark
    >
      <FormErrorAlert error={formError} messages={props.messages} />
      {props.children}
      <Flex justify="flex-end" gap={8} wrap style={{ marginTop: 8 }}>
        {props.onCancel && <Button onClick={props.onCancel}>{t('actions.cancel')}</Button>}
        <Button type="primary" htmlType="submit" loading={submitting}>
          {props.submitLabel ?? t('actions.save')}
        </Button>
      </Flex>
    </Form>
  );
}
