import { App, Flex, Switch, Tooltip, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { ticketApi, ticketKeys } from '../api/tickets.api';

/** "Away": routing and the on-duty rule skip an agent who is away (`/me/availability`). */
export function AvailabilitySwitch() {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: ticketKeys.availability,
    queryFn: ({ signal }) => ticketApi.availability(signal),
  });
  const mutation = useMutation({
    mutationFn: (away: boolean) => ticketApi.setAvailability({ away, awayUntil: null, note: null }),
    onSuccess: (a) => {
      qc.setQueryData(ticketKeys.availability, a);
      message.success(a.away ? t('availability.nowAway') : t('availability.nowBack'));
    },
    onError: (e) => message.error(describeError(e)),
  });
  const away = query.data?.away ?? false;
  const detail = [
    query.data?.note,
    query.data?.awayUntil ? t('availability.until', { time: formatDateTime(query.data.awayUntil) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip title={detail || t('availability.hint')}>
      <Flex align="center" gap={6}>
        <Switch
          size="small"
          checked={away}
          loading={query.isPending || mutation.isPending}
          onChange={(v) => mutation.mutate(v)}
          aria-label={t('availability.label')}
        />
        <Typography.Text type={away ? 'warning' : 'secondary'}>
          {away ? t('availability.away') : t('availability.available')}
        </Typography.Text>
      </Flex>
    </Tooltip>
  );
}
