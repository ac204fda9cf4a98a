import { describe, expect, it } from 'vitest';
import { ciChanges, stateBefore } from './history.js';
import type { CiState } from './history.js';

const base: CiState = {
  name: 'core-sw',
  status: 'in_use',
  tags: ['核心'],
  warrantyEnd: null,
  deletedAt: null,
  attributes: { ip: '10.0.0.1', ports: 48 },
};

describe('ciChanges', () => {
  it.each<[string, Partial<CiState>, { field: string; before: unknown; after: unknown }[]]>([
    ['nothing', {}, []],
    ['status', { status: 'faulty' }, [{ field: 'status', before: 'in_use', after: 'faulty' }]],
    ['tags', { tags: ['核心', '机房A'] }, [{ field: 'tags', before: ['核心'], after: ['核心', '机房A'] }]],
    [
      'an attribute changed, one removed, one added',
      { attributes: { ip: '10.0.0.2', vlan: 10 } },
      [
        { field: 'attributes.ip', before: '10.0.0.1', after: '10.0.0.2' },
        { field: 'attributes.ports', before: 48, after: null },
        { field: 'attributes.vlan', before: null, after: 10 },
      ],
    ],
    ['untracked fields are ignored', { updatedAt: 'x' } as Partial<CiState>, []],
  ])('%s', (_n, change, expected) => {
    expect(ciChanges(base, { ...base, ...change })).toEqual(expected);
  });
});

describe('stateBefore', () => {
  const later = [
    // newest first
    { action: 'relation_add', field: 'relation', before: null, after: { type: 'runs_on' } },
    { action: 'update', field: 'attributes.ip', before: '10.0.0.9', after: '10.0.0.1' },
    { action: 'update', field: 'attributes.ports', before: null, after: 48 },
    { action: 'update', field: 'status', before: 'planned', after: 'in_use' },
    { action: 'update', field: 'status', before: 'faulty', after: 'planned' },
  ];
  it('undoes every later change, newest first', () => {
    expect(stateBefore(base, later)).toEqual({ ...base, status: 'faulty', attributes: { ip: '10.0.0.9' } });
  });
  it('is the current state when nothing happened since', () => {
    expect(stateBefore(base, [])).toEqual(base);
  });
  it('is null before the creation', () => {
    expect(
      stateBefore(base, [...later, { action: 'create', field: null, before: null, after: null }]),
    ).toBeNull();
  });
  it('does not change the state it was given', () => {
    stateBefore(base, later);
    expect(base.attributes).toEqual({ ip: '10.0.0.1', ports: 48 });
  });
});
