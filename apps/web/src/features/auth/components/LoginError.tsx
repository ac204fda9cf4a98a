import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api/client';
import { describeError } from '../../../shared/errors';

/**
 * Why the sign-in failed, chosen by error code: wrong credentials (with the attempts left before
 * lockout), locked (the server's message carries the time, in the user's language and zone),
 * disabled. Field problems are shown on the fields instead.
 */
export function LoginError({ error }: { error: unknown }) {
  const { t } = useTranslation('auth');
  if (!error) return null;
  if (isApiError(error) && error.code === 'VALIDATION_FAILED') return null;
  let title = describeError(error);
  let description: string | undefined;
  if (isApiError(error)) {
    switch (error.code) {
      case 'INVALID_CREDENTIALS': {
        title = t('login.invalidCredentials');
        const left = error.details.attemptsLeft;
        if (typeof left === 'number') description = t('login.attemptsLeft', { count: left });
        break;
      }
      case 'ACCOUNT_LOCKED':
        title = t('login.lockedTitle');
        description = error.message;
        break;
      case 'ACCOUNT_DISABLED':
        title = t('login.disabled');
        break;
      default:
        break;
    }
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={description}
      style={{ marginBottom: 16 }}
    />
  );
}
