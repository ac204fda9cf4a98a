import { useTranslation } from 'react-i18next';
import { AttachmentsCard } from '../../../shared/attachments/AttachmentsCard';

/** A ticket's files: download (images and PDF open in the browser), upload, remove. */
export function AttachmentsPanel({ ticketId, canAttach }: { ticketId: string; canAttach: boolean }) {
  const { t } = useTranslation('tickets');
  return (
    <AttachmentsCard
      owner={{ ownerType: 'ticket', ownerId: ticketId }}
      canUpload={canAttach}
      title={t('attachments.title')}
      emptyText={t('attachments.none')}
    />
  );
}
