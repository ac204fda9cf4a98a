import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CiStatus } from '@opsdesk/contracts';
import { STATUS_COLORS, useCmdbLabels } from '../labels';

export function CiStatusTag({ status }: { status: CiStatus }) {
  const labels = useCmdbLabels();
  return <Tag color={STATUS_COLORS[status]}>{labels.status(status)}</Tag>;
}

export function CiTypeTag({ type }: { type: { label: { 'zh-CN': string; en: string } } }) {
  const labels = useCmdbLabels();
  return <Tag color="geekblue">{labels.type(type)}</Tag>;
}

export function DeletedTag() {
  const { t } = useTranslation('cmdb');
  return <Tag color="red">{t('deleted')}</Tag>;
}
