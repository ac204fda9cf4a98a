import { describe, expect, it } from 'vitest';
import { checkAttributes, formatAttribute, mergeAttributes, normaliseDate } from './attributes.js';
import type { AttributeDef } from './attributes.js';

const l = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const defs: AttributeDef[] = [
  { key: 'note', label: l('备注', 'Note'), kind: 'text', maxLength: 5 },
  { key: 'memory_gb', label: l('内存', 'Memory'), kind: 'number', unit: 'GB', min: 0, max: 4096 },
  { key: 'cores', label: l('核数', 'Cores'), kind: 'integer', min: 1 },
  { key: 'installed', label: l('安装日期', 'Installed'), kind: 'date' },
  { key: 'virtual', label: l('虚拟化', 'Virtual'), kind: 'boolean' },
  {
    key: 'level',
    label: l('级别', 'Level'),
    kind: 'enum',
    options: [
      { value: 'gold', label: l('金牌', 'Gold') },
      { value: 'silver', label: l('银牌', 'Silver') },
    ],
  },
  { key: 'ip', label: l('管理IP', 'Management IP'), kind: 'ip', unique: true },
  { key: 'mac', label: l('MAC地址', 'MAC'), kind: 'mac' },
  { key: 'host', label: l('宿主机', 'Host'), kind: 'reference', refTypes: ['physical_server'] },
];
const req = (kind: AttributeDef['kind'], extra: Partial<AttributeDef> = {}): AttributeDef[] => [
  { key: 'x', label: l('x', 'x'), kind, required: true, ...extra },
];
const UUID = '0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b';

describe('checkAttributes — each kind, JSON values (the API)', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, { key: string; code: string }[]]>([
    ['text trimmed', { note: ' abc ' }, { note: 'abc' }, []],
    ['text too long', { note: 'abcdef' }, {}, [{ key: 'note', code: 'too_long' }]],
    ['text given a number', { note: 5 }, {}, [{ key: 'note', code: 'not_text' }]],
    ['number', { memory_gb: 15.5 }, { memory_gb: 15.5 }, []],
    [
      'number as a string is refused in JSON',
      { memory_gb: '16' },
      {},
      [{ key: 'memory_gb', code: 'not_number' }],
    ],
    ['number below min', { memory_gb: -1 }, {}, [{ key: 'memory_gb', code: 'below_min' }]],
    ['number above max', { memory_gb: 5000 }, {}, [{ key: 'memory_gb', code: 'above_max' }]],
    ['number NaN', { memory_gb: Number.NaN }, {}, [{ key: 'memory_gb', code: 'not_number' }]],
    ['integer', { cores: 8 }, { cores: 8 }, []],
    ['integer with a fraction', { cores: 8.5 }, {}, [{ key: 'cores', code: 'not_integer' }]],
    ['integer below min', { cores: 0 }, {}, [{ key: 'cores', code: 'below_min' }]],
    ['date', { installed: '2024-02-29' }, { installed: '2024-02-29' }, []],
    ['date that does not exist', { installed: '2023-02-29' }, {}, [{ key: 'installed', code: 'not_date' }]],
    [
      'date in another spelling is for imports only',
      { installed: '2024/2/29' },
      {},
      [{ key: 'installed', code: 'not_date' }],
    ],
    ['boolean', { virtual: false }, { virtual: false }, []],
    [
      'boolean as a word is for imports only',
      { virtual: '是' },
      {},
      [{ key: 'virtual', code: 'not_boolean' }],
    ],
    ['enum value', { level: 'gold' }, { level: 'gold' }, []],
    ['enum label is for imports only', { level: '金牌' }, {}, [{ key: 'level', code: 'not_option' }]],
    ['enum unknown', { level: 'bronze' }, {}, [{ key: 'level', code: 'not_option' }]],
    ['ip normalised', { ip: '192.168.001.001' }, { ip: '192.168.1.1' }, []],
    ['ipv6 normalised', { ip: '2001:DB8:0:0::1' }, { ip: '2001:db8::1' }, []],
    ['ip wrong', { ip: '192.168.1.256' }, {}, [{ key: 'ip', code: 'not_ip' }]],
    ['mac normalised', { mac: '001a.2b3c.4d5e' }, { mac: '00:1A:2B:3C:4D:5E' }, []],
    ['mac wrong', { mac: '00:1a:2b' }, {}, [{ key: 'mac', code: 'not_mac' }]],
    ['reference by id', { host: UUID.toUpperCase() }, { host: UUID }, []],
    [
      'reference by name is for imports only',
      { host: 'web-01' },
      {},
      [{ key: 'host', code: 'not_reference' }],
    ],
    ['unknown key', { colour: 'red' }, {}, [{ key: 'colour', code: 'unknown_attribute' }]],
    ['empty values are absent', { note: '  ', memory_gb: null, ip: '' }, {}, []],
  ])('%s', (_n, input, values, problems) => {
    const r = checkAttributes(defs, input, 'json');
    expect(r.values).toEqual(values);
    expect(r.problems.map((p) => ({ key: p.key, code: p.code }))).toEqual(problems);
  });

  it.each(['text', 'number', 'integer', 'date', 'boolean', 'enum', 'ip', 'mac', 'reference'] as const)(
    'a required %s that is absent or empty is a problem',
    (kind) => {
      const d = req(kind, kind === 'enum' ? { options: [{ value: 'a', label: l('甲', 'A') }] } : {});
      expect(checkAttributes(d, {}).problems).toEqual([{ key: 'x', code: 'required' }]);
      expect(checkAttributes(d, { x: null }).problems).toEqual([{ key: 'x', code: 'required' }]);
      expect(checkAttributes(d, { x: ' ' }, 'text').problems).toEqual([{ key: 'x', code: 'required' }]);
    },
  );

  it('reports every problem at once, with bounds as parameters', () => {
    const r = checkAttributes(defs, { memory_gb: 9999, cores: 'x', level: 'x', colour: 1 });
    expect(r.problems).toEqual([
      { key: 'colour', code: 'unknown_attribute' },
      { key: 'memory_gb', code: 'above_max', params: { max: 4096 } },
      { key: 'cores', code: 'not_integer' },
      { key: 'level', code: 'not_option', params: { options: 'gold, silver' } },
    ]);
  });

  it('returns unique values (normalised, case-insensitive) and references to resolve', () => {
    const r = checkAttributes(defs, { ip: '010.0.0.1', host: UUID });
    expect(r.uniques).toEqual([{ key: 'ip', norm: '10.0.0.1' }]);
    expect(r.references).toEqual([{ key: 'host', value: UUID, by: 'id', refTypes: ['physical_server'] }]);
  });
});

describe('checkAttributes — text cells (imports)', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['number with a thousands separator', { memory_gb: '1,024.5' }, { memory_gb: 1024.5 }],
    ['number from a numeric cell', { memory_gb: 64 }, { memory_gb: 64 }],
    ['integer from text', { cores: ' 16 ' }, { cores: 16 }],
    ['date with slashes', { installed: '2024/3/5' }, { installed: '2024-03-05' }],
    ['date in Chinese', { installed: '2024年3月5日' }, { installed: '2024-03-05' }],
    ['boolean 是', { virtual: '是' }, { virtual: true }],
    ['boolean 否', { virtual: '否' }, { virtual: false }],
    ['boolean yes', { virtual: 'Yes' }, { virtual: true }],
    ['boolean 1', { virtual: 1 }, { virtual: true }],
    ['enum by Chinese label', { level: '银牌' }, { level: 'silver' }],
    ['enum by English label', { level: 'gold' }, { level: 'gold' }],
    ['text from a number cell', { note: 123 }, { note: '123' }],
    ['reference by name', { host: 'web-01' }, { host: 'web-01' }],
  ])('%s', (_n, input, values) => {
    const r = checkAttributes(defs, input, 'text');
    expect(r.problems).toEqual([]);
    expect(r.values).toEqual(values);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a word is not a number', { memory_gb: '十六' }, 'not_number'],
    ['a boolean word it does not know', { virtual: '也许' }, 'not_boolean'],
    ['a date that does not exist', { installed: '2024/2/30' }, 'not_date'],
  ])('%s', (_n, input, code) => {
    expect(checkAttributes(defs, input, 'text').problems.map((p) => p.code)).toEqual([code]);
  });

  it('asks to resolve a text reference by name', () => {
    expect(checkAttributes(defs, { host: 'web-01' }, 'text').references).toEqual([
      { key: 'host', value: 'web-01', by: 'text', refTypes: ['physical_server'] },
    ]);
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2024-01-31', '2024-01-31'],
    ['2024.1.31', '2024-01-31'],
    ['2024-13-01', null],
    ['31/01/2024', null],
  ])('%s → %s', (input, expected) => expect(normaliseDate(input)).toBe(expected));
});

describe('mergeAttributes', () => {
  it('replaces, removes with null, keeps the rest and drops keys the type no longer has', () => {
    expect(
      mergeAttributes(
        defs,
        { note: 'a', cores: 2, retired_key: 1 },
        { note: 'b', cores: null, ip: '1.1.1.1' },
      ),
    ).toEqual({ note: 'b', ip: '1.1.1.1' });
  });
});

describe('formatAttribute', () => {
  it.each<[AttributeDef, unknown, string, string]>([
    [defs[4]!, true, 'zh-CN', '是'],
    [defs[4]!, false, 'en', 'no'],
    [defs[5]!, 'gold', 'zh-CN', '金牌'],
    [defs[1]!, 16, 'en', '16'],
    [defs[0]!, null, 'en', ''],
  ])('%#', (def, v, lang, out) => expect(formatAttribute(def, v, lang as 'zh-CN' | 'en')).toBe(out));
});
