import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Lang, ServiceModeRuleDto } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { describeError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { wholeList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import { RowActions } from '../../../shared/list/RowActions';
import type { ListColumn } from '../../../shared/list/types';
import { serviceModeApi, serviceModeKeys } from '../api/service-mode.api';
import { ImplicationTags, useConditionText } from '../components/ModeFacts';
import { ModeTag, useModeText } from '../components/ModeTag';
import { ModeRuleCreateForm, ModeRuleEditForm } from '../forms/ModeRuleForm';

/**
 * The service-mode rules (服务模式) as the administrator keeps them: tried in order, the first
 * whose conditions all hold suggests the mode at handover. Staff read them; admins edit.
 */
export default function ServiceModeRulesPage() {
  const { t, i18n } = useTranslation(['serviceModes', 'common']);
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const conditionText = useConditionText();
  const modeText = useModeText();
  const create = useOverlay();
  const edit = useOverlay<ServiceModeRuleDto>();
  // The same request as the list's: tells whether the caller may add rules (admins).
  const rules = useQuery({
    queryKey: [...serviceModeKeys.rules, 'page'],
    queryFn: ({ signal }) => serviceModeApi.rules(signal),
  });
  const ordered = rules.data?.items ?? [];
  const canManage = ordered.some((r) => can(r, 'update'));

  const move = async (rule: ServiceModeRuleDto, by: -1 | 1) => {
    const index = ordered.findIndex((r) => r.id === rule.id);
    try {
      await serviceModeApi.updateRule(rule.id, { position: index + by });
      message.success(t('rules.moved'));
    } catch (e) {
      message.error(describeError(e));
    }
    void qc.invalidateQueries({ queryKey: serviceModeKeys.rules });
    void qc.invalidateQueries({ queryKey: ['projects', 'mode-suggestion'] });
  };

  const columns: ListColumn<ServiceModeRuleDto>[] = [
    {
      key: 'order',
      title: t('fields.position'),
      width: 64,
      value: (r) => ordered.findIndex((x) => x.id === r.id) + 1,
    },
    {
      key: 'mode',
      title: t('fields.modeVariant'),
      alwaysVisible: true,
      value: (r) => modeText(r),
      render: (r) => (
        <Space orientation="vertical" size={2}>
          <ModeTag mode={r.mode} variant={r.variant} />
          <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
            {r.key}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'when',
      title: t('fields.when'),
      value: (r) => (r.when.length ? r.when.map(conditionText).join('; ') : t('rules.always')),
      render: (r) =>
        r.when.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {r.when.map((c, i) => (
              <li key={i}>{conditionText(c)}</li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="secondary">{t('rules.always')}</Typography.Text>
        ),
    },
    {
      key: 'reason',
      title: t('fields.reason'),
      value: (r) => r.reason[lang],
      render: (r) => <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>{r.reason[lang]}</div>,
    },
    {
      key: 'implies',
      title: t('fields.implies'),
      noExport: true,
      render: (r) => <ImplicationTags implies={r.implies} />,
    },
    {
      key: 'updatedAt',
      title: t('common:updatedAt'),
      defaultHidden: true,
      value: (r) => formatDateTime(r.updatedAt),
    },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (r) => {
        const index = ordered.findIndex((x) => x.id === r.id);
        return (
          <RowActions
            wrap
            onEdit={can(r, 'update') && (() => edit.show(r))}
            remove={
              can(r, 'delete') && {
                name: r.key,
                content: t('rules.deleteContent'),
                action: () => serviceModeApi.removeRule(r.id),
                invalidate: serviceModeKeys.rules,
              }
            }
          >
            {can(r, 'update') && (
              <>
                <Tooltip title={t('rules.moveUp')}>
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    aria-label={t('rules.moveUp')}
                    disabled={index <= 0}
                    onClick={() => void move(r, -1)}
                  />
                </Tooltip>
                <Tooltip title={t('rules.moveDown')}>
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    aria-label={t('rules.moveDown')}
                    disabled={index === ordered.length - 1}
                    onClick={() => void move(r, 1)}
                  />
                </Tooltip>
              </>
            )}
          </RowActions>
        );
      },
    },
  ];

  return (
    <>
      <ListPage<ServiceModeRuleDto>
        listKey="service-mode-rules"
        title={t('rules.title')}
        description={t('rules.description')}
        queryKey={serviceModeKeys.rules}
        fetchPage={wholeList((signal) => serviceModeApi.rules(signal))}
        paginated={false}
        columns={columns}
        rowKey={(r) => r.id}
        emptyText={t('rules.empty')}
        create={canManage ? { label: t('rules.create'), onClick: () => create.show() } : null}
      />
      <FormDrawer open={create.open} title={t('rules.create')} onClose={create.close} width={720}>
        <ModeRuleCreateForm key={create.key} onDone={create.close} />
      </FormDrawer>
      <FormDrawer open={edit.open} title={t('rules.edit')} onClose={edit.close} width={720}>
        {edit.record && <ModeRuleEditForm key={edit.key} rule={edit.record} onDone={edit.close} />}
      </FormDrawer>
    </>
  );
}
