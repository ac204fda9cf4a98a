import { describe, expect, it } from 'vitest';
import { resources } from './resources';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else Object.assign(out, flatten(v, `${prefix}${k}.`));
  }
  return out;
}
const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const zh = flatten(resources['zh-CN'] as unknown as Tree);
  const en = flatten(resources.en as unknown as Tree);

  it('have the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('use the same interpolation variables in both languages', () => {
    const differ = Object.keys(zh).filter(
      (k) => JSON.stringify(vars(zh[k]!)) !== JSON.stringify(vars(en[k] ?? '')),
    );
    expect(differ).toEqual([]);
  });

  it('have no empty text', () => {
    expect(Object.entries({ ...zh, ...en }).filter(([, v]) => !v.trim())).toEqual([]);
  });
});
