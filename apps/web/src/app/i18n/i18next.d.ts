import 'i18next';
import type { zhCN } from './zh-CN';

// Typed keys: `t('customers:fields.name')` is checked against the zh-CN bundle at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof zhCN;
  }
}
