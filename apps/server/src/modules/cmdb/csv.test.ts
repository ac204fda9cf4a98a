import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { longestHold } from '../../test/event-loop.js';
import { readCsv } from './ci-import.columns.js';
import { csvLine, decodeCsv, encodeCsv, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it.each<[string, string, string[][]]>([
    [
      'plain',
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'LF and no final newline',
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['quoted comma, quote and newline', '"a,1","say ""hi""","x\r\ny"\r\n', [['a,1', 'say "hi"', 'x\r\ny']]],
    ['empty fields', ',,\r\n', [['', '', '']]],
    [
      'Chinese',
      '名称,序列号\r\n核心交换机,SN-1\r\n',
      [
        ['名称', '序列号'],
        ['核心交换机', 'SN-1'],
      ],
    ],
    ['a stray quote inside a field is text', 'a"b,c', [['a"b', 'c']]],
    ['empty input', '', []],
  ])('%s', (_n, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('round-trips what csvLine writes', () => {
    const rows = [
      ['名称', 'a,b', 'say "x"', 'line\nbreak', ''],
      ['1', '2', '3', '4', '5'],
    ];
    expect(parseCsv(rows.map((r) => csvLine(r)).join(''))).toEqual(rows);
  });

  it('defuses formulas but keeps negative numbers', () => {
    expect(csvLine(['=1+1', '-5', '-3.5', '@cmd', '+x'])).toBe("'=1+1,-5,-3.5,'@cmd,'+x\r\n");
  });
});

describe('decodeCsv', () => {
  const text = '名称,厂商\r\n信号机,海信\r\n';
  it.each<[string, Buffer]>([
    ['UTF-8 with BOM', encodeCsv(text, 'utf-8')],
    ['UTF-8 without BOM', Buffer.from(text, 'utf8')],
    ['GB18030 from Chinese Excel', encodeCsv(text, 'gb18030')],
    ['GBK', iconv.encode(text, 'gbk')],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])],
  ])('%s', (_n, buf) => {
    expect(decodeCsv(buf)).toBe(text);
  });
});

describe('readCsv (an uploaded sheet)', () => {
  it('keeps the header, skips blank lines and numbers rows as Excel shows them', async () => {
    const text = '名称,IP\r\n核心交换机,"10.0.0.1"\r\n,\r\n"机房, A","多\r\n行"\r\n';
    expect(await readCsv(Buffer.from(text, 'utf8'))).toEqual({
      headers: ['名称', 'IP'],
      rows: [
        { row: 2, cells: ['核心交换机', '10.0.0.1'] },
        { row: 4, cells: ['机房, A', '多\r\n行'] },
      ],
    });
  });

  it('parses a large file in slices: the same rows, without holding the event loop for the whole parse', async () => {
    const lines = ['名称,序列号,IP,机房,备注'];
    for (let i = 0; i < 100_000; i++)
      lines.push(`server-${i},SN${i},10.${i % 250}.${i % 200}.${i % 100},机房${i % 7},"备注 ${i}, 核心"`);
    const buf = Buffer.from(lines.join('\r\n'), 'utf8');
    const t0 = performance.now();
    const all = parseCsv(decodeCsv(buf));
    const parsing = performance.now() - t0;

    const { result: sheet, held } = await longestHold(() => readCsv(buf));
    expect(sheet.headers).toEqual(all[0]);
    expect(sheet.rows).toHaveLength(100_000);
    expect(sheet.rows.map((r) => r.cells)).toEqual(all.slice(1));
    expect(sheet.rows.at(-1)!.row).toBe(100_001);
    // At once it would hold the loop for about `parsing` (decoding the text is one stretch).
    expect(parsing).toBeGreaterThan(30);
    expect(held).toBeLessThan(parsing / 3);
  });
});
