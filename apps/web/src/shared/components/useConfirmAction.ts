import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { describeError } from '../errors';

/** Asks before a destructive action, runs it, refreshes what it changed, and says how it went. */
export function useConfirmAction() {
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  return (opts: {
    title: string;
    content?: string;
    okText?: string;
    danger?: boolean;
    action: () => Promise<unknown>;
    success: string;
    /** Query key prefix to refetch after the action (the list the row came from). */
    invalidate?: readonly unknown[];
    onDone?: () => void;
  }) => {
    modal.confirm({
      title: opts.title,
      content: opts.content,
      okText: opts.okText,
      okButtonProps: { danger: opts.danger ?? true },
      onOk: async () => {
        try {
          await opts.action();
          message.success(opts.success);
          // Leave a deleted object's page first, so its query is not refetched into a 404.
          opts.onDone?.();
          if (opts.invalidate) void qc.invalidateQueries({ queryKey: opts.invalidate });
        } catch (e) {
          message.error(describeError(e));
        }
      },
    });
  };
}
