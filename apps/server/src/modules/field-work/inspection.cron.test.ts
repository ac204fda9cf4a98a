import { describe, expect, it } from 'vitest';
import { instant } from '@opsdesk/domain';
import { cronOccurrences, parseCron } from './inspection.cron.js';

const TZ = 'Asia/Shanghai';
const at = (s: string) => instant(Date.parse(s));
const local = (xs: number[]) =>
  xs.map((x) => new Date(x + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));

function occurrences(expression: string, from: string, to: string) {
  const p = parseCron(expression);
  if (!p.ok) throw new Error(p.code);
  return local(cronOccurrences(p.spec, at(from), at(to), TZ));
}

describe('cron expressions of inspection plans', () => {
  it.each([
    [
      '0 9 * * 1',
      '2026-03-01T00:00:00+08:00',
      '2026-03-20T00:00:00+08:00',
      ['2026-03-02 09:00', '2026-03-09 09:00', '2026-03-16 09:00'],
    ],
    [
      '30 8 1,15 * *',
      '2026-03-01T00:00:00+08:00',
      '2026-04-02T00:00:00+08:00',
      ['2026-03-01 08:30', '2026-03-15 08:30', '2026-04-01 08:30'],
    ],
    [
      '0 8-18/4 * * *',
      '2026-03-02T00:00:00+08:00',
      '2026-03-03T00:00:00+08:00',
      ['2026-03-02 08:00', '2026-03-02 12:00', '2026-03-02 16:00'],
    ],
    [
      '0 10 * jan,jul mon',
      '2026-01-01T00:00:00+08:00',
      '2026-01-15T00:00:00+08:00',
      ['2026-01-05 10:00', '2026-01-12 10:00'],
    ],
    // Both day fields restricted: either matches (the 13th, and every Friday).
    [
      '0 9 13 * 5',
      '2026-03-01T00:00:00+08:00',
      '2026-03-15T00:00:00+08:00',
      ['2026-03-06 09:00', '2026-03-13 09:00'],
    ],
    // Sunday as 0 and as 7.
    [
      '0 9 * * 0',
      '2026-03-01T00:00:00+08:00',
      '2026-03-09T00:00:00+08:00',
      ['2026-03-01 09:00', '2026-03-08 09:00'],
    ],
    [
      '0 9 * * 7',
      '2026-03-01T00:00:00+08:00',
      '2026-03-09T00:00:00+08:00',
      ['2026-03-01 09:00', '2026-03-08 09:00'],
    ],
  ])('%s from %s', (expression, from, to, expected) => {
    expect(occurrences(expression, from, to)).toEqual(expected);
  });

  it('the window is [from, to): an occurrence at `from` counts, one at `to` does not', () => {
    expect(occurrences('0 9 * * *', '2026-03-02T09:00:00+08:00', '2026-03-03T09:00:00+08:00')).toEqual([
      '2026-03-02 09:00',
    ]);
  });

  it.each([
    ['0 9 * *', 'invalid_cron'],
    ['61 9 * * *', 'invalid_cron'],
    ['0 24 * * *', 'invalid_cron'],
    ['0 9 0 * *', 'invalid_cron'],
    ['0 9 * 13 *', 'invalid_cron'],
    ['0 9 * * 8', 'invalid_cron'],
    ['0 9 5-1 * *', 'invalid_cron'],
    ['0 9 */0 * *', 'invalid_cron'],
    ['x 9 * * *', 'invalid_cron'],
    ['* 9 * * *', 'cron_too_frequent'],
    ['0,30 9 * * *', 'cron_too_frequent'],
  ])('refuses %s (%s)', (expression, code) => {
    expect(parseCron(expression)).toEqual({ ok: false, code });
  });

  it('stops at the limit', () => {
    const p = parseCron('0 * * * *');
    if (!p.ok) throw new Error('parse');
    expect(
      cronOccurrences(p.spec, at('2026-03-01T00:00:00Z'), at('2026-04-01T00:00:00Z'), TZ, 5),
    ).toHaveLength(5);
  });
});
