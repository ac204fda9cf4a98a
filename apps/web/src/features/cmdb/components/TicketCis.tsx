import { Link } from 'react-router';
import { App, Button, Card, Flex, Space, Typography } from 'antd';
import { DisconnectOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { describeError } from '../../../shared/errors';
import { cmdbApi, cmdbKeys } from '../api/cmdb.api';
import { useCmdbLabels } from '../labels';
import { CiImpactSummary } from './CiImpact';
import { CiSelect } from './CiSelect';
import { CiStatusTag } from './CiTags';

/** One named CI: name, type and status, loaded by id. */
function CiLine({ id, onUnlink }: { id: string; onUnlink?: (() => void) | undefined }) {
  const { t } = useTranslation('cmdb');
  const labels = useCmdbLabels();
  const q = useQuery({
    queryKey: cmdbKeys.detail(id),
    queryFn: ({ signal }) => cmdbApi.get(id, signal),
    staleTime: 60_000,
  });
  return (
    <Flex justify="space-between" align="center" gap={8} wrap>
      <Space size={4} wrap>
        <Link to={`/cis/${id}`}>{q.data?.name ?? id.slice(0, 8)}</Link>
        {q.data && <Typography.Text type="secondary">{labels.type(q.data.type)}</Typography.Text>}
        {q.data && <CiStatusTag status={q.data.status} />}
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
 * The CIs a ticket names as affected (配置项), for the ticket page: name one (PUT
 * /cis/:id/tickets/:ticketId), remove one (DELETE), and the business services they hit.
 *
 * The API has no way yet to list a ticket's CIs: pass `ciIds` once the ticket carries them; until
 * then the card shows the CIs named from this page (kept per ticket in the query cache).
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
  /** Whether the user may change the ticket's CIs (staff who see the ticket). */
  editable?: boolean;
}) {
  const { t } = useTranslation('cmdb');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = cmdbKeys.ticketCis(ticketId);
  const known = useQuery({
    queryKey: key,
    queryFn: () => ciIds ?? [],
    initialData: ciIds,
    staleTime: Infinity,
  });
  const ids = known.data ?? [];
  const [picking, setPicking] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const setIds = (next: string[]) => qc.setQueryData(key, next);
  const add = async (ciId: string) => {
    setBusy(true);
    try {
      await cmdbApi.linkTicket(ciId, ticketId);
      if (!ids.includes(ciId)) setIds([...ids, ciId]);
      void qc.invalidateQueries({ queryKey: cmdbKeys.tickets(ciId) });
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
      setIds(ids.filter((i) => i !== ciId));
      void qc.invalidateQueries({ queryKey: cmdbKeys.tickets(ciId) });
      message.success(t('ticketCis.unlinked'));
    } catch (e) {
      message.error(describeError(e));
    }
  };

  return (
    <Card size="small" title={t('ticketCis.title')}>
      <Flex vertical gap={8}>
        {ids.length === 0 && <Typography.Text type="secondary">{t('ticketCis.empty')}</Typography.Text>}
        {ids.map((id) => (
          <CiLine key={id} id={id} onUnlink={editable ? () => void remove(id) : undefined} />
        ))}
        {editable && (
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
