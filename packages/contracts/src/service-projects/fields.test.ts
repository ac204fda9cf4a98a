import { describe, expect, it } from 'vitest';
import { MoneyInput } from './fields.js';

describe('MoneyInput (CNY with fen, as a decimal string)', () => {
  it.each<[string | number, string]>([
    [35000000, '35000000.00'],
    ['35000000', '35000000.00'],
    ['1234.5', '1234.50'],
    [' 0.01 ', '0.01'],
    [0, '0.00'],
    [0.1 + 0.2, '0.30'],
    ['007.10', '7.10'],
    ['99999999999999.99', '99999999999999.99'],
  ])('%j → %s', (input, out) => {
    expect(MoneyInput.parse(input)).toBe(out);
  });

  it.each<[string | number, string]>([
    [-1, 'rule.negativeValue'],
    ['-0.01', 'rule.negativeValue'],
    ['12.345', 'rule.moneyFormat'],
    [12.345, 'rule.moneyFormat'],
    ['1e6', 'rule.moneyFormat'],
    ['', 'rule.moneyFormat'],
    ['100000000000000', 'rule.moneyFormat'],
  ])('refuses %j (%s)', (input, rule) => {
    const r = MoneyInput.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(rule);
  });

  it('refuses what JSON cannot carry (NaN, Infinity) as not a number', () => {
    expect(MoneyInput.safeParse(Number.NaN).success).toBe(false);
    expect(MoneyInput.safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
  });
});
