import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button, Card, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListColumn } from './types';

/** The list at phone width: one card per row, the first column as its title. */
export function CardList<T>(props: {
  items: T[];
  loading: boolean;
  rowKey: (row: T) => string;
  columns: ListColumn<T>[];
  cell: (col: ListColumn<T>, row: T) => ReactNode;
  empty: ReactNode;
  /** Empty cells are left out of a card, to keep it short. */
  isEmpty?: (col: ListColumn<T>, row: T) => boolean;
  /** The table's expanded row, behind a "details" toggle on each card. */
  expandedRowRender?: (row: T, index: number, indent: number, expanded: boolean) => ReactNode;
}) {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const [head, ...rest] = props.columns;
  return (
    <Spin spinning={props.loading}>
      {props.items.length === 0 ? (
        <div style={{ padding: '24px 0' }}>{props.empty}</div>
      ) : (
        <Flex vertical gap={8}>
          {props.items.map((row, index) => {
            const key = props.rowKey(row);
            return (
              <Card key={key} size="small" title={head ? props.cell(head, row) : undefined}>
                <Flex vertical gap={4}>
                  {rest
                    .filter((col) => !props.isEmpty?.(col, row))
                    .map((col) => (
                      <Flex key={col.key} gap={8} align="baseline" style={{ minWidth: 0 }}>
                        {col.noExport ? null : (
                          <Typography.Text type="secondary" style={{ flex: '0 0 38%', fontSize: 13 }}>
                            {col.title}
                          </Typography.Text>
                        )}
                        <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                          {props.cell(col, row)}
                        </div>
                      </Flex>
                    ))}
                  {props.expandedRowRender && (
                    <Button
                      type="link"
                      size="small"
                      style={{ alignSelf: 'flex-start', padding: 0 }}
                      onClick={() => toggle(key)}
                    >
                      {open.has(key) ? t('actions.hideDetails') : t('actions.details')}
                    </Button>
                  )}
                  {props.expandedRowRender && open.has(key) && props.expandedRowRender(row, index, 0, true)}
                </Flex>
              </Card>
            );
          })}
        </Flex>
      )}
    </Spin>
  );
}
