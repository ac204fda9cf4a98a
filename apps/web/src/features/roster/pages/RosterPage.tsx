import { useState } from 'react';
import { Flex, Segmented, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Project } from '@opsdesk/contracts';
import { useCurrentProjectId } from '../../../app/session/project';
import { EntitySelect } from '../../../shared/components/EntitySelect';
import { projectApi, projectKeys } from '../../projects/api/project.api';
import type { RosterOwner } from '../api/roster.api';
import { OnDutyNow } from '../components/OnDutyNow';
import { RosterCalendar } from '../components/RosterCalendar';
import { TeamSelect } from '../components/TeamSelect';

/** The duty roster of one project or one team, chosen here (the project defaults to the header's). */
export default function RosterPage() {
  const { t } = useTranslation('roster');
  const current = useCurrentProjectId();
  const [sp, setSp] = useSearchParams();
  const kind = sp.get('team') ? 'team' : 'project';
  const projectId = sp.get('project') ?? (kind === 'project' ? current : null);
  const teamId = sp.get('team');
  const [chosen, setChosen] = useState<'project' | 'team'>(kind);
  const owner: RosterOwner | null =
    chosen === 'team' ? (teamId ? { teamId } : null) : projectId ? { projectId } : null;

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <Segmented<'project' | 'team'>
          value={chosen}
          onChange={setChosen}
          options={[
            { value: 'project', label: t('of.project') },
            { value: 'team', label: t('of.team') },
          ]}
        />
        <div style={{ width: 280, maxWidth: '100%' }}>
          {chosen === 'project' ? (
            <EntitySelect<Project>
              aria-label={t('of.project')}
              queryKey={[...projectKeys.all, 'roster-picker']}
              search={(q, signal) =>
                projectApi.list({ q: q || undefined, limit: 20 }, signal).then((p) => p.items)
              }
              fetchOne={projectApi.get}
              toOption={(p) => ({ value: p.id, label: `${p.code} ${p.name}` })}
              value={projectId}
              placeholder={t('of.projectPlaceholder')}
              onChange={(v) => setSp(typeof v === 'string' ? { project: v } : {}, { replace: true })}
            />
          ) : (
            <TeamSelect
              aria-label={t('of.team')}
              value={teamId}
              placeholder={t('of.teamPlaceholder')}
              onChange={(v) => setSp(typeof v === 'string' ? { team: v } : {}, { replace: true })}
            />
          )}
        </div>
      </Flex>
      {owner ? (
        <Flex vertical gap={16}>
          <OnDutyNow owner={owner} />
          <RosterCalendar key={JSON.stringify(owner)} owner={owner} />
        </Flex>
      ) : (
        <Typography.Paragraph type="secondary">{t('choose')}</Typography.Paragraph>
      )}
    </>
  );
}
