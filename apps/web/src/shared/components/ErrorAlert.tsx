import type { ReactNode } from 'react';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { describeError } from '../errors';

/** An API failure as an Alert: the server's message, and the request id to quote to support. */
export function ErrorAlert({
  error,
  title,
  action,
}: {
  error: unknown;
  title?: ReactNode;
  action?: ReactNode;
}) {
  const { t } = useTranslation('common');
  const requestId = isApiError(error) ? error.requestId : null;
  const text = describeError(error);
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      title={title ?? text}
      description={
        title || requestId ? (
          <>
            {title ? <div>{text}</div> : null}
            {requestId ? (
              <Typography.Text type="secondary" copyable={{ text: requestId }} style={{ fontSize: 12 }}>
                {t('errors.requestId', { id: requestId })}
              </Typography.Text>
            ) : null}
          </>
        ) : undefined
      }
      action={action}
    />
  );
}
