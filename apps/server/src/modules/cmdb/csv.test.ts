import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
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
