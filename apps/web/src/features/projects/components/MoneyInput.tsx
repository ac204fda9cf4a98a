import { InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@opsdesk/contracts';
import { formatAmount, groupThousands, moneyHint, parseMoneyText } from '../money';

/**
 * `35000000` → `35,000,000.00`: separators and fen for an amount; anything else (too many
 * decimals) as it is, separators in the whole part only, for the schema to refuse.
 */
function display(value: string | undefined): string {
  if (!value) return '';
  const amount = formatAmount(value);
  if (amount !== value) return amount;
  const [int = '', frac] = value.split('.');
  return frac === undefined ? groupThousands(int) : `${groupThousands(int)}.${frac}`;
}

/**
 * An amount in CNY bound to the API's decimal string. antd's InputNumber in `stringMode` keeps the
 * value as a string end to end (no float, no rounding); separators are shown, not stored; the size
 * (`3500万`, `35M`) is shown under the box. The contract schema checks the value on submit.
 */
export function MoneyInput({
  value,
  onChange,
  id,
  placeholder,
  'aria-label': ariaLabel,
}: {
  value?: string | number | null;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const current = value === null || value === undefined ? null : String(value);
  const hint = moneyHint(current, lang);
  return (
    <div>
      <InputNumber<string>
        id={id}
        aria-label={ariaLabel}
        stringMode
        controls={false}
        prefix="¥"
        placeholder={placeholder}
        style={{ width: '100%' }}
        value={current}
        formatter={(v, info) => (info.userTyping ? info.input : display(v))}
        parser={(text) => parseMoneyText(text) ?? ''}
        onChange={(v) => onChange?.(v === null || v === '' ? null : String(v))}
      />
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="money-hint">
          ≈ {hint}
        </Typography.Text>
      )}
    </div>
  );
}
