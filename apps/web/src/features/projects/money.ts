import type { Lang } from '@opsdesk/contracts';

/**
 * Amounts in CNY as the API carries them: decimal strings with two decimals (`"35000000.00"`,
 * docs/decisions/0100-service-projects.md). Everything here works on the digits — never on a
 * float — so 14-digit amounts with fen stay exact.
 */
const MONEY_RE = /^(\d{1,14})(?:\.(\d{1,2}))?$/;

/** `1234567` → `1,234,567`. */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * What the user typed → the decimal string to keep, or null when empty. Thousands separators,
 * spaces, a leading `¥` and full-width digits are accepted; anything else (a minus, letters,
 * three decimals) is returned as it is, for the contract schema to refuse with its own message.
 */
export function parseMoneyText(text: string | null | undefined): string | null {
  if (text == null) return null;
  const plain = text
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s¥￥]/g, '');
  return plain === '' ? null : plain;
}

/** A decimal string → `{ int, frac }` with two fraction digits, or null when it is not an amount. */
function split(value: string): { int: string; frac: string } | null {
  const m = MONEY_RE.exec(value.trim());
  if (!m) return null;
  return { int: BigInt(m[1]!).toString(), frac: (m[2] ?? '').padEnd(2, '0') };
}

/** `"35000000"` → `35,000,000.00`; an input that is not an amount is returned unchanged. */
export function formatAmount(value: string): string {
  const p = split(value);
  return p ? `${groupThousands(p.int)}.${p.frac}` : value;
}

/** `"35000000.00"` → `¥35,000,000.00`; null → null. */
export function formatMoney(value: string | number | null | undefined): string | null {
  if (value == null || value === '') return null;
  const s = typeof value === 'number' ? value.toFixed(2) : value;
  const p = split(s);
  return p ? `¥${groupThousands(p.int)}.${p.frac}` : s;
}

/** `units` (in hundredths) → `3500`, `1234.57`, `0.5` — trailing zeros dropped. */
function hundredths(units: bigint): string {
  const whole = units / 100n;
  const rest = (units % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole.toString();
}

/** Rounds `fen / divisor` to hundredths (half up). */
const scaled = (fen: bigint, divisor: bigint) => (fen * 100n + divisor / 2n) / divisor;

/**
 * The size of an amount the way people say it: zh-CN `3500万`, `1.2亿`; en `35M`, `120K`.
 * Null below 10,000 (zh-CN) or 1,000 (en), where the figure speaks for itself.
 */
export function moneyHint(value: string | number | null | undefined, lang: Lang): string | null {
  if (value == null || value === '') return null;
  const p = split(typeof value === 'number' ? value.toFixed(2) : value);
  if (!p) return null;
  const fen = BigInt(p.int) * 100n + BigInt(p.frac);
  const YUAN = 100n;
  if (lang === 'zh-CN') {
    if (fen >= 100_000_000n * YUAN) return `${hundredths(scaled(fen, 100_000_000n * YUAN))}亿`;
    if (fen >= 10_000n * YUAN) return `${hundredths(scaled(fen, 10_000n * YUAN))}万`;
    return null;
  }
  if (fen >= 1_000_000_000n * YUAN) return `${hundredths(scaled(fen, 1_000_000_000n * YUAN))}B`;
  if (fen >= 1_000_000n * YUAN) return `${hundredths(scaled(fen, 1_000_000n * YUAN))}M`;
  if (fen >= 1_000n * YUAN) return `${hundredths(scaled(fen, 1_000n * YUAN))}K`;
  return null;
}

/** `¥35,000,000.00（3500万）` / `¥35,000,000.00 (35M)`: the amount with its size. */
export function formatMoneyWithHint(value: string | number | null | undefined, lang: Lang): string | null {
  const money = formatMoney(value);
  if (money === null) return null;
  const hint = moneyHint(value, lang);
  if (!hint) return money;
  return lang === 'zh-CN' ? `${money}（${hint}）` : `${money} (${hint})`;
}
