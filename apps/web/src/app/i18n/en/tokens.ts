import type { Translation } from '../types';
import type zh from '../zh-CN/tokens';

const en: Translation<typeof zh> = {
  title: 'My API tokens',
  intro:
    'An API token lets scripts and other systems call the opsdesk API as you (header Authorization: Bearer <token>). A token has all your permissions: keep it safe.',
  create: 'New token',
  empty: 'You have no API tokens.',
  fields: {
    name: 'Name',
    namePlaceholder: 'e.g. monitoring alerts integration',
    prefix: 'Prefix',
    expiresInDays: 'Valid for (days)',
    expiresHelp: 'Leave empty for a token that never expires; an expiry is recommended.',
    lastUsedAt: 'Last used',
    expiresAt: 'Expires',
    status: 'Status',
  },
  never: 'Never',
  status: { active: 'Active', revoked: 'Revoked', expired: 'Expired' },
  revoke: 'Revoke',
  confirmRevoke: 'Revoke the token “{{name}}”? Scripts using it lose access at once.',
  revoked: 'Token revoked',
  secret: {
    title: 'Token created',
    warning: 'Copy this token now and keep it safe. It cannot be shown again once this window is closed.',
    copied: 'Copied',
    done: 'I have saved it',
  },
};
export default en;
