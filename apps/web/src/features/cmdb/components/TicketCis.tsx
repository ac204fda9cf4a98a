import { Link } from 'react-router';
import { App, Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { DisconnectOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { Ci } from '@opsdesk/contracts';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { describeError } from '../../../shared/errors';
import { cmdbApi, cmdbKeys, ticketCisQuery } from '../api/cmdb.api';
import { useCmdbLabels } from '../labels';
import { CiImpactSummary } from './CiImpact';
import { CiSelect } from './CiSelect';
import { CiStatusTag } from './CiTags';

/** One named CI: name, type and status (loaded by id when only the id is known yet). */
function CiLine({
  id,
  ci,
  onUnlink,
}: {
  id: string;
  ci?: Ci | undefined;
  onUnlink?: (() => void) | undefined;
}) {
  const { t } = useTranslation('cmdb');
  const labels = useCmdbLabels();
  const q = useQuery({
    queryKey: cmdbKeys.detail(id),
    queryFn: ({ signal }) => cmdbApi.get(id, signal),
    enabled: !ci,
    staleTime: 60_000,
  });
  const data = ci ?? q.data;
  return (
    <Flex justify="space-between" align="center" gap={8} wrap>
      <Space size={4} wrap>
        <Link to={`/cis/${id}`}>{data?.name ?? id.slice(0, 8)}</Link>
        {data && <Typography.Text type="secondary">{labels.type(data.type)}</Typography.Text>}
        {data && <CiStatusTag status={data.status} />}
        {data?.deletedAt && <Tag color="red">{t('deleted')}</Tag>}
      </Space>
      {onUnlink && (
        <Button
          size="small"
          type="link"
          danger
          icon={<DisconnectOutlined />}
          aria-label={t('ticketCis.unlink')}
          onClick={onUnlink}
        />
      )}
    </Flex>
  );
}

/**
 * The CIs a ticket names as affected (配置项), for the ticket page: the list from GET
 * /tickets/:id/cis, name one (PUT /cis/:id/tickets/:ticketId), remove one (DELETE), and the
 * business services they hit. Changing them is offered when the API says so (`abilities.link`)
 * and `editable` is not false. `ciIds`: ids to show while the list loads.
 */
export function TicketCis({
  ticketId,
  projectId,
  ciIds,
  editable = true,
}: {
  ticketId: string;
  projectId: string;
  ciIds?: string[];
  /** False keeps the card read-only even for those who may change the ticket's CIs. */
  editable?: boolean;
}) {
  const { t } = useTranslation('cmdb');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useQuery(ticketCisQuery(ticketId));
  const named: { id: string; ci?: Ci }[] = list.data
    ? list.data.items.map((i) => ({ id: i.ci.id, ci: i.ci }))
    : (ciIds ?? []).map((id) => ({ id }));
  const ids = named.map((n) => n.id);
  const canChange = editable && !!list.data?.abilities.link;
  const [picking, setPicking] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const changed = (ciId: string) => {
    void qc.invalidateQueries({ queryKey: cmdbKeys.ticketCis(ticketId) });
    void qc.invalidateQueries({ queryKey: cmdbKeys.tickets(ciId) });
  };
  const add = async (ciId: string) => {
    setBusy(true);
    try {
      await cmdbApi.linkTicket(ciId, ticketId);
      changed(ciId);
      message.success(t('ticketCis.linked'));
      setPicking(undefined);
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (ciId: string) => {
    try {
      await cmdbApi.unlinkTicket(ciId, ticketId);
      changed(ciId);
      message.success(t('ticketCis.unlinked'));
    } catch (e) {
      message.error(describeError(e));
    }
  };

  return (
    <Card size="small" title={t('ticketCis.title')}>
      <Flex vertical gap={8}>
        {list.isError && <ErrorAlert error={list.error} />}
        {list.isSuccess && ids.length === 0 && (
          <Typography.Text type="secondary">{t('ticketCis.empty')}</Typography.Text>
        )}
        {named.map(({ id, ci }) => (
          <CiLine key={id} id={id} ci={ci} onUnlink={canChange ? () => void remove(id) : undefined} />
        ))}
        {canChange && (
          <Flex gap={8}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <CiSelect
                aria-label={t('ticketCis.add')}
                projectId={projectId}
                value={picking ?? null}
                onChange={(v) => setPicking(v)}
                placeholder={t('ticketCis.add')}
              />
            </div>
            <Button disabled={!picking} loading={busy} onClick={() => picking && void add(picking)}>
              {t('ticketCis.addButton')}
            </Button>
          </Flex>
        )}
        <CiImpactSummary ciIds={ids} />
      </Flex>
    </Card>
  );
}
