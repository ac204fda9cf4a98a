import { describe, expect, it } from 'vitest';
import { FIELD_SEPARATOR, searchDocument, searchQuery, searchTokens } from './tokens.js';

describe('searchTokens', () => {
  it.each([
    ['服务器宕机', '服务 务器 器宕 宕机 机'],
    ['机', '机'],
    ['', ''],
    ['  ', ''],
    ['Server DOWN', 'server down'],
    ['核心交换机 S5700 故障', '核心 心交 交换 换机 机 s5700 故障 障'],
    ['HIS系统', 'his 系统 统'],
    ['ＡＢＣ１２３', 'abc123'], // full-width → NFKC
    ['服务，器', '服务 务 器'], // punctuation separates runs
    ['a-b_c.d', 'a b c d'],
    ['ﾃｽﾄ', 'テス スト ト'], // half-width katakana → NFKC, a CJK run
    ['x' + FIELD_SEPARATOR + 'y', 'x y'], // the separator never survives from input
  ])('%j → %j', (text, tokens) => {
    expect(searchTokens(text)).toBe(tokens);
  });

  it('cuts very long words', () => {
    expect(searchTokens('a'.repeat(500))).toBe('a'.repeat(100));
  });
});

describe('searchDocument', () => {
  it('joins fields with the separator and skips empty ones', () => {
    expect(searchDocument(['服务', null, '', 'abc'])).toBe(`服务 务 ${FIELD_SEPARATOR} abc`);
  });
});

describe('searchQuery', () => {
  it.each([
    ['宕机', "'宕机'"],
    ['机', "'机':*"],
    ['服务器', "'服务' <-> '务器'"],
    ['服务器宕机', "'服务' <-> '务器' <-> '器宕' <-> '宕机'"],
    ['serv', "'serv':*"],
    ['Server', "'server':*"],
    ['服务 abc', "('服务') & ('abc':*)"],
    ['his系统', "'his' <-> '系统'"],
    ['务abc', "'务' <-> 'abc':*"],
    ['服务abc', "'服务' <-> '务' <-> 'abc':*"],
    ['abc务', "'abc' <-> '务':*"],
    ["o'neil", "'o' <-> 'neil':*"],
    ['!!! ，。', null],
    ['', null],
  ])('%j → %j', (q, query) => {
    expect(searchQuery(q)).toBe(query);
  });
});
