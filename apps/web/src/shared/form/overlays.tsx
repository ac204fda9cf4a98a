import { useState } from 'react';
import type { ReactNode } from 'react';
import { Drawer, Modal } from 'antd';
import { useIsMobile } from '../hooks/useIsMobile';

/** Open/close state of a drawer or modal, with the record it edits (kept while it closes). */
export function useOverlay<T = undefined>() {
  const [state, setState] = useState<{ open: boolean; record: T | undefined; seq: number }>({
    open: false,
    record: undefined,
    seq: 0,
  });
  return {
    open: state.open,
    record: state.record,
    /** Changes on every opening, to re-mount the form inside. */
    key: state.seq,
    show: (record?: T) => setState((s) => ({ open: true, record, seq: s.seq + 1 })),
    close: () => setState((s) => ({ ...s, open: false })),
  };
}

/** The drawer of every create/edit form; full width on a phone. */
export function FormDrawer(props: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  width?: number;
}) {
  const mobile = useIsMobile();
  return (
    <Drawer
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      destroyOnHidden
      size={mobile ? '100%' : (props.width ?? 560)}
    >
      {props.children}
    </Drawer>
  );
}

/** A modal for short forms (reset a password, grant a role). */
export function FormModal(props: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  width?: number;
}) {
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      footer={null}
      destroyOnHidden
      width={props.width ?? 480}
    >
      {props.children}
    </Modal>
  );
}
