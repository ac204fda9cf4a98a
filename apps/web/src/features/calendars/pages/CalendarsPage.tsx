import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Tabs, Tag, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '@opsdesk/contracts';
import { useCurrentProjectId } from '../../../app/session/project';
import { can, useAbilities } from '../../../shared/abilities/useAbilities';
import { FormDrawer, FormModal, useOverlay } from '../../../shared/form/overlays';
import { wholeList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { projectApi, projectKeys } from '../../projects/api/project.api';
import { calendarApi, calendarKeys } from '../api/calendars.api';
import { HolidayYearsTab } from '../components/HolidayYearsTab';
import { WEEKDAYS } from '../components/WeeklyHoursEditor';
import { CalendarForm } from '../forms/CalendarForm';
import { ComputeDueForm } from '../forms/ComputeDueForm';
import { RowActions } from '../../../shared/list/RowActions';

const TABS = ['calendars', 'holidays'] as const;
type Tab = (typeof TABS)[number];

/** `Mon–Fri 09:00–12:00, 13:00–18:00`-like summary of weekly hours. */
function useWeeklySummary() {
  const { t } = useTranslation('calendars');
  return (c: Calendar) => {
    const days = WEEKDAYS.map((d) => ({
      d,
      ranges: c.weekly[d].map((r) => `${r.start}–${r.end}`).join(', '),
    }));
    const groups: { from: number; to: number; ranges: string }[] = [];
    for (const x of days) {
      const last = groups.at(-1);
      if (last && last.ranges === x.ranges && last.to === x.d - 1) last.to = x.d;
      else groups.push({ from: x.d, to: x.d, ranges: x.ranges });
    }
    return groups
      .filter((g) => g.ranges)
      .map((g) =>
        t('summary.group', {
          days:
            g.from === g.to
              ? t(`weekdays.${g.from as 1}`)
              : t('summary.span', { from: t(`weekdays.${g.from as 1}`), to: t(`weekdays.${g.to as 1}`) }),
          ranges: g.ranges,
        }),
      )
      .join(t('summary.separator'));
  };
}

/** `/calendars`: business calendars (weekly hours, time zone, holidays) and China's holiday years. */
export default function CalendarsPage() {
  const { t } = useTranslation('calendars');
  const [sp, setSp] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(sp.get('tab') ?? '')
    ? (sp.get('tab') as Tab)
    : 'calendars';
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSp({ tab: key }, { replace: true })}
        items={[
          {
            key: 'calendars',
            label: t('tabs.calendars'),
            children: tab === 'calendars' ? <CalendarsTab /> : null,
          },
          {
            key: 'holidays',
            label: t('tabs.holidays'),
            children: tab === 'holidays' ? <HolidayYearsTab /> : null,
          },
        ]}
      />
    </>
  );
}

function CalendarsTab() {
  const { t } = useTranslation(['calendars', 'common']);
  const projectId = useCurrentProjectId();
  const abilities = useAbilities();
  const create = useOverlay();
  const edit = useOverlay<Calendar>();
  const compute = useOverlay<Calendar>();
  const summary = useWeeklySummary();
  // A global calendar is the admin's; a project's, its managers' (the project's own abilities say).
  const project = useQuery({
    queryKey: projectKeys.detail(projectId ?? ''),
    queryFn: ({ signal }) => projectApi.get(projectId!, signal),
    enabled: !!projectId,
  });
  const mayCreate = abilities.manageOrganisation || can(project.data, 'update');
  const columns: ListColumn<Calendar>[] = [
    { key: 'name', title: t('fields.name'), alwaysVisible: true },
    {
      key: 'scope',
      title: t('fields.scope'),
      value: (c) => (c.projectId ? t('fields.projectScope') : t('fields.globalScope')),
      render: (c) =>
        c.projectId ? (
          <Tag color="blue">{t('fields.projectScope')}</Tag>
        ) : (
          <Tag>{t('fields.globalScope')}</Tag>
        ),
    },
    { key: 'weekly', title: t('fields.weekly'), value: summary },
    { key: 'timeZone', title: t('fields.timeZone') },
    { key: 'followsChinaHolidays', title: t('fields.followsChinaHolidays') },
    {
      key: 'extra',
      title: t('fields.extraDays'),
      value: (c) =>
        t('fields.extraDaysCount', {
          holidays: c.extraHolidays.length,
          makeup: c.extraMakeupWorkdays.length,
        }),
    },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (c) => (
        <RowActions
          onEdit={can(c, 'update') && (() => edit.show(c))}
          remove={
            can(c, 'delete') && {
              name: c.name,
              content: t('deleteHint'),
              action: () => calendarApi.remove(c.id),
              invalidate: calendarKeys.all,
            }
          }
          wrap
        >
          <Button type="link" size="small" icon={<CalculatorOutlined />} onClick={() => compute.show(c)}>
            {t('compute.short')}
          </Button>
        </RowActions>
      ),
    },
  ];
  return (
    <>
      <ListPage<Calendar>
        listKey="calendars"
        description={projectId ? t('introProject') : t('intro')}
        queryKey={calendarKeys.list(projectId)}
        fetchPage={wholeList((signal) => calendarApi.list(projectId, signal))}
        columns={columns}
        rowKey={(c) => c.id}
        paginated={false}
        emptyText={t('empty')}
        create={mayCreate ? { label: t('create'), onClick: () => create.show() } : null}
      />
      <FormDrawer open={create.open} title={t('create')} onClose={create.close} width={720}>
        <CalendarForm
          key={create.key}
          projectId={can(project.data, 'update') ? projectId : null}
          onDone={create.close}
        />
      </FormDrawer>
      <FormDrawer open={edit.open} title={t('edit')} onClose={edit.close} width={720}>
        {edit.record && <CalendarForm key={edit.key} calendar={edit.record} onDone={edit.close} />}
      </FormDrawer>
      <FormModal open={compute.open} title={t('compute.title')} onClose={compute.close} width={520}>
        {compute.record && (
          <ComputeDueForm key={compute.key} calendar={compute.record} onDone={compute.close} />
        )}
      </FormModal>
    </>
  );
}
