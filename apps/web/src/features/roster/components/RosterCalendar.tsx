import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Calendar,
  Descriptions,
  Empty,
  Flex,
  List,
  Segmented,
  Space,
  Spin,
  Typography,
  theme,
} from 'antd';
import {
  CalendarOutlined,
  DeleteOutlined,
  EditOutlined,
  LeftOutlined,
  PlusOutlined,
  RightOutlined,
  SwapOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RosterShift } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, FormModal, useOverlay } from '../../../shared/form/overlays';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { rosterApi, rosterKeys } from '../api/roster.api';
import type { RosterOwner } from '../api/roster.api';
import { RotationForm, ShiftCreateForm, ShiftEditForm, SwapForm } from '../forms/RosterForms';
import {
  addDays,
  dayStart,
  daysFrom,
  inShanghai,
  monthGridStart,
  overlapsDay,
  shanghaiToday,
  shiftTimes,
  weekStart,
} from '../time';

type Mode = 'week' | 'month';

/** A shift as a small block: times, label, person. */
function ShiftChip({
  shift,
  date,
  onOpen,
}: {
  shift: RosterShift;
  date: string;
  onOpen: (s: RosterShift) => void;
}) {
  const { token } = theme.useToken();
  const now = Date.now();
  const live = Date.parse(shift.startsAt) <= now && now < Date.parse(shift.endsAt);
  return (
    <button
      type="button"
      onClick={() => onOpen(shift)}
      data-testid="roster-shift"
      style={{
        display: 'block',
        width: '100%',
        textAlign: 'start',
        border: 'none',
        borderInlineStart: `3px solid ${live ? token.colorSuccess : token.colorPrimary}`,
        background: live ? token.colorSuccessBg : token.colorFillAlter,
        borderRadius: 4,
        padding: '2px 6px',
        marginBottom: 4,
        cursor: 'pointer',
        font: 'inherit',
        fontSize: 12,
      }}
    >
      <div style={{ color: token.colorTextSecondary }}>
        {shiftTimes(shift, date)} · {shift.label}
      </div>
      <div style={{ fontWeight: 500 }}>{shift.user.displayName}</div>
    </button>
  );
}

function dayTitle(date: string, lang: string) {
  const d = dayjs(date).locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  return d.format(lang === 'zh-CN' ? 'MM-DD ddd' : 'ddd MM-DD');
}

/**
 * A duty roster (值班表) as a calendar: a week grid or a month on a desktop, a list of days on a
 * phone. All times are Asia/Shanghai. Managers add shifts and rotations; a shift's managers or
 * the person on it hand it on with a reason.
 */
export function RosterCalendar({ owner }: { owner: RosterOwner }) {
  const { t, i18n } = useTranslation(['roster', 'common']);
  const mobile = useIsMobile();
  const { token } = theme.useToken();
  const confirm = useConfirmAction();
  const [mode, setMode] = useState<Mode>('week');
  const [anchor, setAnchor] = useState(shanghaiToday());
  const detail = useOverlay<RosterShift>();
  const form = useOverlay<'shift' | 'rotation' | 'edit' | 'swap'>();
  const [selected, setSelected] = useState<RosterShift | null>(null);

  const from = mode === 'week' ? weekStart(anchor) : monthGridStart(anchor);
  const count = mode === 'week' ? 7 : 42;
  const days = daysFrom(from, count);
  const range = { from: dayStart(from), to: dayStart(addDays(from, count)) };
  const query = useQuery({
    queryKey: [...rosterKeys.of(owner), range],
    queryFn: ({ signal }) => rosterApi.get(owner, range, signal),
    placeholderData: keepPreviousData,
  });
  const shifts = query.data?.items ?? [];
  const manage = query.data?.abilities.manage ?? false;
  const onDay = (date: string) => shifts.filter((s) => overlapsDay(s, date));
  const today = shanghaiToday();
  const open = (s: RosterShift) => {
    setSelected(s);
    detail.show(s);
  };
  // The shift shown in the detail, fresh after a swap or an edit.
  const current = selected ? (shifts.find((s) => s.id === selected.id) ?? selected) : null;

  const step = (by: number) =>
    setAnchor(
      mode === 'week' ? addDays(anchor, 7 * by) : dayjs.utc(anchor).add(by, 'month').format('YYYY-MM-DD'),
    );
  const rangeLabel =
    mode === 'week'
      ? t('range.week', { from, to: addDays(from, 6) })
      : dayjs.utc(anchor).format(i18n.language === 'zh-CN' ? 'YYYY年M月' : 'MMMM YYYY');

  const toolbar = (
    <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
      <Flex wrap gap={8} align="center">
        <Segmented<Mode>
          value={mode}
          onChange={setMode}
          options={[
            { value: 'week', label: t('mode.week') },
            { value: 'month', label: t('mode.month') },
          ]}
        />
        <Button icon={<LeftOutlined />} aria-label={t('range.previous')} onClick={() => step(-1)} />
        <Button onClick={() => setAnchor(today)}>{t('range.today')}</Button>
        <Button icon={<RightOutlined />} aria-label={t('range.next')} onClick={() => step(1)} />
        <Typography.Text strong>{rangeLabel}</Typography.Text>
        {query.isFetching && <Spin size="small" />}
      </Flex>
      {manage && (
        <Space wrap>
          <Button icon={<SyncOutlined />} onClick={() => form.show('rotation')}>
            {t('rotation.title')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => form.show('shift')}>
            {t('shift.create')}
          </Button>
        </Space>
      )}
    </Flex>
  );

  const dayList = (
    <List
      dataSource={days.filter((d) => mode === 'week' || onDay(d).length > 0)}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} /> }}
      renderItem={(d) => (
        <List.Item style={{ display: 'block' }}>
          <Typography.Text strong type={d === today ? 'success' : undefined}>
            {dayTitle(d, i18n.language)}
          </Typography.Text>
          <div style={{ marginTop: 4 }}>
            {onDay(d).length ? (
              onDay(d).map((s) => <ShiftChip key={s.id} shift={s} date={d} onOpen={open} />)
            ) : (
              <Typography.Text type="secondary">{t('noShift')}</Typography.Text>
            )}
          </div>
        </List.Item>
      )}
    />
  );

  const weekGrid = (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 6 }}>
      {days.map((d) => (
        <div
          key={d}
          style={{
            border: `1px solid ${d === today ? token.colorPrimary : token.colorBorderSecondary}`,
            borderRadius: 6,
            padding: 6,
            minHeight: 160,
          }}
        >
          <Typography.Text
            strong
            type={d === today ? undefined : 'secondary'}
            style={{ display: 'block', marginBottom: 6 }}
          >
            {dayTitle(d, i18n.language)}
          </Typography.Text>
          {onDay(d).map((s) => (
            <ShiftChip key={s.id} shift={s} date={d} onOpen={open} />
          ))}
        </div>
      ))}
    </div>
  );

  const month = (
    <Calendar
      value={dayjs(anchor)}
      headerRender={() => null}
      onSelect={(d, info) => {
        if (info.source === 'date') setAnchor(d.format('YYYY-MM-DD'));
      }}
      cellRender={(d, info) => {
        if (info.type !== 'date') return info.originNode;
        const date = d.format('YYYY-MM-DD');
        const list = onDay(date);
        return (
          <div>
            {list.slice(0, 3).map((s) => (
              <ShiftChip key={s.id} shift={s} date={date} onOpen={open} />
            ))}
            {list.length > 3 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('more', { count: list.length - 3 })}
              </Typography.Text>
            )}
          </div>
        );
      }}
    />
  );

  return (
    <div>
      {toolbar}
      {query.isError && <ErrorAlert error={query.error} />}
      {mobile ? dayList : mode === 'week' ? weekGrid : month}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        <CalendarOutlined /> {t('timeZoneNote')}
      </Typography.Paragraph>

      <FormModal open={detail.open} title={t('shift.title')} onClose={detail.close} width={520}>
        {current && (
          <Flex vertical gap={12}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'label', label: t('fields.label'), children: current.label },
                { key: 'user', label: t('fields.user'), children: current.user.displayName },
                { key: 'phone', label: t('fields.phone'), children: current.user.phone ?? t('common:empty') },
                {
                  key: 'time',
                  label: t('fields.time'),
                  children: `${inShanghai(current.startsAt).format('YYYY-MM-DD HH:mm')} – ${inShanghai(current.endsAt).format('YYYY-MM-DD HH:mm')}`,
                },
              ]}
            />
            {current.swaps.length > 0 && (
              <div>
                <Typography.Text strong>{t('swap.history')}</Typography.Text>
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {current.swaps.map((w) => (
                    <li key={w.id}>
                      {t('swap.entry', {
                        from: w.fromUser?.displayName ?? '',
                        to: w.toUser?.displayName ?? '',
                        reason: w.reason,
                        by: w.swappedBy?.displayName ?? '',
                        at: formatDateTime(w.createdAt),
                      })}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <Flex gap={8} wrap justify="flex-end">
              {can(current, 'swap') && (
                <Button icon={<SwapOutlined />} onClick={() => form.show('swap')}>
                  {t('swap.title')}
                </Button>
              )}
              {can(current, 'update') && (
                <Button icon={<EditOutlined />} onClick={() => form.show('edit')}>
                  {t('common:actions.edit')}
                </Button>
              )}
              {can(current, 'delete') && (
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() =>
                    confirm({
                      title: t('shift.deleteTitle', { label: current.label, name: current.user.displayName }),
                      okText: t('common:actions.delete'),
                      action: () => rosterApi.removeShift(current.id),
                      invalidate: rosterKeys.all,
                      success: t('common:form.deleted'),
                      onDone: detail.close,
                    })
                  }
                >
                  {t('common:actions.delete')}
                </Button>
              )}
            </Flex>
          </Flex>
        )}
      </FormModal>

      <FormDrawer
        open={form.open}
        title={form.record ? t(`formTitle.${form.record}`) : ''}
        onClose={form.close}
      >
        {form.record === 'shift' && <ShiftCreateForm key={form.key} owner={owner} onDone={form.close} />}
        {form.record === 'rotation' && <RotationForm key={form.key} owner={owner} onDone={form.close} />}
        {form.record === 'edit' && current && (
          <ShiftEditForm key={form.key} shift={current} onDone={form.close} />
        )}
        {form.record === 'swap' && current && (
          <SwapForm key={form.key} shift={current} owner={owner} onDone={form.close} />
        )}
      </FormDrawer>
    </div>
  );
}
