import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_MATRIX as M, priorityFor, validateMatrix } from './matrix.js';
import type { Impact, MatrixProblem, Priority, PriorityMatrix, Urgency } from './matrix.js';

/** Untyped admin input: the validator must cope with what the types forbid. */
const fromJson = (value: unknown): PriorityMatrix => value as PriorityMatrix;

describe('priorityFor, default matrix, all 16 cells', () => {
  it.each<[Impact, Urgency, Priority]>([
    [1, 1, 1],
    [1, 2, 1],
    [1, 3, 2],
    [1, 4, 3],
    [2, 1, 1],
    [2, 2, 2],
    [2, 3, 3],
    [2, 4, 3],
    [3, 1, 2],
    [3, 2, 3],
    [3, 3, 3],
    [3, 4, 4],
    [4, 1, 3],
    [4, 2, 3],
    [4, 3, 4],
    [4, 4, 4],
  ])('impact %d × urgency %d → P%d', (impact, urgency, priority) => {
    expect(priorityFor(M, impact, urgency)).toBe(priority);
    expect(priorityFor(M, impact, urgency, { businessStopped: false })).toBe(priority);
  });
});

describe('business stopped (系统瘫痪，业务系统不能运转)', () => {
  it.each<[Impact, Urgency]>([
    [1, 1],
    [2, 3],
    [4, 4],
  ])('forces P1 under the default matrix (%d×%d)', (i, u) => {
    expect(priorityFor(M, i, u, { businessStopped: true })).toBe(1);
  });

  const floorP2: PriorityMatrix = { ...M, businessStoppedPriority: 2 };
  it.each<[Impact, Urgency, Priority]>([
    [4, 4, 2], // raised
    [3, 1, 2], // already P2
    [1, 1, 1], // never lowered
  ])('a project floor of P2 gives %d×%d → P%d', (i, u, p) => {
    expect(priorityFor(floorP2, i, u, { businessStopped: true })).toBe(p);
  });

  it('a project may let the matrix decide (null)', () => {
    expect(priorityFor({ ...M, businessStoppedPriority: null }, 4, 4, { businessStopped: true })).toBe(4);
  });
});

describe('a project matrix', () => {
  const flat: PriorityMatrix = {
    cells: [
      [2, 2, 2, 2],
      [2, 2, 2, 2],
      [3, 3, 3, 3],
      [3, 3, 3, 3],
    ],
    businessStoppedPriority: 1,
  };
  it('is used as given', () => {
    expect(priorityFor(flat, 1, 1)).toBe(2);
    expect(priorityFor(flat, 4, 1)).toBe(3);
    expect(validateMatrix(flat)).toEqual([]);
  });
  it.each([0, 5, 1.5, Number.NaN])('refuses level %d as a programming error', (bad) => {
    expect(() => priorityFor(M, bad as Impact, 1)).toThrow(RangeError);
    expect(() => priorityFor(M, 1, bad as Urgency)).toThrow(RangeError);
  });
  it('refuses a broken matrix instead of guessing', () => {
    expect(() => priorityFor(fromJson({ cells: [[1]], businessStoppedPriority: 1 }), 2, 2)).toThrow(
      RangeError,
    );
  });
});

describe('validateMatrix', () => {
  it('accepts the default', () => {
    expect(validateMatrix(M)).toEqual([]);
  });
  it.each<[string, unknown, MatrixProblem[]]>([
    [
      'three rows',
      {
        cells: [
          [1, 1, 1, 1],
          [1, 1, 1, 1],
          [1, 1, 1, 1],
        ],
        businessStoppedPriority: 1,
      },
      [{ code: 'wrong_shape', rows: 3 }],
    ],
    [
      'a short row',
      {
        cells: [
          [1, 1, 1, 1],
          [1, 1, 1],
          [1, 1, 1, 1],
          [1, 1, 1, 1],
        ],
        businessStoppedPriority: 1,
      },
      [{ code: 'wrong_row_length', impact: 2, length: 3 }],
    ],
    [
      'P5',
      {
        cells: [
          [1, 1, 2, 3],
          [1, 2, 3, 3],
          [2, 3, 3, 4],
          [3, 3, 4, 5],
        ],
        businessStoppedPriority: 1,
      },
      [{ code: 'bad_cell', impact: 4, urgency: 4 }],
    ],
    [
      'a string cell',
      {
        cells: [
          [1, '1', 2, 3],
          [1, 2, 3, 3],
          [2, 3, 3, 4],
          [3, 3, 4, 4],
        ],
        businessStoppedPriority: 1,
      },
      [{ code: 'bad_cell', impact: 1, urgency: 2 }],
    ],
    ['bad floor', { ...M, businessStoppedPriority: 0 }, [{ code: 'bad_business_stopped_priority' }]],
    [
      'more urgency giving a lower priority',
      {
        cells: [
          [1, 1, 2, 3],
          [1, 2, 3, 3],
          [2, 3, 3, 4],
          [3, 4, 3, 4],
        ],
        businessStoppedPriority: 1,
      },
      [{ code: 'not_monotone', impact: 4, urgency: 2 }],
    ],
    [
      'wider impact giving a lower priority',
      {
        cells: [
          [1, 1, 4, 3],
          [1, 2, 3, 3],
          [2, 3, 3, 4],
          [3, 3, 4, 4],
        ],
        businessStoppedPriority: 1,
      },
      [{ code: 'not_monotone', impact: 1, urgency: 3 }],
    ],
  ])('%s', (_n, matrix, problems) => {
    expect(validateMatrix(fromJson(matrix))).toEqual(problems);
  });
});
