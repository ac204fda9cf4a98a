import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Flex, Segmented, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { TicketListQuery } from '@opsdesk/contracts';
import type { TicketListItem } from '@opsdesk/contracts';
import { useMe } from '../../../app/session/me';
import { formatDateTime } from '../../../shared/format';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { ticketApi, ticketKeys } from '../../tickets/api/tickets.api';
import { TicketStateTag } from '../../tickets/components/TicketTags';
import { useTicketLabels } from '../../tickets/labels';

const fetchTickets = contractList(TicketListQuery, ticketApi.list);

/** `/portal`: a customer contact's tickets (their own, or all of their organisation's). */
export default function PortalTicketsPage() {
  const { t } = useTranslation(['portal', 'tickets', 'common']);
  const labels = useTicketLabels();
  const me = useMe();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const scope = sp.get('scope') === 'all' ? 'all' : 'mine';

  const columns: ListColumn<TicketListItem>[] = [
    {
      key: 'title',
      title: t('list.ticket'),
      alwaysVisible: true,
      value: (r) => `${r.number} ${r.title}`,
      render: (r) => (
        <Link to={`/portal/tickets/${r.id}`} style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
          <Typography.Text type="secondary" style={{ marginInlineEnd: 6 }}>
            {r.number}
          </Typography.Text>
          {r.title}
        </Link>
      ),
    },
    {
      key: 'state',
      title: t('tickets:fields.state'),
      value: (r) => r.stateLabel,
      render: (r) => <TicketStateTag ticket={r} />,
    },
    { key: 'kind', title: t('tickets:fields.kind'), value: (r) => labels.kind(r.kind) },
    ...(scope === 'all'
      ? [
          {
            key: 'requester',
            title: t('tickets:fields.requester'),
            value: (r: TicketListItem) => r.requester?.displayName,
          },
        ]
      : []),
    {
      key: 'createdAt',
      title: t('tickets:fields.createdAt'),
      sortKey: 'createdAt',
      value: (r) => formatDateTime(r.createdAt),
    },
    {
      key: 'updatedAt',
      title: t('tickets:fields.updatedAt'),
      sortKey: 'updatedAt',
      value: (r) => formatDateTime(r.updatedAt),
    },
  ];
  const filters: ListFilter[] = [
    {
      name: 'open',
      label: t('list.progress'),
      options: [
        { value: 'true', label: t('list.inProgress') },
        { value: 'false', label: t('list.done') },
      ],
      width: 140,
    },
  ];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/portal/new')}>
          {t('raise.title')}
        </Button>
      </Flex>
      <Segmented
        value={scope}
        onChange={(v) => {
          const next = new URLSearchParams(sp);
          if (v === 'all') next.set('scope', 'all');
          else next.delete('scope');
          setSp(next);
        }}
        options={[
          { value: 'mine', label: t('list.mine') },
          { value: 'all', label: t('list.organisation') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <ListPage<TicketListItem>
        listKey="portal-tickets"
        queryKey={ticketKeys.all}
        fetchPage={fetchTickets}
        columns={columns}
        rowKey={(r) => r.id}
        filters={filters}
        searchPlaceholder={t('list.search')}
        fixedParams={{ queue: 'all', requesterId: scope === 'mine' ? me.id : undefined }}
        emptyText={t('list.empty')}
        exportable={false}
      />
    </>
  );
}
