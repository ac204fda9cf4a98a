import { Fragment } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Space, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Ci, CiNode } from '@opsdesk/contracts';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { wholeList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { cmdbApi, cmdbKeys, ticketCisQuery } from '../api/cmdb.api';
import type { CiImpact as Impact } from '../api/cmdb.api';
import { useCmdbLabels } from '../labels';
import { CiStatusTag } from './CiTags';

type Hit = Impact['items'][number];

export function impactQuery(ciId: string) {
  return {
    queryKey: cmdbKeys.impact(ciId),
    queryFn: ({ signal }: { signal?: AbortSignal }) => cmdbApi.impact(ciId, signal),
    staleTime: 30_000,
  };
}

/**
 * The way an outage travels from the root to a hit CI, read left to right: 服务器 —承载→ 应用
 * —被依赖→ 业务服务. A step walked backwards along `from —runs on→ to` reads as the inverse.
 */
export function ImpactPath({ impact, hit }: { impact: Impact; hit: Hit }) {
  const labels = useCmdbLabels();
  const nodes = new Map<string, CiNode>([[impact.root.id, impact.root]]);
  for (const i of impact.items) nodes.set(i.ci.id, i.ci);
  return (
    <Flex wrap align="center" gap={4} style={{ minWidth: 0 }}>
      <Typography.Text strong>{impact.root.name}</Typography.Text>
      {hit.path.map((step) => (
        <Fragment key={step.relationId}>
          <Tag style={{ marginInlineEnd: 0 }} icon={<ArrowRightOutlined />}>
            {labels.relation(step.type, step.direction === 'backward')}
          </Tag>
          <Link to={`/cis/${step.ciId}`}>{nodes.get(step.ciId)?.name ?? step.ciId.slice(0, 8)}</Link>
        </Fragment>
      ))}
    </Flex>
  );
}

/** Business services an outage or change of this CI would hit, as links. */
export function BusinessServiceTags({ services }: { services: Impact['businessServices'] }) {
  return (
    <Space wrap size={[4, 4]}>
      {services.map((s) => (
        <Link key={s.id} to={`/cis/${s.id}`}>
          <Tag color="volcano" style={{ cursor: 'pointer' }}>
            {s.name}
          </Tag>
        </Link>
      ))}
    </Space>
  );
}

/** 影响分析: everything an outage or change of this CI would hit, business services first, with the paths. */
export function CiImpactView({ ci }: { ci: Ci }) {
  const { t } = useTranslation(['cmdb', 'common']);
  const labels = useCmdbLabels();
  const qc = useQueryClient();
  const q = useQuery(impactQuery(ci.id));
  const impact = q.data;
  const names = new Map<string, string>();
  if (impact) for (const n of [impact.root, ...impact.items.map((i) => i.ci)]) names.set(n.id, n.name);

  const columns: ListColumn<Hit>[] = [
    {
      key: 'name',
      title: t('fields.name'),
      alwaysVisible: true,
      value: (h) => h.ci.name,
      render: (h) => <Link to={`/cis/${h.ci.id}`}>{h.ci.name}</Link>,
    },
    { key: 'type', title: t('fields.type'), value: (h) => labels.type(h.ci.type) },
    {
      key: 'status',
      title: t('fields.status'),
      value: (h) => labels.status(h.ci.status),
      render: (h) => <CiStatusTag status={h.ci.status} />,
    },
    { key: 'depth', title: t('impact.depth'), align: 'right', value: (h) => h.depth },
    {
      key: 'path',
      title: t('impact.path'),
      value: (h) =>
        [
          impact?.root.name,
          ...h.path.map(
            (s) => `${labels.relation(s.type, s.direction === 'backward')} ${names.get(s.ciId) ?? s.ciId}`,
          ),
        ].join(' → '),
      render: (h) => (impact ? <ImpactPath impact={impact} hit={h} /> : null),
    },
  ];

  return (
    <Flex vertical gap={16}>
      {q.isError && <ErrorAlert error={q.error} />}
      {impact && (
        <Card size="small" title={t('impact.businessServices')}>
          <Typography.Paragraph type="secondary">
            {t('impact.summary', { count: impact.items.length, services: impact.businessServices.length })}
          </Typography.Paragraph>
          {impact.businessServices.length ? (
            <BusinessServiceTags services={impact.businessServices} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('impact.noServices')} />
          )}
          {impact.truncated && (
            <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('impact.truncated')} />
          )}
        </Card>
      )}
      <ListPage<Hit>
        listKey="ci-impact"
        paramPrefix="impact."
        title={t('impact.items')}
        queryKey={cmdbKeys.impact(ci.id)}
        // The table reads the impact query above (one request); it never hands its own abort
        // signal to that shared query, so leaving or refreshing the table cannot fail it.
        fetchPage={wholeList(() => qc.fetchQuery({ ...impactQuery(ci.id), staleTime: 0 }))}
        paginated={false}
        columns={columns}
        rowKey={(h) => h.ci.id}
        emptyText={t('impact.empty')}
      />
    </Flex>
  );
}

/**
 * The business services hit by one or more CIs — for the ticket page (a ticket names its affected
 * CIs). Give `ciIds`, or `ticketId` for the CIs that ticket names (GET /tickets/:id/cis).
 */
export function CiImpactSummary({ ciIds, ticketId }: { ciIds?: string[]; ticketId?: string }) {
  const { t } = useTranslation('cmdb');
  const linked = useQuery({
    ...ticketCisQuery(ticketId ?? ''),
    enabled: !!ticketId && !ciIds,
    select: (page) => page.items.map((i) => i.ci.id),
  });
  const ids = ciIds ?? linked.data ?? [];
  const impacts = useQuery({
    queryKey: [...cmdbKeys.relations, 'impact-summary', [...ids].sort()],
    queryFn: ({ signal }) => Promise.all(ids.map((id) => cmdbApi.impact(id, signal))),
    enabled: ids.length > 0,
    staleTime: 30_000,
  });
  if (!ids.length) return null;
  const services = new Map<string, Impact['businessServices'][number]>();
  for (const i of impacts.data ?? []) {
    // A named CI that is itself a business service is hit too.
    if (i.root.type.category === 'business_service') services.set(i.root.id, { ...i.root, depth: 0 });
    for (const s of i.businessServices) if (!services.has(s.id)) services.set(s.id, s);
  }
  return (
    <div data-testid="ci-impact-summary">
      <Typography.Text type="secondary">{t('impact.businessServices')}</Typography.Text>
      <div style={{ marginTop: 4 }}>
        {impacts.isError ? (
          <ErrorAlert error={impacts.error} />
        ) : impacts.isPending ? (
          <Typography.Text type="secondary">{t('impact.loading')}</Typography.Text>
        ) : services.size ? (
          <BusinessServiceTags services={[...services.values()]} />
        ) : (
          <Typography.Text type="secondary">{t('impact.noServices')}</Typography.Text>
        )}
      </div>
    </div>
  );
}
