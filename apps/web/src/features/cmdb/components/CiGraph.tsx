import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CiStatus } from '@opsdesk/contracts';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { cmdbApi, cmdbKeys } from '../api/cmdb.api';
import type { CiGraph as Graph } from '../api/cmdb.api';
import { LazyChart } from '../charts/LazyChart';
import type { ChartOption } from '../charts/LazyChart';
import { useCmdbLabels } from '../labels';
import type { CmdbLabels } from '../labels';

/** Colours of CI types in a graph, one per type present (in the order the types appear). */
export const TYPE_PALETTE = [
  '#1668dc',
  '#52c41a',
  '#fa8c16',
  '#eb2f96',
  '#13c2c2',
  '#722ed1',
  '#faad14',
  '#2f54eb',
  '#a0d911',
  '#f5222d',
  '#8c8c8c',
  '#08979c',
];

/** The neighbourhood as an ECharts force-directed graph: nodes by type, edges labelled by relation. */
export function graphOption(g: Graph, labels: CmdbLabels): ChartOption {
  const types = [...new Map(g.nodes.map((n) => [n.type.key, n.type])).values()];
  const names = new Map(g.nodes.map((n) => [n.id, n.name]));
  return {
    tooltip: {
      formatter: (p: unknown) => {
        const { dataType, data } = p as {
          dataType?: string;
          data: {
            name?: string;
            type?: string;
            status?: CiStatus;
            source?: string;
            target?: string;
            relation?: string;
          };
        };
        if (dataType === 'edge')
          return `${names.get(data.source ?? '') ?? ''} ${data.relation ?? ''} ${names.get(data.target ?? '') ?? ''}`;
        return `${data.name ?? ''}<br/>${data.type ?? ''} · ${data.status ? labels.status(data.status) : ''}`;
      },
    },
    legend: [{ type: 'scroll', bottom: 0, data: types.map((t) => labels.type(t)) }],
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 260, edgeLength: [70, 150], gravity: 0.08 },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        label: { show: true, position: 'right', fontSize: 12 },
        edgeLabel: {
          show: true,
          fontSize: 10,
          formatter: (p: unknown) => (p as { data: { relation?: string } }).data.relation ?? '',
        },
        lineStyle: { color: 'source', curveness: 0.12, opacity: 0.7 },
        emphasis: { focus: 'adjacency' },
        categories: types.map((t, i) => ({
          name: labels.type(t),
          itemStyle: { color: TYPE_PALETTE[i % TYPE_PALETTE.length] },
        })),
        data: g.nodes.map((n) => ({
          id: n.id,
          name: n.name,
          type: labels.type(n.type),
          status: n.status,
          category: types.findIndex((t) => t.key === n.type.key),
          symbolSize: n.id === g.rootId ? 42 : Math.max(16, 30 - n.depth * 4),
          itemStyle:
            n.id === g.rootId
              ? { borderColor: '#262626', borderWidth: 3 }
              : n.status === 'faulty'
                ? { borderColor: '#f5222d', borderWidth: 2 }
                : undefined,
          label: n.id === g.rootId ? { fontWeight: 'bold' } : undefined,
        })),
        links: g.edges.map((e) => ({
          id: e.id,
          source: e.from,
          target: e.to,
          relation: labels.relation(e.type),
        })),
      },
    ],
  } as ChartOption;
}

/**
 * The CIs around one, to a chosen depth, drawn interactively: drag, zoom, hover a node to light
 * its relations, click one to open it.
 */
export function CiGraph({ ciId }: { ciId: string }) {
  const { t } = useTranslation('cmdb');
  const labels = useCmdbLabels();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [depth, setDepth] = useState(2);
  const q = useQuery({
    queryKey: cmdbKeys.graph(ciId, depth),
    queryFn: ({ signal }) => cmdbApi.graph(ciId, depth, signal),
  });
  const g = q.data;
  const option = useMemo(() => (g ? graphOption(g, labels) : null), [g, labels.lang]);
  return (
    <Card
      size="small"
      title={t('graph.title')}
      extra={
        <Flex align="center" gap={8}>
          {!mobile && <Typography.Text type="secondary">{t('graph.depth')}</Typography.Text>}
          <Segmented<number>
            size="small"
            aria-label={t('graph.depth')}
            value={depth}
            onChange={setDepth}
            options={[1, 2, 3, 4, 5, 6].map((d) => ({ value: d, label: String(d) }))}
          />
        </Flex>
      }
    >
      {q.isError && <ErrorAlert error={q.error} />}
      {g?.truncated && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('graph.truncated')} />
      )}
      {g && g.nodes.length <= 1 ? (
        <Typography.Paragraph type="secondary">{t('graph.alone')}</Typography.Paragraph>
      ) : g && option ? (
        <>
          <LazyChart
            label={t('graph.label', { count: g.nodes.length })}
            height={mobile ? 320 : 460}
            option={option}
            onItemClick={(p) => {
              const id = (p.data as { id?: string } | undefined)?.id;
              if (p.dataType === 'node' && id && id !== ciId) void navigate(`/cis/${id}`);
            }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('graph.hint')}
          </Typography.Text>
        </>
      ) : (
        <div style={{ height: mobile ? 320 : 460 }} />
      )}
    </Card>
  );
}
