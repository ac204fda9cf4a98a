import { describe, expect, it, vi } from 'vitest';
import { buildCsv, collectAll, csvCell } from './csv';
import type { ListParams } from './types';

describe('csv', () => {
  it('starts with a UTF-8 BOM so Excel reads Chinese, and ends lines with CRLF', () => {
    const csv = buildCsv(['客户名称', '电话'], [['某某银行', '010-12345678']]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('客户名称,电话\r\n某某银行,010-12345678\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('defuses text a spreadsheet would run as a formula, but keeps phone numbers and negative numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell('+86 138 0000 0000')).toBe('+86 138 0000 0000');
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('collectAll', () => {
  const pages = (n: number, size: number) => {
    const seen: ListParams[] = [];
    const fetchPage = vi.fn(async (params: ListParams) => {
      seen.push(params);
      const start = params.cursor ? Number(params.cursor) : 0;
      const limit = Number(params.limit);
      const end = Math.min(start + limit, n);
      const items = Array.from({ length: end - start }, (_, i) => start + i);
      return { items, nextCursor: end < n ? String(end) : null };
    });
    return { fetchPage, seen, size };
  };

  it('walks the cursor pages with the filters until the last', async () => {
    const { fetchPage, seen } = pages(450, 200);
    const progress: number[] = [];
    const { rows, capped } = await collectAll(
      fetchPage,
      { q: '银行', status: 'active' },
      { onProgress: (n) => progress.push(n) },
    );
    expect(rows).toHaveLength(450);
    expect(capped).toBe(false);
    expect(seen.map((p) => p.cursor)).toEqual([undefined, '200', '400']);
    expect(seen.every((p) => p.q === '银行' && p.status === 'active' && p.limit === 200)).toBe(true);
    expect(progress).toEqual([200, 400, 450]);
  });

  it('stops at the cap and says so', async () => {
    const { fetchPage } = pages(1000, 200);
    const { rows, capped } = await collectAll(fetchPage, {}, { cap: 500 });
    expect(rows).toHaveLength(500);
    expect(capped).toBe(true);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('stops when cancelled', async () => {
    const { fetchPage } = pages(1000, 200);
    const controller = new AbortController();
    const run = collectAll(
      fetchPage,
      {},
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(run).rejects.toThrow();
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });
});
