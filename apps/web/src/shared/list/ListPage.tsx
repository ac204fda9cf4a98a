import { useState } from 'react';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import {
  DownloadOutlined,
  LeftOutlined,
  PlusOutlined,
  ReloadOutlined,
  RightOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useIsMobile } from '../hooks/useIsMobile';
import { ErrorAlert } from '../components/ErrorAlert';
import { describeError } from '../errors';
import { ColumnSettings } from './ColumnSettings';
import { CardList } from './CardList';
import { isVisible, useColumnVisibility } from './column-settings';
import { buildCsv, collectAll, columnValue, downloadCsv, EXPORT_CAP } from './csv';
import {
  clearedListState,
  hasActiveFilters,
  PAGE_SIZES,
  readListState,
  toApiParams,
  writeListState,
} from './list-state';
import type { ListStateConfig } from './list-state';
import type { FetchPage, ListColumn, ListFilter, ListParams } from './types';

export interface ListPageProps<T> {
  /** Names the list for column settings (localStorage) and the export file. */
  listKey: string;
  title?: ReactNode;
  description?: ReactNode;
  /** TanStack Query key prefix; mutations invalidate it. */
  queryKey: readonly unknown[];
  fetchPage: FetchPage<T>;
  columns: ListColumn<T>[];
  rowKey: (row: T) => string;
  filters?: ListFilter[];
  /** Placeholder of the free-text search (`q`); no search box when absent. */
  searchPlaceholder?: string;
  /** Sent with every request and not shown as filters (e.g. `customerId` on a customer's tab). */
  fixedParams?: ListParams;
  /** Prefix of this list's URL parameters, for several lists on one page. */
  paramPrefix?: string;
  defaultSort?: string;
  defaultLimit?: number;
  /** False for short lists the API returns whole (`{ items }`): no pager. */
  paginated?: boolean;
  /** Shown when the caller has the ability to create. */
  create?: { label: string; onClick: () => void } | null;
  /** The empty state's helpful message (without filters). */
  emptyText?: string;
  /** Extra toolbar items. */
  extra?: ReactNode;
  expandable?: TableProps<T>['expandable'];
  exportable?: boolean;
}

/**
 * Every list of the app: filters and sort in the URL, keyset pagination with a cursor stack,
 * total when the server counts, column settings, CSV export of the whole filtered list, empty,
 * loading and error states, and a card list at phone width.
 */
export function ListPage<T>(props: ListPageProps<T>) {
  const {
    listKey,
    queryKey,
    fetchPage,
    columns,
    rowKey,
    filters = [],
    fixedParams,
    paramPrefix = '',
    defaultSort,
    defaultLimit = 50,
    paginated = true,
    exportable = true,
  } = props;
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const [searchParams, setSearchParams] = useSearchParams();
  const cfg: ListStateConfig = { prefix: paramPrefix, filters, defaultSort, defaultLimit };
  const state = readListState(searchParams, cfg);
  const filtered = hasActiveFilters(state);

  // The cursor stack belongs to one combination of filters: a new filter starts at page one.
  const signature = JSON.stringify([state, fixedParams]);
  const [pager, setPager] = useState<{ signature: string; cursors: string[] }>({ signature, cursors: [] });
  const cursors = pager.signature === signature ? pager.cursors : [];
  const cursor = cursors.at(-1);
  const params = toApiParams(state, cfg, { cursor, fixed: fixedParams, paginated });

  const query = useQuery({
    queryKey: [...queryKey, 'list', params],
    queryFn: ({ signal }) => fetchPage(params, signal),
    placeholderData: keepPreviousData,
  });

  const { visibility, setVisible, reset } = useColumnVisibility(listKey);
  const visible = columns.filter((c) => isVisible(c, visibility));

  const update = (patch: Parameters<typeof writeListState>[2]) =>
    setSearchParams(writeListState(searchParams, cfg, patch));

  const cell = (col: ListColumn<T>, row: T): ReactNode => {
    if (col.render) return col.render(row);
    const v = columnValue(col, row);
    if (v === null || v === undefined || v === '') return t('empty');
    return typeof v === 'boolean' ? (v ? t('yes') : t('no')) : v;
  };

  const sortOrderOf = (col: ListColumn<T>) =>
    !col.sortKey
      ? undefined
      : state.sort === col.sortKey
        ? 'ascend'
        : state.sort === `-${col.sortKey}`
          ? 'descend'
          : null;

  const tableColumns: TableProps<T>['columns'] = visible.map((col) => ({
    key: col.key,
    title: col.title,
    width: col.width,
    fixed: col.fixed,
    ellipsis: col.ellipsis,
    align: col.align,
    sorter: col.sortKey ? true : undefined,
    sortOrder: sortOrderOf(col),
    sortDirections: ['ascend', 'descend'],
    render: (_: unknown, row: T) => cell(col, row),
  }));

  const onTableChange: TableProps<T>['onChange'] = (_p, _f, sorter) => {
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
    const col = columns.find((c) => c.key === s?.columnKey);
    if (!s?.order || !col?.sortKey) update({ sort: undefined });
    else update({ sort: s.order === 'descend' ? `-${col.sortKey}` : col.sortKey });
  };

  const runExport = async () => {
    const key = `export:${listKey}`;
    const controller = new AbortController();
    const progress = (count: number) =>
      message.open({
        key,
        type: 'loading',
        duration: 0,
        content: (
          <Space>
            {t('list.exporting', { count })}
            <Button size="small" type="link" onClick={() => controller.abort()}>
              {t('list.cancelExport')}
            </Button>
          </Space>
        ),
      });
    progress(0);
    const cols = visible.filter((c) => !c.noExport);
    try {
      const base = toApiParams(state, cfg, { fixed: fixedParams, paginated: false });
      const { rows, capped } = paginated
        ? await collectAll(fetchPage, base, {
            cap: EXPORT_CAP,
            signal: controller.signal,
            onProgress: progress,
          })
        : { rows: (await fetchPage(base, controller.signal)).items, capped: false };
      const csv = buildCsv(
        cols.map((c) => c.title),
        rows.map((r) =>
          cols.map((c) => {
            const v = columnValue(c, r);
            return typeof v === 'boolean' ? (v ? t('yes') : t('no')) : v;
          }),
        ),
      );
      downloadCsv(`${listKey}-${dayjs().format('YYYYMMDD-HHmmss')}.csv`, csv);
      if (capped)
        message.open({
          key,
          type: 'warning',
          duration: 8,
          content: t('list.exportCapped', { count: rows.length }),
        });
      else message.open({ key, type: 'success', content: t('list.exportDone', { count: rows.length }) });
    } catch (e) {
      if (controller.signal.aborted) message.open({ key, type: 'info', content: t('list.exportCancelled') });
      else
        message.open({
          key,
          type: 'error',
          duration: 8,
          content: t('list.exportFailed', { message: describeError(e) }),
        });
    }
  };

  const data = query.data;
  const items = data?.items ?? [];

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={filtered ? t('list.emptyFiltered') : (props.emptyText ?? t('list.empty'))}
    >
      {filtered ? (
        <Button onClick={() => setSearchParams(clearedListState(searchParams, cfg))}>
          {t('list.clearFilters')}
        </Button>
      ) : props.create ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={props.create.onClick}>
          {props.create.label}
        </Button>
      ) : null}
    </Empty>
  );

  const toolbar = (
    <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
      <Flex wrap gap={8} align="center" style={{ flex: '1 1 auto' }}>
        {props.searchPlaceholder && (
          <Input.Search
            key={`q:${state.q ?? ''}`}
            allowClear
            defaultValue={state.q}
            placeholder={props.searchPlaceholder}
            aria-label={t('list.search')}
            onSearch={(q) => update({ q })}
            style={{ width: mobile ? '100%' : 260 }}
          />
        )}
        {filters.map((f) => {
          const value = state.filters[f.name];
          const onChange = (v: string | undefined) => update({ filters: { [f.name]: v } });
          return (
            <div key={f.name} style={{ width: mobile ? '100%' : (f.width ?? 180) }}>
              {f.render ? (
                f.render(value, onChange)
              ) : !f.options ? (
                <Input.Search
                  key={`${f.name}:${value ?? ''}`}
                  allowClear
                  aria-label={f.label}
                  placeholder={f.label}
                  defaultValue={value}
                  onSearch={(v) => onChange(v.trim() || undefined)}
                />
              ) : (
                <Select
                  allowClear
                  aria-label={f.label}
                  placeholder={f.label}
                  value={value}
                  options={f.options}
                  onChange={(v: string | undefined) => onChange(v)}
                  style={{ width: '100%' }}
                />
              )}
            </div>
          );
        })}
        {filtered && (
          <Button type="link" onClick={() => setSearchParams(clearedListState(searchParams, cfg))}>
            {t('list.clearFilters')}
          </Button>
        )}
      </Flex>
      <Space wrap>
        {data?.total !== undefined && (
          <Typography.Text type="secondary">{t('list.total', { count: data.total })}</Typography.Text>
        )}
        {props.extra}
        {!mobile && (
          <ColumnSettings columns={columns} visibility={visibility} onChange={setVisible} onReset={reset} />
        )}
        {exportable && (
          <Tooltip title={t('list.export')}>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void runExport()}
              aria-label={t('list.export')}
              disabled={!items.length}
            />
          </Tooltip>
        )}
        <Tooltip title={t('actions.refresh')}>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void query.refetch()}
            aria-label={t('actions.refresh')}
          />
        </Tooltip>
        {props.create && (
          <Button type="primary" icon={<PlusOutlined />} onClick={props.create.onClick}>
            {props.create.label}
          </Button>
        )}
      </Space>
    </Flex>
  );

  const pagerBar = paginated && (cursors.length > 0 || data?.nextCursor) && (
    <Flex justify="flex-end" align="center" gap={8} wrap style={{ marginTop: 12 }}>
      <Button
        icon={<LeftOutlined />}
        disabled={!cursors.length || query.isFetching}
        onClick={() => setPager({ signature, cursors: cursors.slice(0, -1) })}
      >
        {t('list.previous')}
      </Button>
      <Typography.Text>{t('list.page', { page: cursors.length + 1 })}</Typography.Text>
      <Button
        disabled={!data?.nextCursor || query.isFetching}
        onClick={() => data?.nextCursor && setPager({ signature, cursors: [...cursors, data.nextCursor] })}
      >
        {t('list.next')}
        <RightOutlined />
      </Button>
      <Select
        aria-label={t('list.pageSize', { size: state.limit })}
        value={state.limit}
        onChange={(limit: number) => update({ limit })}
        options={PAGE_SIZES.map((size) => ({ value: size, label: t('list.pageSize', { size }) }))}
        style={{ width: 130 }}
      />
    </Flex>
  );

  return (
    <div>
      {(props.title || props.description) && (
        <div style={{ marginBottom: 16 }}>
          {props.title && (
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {props.title}
            </Typography.Title>
          )}
          {props.description && (
            <Typography.Paragraph type="secondary">{props.description}</Typography.Paragraph>
          )}
        </div>
      )}
      {toolbar}
      {query.isError && (
        <ErrorAlert
          title={t('list.loadFailed')}
          error={query.error}
          action={<Button onClick={() => void query.refetch()}>{t('actions.retry')}</Button>}
        />
      )}
      {mobile ? (
        <CardList
          items={items}
          loading={query.isFetching}
          rowKey={rowKey}
          columns={visible}
          cell={cell}
          empty={query.isPending || query.isError ? null : empty}
          expandedRowRender={props.expandable?.expandedRowRender}
          isEmpty={(col, row) => {
            if (col.render && !col.value) return false;
            const v = columnValue(col, row);
            return v === null || v === undefined || v === '';
          }}
        />
      ) : (
        <Table<T>
          rowKey={rowKey}
          columns={tableColumns}
          dataSource={items}
          loading={query.isFetching}
          pagination={false}
          onChange={onTableChange}
          expandable={props.expandable}
          scroll={{ x: 'max-content' }}
          size="middle"
          locale={{ emptyText: query.isPending || query.isError ? ' ' : empty }}
        />
      )}
      {pagerBar}
    </div>
  );
}
