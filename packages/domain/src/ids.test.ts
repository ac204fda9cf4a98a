import { describe, expect, it } from 'vitest';
import { isUuid } from './ids.js';

describe('isUuid', () => {
  it.each([
    ['01a21ba4-4813-757a-a9d1-c35019d1cc15', true],
    ['01A21BA4-4813-757A-A9D1-C35019D1CC15', true],
    ['00000000-0000-0000-0000-000000000000', true],
    ['01a21ba44813757aa9d1c35019d1cc15', false],
    ['01a21ba4-4813-757a-a9d1-c35019d1cc1', false],
    ['01a21ba4-4813-757a-a9d1-c35019d1cc15 ', false],
    ['{01a21ba4-4813-757a-a9d1-c35019d1cc15}', false],
    ['01a21ba4-4813-757a-a9d1-c35019d1cg15', false],
    ['', false],
  ])('%j → %s', (s, ok) => expect(isUuid(s)).toBe(ok));
});
