import { useEffect, useRef } from 'react';
import { App, Form, Input, InputNumber, Radio, theme } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CommentCreateSchema } from '@opsdesk/contracts';
import type { Ticket } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { ticketApi, ticketKeys } from '../api/tickets.api';

export type ReplyMode = 'public' | 'internal';

/** Asks the reply box to take the focus in a mode (a keyboard shortcut); `seq` changes per request. */
export interface ReplyFocus {
  mode: ReplyMode;
  seq: number;
}

/**
 * Public reply or internal note (only for those who may write one), with the time spent. Ctrl/⌘+Enter
 * sends. Requesters never see internal notes; the box says which one is being written.
 */
export function ReplyBox(props: {
  ticket: Pick<Ticket, 'id' | 'abilities'>;
  focus?: ReplyFocus | undefined;
  /** Staff log the time each entry took; requesters do not. */
  showTimeSpent?: boolean;
  /** The requester's own box (the portal): worded for them. */
  forRequester?: boolean;
}) {
  const { t } = useTranslation(['tickets', 'common']);
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const textRef = useRef<TextAreaRef>(null);
  const canNote = props.ticket.abilities.internalNotes;
  const form = useContractForm({
    schema: CommentCreateSchema,
    toInput: (v) => ({
      visibility: canNote ? (v.visibility ?? 'public') : 'public',
      body: v.body ?? '',
      ...(typeof v.timeSpentMinutes === 'number' ? { timeSpentMinutes: v.timeSpentMinutes } : {}),
    }),
    submit: (data) => ticketApi.addComment(props.ticket.id, data),
    onSuccess: (c) => {
      form.form.resetFields(['body', 'timeSpentMinutes']);
      for (const key of ticketKeys.ofTicket(props.ticket.id)) void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: [...ticketKeys.all, 'list'] });
      message.success(c.visibility === 'internal' ? t('reply.noteAdded') : t('reply.sent'));
    },
  });
  const visibility = (Form.useWatch('visibility', form.form) as ReplyMode | undefined) ?? 'public';
  const internal = canNote && visibility === 'internal';

  const seq = props.focus?.seq;
  useEffect(() => {
    if (seq === undefined || !props.focus) return;
    form.form.setFieldValue('visibility', canNote ? props.focus.mode : 'public');
    textRef.current?.focus({ cursor: 'end' });
  }, [seq]);

  if (!props.ticket.abilities.reply && !canNote) return null;
  return (
    <div
      style={{
        padding: 12,
        borderRadius: token.borderRadiusLG,
        border: `1px solid ${internal ? token.colorWarningBorder : token.colorBorderSecondary}`,
        background: internal ? token.colorWarningBg : token.colorBgContainer,
      }}
    >
      <ContractFormView
        form={form}
        initialValues={{ visibility: props.ticket.abilities.reply ? 'public' : 'internal' }}
        submitLabel={internal ? t('reply.addNote') : t('reply.send')}
      >
        {canNote && (
          <Form.Item name="visibility" style={{ marginBottom: 8 }}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'public', label: t('reply.public'), disabled: !props.ticket.abilities.reply },
                { value: 'internal', label: t('reply.internal') },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          name="body"
          label={
            internal
              ? t('reply.noteLabel')
              : props.forRequester
                ? t('reply.labelRequester')
                : t('reply.label')
          }
          extra={internal ? t('reply.internalHint') : t('reply.markdownHint')}
          required
        >
          <Input.TextArea
            ref={textRef}
            autoSize={{ minRows: 3, maxRows: 14 }}
            maxLength={20000}
            placeholder={
              internal
                ? t('reply.notePlaceholder')
                : props.forRequester
                  ? t('reply.placeholderRequester')
                  : t('reply.placeholder')
            }
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                form.form.submit();
              }
            }}
          />
        </Form.Item>
        {props.showTimeSpent && (
          <Form.Item name="timeSpentMinutes" label={t('reply.timeSpent')} style={{ marginBottom: 0 }}>
            <InputNumber min={0} max={10000} step={5} style={{ width: 160 }} suffix={t('reply.minutes')} />
          </Form.Item>
        )}
      </ContractFormView>
    </div>
  );
}
