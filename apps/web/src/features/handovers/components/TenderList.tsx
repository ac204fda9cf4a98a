import { Button, Flex, Steps, Tag, Typography } from 'antd';
import { EditOutlined, SendOutlined, TrophyOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TENDER_STATUSES } from '@opsdesk/contracts';
import type { Tender } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { formatDate, formatDateTime } from '../../../shared/format';
import { FormDrawer, FormModal, useOverlay } from '../../../shared/form/overlays';
import { wholeList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { AttachmentList } from '../../../shared/attachments/AttachmentList';
import { MoneyText } from '../../projects/components/MoneyText';
import { tenderApi, tenderKeys } from '../api/tender.api';
import { TenderAwardForm, TenderCreateForm, TenderEditForm } from '../forms/TenderForms';

const COLORS = { draft: 'default', published: 'processing', awarded: 'success' } as const;

/** Where a tender is: draft → published → awarded, with who did each step. */
function TenderProgress({ tender }: { tender: Tender }) {
  const { t } = useTranslation('handovers');
  const at = (who: { displayName: string } | null, when: string | null) =>
    when ? t('tenders.byAt', { who: who?.displayName ?? '', at: formatDateTime(when) }) : undefined;
  return (
    <Steps
      size="small"
      current={TENDER_STATUSES.indexOf(tender.status)}
      items={[
        { title: t('tenders.status.draft'), content: at(tender.createdBy, tender.createdAt) },
        { title: t('tenders.status.published'), content: at(tender.publishedBy, tender.publishedAt) },
        {
          title: t('tenders.status.awarded'),
          content: tender.awardedAt
            ? `${tender.awardedSubcontractor?.name ?? ''} · ${at(tender.awardedBy, tender.awardedAt)}`
            : undefined,
        },
      ]}
    />
  );
}

/**
 * A project's subcontractor tender requests (分包商招标申请). Awarding engages the winner on the
 * project. `canCreate` is the caller's guess (customer manager, project manager, admin): the
 * server decides.
 */
export function TenderList({
  projectId,
  projectName,
  canCreate,
}: {
  projectId: string;
  projectName: string;
  canCreate: boolean;
}) {
  const { t } = useTranslation(['handovers', 'common']);
  const confirm = useConfirmAction();
  const create = useOverlay();
  const edit = useOverlay<Tender>();
  const award = useOverlay<Tender>();

  const columns: ListColumn<Tender>[] = [
    { key: 'title', title: t('tenders.fields.title'), alwaysVisible: true },
    {
      key: 'status',
      title: t('tenders.fields.status'),
      value: (x) => t(`tenders.status.${x.status}`),
      render: (x) => <Tag color={COLORS[x.status]}>{t(`tenders.status.${x.status}`)}</Tag>,
    },
    {
      key: 'budget',
      title: t('tenders.fields.budget'),
      value: (x) => x.budget,
      render: (x) => <MoneyText value={x.budget} />,
    },
    { key: 'bidDeadline', title: t('tenders.fields.bidDeadline'), value: (x) => formatDate(x.bidDeadline) },
    {
      key: 'awardedSubcontractor',
      title: t('tenders.fields.awardedSubcontractor'),
      value: (x) => x.awardedSubcontractor?.name ?? null,
      render: (x) =>
        x.awardedSubcontractor ? (
          <Link to={`/subcontractors/${x.awardedSubcontractor.id}`}>{x.awardedSubcontractor.name}</Link>
        ) : (
          t('common:empty')
        ),
    },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (x) => (
        <Flex gap={4} wrap>
          {can(x, 'update') && (
            <Button size="small" type="link" icon={<EditOutlined />} onClick={() => edit.show(x)}>
              {t('common:actions.edit')}
            </Button>
          )}
          {can(x, 'publish') && (
            <Button
              size="small"
              type="link"
              icon={<SendOutlined />}
              onClick={() =>
                confirm({
                  title: t('tenders.publishTitle', { title: x.title }),
                  content: t('tenders.publishContent'),
                  okText: t('tenders.actions.publish'),
                  danger: false,
                  action: () => tenderApi.publish(x.id),
                  invalidate: tenderKeys.of(projectId),
                  success: t('tenders.published'),
                })
              }
            >
              {t('tenders.actions.publish')}
            </Button>
          )}
          {can(x, 'award') && (
            <Button size="small" type="link" icon={<TrophyOutlined />} onClick={() => award.show(x)}>
              {t('tenders.actions.award')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <ListPage<Tender>
        listKey="project-tenders"
        paramPrefix="t."
        queryKey={tenderKeys.of(projectId)}
        fetchPage={wholeList((signal) => tenderApi.list(projectId, signal))}
        paginated={false}
        columns={columns}
        rowKey={(x) => x.id}
        emptyText={t('tenders.empty')}
        create={canCreate ? { label: t('tenders.create'), onClick: () => create.show() } : null}
        expandable={{
          expandedRowRender: (x) => (
            <Flex vertical gap={12}>
              <TenderProgress tender={x} />
              {x.scope && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {x.scope}
                </Typography.Paragraph>
              )}
              {x.awardReason && (
                <Typography.Text type="secondary">
                  {t('tenders.awardReasonShown', { reason: x.awardReason })}
                </Typography.Text>
              )}
              <AttachmentList
                owner={{ ownerType: 'tender', ownerId: x.id }}
                canUpload={can(x, 'update')}
                listKey="tender-documents"
                paramPrefix={`td${x.id.slice(0, 4)}.`}
                emptyText={t('tenders.noDocuments')}
              />
            </Flex>
          ),
        }}
      />
      <FormDrawer open={create.open} title={t('tenders.create')} onClose={create.close}>
        <TenderCreateForm
          key={create.key}
          projectId={projectId}
          projectName={projectName}
          onDone={create.close}
        />
      </FormDrawer>
      <FormDrawer open={edit.open} title={t('tenders.edit')} onClose={edit.close}>
        {edit.record && <TenderEditForm key={edit.key} tender={edit.record} onDone={edit.close} />}
      </FormDrawer>
      <FormModal open={award.open} title={t('tenders.actions.award')} onClose={award.close} width={520}>
        {award.record && <TenderAwardForm key={award.key} tender={award.record} onDone={award.close} />}
      </FormModal>
    </>
  );
}
