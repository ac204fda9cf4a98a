import { Tabs, Tooltip, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HANDOVER_VIEWS } from '@opsdesk/contracts';
import { wholeList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { ModeTag, useModeText } from '../../service-modes/components/ModeTag';
import { handoverApi, handoverKeys } from '../api/handover.api';
import type { HandoverViewItem } from '../api/handover.api';
import { HandoverStandingTag } from '../components/HandoverStandingTag';

type View = (typeof HANDOVER_VIEWS)[number];

function HandoverView({ view }: { view: View }) {
  const { t } = useTranslation(['handovers', 'projects', 'common']);
  const modeText = useModeText();
  const columns: ListColumn<HandoverViewItem>[] = [
    {
      key: 'project',
      title: t('projects:fields.name'),
      alwaysVisible: true,
      value: (x) => `${x.projectCode} ${x.projectName}`,
      render: (x) => (
        <Link to={`/projects/${x.projectId}?tab=handover`}>
          {x.projectCode} {x.projectName}
        </Link>
      ),
    },
    { key: 'customerName', title: t('projects:fields.customer') },
    { key: 'region', title: t('projects:fields.region') },
    { key: 'division', title: t('projects:fields.division') },
    { key: 'plannedDate', title: t('fields.plannedDate'), value: (x) => x.plannedDate },
    {
      key: 'startDate',
      title: t('fields.startDate'),
      value: (x) => x.startDate,
      defaultHidden: view !== 'starting',
    },
    {
      key: 'standing',
      title: t('fields.standing'),
      value: (x) => (x.standing ? t(`standing.${x.standing}`) : null),
      render: (x) => <HandoverStandingTag standing={x.standing} />,
    },
    {
      key: 'suggestion',
      title: t('fields.suggestion'),
      value: (x) => (x.suggestion ? modeText(x.suggestion) : null),
      render: (x) =>
        x.suggestion ? (
          <Tooltip title={x.suggestion.reasonText}>
            <span data-testid="suggested-mode">
              <ModeTag mode={x.suggestion.mode} variant={x.suggestion.variant} />
            </span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t('noSuggestion')}</Typography.Text>
        ),
    },
    {
      key: 'reason',
      title: t('fields.reason'),
      defaultHidden: view === 'missing_customer_manager',
      value: (x) => x.suggestion?.reasonText ?? null,
      render: (x) => (
        <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>
          {x.suggestion?.reasonText ?? t('common:empty')}
        </div>
      ),
    },
    {
      key: 'decision',
      title: t('fields.decision'),
      value: (x) => (x.decision ? modeText(x.decision) : null),
      render: (x) =>
        x.decision ? <ModeTag mode={x.decision.mode} variant={x.decision.variant} /> : t('decision.notYet'),
    },
  ];
  return (
    <ListPage<HandoverViewItem>
      listKey={`handovers-${view}`}
      paramPrefix={`${view}.`}
      description={t(`views.${view}Help`)}
      queryKey={handoverKeys.view(view)}
      fetchPage={wholeList((signal) => handoverApi.view({ view, limit: 200 }, signal))}
      paginated={false}
      columns={columns}
      rowKey={(x) => x.projectId}
      emptyText={t(`views.${view}Empty`)}
    />
  );
}

/** Across projects: handovers starting within 30 days, overdue ones, and projects still missing the customer manager their mode needs. */
export default function HandoversPage() {
  const { t } = useTranslation('handovers');
  const [sp, setSp] = useSearchParams();
  const view: View = (HANDOVER_VIEWS as readonly string[]).includes(sp.get('view') ?? '')
    ? (sp.get('view') as View)
    : 'starting';
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('views.title')}
      </Typography.Title>
      <Tabs
        activeKey={view}
        destroyOnHidden
        onChange={(v) => setSp({ view: v }, { replace: true })}
        items={HANDOVER_VIEWS.map((v) => ({
          key: v,
          label: t(`views.${v}`),
          children: <HandoverView view={v} />,
        }))}
      />
    </>
  );
}
