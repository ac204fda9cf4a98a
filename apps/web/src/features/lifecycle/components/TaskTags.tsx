import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectPhase, ProjectTask, ProjectTaskStatus } from '@opsdesk/contracts';

const STATUS_COLORS: Record<ProjectTaskStatus, string> = {
  open: 'processing',
  awaiting_approval: 'gold',
  done: 'success',
  cancelled: 'default',
};

export function TaskStatusTag({ task }: { task: Pick<ProjectTask, 'status' | 'overdue'> }) {
  const { t } = useTranslation('lifecycle');
  return (
    <>
      <Tag color={STATUS_COLORS[task.status]}>{t(`taskStatus.${task.status}`)}</Tag>
      {task.overdue && <Tag color="error">{t('overdue')}</Tag>}
    </>
  );
}

const PHASE_COLORS: Record<ProjectPhase, string> = {
  start: 'cyan',
  implementation: 'blue',
  closing: 'orange',
  closed: 'default',
  renewed: 'green',
};

/** The project's lifecycle phase; "not started" for none. */
export function PhaseTag({ phase }: { phase: ProjectPhase | null }) {
  const { t } = useTranslation('lifecycle');
  return phase ? <Tag color={PHASE_COLORS[phase]}>{t(`phase.${phase}`)}</Tag> : <Tag>{t('notStarted')}</Tag>;
}
