import { useState } from 'react';
import { Button, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Token } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { wholeList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { tokenApi, tokenKeys } from '../api/token.api';
import { TokenSecretModal } from '../components/TokenSecretModal';
import { TokenCreateForm } from '../forms/TokenCreateForm';
import type { CreatedToken } from '../forms/TokenCreateForm';

type TokenStatus = 'active' | 'revoked' | 'expired';
const statusOf = (tk: Token): TokenStatus =>
  tk.revokedAt ? 'revoked' : tk.expiresAt && dayjs(tk.expiresAt).isBefore(dayjs()) ? 'expired' : 'active';
const COLORS: Record<TokenStatus, string> = { active: 'green', revoked: 'default', expired: 'orange' };

const fetchTokens = wholeList(tokenApi.list);

export default function TokenListPage() {
  const { t } = useTranslation(['tokens', 'common']);
  const create = useOverlay();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const confirm = useConfirmAction();

  const columns: ListColumn<Token>[] = [
    { key: 'name', title: t('fields.name'), alwaysVisible: true },
    { key: 'prefix', title: t('fields.prefix'), render: (tk) => <code>{tk.prefix}…</code> },
    {
      key: 'status',
      title: t('fields.status'),
      value: (tk) => t(`status.${statusOf(tk)}`),
      render: (tk) => <Tag color={COLORS[statusOf(tk)]}>{t(`status.${statusOf(tk)}`)}</Tag>,
    },
    { key: 'createdAt', title: t('common:createdAt'), value: (tk) => formatDateTime(tk.createdAt) },
    { key: 'lastUsedAt', title: t('fields.lastUsedAt'), value: (tk) => formatDateTime(tk.lastUsedAt) },
    {
      key: 'expiresAt',
      title: t('fields.expiresAt'),
      value: (tk) => (tk.expiresAt ? formatDateTime(tk.expiresAt) : t('never')),
    },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (tk) =>
        can(tk, 'revoke') &&
        !tk.revokedAt && (
          <Button
            type="link"
            size="small"
            danger
            onClick={() =>
              confirm({
                title: t('confirmRevoke', { name: tk.name }),
                okText: t('revoke'),
                action: () => tokenApi.revoke(tk.id),
                invalidate: tokenKeys.all,
                success: t('revoked'),
              })
            }
          >
            {t('revoke')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <ListPage<Token>
        listKey="tokens"
        title={t('title')}
        description={t('intro')}
        queryKey={tokenKeys.all}
        fetchPage={fetchTokens}
        paginated={false}
        exportable={false}
        columns={columns}
        rowKey={(tk) => tk.id}
        emptyText={t('empty')}
        create={{ label: t('create'), onClick: () => create.show() }}
      />
      <FormDrawer open={create.open} title={t('create')} onClose={create.close}>
        <TokenCreateForm
          key={create.key}
          onCancel={create.close}
          onCreated={(tk) => {
            create.close();
            setCreated(tk);
          }}
        />
      </FormDrawer>
      <TokenSecretModal token={created} onClose={() => setCreated(null)} />
    </>
  );
}
