import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Progress, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, LeftOutlined, RightOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { InspectionTask } from '@opsdesk/contracts';
import { API_BASE } from '../../../app/api/client';
import { can } from '../../../shared/abilities/useAbilities';
import { QueryState } from '../../../shared/components/QueryState';
import { describeError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { FormModal, useOverlay } from '../../../shared/form/overlays';
import { inspectionApi, inspectionKeys } from '../api/inspections.api';
import type { TaskCi } from '../api/inspections.api';
import { CarriedFindings } from '../components/CarriedFindings';
import { ReadingCard } from '../components/ReadingCard';
import { SyncStatus } from '../components/SyncStatus';
import { effectiveReadings, effectiveSkip, evaluateDraft, itemsOf, judge } from '../judge';
import { TaskStatusTag, useInspectionLabels } from '../labels';
import { readingKey } from '../offline/draft-store';
import { keepAppShellOffline } from '../offline/shell-cache';
import { useInspectionDraft } from '../offline/useInspectionDraft';
import { SkipForm, CancelForm } from '../components/TaskForms';
import { Submitted } from '../components/Submitted';

/** `/inspection-tasks/:id`: doing an inspection on a phone, CI by CI, item by item. */
export default function InspectionTaskPage() {
  const { id = '' } = useParams();
  useEffect(() => void keepAppShellOffline([`${API_BASE}/inspection-tasks/${id}`]), [id]);
  const query = useQuery({
    queryKey: inspectionKeys.task(id),
    queryFn: ({ signal }) => inspectionApi.get(id, signal),
  });
  return <QueryState query={query}>{(task) => <TaskView task={task} />}</QueryState>;
}

const CI_STATE_COLORS: Record<string, string> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  skipped: 'warning',
};

function TaskView({ task }: { task: InspectionTask }) {
  const { t } = useTranslation(['inspections', 'common']);
  const { message, modal } = App.useApp();
  const labels = useInspectionLabels();
  const [sp, setSp] = useSearchParams();
  const d = useInspectionDraft(task);
  const skipDialog = useOverlay<TaskCi>();
  const cancelDialog = useOverlay();
  const live = task.status === 'open' || task.status === 'in_progress';
  const editable = live && can(task, 'enterReadings') && d.loaded && d.outcome?.kind !== 'closed';

  const count = task.cis.length;
  const index = Math.min(Math.max(Number(sp.get('ci') ?? '1') || 1, 1), Math.max(count, 1));
  const go = (i: number) => {
    const next = new URLSearchParams(sp);
    next.set('ci', String(i));
    setSp(next, { replace: true });
    window.scrollTo({ top: 0 });
  };

  if (d.submitted !== undefined) return <Submitted task={task} result={d.submitted} />;
  if (!d.loaded) return <Skeleton active />;

  const ev = evaluateDraft(task, d.draft);
  const readings = effectiveReadings(task, d.draft);
  const ci = task.cis[index - 1];
  const progress = ev.cis[index - 1];
  const skip = ci ? effectiveSkip(ci, d.draft) : null;
  const items = ci ? itemsOf(task, ci) : [];
  const left = ev.counts.items - ev.counts.answered;

  const submit = () =>
    modal.confirm({
      title: t('task.submit'),
      content: t('task.submitConfirm'),
      okText: t('task.submit'),
      onOk: async () => {
        try {
          await d.requestSubmit();
          if (!navigator.onLine) message.info(t('task.submitQueued'));
        } catch (e) {
          message.error(describeError(e));
        }
      },
    });

  return (
    <div style={{ maxWidth: 640, margin: '0 auto', paddingBottom: 96 }}>
      <Flex align="center" gap={4} style={{ marginBottom: 8 }}>
        <Link to="/inspection-tasks">
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('task.backToList')} />
        </Link>
        <Typography.Title level={4} style={{ margin: 0, flex: 1, minWidth: 0 }} ellipsis>
          {task.title}
        </Typography.Title>
      </Flex>
      <Flex gap={4} wrap align="center" style={{ marginBottom: 8 }}>
        <TaskStatusTag status={task.status} overdue={task.overdue} />
        <Typography.Text type="secondary">
          {t('task.due', { time: formatDateTime(task.dueAt) })}
        </Typography.Text>
        {can(task, 'cancel') && (
          <Button size="small" type="link" danger icon={<StopOutlined />} onClick={() => cancelDialog.show()}>
            {t('task.cancel')}
          </Button>
        )}
      </Flex>
      {task.status === 'cancelled' && task.cancelReason && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('task.cancelled', { reason: task.cancelReason })}
        />
      )}
      {(d.outcome?.kind === 'closed' || (!live && task.status !== 'cancelled')) && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('task.closed')} />
      )}
      {live && !can(task, 'enterReadings') && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('task.readOnly')} />
      )}
      {live && (
        <SyncStatus
          online={d.online}
          draft={d.draft}
          stored={d.stored}
          syncing={d.syncing}
          onSync={() => void d.syncNow()}
        />
      )}
      {d.outcome?.kind === 'refused' || d.outcome?.kind === 'submitRefused' ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={t('task.refused')}
          description={describeError(d.outcome.error)}
        />
      ) : null}
      <Card size="small" style={{ marginTop: 8 }}>
        <Typography.Text strong data-testid="task-progress">
          {t('task.progress', { done: ev.counts.answered, total: ev.counts.items })}
        </Typography.Text>
        <Progress
          percent={ev.counts.items ? Math.round((ev.counts.answered * 100) / ev.counts.items) : 0}
          status={ev.counts.abnormal > 0 ? 'exception' : undefined}
          showInfo={false}
        />
        <Flex gap={6} wrap style={{ marginTop: 4 }}>
          {task.cis.map((c, i) => (
            <Tag
              key={c.ciId}
              color={CI_STATE_COLORS[ev.cis[i]?.state ?? 'not_started']}
              onClick={() => go(i + 1)}
              style={{
                cursor: 'pointer',
                padding: '4px 8px',
                fontSize: 13,
                fontWeight: i + 1 === index ? 700 : 400,
              }}
            >
              {i + 1}. {c.name}
            </Tag>
          ))}
        </Flex>
      </Card>

      {ci ? (
        <section aria-label={ci.name} style={{ marginTop: 12 }}>
          <Flex justify="space-between" align="flex-start" gap={8}>
            <div style={{ minWidth: 0 }}>
              <Typography.Text type="secondary">{t('task.ciOf', { index, count })}</Typography.Text>
              <Typography.Title level={5} style={{ margin: 0 }} data-testid="current-ci">
                {ci.name}
              </Typography.Title>
              <Typography.Text type="secondary">
                {labels.ciType(ci.typeKey)}
                {ci.site ? ` · ${ci.site.name}` : ''}
              </Typography.Text>
            </div>
            <Flex vertical align="flex-end" gap={4}>
              {progress && (
                <Tag color={CI_STATE_COLORS[progress.state]}>
                  {progress.state === 'skipped'
                    ? t('ciState.skipped')
                    : t('task.ciProgress', { done: progress.answered, total: progress.total })}
                </Tag>
              )}
              {editable &&
                (skip === null ? (
                  <Button size="small" onClick={() => skipDialog.show(ci)}>
                    {t('task.skip')}
                  </Button>
                ) : (
                  <Button size="small" onClick={() => void d.setSkip(ci.ciId, null)}>
                    {t('task.unskip')}
                  </Button>
                ))}
            </Flex>
          </Flex>
          <Flex vertical gap={12} style={{ marginTop: 12 }}>
            <CarriedFindings findings={ci.findings} />
            {skip !== null ? (
              <Alert type="warning" showIcon title={t('task.skipped', { reason: skip })} />
            ) : items.length === 0 ? (
              <Alert type="info" showIcon title={t('task.noChecklist')} />
            ) : (
              items.map((item) => {
                const r = readings.get(readingKey(ci.ciId, item.key));
                return (
                  <ReadingCard
                    key={item.key}
                    item={item}
                    reading={r}
                    evaluation={judge(item, r)}
                    disabled={!editable}
                    onChange={(patch) => void d.change(ci.ciId, item.key, r, patch)}
                    onPhoto={(file) =>
                      void d
                        .addPhoto(ci.ciId, item.key, r, file)
                        .catch((e: unknown) =>
                          message.error(t('task.photoFailed', { message: describeError(e) })),
                        )
                    }
                    onRemovePhoto={(photoId) => void d.removePhoto(ci.ciId, item.key, r, photoId)}
                  />
                );
              })
            )}
          </Flex>
        </section>
      ) : (
        <Empty style={{ marginTop: 24 }} />
      )}

      <div
        style={{
          position: 'sticky',
          bottom: 0,
          marginTop: 16,
          padding: '8px 0',
          background: 'var(--ant-color-bg-layout, #f5f5f5)',
        }}
      >
        <Flex gap={8}>
          <Button
            size="large"
            icon={<LeftOutlined />}
            disabled={index <= 1}
            onClick={() => go(index - 1)}
            style={{ flex: 1 }}
          >
            {t('task.previous')}
          </Button>
          {index < count ? (
            <Button size="large" type="primary" onClick={() => go(index + 1)} style={{ flex: 1 }}>
              {t('task.next')} <RightOutlined />
            </Button>
          ) : (
            editable && (
              <Button
                size="large"
                type="primary"
                disabled={!ev.complete || d.draft?.submitRequested}
                loading={d.syncing && d.draft?.submitRequested}
                onClick={submit}
                style={{ flex: 2 }}
              >
                {d.draft?.submitRequested ? t('task.submitQueued') : t('task.submit')}
              </Button>
            )
          )}
        </Flex>
        {editable && index >= count && !ev.complete && left > 0 && (
          <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center', marginTop: 4 }}>
            {t('task.submitHint', { count: left })}
          </Typography.Text>
        )}
      </div>

      <FormModal open={skipDialog.open} title={t('task.skipTitle')} onClose={skipDialog.close}>
        {skipDialog.record && (
          <SkipForm
            key={skipDialog.key}
            onDone={(reason) => {
              void d.setSkip(skipDialog.record!.ciId, reason);
              skipDialog.close();
            }}
            onCancel={skipDialog.close}
          />
        )}
      </FormModal>
      <FormModal open={cancelDialog.open} title={t('task.cancel')} onClose={cancelDialog.close}>
        <CancelForm key={cancelDialog.key} taskId={task.id} onDone={cancelDialog.close} />
      </FormModal>
    </div>
  );
}
