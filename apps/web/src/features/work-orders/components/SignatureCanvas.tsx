import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { Button, Flex, theme } from 'antd';
import { ClearOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';

export interface SignatureCanvasHandle {
  isEmpty: () => boolean;
  /** The drawing as a `data:image/png;base64,…` URL (what the sign-off endpoint takes). */
  toPng: () => string;
  clear: () => void;
}

/**
 * A full-width pad the customer signs on with a finger (signature_pad), with clear and undo. The
 * canvas is sized to its box at the screen's pixel ratio and keeps the strokes when the phone turns.
 */
export const SignatureCanvas = forwardRef<
  SignatureCanvasHandle,
  {
    height?: number;
    onChange?: (empty: boolean) => void;
    disabled?: boolean;
    'aria-label'?: string;
    id?: string;
  }
>(function SignatureCanvas(props, ref) {
  const { t } = useTranslation('workOrders');
  const { token } = theme.useToken();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const height = props.height ?? 200;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: '#000', minWidth: 1, maxWidth: 3 });
    padRef.current = pad;
    const changed = () => {
      const e = pad.isEmpty();
      setEmpty(e);
      onChange.current?.(e);
    };
    pad.addEventListener('endStroke', changed);
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const data = pad.toData();
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      pad.fromData(data);
    };
    fit();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    observer?.observe(canvas);
    return () => {
      observer?.disconnect();
      pad.removeEventListener('endStroke', changed);
      pad.off();
      padRef.current = null;
    };
  }, []);

  useEffect(() => {
    const pad = padRef.current;
    if (!pad) return;
    if (props.disabled) pad.off();
    else pad.on();
  }, [props.disabled]);

  useImperativeHandle(ref, () => ({
    isEmpty: () => padRef.current?.isEmpty() ?? true,
    toPng: () => padRef.current?.toDataURL('image/png') ?? '',
    clear: () => {
      padRef.current?.clear();
      setEmpty(true);
      props.onChange?.(true);
    },
  }));

  const undo = () => {
    const pad = padRef.current;
    if (!pad) return;
    const data = pad.toData();
    data.pop();
    pad.fromData(data);
    const e = pad.isEmpty();
    setEmpty(e);
    props.onChange?.(e);
  };

  return (
    <div id={props.id}>
      <canvas
        ref={canvasRef}
        aria-label={props['aria-label'] ?? t('signOff.pad')}
        data-testid="signature-pad"
        style={{
          display: 'block',
          width: '100%',
          height,
          touchAction: 'none',
          background: token.colorBgContainer,
          border: `2px dashed ${token.colorBorder}`,
          borderRadius: token.borderRadius,
        }}
      />
      <Flex gap={8} justify="flex-end" style={{ marginTop: 8 }}>
        <Button icon={<UndoOutlined />} onClick={undo} disabled={empty || props.disabled}>
          {t('signOff.undo')}
        </Button>
        <Button
          icon={<ClearOutlined />}
          onClick={() => {
            padRef.current?.clear();
            setEmpty(true);
            props.onChange?.(true);
          }}
          disabled={empty || props.disabled}
        >
          {t('signOff.clear')}
        </Button>
      </Flex>
    </div>
  );
});
