import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  PROJECT_BUSINESS_LINES,
  PROJECT_PHASES,
  PROJECT_STATUSES,
  ProjectListQuery,
  SERVICE_MODES,
  VARIANTS_BY_MODE,
} from '@opsdesk/contracts';
import type { Project } from '@opsdesk/contracts';
import { useAbilities } from '../../../shared/abilities/useAbilities';
import { formatDate, formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { CustomerSelect } from '../../customers/components/CustomerSelect';
import { projectApi, projectKeys } from '../api/project.api';
import { PhaseTag } from '../../lifecycle/components/TaskTags';
import { ModeTag, useModeText } from '../../service-modes/components/ModeTag';
import { ProjectCreateForm } from '../forms/ProjectForm';
import { formatMoney } from '../money';
import { MoneyText } from './MoneyText';
import { ProjectStatusTag } from './ProjectStatusTag';

const fetchProjects = contractList(ProjectListQuery, projectApi.list);

/**
 * The filters the list query of the contract accepts: a filter is offered only when
 * `ProjectListQuery` has it (a filter the server ignored would show a wrong list).
 */
const SERVER_FILTERS = new Set(Object.keys(ProjectListQuery.shape));
export const supportsFilter = (name: string) => SERVER_FILTERS.has(name);

/**
 * The service-mode filter's one URL value, `on_site` (any variant) or `on_site.business_support`,
 * as the API's `serviceMode` and `serviceVariant` (a variant name alone is ambiguous: 技术保障 is
 * both on site and remote).
 */
export function serviceModeQuery(value: string): Record<string, string> {
  const [mode, variant] = value.split('.');
  return { ...(mode ? { serviceMode: mode } : {}), ...(variant ? { serviceVariant: variant } : {}) };
}

/** Service projects in the user's scope, all or one customer's. */
export function ProjectList({
  customerId,
  paramPrefix,
  title,
}: {
  customerId?: string;
  paramPrefix?: string;
  title?: string;
}) {
  const { t } = useTranslation(['projects', 'lifecycle', 'serviceModes', 'common']);
  const abilities = useAbilities();
  const navigate = useNavigate();
  const create = useOverlay();
  const modeText = useModeText();

  const columns: ListColumn<Project>[] = [
    {
      key: 'code',
      title: t('fields.code'),
      sortKey: 'code',
      render: (p) => <Link to={`/projects/${p.id}`}>{p.code}</Link>,
    },
    {
      key: 'name',
      title: t('fields.name'),
      sortKey: 'name',
      alwaysVisible: true,
      render: (p) => <Link to={`/projects/${p.id}`}>{p.name}</Link>,
    },
    ...(customerId
      ? []
      : [
          {
            key: 'customerName',
            title: t('fields.customer'),
            render: (p: Project) => <Link to={`/customers/${p.customerId}`}>{p.customerName}</Link>,
          },
        ]),
    {
      key: 'status',
      title: t('fields.status'),
      value: (p) => t(`common:enums.projectStatus.${p.status}`),
      render: (p) => <ProjectStatusTag status={p.status} />,
    },
    {
      key: 'phase',
      title: t('fields.phase'),
      value: (p) => (p.phase ? t(`lifecycle:phase.${p.phase}`) : t('lifecycle:notStarted')),
      render: (p) => <PhaseTag phase={p.phase} />,
    },
    {
      key: 'serviceMode',
      title: t('fields.serviceMode'),
      value: (p) => (p.serviceMode ? modeText(p.serviceMode) : null),
      render: (p) => (p.serviceMode ? <ModeTag {...p.serviceMode} /> : t('modeUndecided')),
    },
    { key: 'region', title: t('fields.region') },
    { key: 'division', title: t('fields.division') },
    {
      key: 'businessLine',
      title: t('fields.businessLine'),
      defaultHidden: true,
      value: (p) => (p.businessLine ? t(`enums.businessLine.${p.businessLine}`) : null),
    },
    {
      key: 'contractValue',
      title: t('fields.contractValue'),
      align: 'right',
      value: (p) => formatMoney(p.contractValue),
      render: (p) => <MoneyText value={p.contractValue} />,
    },
    { key: 'contractNo', title: t('fields.contractNo'), defaultHidden: true },
    {
      key: 'startDate',
      title: t('fields.startDate'),
      sortKey: 'startDate',
      value: (p) => formatDate(p.startDate),
    },
    { key: 'endDate', title: t('fields.endDate'), value: (p) => formatDate(p.endDate) },
    {
      key: 'createdAt',
      title: t('common:createdAt'),
      sortKey: 'createdAt',
      defaultHidden: true,
      value: (p) => formatDateTime(p.createdAt),
    },
  ];

  const filters: ListFilter[] = [
    ...(customerId
      ? []
      : [
          {
            name: 'customerId',
            label: t('fields.customer'),
            width: 240,
            render: (value: string | undefined, onChange: (v: string | undefined) => void) => (
              <CustomerSelect
                aria-label={t('fields.customer')}
                value={value}
                onChange={(v) => onChange(typeof v === 'string' ? v : undefined)}
              />
            ),
          },
        ]),
    {
      name: 'status',
      label: t('fields.status'),
      width: 140,
      options: PROJECT_STATUSES.map((s) => ({ value: s, label: t(`common:enums.projectStatus.${s}`) })),
    },
    {
      name: 'serviceMode',
      label: t('fields.serviceMode'),
      width: 170,
      options: SERVICE_MODES.flatMap((mode) => [
        { value: mode, label: t(`serviceModes:mode.${mode}`) },
        ...VARIANTS_BY_MODE[mode].map((variant) => ({
          value: `${mode}.${variant}`,
          label: modeText({ mode, variant }),
        })),
      ]),
      toQuery: serviceModeQuery,
    },
    {
      name: 'phase',
      label: t('fields.phase'),
      width: 140,
      options: PROJECT_PHASES.map((ph) => ({ value: ph, label: t(`lifecycle:phase.${ph}`) })),
    },
    { name: 'region', label: t('fields.region'), width: 160 },
    { name: 'division', label: t('fields.division'), width: 160 },
    {
      name: 'businessLine',
      label: t('fields.businessLine'),
      width: 160,
      options: PROJECT_BUSINESS_LINES.map((b) => ({ value: b, label: t(`enums.businessLine.${b}`) })),
    },
    {
      name: 'overdue',
      label: t('fields.overdueFilter'),
      width: 160,
      options: [
        { value: 'true', label: t('overdueOnly') },
        { value: 'false', label: t('noOverdue') },
      ],
    },
  ].filter((f) => supportsFilter(f.name));

  return (
    <>
      <ListPage<Project>
        listKey={customerId ? 'customer-projects' : 'projects'}
        title={title}
        queryKey={projectKeys.all}
        fetchPage={fetchProjects}
        columns={columns}
        rowKey={(p) => p.id}
        filters={filters}
        fixedParams={customerId ? { customerId } : undefined}
        paramPrefix={paramPrefix}
        searchPlaceholder={t('searchPlaceholder')}
        defaultSort="code"
        emptyText={abilities.manageOrganisation ? t('empty') : t('emptyNoAbility')}
        create={abilities.manageOrganisation ? { label: t('create'), onClick: () => create.show() } : null}
      />
      <FormDrawer open={create.open} title={t('create')} onClose={create.close} width={720}>
        <ProjectCreateForm
          key={create.key}
          customerId={customerId}
          onDone={(saved) => {
            create.close();
            if (saved) void navigate(`/projects/${saved.id}`);
          }}
        />
      </FormDrawer>
    </>
  );
}
