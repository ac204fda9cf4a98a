import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Dropdown, Empty, Flex, Row, Statistic, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CI_STATUSES } from '@opsdesk/contracts';
import type { AssetStats } from '@opsdesk/contracts';
import { QueryState } from '../../../shared/components/QueryState';
import { describeError } from '../../../shared/errors';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { ProjectSelect } from '../../tickets/components/pickers';
import { LazyChart } from '../../cmdb/charts/LazyChart';
import { STATUS_COLORS, useCmdbLabels } from '../../cmdb/labels';
import { ALL_PROJECTS, useProjectParam } from '../../cmdb/useProjectParam';
import { assetStatsApi, assetStatsKeys } from '../api/asset-stats.api';
import { barOption, pieOption, topN, WARRANTY_BUCKETS } from '../components/charts';
import type { Bar } from '../components/charts';

const STATUS_HEX: Record<string, string> = {
  blue: '#1668dc',
  green: '#52c41a',
  orange: '#fa8c16',
  red: '#f5222d',
  default: '#bfbfbf',
};

/** A chart in a card; a click on a bar or slice that has a link opens the CI list filtered to it. */
function ChartCard({
  title,
  height,
  option,
  extra,
}: {
  title: string;
  height: number;
  option: Parameters<typeof LazyChart>[0]['option'];
  extra?: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <Card size="small" title={title} extra={extra} style={{ height: '100%' }}>
      <LazyChart
        label={title}
        height={height}
        option={option}
        onItemClick={(p) => {
          const link = (p.data as { link?: string } | undefined)?.link;
          if (link) void navigate(link);
        }}
      />
    </Card>
  );
}

function Stats({ stats, projectId }: { stats: AssetStats; projectId: string | null }) {
  const { t } = useTranslation(['assetStats', 'cmdb']);
  const labels = useCmdbLabels();
  const mobile = useIsMobile();
  const list = (params: Record<string, string>) =>
    `/cis?${new URLSearchParams({ projectId: projectId ?? ALL_PROJECTS, ...params }).toString()}`;
  const h = mobile ? 260 : 300;
  const unknown = t('unknown');

  if (stats.total === 0)
    return <Empty description={projectId ? t('emptyProject') : t('empty')} style={{ padding: 48 }} />;

  const warranty: Bar[] = WARRANTY_BUCKETS.map((b) => ({
    name: t(`warranty.${b.key}`),
    value: stats.warranty[b.key],
    colour: b.colour,
    link: b.filter ? list({ warranty: b.filter }) : undefined,
  }));
  const byType: Bar[] = stats.byType.map((x) => ({
    name: labels.text(x.label),
    value: x.count,
    link: list({ typeId: x.typeId }),
  }));
  const byStatus: Bar[] = CI_STATUSES.map((s) => ({
    name: labels.status(s),
    value: stats.byStatus.find((x) => x.status === s)?.count ?? 0,
    colour: STATUS_HEX[STATUS_COLORS[s]],
    link: list({ status: s }),
  })).filter((b) => b.value > 0);
  const byVendor: Bar[] = stats.byVendor.map((x) => ({
    name: x.vendor ?? t('noVendor'),
    value: x.count,
    link: x.vendor ? list({ vendor: x.vendor }) : undefined,
  }));
  const bySite: Bar[] = stats.bySite.map((x) => ({ name: x.name ?? t('noSite'), value: x.count }));
  const byYear: Bar[] = stats.ageByPurchaseYear.map((x) => ({
    name: x.year === null ? unknown : String(x.year),
    value: x.count,
  }));
  const byProject: Bar[] = stats.byProject.map((x) => ({
    name: x.name,
    value: x.count,
    link: `/cis?projectId=${x.projectId}`,
  }));
  const soon = stats.warranty.within30 + stats.warranty.within60 + stats.warranty.within90;
  const others = t('others');

  return (
    <Flex vertical gap={16}>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('total')} value={stats.total} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Link to={list({ warranty: 'expired' })}>
              <Statistic
                title={t('warranty.expired')}
                value={stats.warranty.expired}
                styles={{ content: { color: '#f5222d' } }}
              />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Link to={list({ warranty: '30' })}>
              <Statistic
                title={t('warranty.within30')}
                value={stats.warranty.within30}
                styles={{ content: { color: '#fa541c' } }}
              />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('warranty.within90Total')} value={soon} />
          </Card>
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('asOf', { date: stats.today })}</Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('charts.warranty')}
            height={h}
            option={barOption(warranty, { seriesName: t('charts.warranty') })}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('charts.status')} height={h} option={pieOption(byStatus, t('charts.status'))} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('charts.type')}
            height={Math.max(h, Math.min(byType.length, 15) * 26 + 40)}
            option={barOption(topN(byType, 15, others), { horizontal: true, seriesName: t('charts.type') })}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('charts.vendor')}
            height={Math.max(h, Math.min(byVendor.length, 15) * 26 + 40)}
            option={barOption(topN(byVendor, 15, others), {
              horizontal: true,
              seriesName: t('charts.vendor'),
            })}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('charts.site')}
            height={Math.max(h, Math.min(bySite.length, 15) * 26 + 40)}
            option={barOption(topN(bySite, 15, others), { horizontal: true, seriesName: t('charts.site') })}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('charts.age')}
            height={h}
            option={barOption(byYear, { seriesName: t('charts.age') })}
          />
        </Col>
        {!projectId && byProject.length > 0 && (
          <Col xs={24}>
            <ChartCard
              title={t('charts.project')}
              height={Math.max(h, Math.min(byProject.length, 20) * 26 + 40)}
              option={barOption(topN(byProject, 20, others), {
                horizontal: true,
                seriesName: t('charts.project'),
              })}
            />
          </Col>
        )}
      </Row>
    </Flex>
  );
}

/** `/asset-stats`: 资产统计 of the header's project or of every project in scope, with charts and exports. */
export default function AssetStatsPage() {
  const { t } = useTranslation(['assetStats', 'cmdb']);
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const projectId = useProjectParam();
  const [, setSp] = useSearchParams();
  const query = useQuery({
    queryKey: assetStatsKeys.of(projectId),
    queryFn: ({ signal }) => assetStatsApi.get(projectId, signal),
  });
  const exportAs = (format: 'xlsx' | 'csv') => {
    const key = 'asset-stats-export';
    message.open({ key, type: 'loading', content: t('cmdb:export.running'), duration: 0 });
    assetStatsApi
      .export(projectId, format)
      .then((name) => message.open({ key, type: 'success', content: t('cmdb:export.done', { name }) }))
      .catch((e: unknown) => message.open({ key, type: 'error', content: describeError(e), duration: 8 }));
  };
  return (
    <>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Flex wrap gap={8} style={{ width: mobile ? '100%' : undefined }}>
          <div style={{ width: mobile ? '100%' : 260 }}>
            <ProjectSelect
              aria-label={t('cmdb:fields.project')}
              placeholder={t('cmdb:allProjects')}
              value={projectId}
              onChange={(v) => setSp({ projectId: v ?? ALL_PROJECTS }, { replace: true })}
            />
          </div>
          <Dropdown
            menu={{
              items: [
                { key: 'xlsx', label: t('cmdb:export.xlsx'), onClick: () => exportAs('xlsx') },
                { key: 'csv', label: t('cmdb:export.csv'), onClick: () => exportAs('csv') },
              ],
            }}
          >
            <Button icon={<DownloadOutlined />}>{t('export')}</Button>
          </Dropdown>
        </Flex>
      </Flex>
      <QueryState query={query}>{(stats) => <Stats stats={stats} projectId={projectId} />}</QueryState>
    </>
  );
}
