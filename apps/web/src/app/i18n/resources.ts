import type { Lang } from '@opsdesk/contracts';
import { en } from './en';
import { zhCN } from './zh-CN';

export const resources = { 'zh-CN': zhCN, en } satisfies Record<Lang, typeof zhCN>;
export type Namespace = keyof typeof zhCN;
export const NAMESPACES = Object.keys(zhCN) as Namespace[];
