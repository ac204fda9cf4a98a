import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Select, Table, Typography } from 'antd';
import { CopyOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { InspectionItem } from '@opsdesk/contracts';
import { useMe } from '../../../app/session/me';
import { useCurrentProjectId } from '../../../app/session/project';
import { can } from '../../../shared/abilities/useAbilities';
import { DetailHeader } from '../../../shared/components/DetailHeader';
import { QueryState } from '../../../shared/components/QueryState';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, FormModal, useOverlay } from '../../../shared/form/overlays';
import { SeverityTag, useInspectionLabels } from '../../inspections/labels';
import { templateApi, templateKeys } from '../api/templates.api';
import type { InspectionTemplateDetail } from '../api/templates.api';
import { ProjectName } from '../components/ProjectName';
import { TemplateCopyForm, TemplateReviseForm } from '../forms/TemplateForm';
import { TemplateTags } from './TemplateListPage';

/** `/inspection-templates/:id`: a template's items by CI type, its versions, copy and revise. */
export default function TemplateDetailPage() {
  const { id = '' } = useParams();
  const [version, setVersion] = useState<number | undefined>();
  const current = useQuery({
    queryKey: templateKeys.detail(id),
    queryFn: ({ signal }) => templateApi.get(id, signal),
  });
  const past = useQuery({
    queryKey: templateKeys.version(id, version ?? 0),
    queryFn: ({ signal }) => templateApi.version(id, version!, signal),
    enabled: version !== undefined,
  });
  return (
    <QueryState query={current}>
      {(tpl) => (
        <TemplateView
          tpl={tpl}
          shown={version !== undefined && past.data ? past.data : tpl}
          onVersion={(v) => setVersion(v === tpl.version ? undefined : v)}
        />
      )}
    </QueryState>
  );
}

type Row = InspectionItem & { rowKey: string };

function TemplateView(props: {
  tpl: InspectionTemplateDetail;
  shown: InspectionTemplateDetail;
  onVersion: (v: number) => void;
}) {
  const { tpl, shown } = props;
  const { t } = useTranslation(['inspectionTemplates', 'inspections', 'common']);
  const labels = useInspectionLabels();
  const me = useMe();
  const headerProject = useCurrentProjectId();
  const navigate = useNavigate();
  const confirm = useConfirmAction();
  const revise = useOverlay();
  const copy = useOverlay();
  const byType = new Map<string, Row[]>();
  for (const item of shown.items as readonly InspectionItem[]) {
    const list = byType.get(item.ciTypeKey) ?? [];
    list.push({ ...item, rowKey: `${item.ciTypeKey}/${item.key}` });
    byType.set(item.ciTypeKey, list);
  }
  const columns = [
    {
      key: 'title',
      title: t('item.title'),
      render: (_: unknown, r: Row) => (
        <div>
          <Typography.Text strong>{labels.text(r.title)}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {labels.text(r.method)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'reading',
      title: t('item.readingType'),
      render: (_: unknown, r: Row) => t(`inspections:readingType.${r.reading.type}`),
    },
    { key: 'normal', title: t('item.normal'), render: (_: unknown, r: Row) => labels.normalRange(r) ?? '—' },
    {
      key: 'photo',
      title: t('item.photo'),
      render: (_: unknown, r: Row) => t(`inspections:photoRule.${r.photo}`),
    },
    {
      key: 'severity',
      title: t('item.severity'),
      render: (_: unknown, r: Row) => <SeverityTag severity={r.severity} />,
    },
  ];

  return (
    <>
      <DetailHeader
        backTo="/inspection-templates"
        title={labels.text(tpl.name)}
        tags={<TemplateTags tpl={tpl} />}
        actions={
          <>
            {can(tpl, 'copy') && (
              <Button icon={<CopyOutlined />} onClick={() => copy.show()}>
                {t('actions.copy')}
              </Button>
            )}
            {can(tpl, 'update') && !tpl.archived && (
              <Button icon={<EditOutlined />} type="primary" onClick={() => revise.show()}>
                {t('actions.revise')}
              </Button>
            )}
            {can(tpl, 'update') && !tpl.archived && (
              <Button
                danger
                onClick={() =>
                  confirm({
                    title: t('actions.archive'),
                    content: t('actions.archiveContent'),
                    okText: t('actions.archive'),
                    action: () => templateApi.archive(tpl.id),
                    success: t('actions.archived'),
                    invalidate: templateKeys.all,
                  })
                }
              >
                {t('actions.archive')}
              </Button>
            )}
          </>
        }
      />
      {tpl.builtIn && me.kind === 'staff' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('actions.builtInHint')} />
      )}
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'project',
                label: t('fields.project'),
                children: tpl.projectId ? <ProjectName id={tpl.projectId} /> : t('everyProject'),
              },
              {
                key: 'auto',
                label: t('fields.autoIncidentSeverities'),
                children:
                  shown.autoIncidentSeverities.map((s) => labels.severity(s)).join('、') || t('common:empty'),
              },
              ...(tpl.copiedFrom
                ? [
                    {
                      key: 'copied',
                      label: t('fields.copiedFrom'),
                      children: (
                        <Link to={`/inspection-templates/${encodeURIComponent(tpl.copiedFrom)}`}>
                          {tpl.copiedFrom}
                        </Link>
                      ),
                    },
                  ]
                : []),
              {
                key: 'versions',
                label: t('detail.versions'),
                children: (
                  <Select
                    size="small"
                    value={shown.version}
                    onChange={props.onVersion}
                    style={{ minWidth: 220 }}
                    options={[...tpl.versions]
                      .sort((a, b) => b.version - a.version)
                      .map((v) => ({
                        value: v.version,
                        label: `V${v.version} · ${t('detail.createdBy', {
                          time: formatDateTime(v.createdAt),
                          who: v.createdBy?.displayName ?? '—',
                        })}`,
                      }))}
                  />
                ),
              },
            ]}
          />
          {shown.version !== tpl.version && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={t('detail.viewing', { version: shown.version, current: tpl.version })}
              action={
                <Button size="small" onClick={() => props.onVersion(tpl.version)}>
                  {t('detail.backToCurrent')}
                </Button>
              }
            />
          )}
        </Card>
        {[...byType.entries()].map(([typeKey, rows]) => (
          <Card key={typeKey} size="small" title={`${labels.ciType(typeKey)}（${rows.length}）`}>
            <Table<Row>
              size="small"
              rowKey="rowKey"
              columns={columns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
            />
          </Card>
        ))}
      </Flex>
      <FormDrawer open={revise.open} title={t('actions.revise')} onClose={revise.close} width={760}>
        <TemplateReviseForm key={revise.key} tpl={tpl} onDone={revise.close} />
      </FormDrawer>
      <FormModal open={copy.open} title={t('actions.copy')} onClose={copy.close} width={520}>
        <TemplateCopyForm
          key={copy.key}
          tpl={tpl}
          projectId={headerProject}
          onCancel={copy.close}
          onDone={(next) => {
            copy.close();
            void navigate(`/inspection-templates/${encodeURIComponent(next.id)}`);
          }}
        />
      </FormModal>
    </>
  );
}
