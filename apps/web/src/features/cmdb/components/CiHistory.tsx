import { useState } from 'react';
import type { ReactNode } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { AttributeDef, Ci, CiHistoryEntry, CiStatus, RelationType } from '@opsdesk/contracts';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { siteApi, siteKeys } from '../../sites/api/site.api';
import { userApi, userKeys } from '../../users/api/user.api';
import { useCiTypes } from '../../ci-types/api/useCiTypes';
import { cmdbApi, cmdbKeys } from '../api/cmdb.api';
import { useCmdbLabels } from '../labels';
import { AttributeValue, CiRef } from './AttributeFields';
import { CiDescriptions } from './CiDescriptions';

const ACTION_COLORS: Record<CiHistoryEntry['action'], string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  restore: 'green',
  relation_add: 'purple',
  relation_remove: 'gray',
};

/** A user or a site by id, by name when the caller may read it. */
function NameOf({ kind, id }: { kind: 'user' | 'site'; id: string }) {
  const q = useQuery({
    queryKey: kind === 'user' ? [...userKeys.all, 'one', id] : [...siteKeys.all, 'one', id],
    queryFn: ({ signal }) =>
      kind === 'user'
        ? userApi.get(id, signal).then((u) => u.displayName)
        : siteApi.get(id, signal).then((s) => s.name),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return <>{q.data ?? id.slice(0, 8)}</>;
}

interface RelationSide {
  type: RelationType;
  direction: 'out' | 'in';
  otherCiId: string;
}

/** One value of a history row as the UI shows the field. */
function HistoryValue({
  field,
  value,
  defs,
}: {
  field: string | null;
  value: unknown;
  defs: AttributeDef[];
}) {
  const { t } = useTranslation(['cmdb', 'common']);
  const labels = useCmdbLabels();
  const { byId } = useCiTypes();
  if (value === null || value === undefined || value === '') return <>{t('common:empty')}</>;
  if (field?.startsWith('attributes.')) {
    const key = field.slice('attributes.'.length);
    const def = defs.find((d) => d.key === key);
    return def ? <AttributeValue def={def} value={value} /> : <>{JSON.stringify(value)}</>;
  }
  switch (field) {
    case 'status':
      return <>{labels.status(value as CiStatus)}</>;
    case 'ownerId':
      return <NameOf kind="user" id={String(value)} />;
    case 'siteId':
      return <NameOf kind="site" id={String(value)} />;
    case 'typeId':
      return <>{labels.type(byId.get(String(value))) || String(value)}</>;
    case 'tags':
      return <>{Array.isArray(value) ? value.join(', ') || t('common:empty') : String(value)}</>;
    case 'deletedAt':
      return <>{formatDateTime(String(value))}</>;
    case 'relation': {
      const r = value as RelationSide;
      return (
        <>
          {labels.relation(r.type, r.direction === 'in')} <CiRef id={r.otherCiId} />
        </>
      );
    }
    default:
      return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
  }
}

/** The name of a changed field: the type's attribute label, or the CI field's. */
function useFieldName(defs: AttributeDef[]) {
  const { t } = useTranslation('cmdb');
  const labels = useCmdbLabels();
  return (field: string | null): string => {
    if (!field) return '';
    if (field.startsWith('attributes.')) {
      const key = field.slice('attributes.'.length);
      const def = defs.find((d) => d.key === key);
      return def ? labels.attribute(def) : key;
    }
    const known = t(`historyFields.${field}` as 'historyFields.name', { defaultValue: '' });
    return known || field;
  };
}

function HistoryItem({ e, defs }: { e: CiHistoryEntry; defs: AttributeDef[] }) {
  const { t } = useTranslation(['cmdb', 'common']);
  const fieldName = useFieldName(defs);
  let body: ReactNode;
  if (e.action === 'create') body = t('history.created');
  else if (e.action === 'delete') body = t('history.deleted');
  else if (e.action === 'restore') body = t('history.restored');
  else if (e.action === 'relation_add')
    body = (
      <>
        {t('history.relationAdded')} <HistoryValue field="relation" value={e.after} defs={defs} />
      </>
    );
  else if (e.action === 'relation_remove')
    body = (
      <>
        {t('history.relationRemoved')} <HistoryValue field="relation" value={e.before} defs={defs} />
      </>
    );
  else
    body = (
      <Flex wrap gap={6} align="baseline">
        <Typography.Text strong>{fieldName(e.field)}</Typography.Text>
        <Typography.Text delete type="secondary">
          <HistoryValue field={e.field} value={e.before} defs={defs} />
        </Typography.Text>
        <span aria-hidden>→</span>
        <Typography.Text>
          <HistoryValue field={e.field} value={e.after} defs={defs} />
        </Typography.Text>
      </Flex>
    );
  return (
    <div>
      <Flex wrap gap={6} align="center" style={{ marginBottom: 2 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(e.at)} · {e.actor.name ?? t('history.system')}
        </Typography.Text>
        <Tag color={ACTION_COLORS[e.action]}>{t(`history.actions.${e.action}`)}</Tag>
        {e.importId && <Tag>{t('history.byImport')}</Tag>}
      </Flex>
      <div style={{ overflowWrap: 'anywhere' }}>{body}</div>
    </div>
  );
}

/** "What did this CI look like on date D": its state at the end of that day, with its relations then. */
function AsOf({ ci }: { ci: Ci }) {
  const { t } = useTranslation(['cmdb', 'common']);
  const labels = useCmdbLabels();
  const mobile = useIsMobile();
  const [date, setDate] = useState<Dayjs | null>(null);
  const d = date?.format('YYYY-MM-DD');
  const q = useQuery({
    queryKey: cmdbKeys.asOf(ci.id, d ?? ''),
    queryFn: ({ signal }) => cmdbApi.asOf(ci.id, d!, signal),
    enabled: !!d,
  });
  return (
    <Card size="small" title={t('asOf.title')}>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{t('asOf.pick')}</Typography.Text>
        <DatePicker
          aria-label={t('asOf.date')}
          value={date}
          onChange={setDate}
          disabledDate={(day) => day.isAfter(dayjs(), 'day')}
          style={{ width: mobile ? '100%' : 180 }}
        />
      </Flex>
      {!d ? (
        <Typography.Text type="secondary">{t('asOf.hint')}</Typography.Text>
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : !q.data ? (
        <Spin />
      ) : !q.data.existed || !q.data.ci ? (
        <Alert type="info" showIcon title={t('asOf.notYet', { date: d })} />
      ) : (
        <Flex vertical gap={12} data-testid="as-of">
          <Alert type="info" showIcon title={t('asOf.state', { date: d })} />
          <CiDescriptions ci={q.data.ci} />
          <Descriptions
            size="small"
            column={1}
            title={t('asOf.relations')}
            items={
              q.data.relations.length
                ? q.data.relations.map((r) => {
                    const out = r.from.id === ci.id;
                    const other = out ? r.to : r.from;
                    return {
                      key: r.id,
                      label: labels.relation(r.type, !out),
                      children: <CiRef id={other.id} />,
                    };
                  })
                : [{ key: 'none', label: t('asOf.relations'), children: t('common:empty') }]
            }
          />
        </Flex>
      )}
    </Card>
  );
}

/** 变更历史: every attribute, status and relation change (who, when, before, after), newest first, and the as-of view. */
export function CiHistory({ ci }: { ci: Ci }) {
  const { t } = useTranslation(['cmdb', 'common']);
  const { byId } = useCiTypes();
  const defs = byId.get(ci.type.id)?.attributes ?? [];
  const q = useInfiniteQuery({
    queryKey: cmdbKeys.history(ci.id),
    queryFn: ({ pageParam, signal }) => cmdbApi.history(ci.id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Flex vertical gap={16}>
      <AsOf ci={ci} />
      <Card size="small" title={t('history.title')}>
        {q.isError && <ErrorAlert error={q.error} />}
        {q.isPending ? (
          <Spin />
        ) : entries.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />
        ) : (
          <Timeline
            items={entries.map((e) => ({
              key: e.id,
              color: ACTION_COLORS[e.action],
              content: <HistoryItem e={e} defs={defs} />,
            }))}
          />
        )}
        {q.hasNextPage && (
          <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
            {t('history.more')}
          </Button>
        )}
      </Card>
    </Flex>
  );
}
