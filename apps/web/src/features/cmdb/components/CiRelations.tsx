import { Link } from 'react-router';
import { Button, Flex, Tag } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CiRelationListQuery, RELATION_TYPES } from '@opsdesk/contracts';
import type { Ci, CiRelation } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { formatDateTime } from '../../../shared/format';
import { FormModal, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { cmdbApi, cmdbKeys } from '../api/cmdb.api';
import { RelationForm } from '../forms/RelationForm';
import { useCmdbLabels } from '../labels';
import { CiGraph } from './CiGraph';
import { CiStatusTag } from './CiTags';

const fetchRelations = contractList(CiRelationListQuery, cmdbApi.relations);

/** The relations of a CI as a graph and as a list (read from this CI: 运行于 / 承载 …), add and end them. */
export function CiRelations({ ci }: { ci: Ci }) {
  const { t } = useTranslation(['cmdb', 'common']);
  const labels = useCmdbLabels();
  const add = useOverlay();
  const confirm = useConfirmAction();
  const otherOf = (r: CiRelation) => (r.from.id === ci.id ? r.to : r.from);
  const reading = (r: CiRelation) => labels.relation(r.type, r.from.id !== ci.id);

  const columns: ListColumn<CiRelation>[] = [
    {
      key: 'other',
      title: t('relations.other'),
      alwaysVisible: true,
      value: (r) => otherOf(r).name,
      render: (r) => <Link to={`/cis/${otherOf(r).id}`}>{otherOf(r).name}</Link>,
    },
    {
      key: 'relation',
      title: t('relations.readFromHere'),
      value: (r) => reading(r),
      render: (r) => <Tag color={r.from.id === ci.id ? 'blue' : 'purple'}>{reading(r)}</Tag>,
    },
    { key: 'otherType', title: t('fields.type'), value: (r) => labels.type(otherOf(r).type) },
    {
      key: 'otherStatus',
      title: t('fields.status'),
      value: (r) => labels.status(otherOf(r).status),
      render: (r) => <CiStatusTag status={otherOf(r).status} />,
    },
    { key: 'note', title: t('relations.note') },
    {
      key: 'createdAt',
      title: t('common:createdAt'),
      sortKey: 'createdAt',
      value: (r) => formatDateTime(r.createdAt),
    },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (r) =>
        can(r, 'delete') && (
          <Button
            type="link"
            size="small"
            danger
            icon={<DeleteOutlined />}
            onClick={() =>
              confirm({
                title: t('relations.removeTitle', {
                  sentence: t('relations.sentence', {
                    from: r.from.name,
                    relation: labels.relation(r.type),
                    to: r.to.name,
                  }),
                }),
                content: t('relations.removeContent'),
                okText: t('common:actions.remove'),
                action: () => cmdbApi.unrelate(r.id),
                invalidate: cmdbKeys.all,
                success: t('relations.removed'),
              })
            }
          >
            {t('common:actions.remove')}
          </Button>
        ),
    },
  ];

  const filters: ListFilter[] = [
    {
      name: 'direction',
      label: t('relations.direction'),
      width: 160,
      options: [
        { value: 'out', label: t('relations.filterOut') },
        { value: 'in', label: t('relations.filterIn') },
      ],
    },
    {
      name: 'type',
      label: t('relations.type'),
      width: 140,
      options: RELATION_TYPES.map((r) => ({ value: r, label: labels.relation(r) })),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <CiGraph ciId={ci.id} />
      <ListPage<CiRelation>
        listKey="ci-relations"
        paramPrefix="rel."
        queryKey={cmdbKeys.relations}
        fetchPage={fetchRelations}
        fixedParams={{ ciId: ci.id }}
        columns={columns}
        rowKey={(r) => r.id}
        filters={filters}
        defaultSort="-createdAt"
        emptyText={t('relations.empty')}
        create={ci.abilities.update ? { label: t('relations.add'), onClick: () => add.show() } : null}
      />
      <FormModal open={add.open} title={t('relations.add')} onClose={add.close} width={560}>
        <RelationForm key={add.key} ci={ci} onDone={add.close} />
      </FormModal>
    </Flex>
  );
}
