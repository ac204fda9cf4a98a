import { describe, expect, it } from 'vitest';
import { uuid7 } from './ids.js';

describe('uuid7', () => {
  it('is a version 7, variant 10 UUID carrying the millisecond', () => {
    const at = Date.UTC(2026, 10, 27, 4, 0, 0, 123);
    for (let i = 0; i < 1_000; i++) {
      const id = uuid7(at);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
    }
  });

  it('draws fresh random bits for every id, past the end of a pool of random bytes', () => {
    const ids = Array.from({ length: 5_000 }, () => uuid7(0));
    expect(new Set(ids).size).toBe(ids.length);
    // The 74 random bits spread over every hex digit: each digit value appears at the last position.
    expect(new Set(ids.map((id) => id.at(-1))).size).toBe(16);
  });

  it('sorts by time as text', () => {
    const a = uuid7(1_000);
    const b = uuid7(1_001);
    expect(a < b).toBe(true);
  });
});
