import { describe, expect, it } from 'vitest';
import { normaliseIp, normaliseIpv4, normaliseIpv6, normaliseMac } from './net.js';

describe('normaliseIpv4', () => {
  it.each([
    ['192.168.1.10', '192.168.1.10'],
    [' 10.0.0.1 ', '10.0.0.1'],
    ['192.168.001.010', '192.168.1.10'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['256.1.1.1', null],
    ['1.2.3', null],
    ['1.2.3.4.5', null],
    ['1.2.3.-4', null],
    ['a.b.c.d', null],
    ['1.2.3.4/24', null],
    ['1234.1.1.1', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseIpv4(input)).toBe(expected);
  });
});

describe('normaliseIpv6', () => {
  it.each([
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:db8::ff00:42:8329'],
    ['::1', '::1'],
    ['::', '::'],
    ['fe80::', 'fe80::'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // a single zero group is not compressed
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'], // the longest run wins
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // the first of equal runs wins
    ['::ffff:192.0.2.1', '::ffff:c000:201'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['2001:db8::1::2', null],
    ['2001:db8:1:2:3:4:5:6:7', null],
    ['12345::1', null],
    ['g::1', null],
    [':', null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseIpv6(input)).toBe(expected);
  });
});

describe('normaliseIp', () => {
  it('chooses the family by the presence of a colon', () => {
    expect(normaliseIp('010.001.000.001')).toBe('10.1.0.1');
    expect(normaliseIp('2001:DB8::1')).toBe('2001:db8::1');
    expect(normaliseIp('交换机')).toBeNull();
  });
});

describe('normaliseMac', () => {
  it.each([
    ['00:1a:2b:3c:4d:5e', '00:1A:2B:3C:4D:5E'],
    ['00-1A-2B-3C-4D-5E', '00:1A:2B:3C:4D:5E'],
    ['001a.2b3c.4d5e', '00:1A:2B:3C:4D:5E'],
    ['001a-2b3c-4d5e', '00:1A:2B:3C:4D:5E'],
    ['001A2B3C4D5E', '00:1A:2B:3C:4D:5E'],
    ['00:1a-2b:3c:4d:5e', null], // mixed separators
    ['00:1a:2b:3c:4d', null],
    ['00:1a:2b:3c:4d:5g', null],
    ['001a2b3c4d5e6f', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseMac(input)).toBe(expected);
  });
});
