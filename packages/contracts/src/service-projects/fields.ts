import { z } from 'zod';

/**
 * An amount in CNY with fen (分), as the API carries it: a decimal string with two decimals,
 * e.g. `"35000000.00"` — exact, unlike a JSON number past 2^53 fen. Requests may send a string or a
 * number; a negative amount is `rule.negativeValue`, more than two decimals or 14 integer digits
 * `rule.moneyFormat`. See docs/decisions/0100-service-projects.md.
 */
const MONEY_RE = /^(\d{1,14})(?:\.(\d{1,2}))?$/;

export const MoneyInput = z.union([z.string(), z.number()]).transform((v, ctx) => {
  let s: string;
  if (typeof v === 'number') {
    const fen = Math.round(v * 100);
    if (!Number.isFinite(v) || Math.abs(v * 100 - fen) > 1e-6 || Math.abs(v) >= 1e14) {
      ctx.addIssue({ code: 'custom', message: v < 0 ? 'rule.negativeValue' : 'rule.moneyFormat' });
      return z.NEVER;
    }
    s = (fen / 100).toFixed(2);
  } else s = v.trim();
  if (s.startsWith('-')) {
    ctx.addIssue({ code: 'custom', message: 'rule.negativeValue' });
    return z.NEVER;
  }
  const m = MONEY_RE.exec(s);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: 'rule.moneyFormat' });
    return z.NEVER;
  }
  return `${BigInt(m[1]!).toString()}.${(m[2] ?? '').padEnd(2, '0')}`;
});

/** An optional amount: absent or null clears it. */
export const OptionalMoney = MoneyInput.nullish().transform((v) => v ?? null);
export const MoneyOutput = z
  .string()
  .describe('CNY as a decimal string with two decimals, e.g. "35000000.00"');

/** A text in both UI languages, zh-CN first. */
export const LocalisedTextSchema = z.strictObject({
  'zh-CN': z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});

/** `'HH:MM'` wall time in Asia/Shanghai. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'rule.timeOfDay' });

/** The body of an action that takes no input: `{}` (unknown keys refused). */
export const EmptyBody = z.strictObject({});
