import { describe, expect, it } from 'vitest';
import { attributeChangeProblems, validateAttributeDefs } from './types.js';
import type { AttributeDef } from './attributes.js';

const l = { 'zh-CN': '名', en: 'Name' };
const a = (over: Partial<AttributeDef>): AttributeDef => ({ key: 'k', label: l, kind: 'text', ...over });
const fromJson = (v: unknown) => v as AttributeDef;

describe('validateAttributeDefs', () => {
  it.each<[string, AttributeDef[], { path: string; code: string }[]]>([
    [
      'a good list',
      [a({ key: 'ip', kind: 'ip', unique: true }), a({ key: 'mem', kind: 'number', unit: 'GB', min: 0 })],
      [],
    ],
    ['bad key', [a({ key: 'Bad-Key' })], [{ path: 'attributes.0.key', code: 'bad_key' }]],
    ['duplicate key', [a({}), a({})], [{ path: 'attributes.1.key', code: 'duplicate_key' }]],
    [
      'blank label',
      [a({ label: { 'zh-CN': ' ', en: 'x' } })],
      [{ path: 'attributes.0.label', code: 'blank_label' }],
    ],
    [
      'unknown kind',
      [fromJson({ key: 'k', label: l, kind: 'colour' })],
      [{ path: 'attributes.0.kind', code: 'unknown_kind' }],
    ],
    ['unit on text', [a({ unit: 'GB' })], [{ path: 'attributes.0.unit', code: 'unit_for_non_number' }]],
    [
      'bounds on a date',
      [a({ kind: 'date', min: 1 })],
      [{ path: 'attributes.0.min', code: 'bounds_for_non_number' }],
    ],
    [
      'min above max',
      [a({ kind: 'integer', min: 5, max: 1 })],
      [{ path: 'attributes.0.max', code: 'min_above_max' }],
    ],
    ['enum without options', [a({ kind: 'enum' })], [{ path: 'attributes.0.options', code: 'no_options' }]],
    [
      'enum with a repeated option',
      [
        a({
          kind: 'enum',
          options: [
            { value: 'a', label: l },
            { value: 'a', label: l },
          ],
        }),
      ],
      [{ path: 'attributes.0.options', code: 'duplicate_option' }],
    ],
    [
      'options on text',
      [a({ options: [{ value: 'a', label: l }] })],
      [{ path: 'attributes.0.options', code: 'options_for_non_enum' }],
    ],
    [
      'reference to an unknown type',
      [a({ kind: 'reference', refTypes: ['spaceship'] })],
      [{ path: 'attributes.0.refTypes', code: 'unknown_ref_type' }],
    ],
    [
      'reference types on text',
      [a({ refTypes: ['switch'] })],
      [{ path: 'attributes.0.refTypes', code: 'ref_types_for_non_reference' }],
    ],
    [
      'unique boolean',
      [a({ kind: 'boolean', unique: true })],
      [{ path: 'attributes.0.unique', code: 'unique_kind' }],
    ],
    [
      'too many',
      Array.from({ length: 101 }, (_, i) => a({ key: `k${i}` })),
      [{ path: 'attributes', code: 'too_many' }],
    ],
  ])('%s', (_n, defs, problems) => {
    expect(validateAttributeDefs(defs, ['switch', 'physical_server'])).toEqual(problems);
  });
});

describe('attributeChangeProblems', () => {
  const before = [a({ key: 'ip', kind: 'ip', system: true }), a({ key: 'note' })];
  it.each<[string, AttributeDef[], { path: string; code: string }[]]>([
    ['adding an attribute', [...before, a({ key: 'rack_u', kind: 'integer' })], []],
    [
      'relabelling and making one required',
      [before[0]!, a({ key: 'note', required: true, label: { 'zh-CN': '说明', en: 'Remark' } })],
      [],
    ],
    ['removing a custom attribute', [before[0]!], []],
    [
      'changing a kind',
      [before[0]!, a({ key: 'note', kind: 'integer' })],
      [{ path: 'attributes.1.kind', code: 'kind_changed' }],
    ],
    [
      'removing a built-in attribute',
      [before[1]!],
      [{ path: 'attributes', code: 'system_attribute_removed' }],
    ],
  ])('%s', (_n, after, problems) => {
    expect(attributeChangeProblems(before, after)).toEqual(problems);
  });
});
