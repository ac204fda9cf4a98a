import { describe, expect, it } from 'vitest';
import { MoneyInput } from '@opsdesk/contracts';
import { formatAmount, formatMoney, formatMoneyWithHint, moneyHint, parseMoneyText } from './money';

describe('money: CNY decimal strings, never floats', () => {
  it.each<[string | number | null, string | null]>([
    ['35000000.00', '¥35,000,000.00'],
    ['1234.5', '¥1,234.50'],
    ['0.00', '¥0.00'],
    ['99999999999999.99', '¥99,999,999,999,999.99'],
    [50_000_000, '¥50,000,000.00'],
    [null, null],
  ])('formats %j as %j', (value, shown) => {
    expect(formatMoney(value)).toBe(shown);
  });

  it('keeps every fen of the largest amount (a float would not)', () => {
    expect(formatMoney('90071992547409.93')).toBe('¥90,071,992,547,409.93');
    expect(Number('90071992547409.93').toFixed(2)).not.toBe('90071992547409.93');
  });

  it.each<[string, string | null, string | null]>([
    ['35000000.00', '3500万', '35M'],
    ['12345678.90', '1234.57万', '12.35M'],
    ['150000000.00', '1.5亿', '150M'],
    ['9999.99', null, '10K'],
    ['800.00', null, null],
    ['5000.00', null, '5K'],
  ])('hints the size of %s: zh-CN %j, en %j', (value, zh, en) => {
    expect(moneyHint(value, 'zh-CN')).toBe(zh);
    expect(moneyHint(value, 'en')).toBe(en);
  });

  it('shows the amount with its size in each language', () => {
    expect(formatMoneyWithHint('35000000.00', 'zh-CN')).toBe('¥35,000,000.00（3500万）');
    expect(formatMoneyWithHint('35000000.00', 'en')).toBe('¥35,000,000.00 (35M)');
    expect(formatMoneyWithHint('12.00', 'zh-CN')).toBe('¥12.00');
  });

  it.each<[string | null, string | null]>([
    ['35,000,000', '35000000'],
    ['¥ 1,234.50', '1234.50'],
    ['３５０００', '35000'],
    ['  ', null],
    [null, null],
    ['-5', '-5'],
    ['12.345', '12.345'],
  ])('reads what the user typed: %j → %j', (typed, kept) => {
    expect(parseMoneyText(typed)).toBe(kept);
  });

  it('hands the contract schema exactly what it checks: typed text in, the API string out', () => {
    expect(MoneyInput.parse(parseMoneyText('35,000,000'))).toBe('35000000.00');
    expect(MoneyInput.safeParse(parseMoneyText('12.345')).error?.issues[0]?.message).toBe('rule.moneyFormat');
    expect(MoneyInput.safeParse(parseMoneyText('-5')).error?.issues[0]?.message).toBe('rule.negativeValue');
  });

  it('groups the digits of what is being typed without touching the decimals', () => {
    expect(formatAmount('1234567')).toBe('1,234,567.00');
    expect(formatAmount('abc')).toBe('abc');
  });
});
