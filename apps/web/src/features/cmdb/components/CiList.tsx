import { Link, useNavigate, useSearchParams } from 'react-router';
import { App, Button, Dropdown, Space, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { CI_STATUSES, CiListQuery } from '@opsdesk/contracts';
import type { Ci, CiType } from '@opsdesk/contracts';
import { describeError } from '../../../shared/errors';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { formatDate, formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import { readListState, toApiParams } from '../../../shared/list/list-state';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { ProjectSelect } from '../../tickets/components/pickers';
import { useCiTypes } from '../../ci-types/api/useCiTypes';
import { cmdbApi, cmdbKeys } from '../api/cmdb.api';
import { CiCreateForm } from '../forms/CiForm';
import { useCmdbLabels } from '../labels';
import { ALL_PROJECTS, useProjectParam } from '../useProjectParam';
import { useCmdbAbilities } from '../useCmdbAbilities';
import { AttributeValue } from './AttributeFields';
import { CiStatusTag } from './CiTags';
import { CiTypeSelect } from './CiTypeSelect';

const fetchCis = contractList(CiListQuery, cmdbApi.list);

export const WARRANTY_WINDOWS = ['expired', '30', '60', '90'] as const;

/** A warranty window → the list's `warrantyEndFrom/To` (the same windows as the statistics). */
export function warrantyQuery(w: string, today = dayjs()): Record<string, string> {
  const day = (n: number) => today.add(n, 'day').format('YYYY-MM-DD');
  switch (w) {
    case 'expired':
      return { warrantyEndTo: day(-1) };
    case '30':
      return { warrantyEndFrom: day(0), warrantyEndTo: day(30) };
    case '60':
      return { warrantyEndFrom: day(31), warrantyEndTo: day(60) };
    case '90':
      return { warrantyEndFrom: day(61), warrantyEndTo: day(90) };
    default:
      return {};
  }
}

/** The warranty end, in orange within 90 days and red once passed. */
function WarrantyEnd({ date }: { date: string | null }) {
  if (!date) return <>{formatDate(null)}</>;
  const days = dayjs(date).diff(dayjs().startOf('day'), 'day');
  const type = days < 0 ? 'danger' : days <= 90 ? 'warning' : undefined;
  return <Typography.Text type={type}>{date}</Typography.Text>;
}

/**
 * Configuration items in scope: the project of the header by default, filters in the URL, a
 * type's own attributes as columns once the list is narrowed to that type (column choices kept
 * per type), search by name, serial number, asset tag or model (what an engineer on site reads
 * off a device), server export of the filtered list, create and import.
 */
export function CiList() {
  const { t } = useTranslation(['cmdb', 'common']);
  const labels = useCmdbLabels();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const projectId = useProjectParam();
  const { byId } = useCiTypes();
  const typeId = sp.get('typeId') ?? undefined;
  const type: CiType | undefined = typeId ? byId.get(typeId) : undefined;
  const deleted = sp.get('deleted') === 'true';
  const can = useCmdbAbilities(projectId);
  const mobile = useIsMobile();
  const create = useOverlay();

  const columns: ListColumn<Ci>[] = [
    {
      key: 'name',
      title: t('fields.name'),
      sortKey: 'name',
      alwaysVisible: true,
      render: (c) => (
        <Space size={4} wrap>
          <Link to={`/cis/${c.id}`}>{c.name}</Link>
          {c.deletedAt && <Tag color="red">{t('deleted')}</Tag>}
        </Space>
      ),
    },
    ...(type ? [] : [{ key: 'type', title: t('fields.type'), value: (c: Ci) => labels.type(c.type) }]),
    {
      key: 'status',
      title: t('fields.status'),
      value: (c) => labels.status(c.status),
      render: (c) => <CiStatusTag status={c.status} />,
    },
    ...(projectId ? [] : [{ key: 'projectName', title: t('fields.project') }]),
    { key: 'assetTag', title: t('fields.assetTag') },
    { key: 'serialNo', title: t('fields.serialNo') },
    ...(type?.attributes ?? []).map((def): ListColumn<Ci> => ({
      key: `attr.${def.key}`,
      title: labels.attribute(def),
      value: (c) => labels.attributeValue(def, c.attributes[def.key]),
      render: (c) => <AttributeValue def={def} value={c.attributes[def.key]} />,
    })),
    { key: 'vendor', title: t('fields.vendor') },
    { key: 'model', title: t('fields.model') },
    { key: 'site', title: t('fields.site'), value: (c) => c.site?.name ?? null },
    {
      key: 'owner',
      title: t('fields.owner'),
      value: (c) => c.owner?.displayName ?? null,
      defaultHidden: true,
    },
    { key: 'tags', title: t('fields.tags'), value: (c) => c.tags.join(', '), defaultHidden: true },
    {
      key: 'warrantyEnd',
      title: t('fields.warrantyEnd'),
      sortKey: 'warrantyEnd',
      value: (c) => c.warrantyEnd,
      render: (c) => <WarrantyEnd date={c.warrantyEnd} />,
    },
    { key: 'purchaseDate', title: t('fields.purchaseDate'), defaultHidden: true },
    { key: 'price', title: t('fields.price'), align: 'right', defaultHidden: true },
    { key: 'supplier', title: t('fields.supplier'), defaultHidden: true },
    {
      key: 'updatedAt',
      title: t('common:updatedAt'),
      sortKey: 'updatedAt',
      defaultHidden: true,
      value: (c) => formatDateTime(c.updatedAt),
    },
    ...(deleted
      ? [{ key: 'deletedAt', title: t('fields.deletedAt'), value: (c: Ci) => formatDateTime(c.deletedAt) }]
      : []),
  ];

  const allFilters: ListFilter[] = [
    {
      name: 'projectId',
      label: t('fields.project'),
      width: 240,
      render: (value, onChange) => (
        <ProjectSelect
          aria-label={t('fields.project')}
          placeholder={t('allProjects')}
          value={value === ALL_PROJECTS ? null : (value ?? null)}
          onChange={(v) => onChange(v ?? ALL_PROJECTS)}
        />
      ),
      toQuery: (v): Record<string, string> => (v === ALL_PROJECTS ? {} : { projectId: v }),
    },
    {
      name: 'typeId',
      label: t('fields.type'),
      width: 200,
      render: (value, onChange) => (
        <CiTypeSelect
          aria-label={t('fields.type')}
          placeholder={t('fields.type')}
          value={value}
          onChange={onChange}
        />
      ),
    },
    {
      name: 'status',
      label: t('fields.status'),
      width: 130,
      options: CI_STATUSES.map((s) => ({ value: s, label: labels.status(s) })),
    },
    { name: 'vendor', label: t('fields.vendor'), width: 150 },
    {
      name: 'warranty',
      label: t('filters.warranty'),
      width: 160,
      options: WARRANTY_WINDOWS.map((w) => ({ value: w, label: t(`filters.warrantyWindow.${w}`) })),
      toQuery: (v) => warrantyQuery(v),
    },
    { name: 'tag', label: t('fields.tag'), width: 130 },
    {
      name: 'deleted',
      label: t('filters.deleted'),
      width: 140,
      options: [{ value: 'true', label: t('filters.deletedOnly') }],
    },
  ];
  // At phone width the search comes first: only the main filters, and those the URL has set
  // (a link from the statistics), stand between it and the results.
  const filters = mobile
    ? allFilters.filter((f) => ['projectId', 'typeId', 'status'].includes(f.name) || sp.get(f.name))
    : allFilters;

  // The server export takes the list's own filters (no page size or cursor).
  const exportAs = (format: 'xlsx' | 'csv', encoding?: 'gb18030') => {
    const cfg = { prefix: '', filters: allFilters, defaultSort: undefined, defaultLimit: 50 };
    const params = toApiParams(readListState(sp, cfg), cfg, { paginated: false });
    const key = 'cmdb-export';
    message.open({ key, type: 'loading', content: t('export.running'), duration: 0 });
    cmdbApi
      .export({ ...params, format, ...(encoding ? { encoding } : {}) } as Parameters<
        typeof cmdbApi.export
      >[0])
      .then((name) => message.open({ key, type: 'success', content: t('export.done', { name }) }))
      .catch((e: unknown) => message.open({ key, type: 'error', content: describeError(e), duration: 8 }));
  };

  const importLink = `/cis/import?${new URLSearchParams({
    ...(projectId ? { projectId } : {}),
    ...(typeId ? { typeId } : {}),
  }).toString()}`;

  const listKey = type ? `cis.type.${type.key}` : 'cis';
  return (
    <>
      <ListPage<Ci>
        key={listKey}
        listKey={listKey}
        title={t('title')}
        queryKey={cmdbKeys.cis}
        fetchPage={fetchCis}
        columns={columns}
        rowKey={(c) => c.id}
        filters={filters}
        searchPlaceholder={t('searchPlaceholder')}
        defaultSort="name"
        exportable={false}
        emptyText={can.update ? t('empty') : t('emptyReadOnly')}
        extra={
          <>
            <Dropdown
              menu={{
                items: [
                  { key: 'xlsx', label: t('export.xlsx'), onClick: () => exportAs('xlsx') },
                  { key: 'csv', label: t('export.csv'), onClick: () => exportAs('csv') },
                  { key: 'gbk', label: t('export.csvGbk'), onClick: () => exportAs('csv', 'gb18030') },
                ],
              }}
            >
              <Tooltip title={t('export.title')}>
                <Button icon={<DownloadOutlined />} aria-label={t('export.title')} />
              </Tooltip>
            </Dropdown>
            {can.import && (
              <Button icon={<ImportOutlined />} onClick={() => void navigate(importLink)}>
                {t('import.title')}
              </Button>
            )}
          </>
        }
        create={can.update ? { label: t('create'), onClick: () => create.show() } : null}
      />
      <FormDrawer open={create.open} title={t('create')} onClose={create.close} width={640}>
        <CiCreateForm
          key={create.key}
          projectId={projectId ?? undefined}
          typeId={typeId}
          onDone={(saved) => {
            create.close();
            if (saved) void navigate(`/cis/${saved.id}`);
          }}
        />
      </FormDrawer>
    </>
  );
}
