import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { describeError } from '../errors';

/** Loading, not-found and error states of a detail page's main query. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation('common');
  if (query.data !== undefined) return children(query.data);
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <Result status="404" title={t('errors.notFoundTitle')} subTitle={t('errors.objectNotFound')} />;
    }
    return (
      <Result
        status="error"
        title={describeError(query.error)}
        subTitle={
          isApiError(query.error) && query.error.requestId
            ? t('errors.requestId', { id: query.error.requestId })
            : undefined
        }
        extra={<Button onClick={() => void query.refetch()}>{t('actions.retry')}</Button>}
      />
    );
  }
  return <Skeleton active />;
}
