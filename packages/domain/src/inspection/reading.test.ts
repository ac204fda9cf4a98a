import { describe, expect, it } from 'vitest';
import { parseReadingNumber } from './number-input.js';
import type { ParsedNumber } from './number-input.js';
import { normalRangeText, quoteReading } from './quote.js';
import type { AbnormalReason, ReadingInput, ReadingProblem } from './reading.js';
import {
  READING_REMARK_MAX_LENGTH,
  READING_TEXT_MAX_LENGTH,
  evaluateReading,
  isBlankInput,
} from './reading.js';
import type { InspectionItem } from './template.js';
import { CPU, FANS, LEAK, NOTES, PHOTO, RAID, TEMP, VERSION, item } from './testing.js';

describe('parseReadingNumber: numbers from a phone keyboard', () => {
  it.each<[string | number, string, ParsedNumber]>([
    ['12.5', '', { ok: true, value: 12.5 }],
    [' 12.5 ', '', { ok: true, value: 12.5 }],
    ['１２', '', { ok: true, value: 12 }], // full-width digits (Chinese IME)
    ['１２．５', '', { ok: true, value: 12.5 }], // full-width point
    ['－３', '', { ok: true, value: -3 }], // full-width minus
    ['\u22123', '', { ok: true, value: -3 }], // minus sign
    ['+4', '', { ok: true, value: 4 }],
    ['.5', '', { ok: true, value: 0.5 }],
    ['5.', '', { ok: true, value: 5 }],
    ['007', '', { ok: true, value: 7 }],
    ['-0', '', { ok: true, value: 0 }],
    ['45%', '%', { ok: true, value: 45 }], // the item's own unit typed after the number
    ['４５％', '%', { ok: true, value: 45 }],
    ['23℃', '°C', { ok: true, value: 23 }], // ℃ is °C after NFKC
    ['12 MS', 'ms', { ok: true, value: 12 }],
    ['12.5', '%', { ok: true, value: 12.5 }],
    [80, '%', { ok: true, value: 80 }],
    ['12,5', '', { ok: false, code: 'comma_in_number' }], // refused, never guessed
    ['1,234', '', { ok: false, code: 'comma_in_number' }],
    ['１２，５', '', { ok: false, code: 'comma_in_number' }],
    ['45%', '°C', { ok: false, code: 'not_a_number' }], // another unit
    ['1e3', '', { ok: false, code: 'not_a_number' }],
    ['0x10', '', { ok: false, code: 'not_a_number' }],
    ['Infinity', '', { ok: false, code: 'not_a_number' }],
    ['1.2.3', '', { ok: false, code: 'not_a_number' }],
    ['12 5', '', { ok: false, code: 'not_a_number' }],
    ['abc', '', { ok: false, code: 'not_a_number' }],
    ['.', '', { ok: false, code: 'not_a_number' }],
    ['-', '', { ok: false, code: 'not_a_number' }],
    ['9'.repeat(400), '', { ok: false, code: 'not_a_number' }],
    [Number.NaN, '', { ok: false, code: 'not_a_number' }],
    [Number.POSITIVE_INFINITY, '', { ok: false, code: 'not_a_number' }],
  ])('%j (unit %j) → %j', (raw, unit, expected) => {
    expect(parseReadingNumber(raw, unit)).toEqual(expected);
  });
  it('gives +0 for minus zero', () => {
    const r = parseReadingNumber(-0);
    expect(r.ok && Object.is(r.value, 0)).toBe(true);
  });
});

type Case = [
  string,
  InspectionItem,
  ReadingInput,
  { normal: boolean; value: unknown; reason: AbnormalReason | null },
];

describe('evaluateReading: judged normal or abnormal at once, every reading type', () => {
  it.each<Case>([
    // number: inclusive range
    ['number inside', CPU, { value: 42 }, { normal: true, value: 42, reason: null }],
    ['number at max', CPU, { value: '80' }, { normal: true, value: 80, reason: null }],
    ['number at min', TEMP, { value: 18 }, { normal: true, value: 18, reason: null }],
    [
      'number just above max',
      CPU,
      { value: '80.1', remark: '批处理' },
      { normal: false, value: 80.1, reason: 'above_max' },
    ],
    [
      'number below min',
      TEMP,
      { value: '１７．５', remark: '空调过冷' },
      { normal: false, value: 17.5, reason: 'below_min' },
    ],
    [
      'number without bounds',
      item('pages', { type: 'number', unit: 'pages' }),
      { value: '123456' },
      { normal: true, value: 123456, reason: null },
    ],
    [
      'number with null bounds',
      item('n', { type: 'number', unit: '', min: null, max: null }),
      { value: -5 },
      { normal: true, value: -5, reason: null },
    ],
    // boolean: the normal answer
    ['yes when yes is normal', FANS, { value: true }, { normal: true, value: true, reason: null }],
    [
      'no when yes is normal',
      FANS,
      { value: false, remark: '风扇异响', photos: ['a1'] },
      { normal: false, value: false, reason: 'not_normal_answer' },
    ],
    ['no when no is normal', LEAK, { value: false }, { normal: true, value: false, reason: null }],
    [
      'yes when no is normal',
      LEAK,
      { value: true, remark: '空调下有水' },
      { normal: false, value: true, reason: 'not_normal_answer' },
    ],
    // choice: the normal options
    ['normal option', RAID, { value: 'optimal' }, { normal: true, value: 'optimal', reason: null }],
    ['another normal option', RAID, { value: 'no_raid' }, { normal: true, value: 'no_raid', reason: null }],
    [
      'abnormal option',
      RAID,
      { value: 'degraded', remark: '1 号盘故障' },
      { normal: false, value: 'degraded', reason: 'not_normal_option' },
    ],
    // text: never abnormal by value
    ['text', NOTES, { value: '  无异常  ' }, { normal: true, value: '无异常', reason: null }],
    ['optional text left empty', NOTES, {}, { normal: true, value: null, reason: null }],
    ['optional text blank', NOTES, { value: '   ' }, { normal: true, value: null, reason: null }],
    ['required text', VERSION, { value: 'V2.1' }, { normal: true, value: 'V2.1', reason: null }],
    // the engineer's flag makes any reading abnormal, never normal
    [
      'flagged number in range',
      CPU,
      { value: 40, flagged: true, remark: '波动大' },
      { normal: false, value: 40, reason: 'flagged' },
    ],
    [
      'flagged text',
      NOTES,
      { value: '机柜门锁损坏', flagged: true, remark: '需更换门锁' },
      { normal: false, value: '机柜门锁损坏', reason: 'flagged' },
    ],
    [
      'flag false changes nothing',
      CPU,
      { value: 40, flagged: false },
      { normal: true, value: 40, reason: null },
    ],
    [
      'out of range keeps its own reason when also flagged',
      CPU,
      { value: 99, flagged: true, remark: 'x' },
      { normal: false, value: 99, reason: 'above_max' },
    ],
    // photos
    ['photo always, given', PHOTO, { photos: ['p1'] }, { normal: true, value: null, reason: null }],
    [
      'photo when abnormal, normal reading, none given',
      FANS,
      { value: true },
      { normal: true, value: true, reason: null },
    ],
    [
      'photos accepted where never required',
      CPU,
      { value: 1, photos: ['p1', 'p2'] },
      { normal: true, value: 1, reason: null },
    ],
  ])('%s', (_n, it, input, expected) => {
    const r = evaluateReading(it, input);
    expect(r).toMatchObject({
      ok: true,
      normal: expected.normal,
      value: expected.value,
      abnormalReason: expected.reason,
      problems: [],
    });
  });

  it('normalises the remark and copies the photos', () => {
    const photos = ['p1'];
    const r = evaluateReading(FANS, { value: false, remark: '  异响 ', photos });
    expect(r).toMatchObject({ ok: true, remark: '异响', photos: ['p1'] });
    if (r.ok) expect(r.photos).not.toBe(photos);
    expect(evaluateReading(CPU, { value: 1, remark: '  ' })).toMatchObject({ ok: true, remark: null });
  });
});

describe('evaluateReading: bad input is a field-level error', () => {
  it.each<[string, InspectionItem, ReadingInput, boolean | null, ReadingProblem[]]>([
    // the wrong type for each reading type
    ['text for a number', CPU, { value: 'high' }, null, [{ path: 'value', code: 'not_a_number' }]],
    ['boolean for a number', CPU, { value: true }, null, [{ path: 'value', code: 'wrong_type' }]],
    ['comma decimal', CPU, { value: '12,5' }, null, [{ path: 'value', code: 'comma_in_number' }]],
    ['string for a yes/no', FANS, { value: 'yes' }, null, [{ path: 'value', code: 'wrong_type' }]],
    ['number for a yes/no', FANS, { value: 1 }, null, [{ path: 'value', code: 'wrong_type' }]],
    ['unknown option', RAID, { value: 'excellent' }, null, [{ path: 'value', code: 'not_an_option' }]],
    ['option by label, not value', RAID, { value: '正常' }, null, [{ path: 'value', code: 'not_an_option' }]],
    ['number for a choice', RAID, { value: 1 }, null, [{ path: 'value', code: 'wrong_type' }]],
    ['number for text', NOTES, { value: 42 }, null, [{ path: 'value', code: 'wrong_type' }]],
    ['object for a number', CPU, { value: { v: 1 } }, null, [{ path: 'value', code: 'wrong_type' }]],
    // nothing entered
    ['missing number', CPU, {}, null, [{ path: 'value', code: 'required' }]],
    ['blank number', CPU, { value: '  ' }, null, [{ path: 'value', code: 'required' }]],
    ['missing yes/no', FANS, { value: null }, null, [{ path: 'value', code: 'required' }]],
    ['missing choice', RAID, { value: '' }, null, [{ path: 'value', code: 'required' }]],
    ['required text blank', VERSION, { value: ' ' }, null, [{ path: 'value', code: 'required' }]],
    [
      'text too long',
      NOTES,
      { value: '字'.repeat(READING_TEXT_MAX_LENGTH + 1) },
      null,
      [{ path: 'value', code: 'too_long' }],
    ],
    // abnormal without a remark
    [
      'number out of range, no remark',
      CPU,
      { value: 95 },
      false,
      [{ path: 'remark', code: 'remark_required' }],
    ],
    [
      'number out of range, blank remark',
      CPU,
      { value: 95, remark: '  ' },
      false,
      [{ path: 'remark', code: 'remark_required' }],
    ],
    [
      'abnormal yes/no, no remark (and no photo)',
      FANS,
      { value: false },
      false,
      [
        { path: 'remark', code: 'remark_required' },
        { path: 'photos', code: 'photo_required' },
      ],
    ],
    [
      'abnormal yes/no, remark but no photo',
      FANS,
      { value: false, remark: '异响', photos: [] },
      false,
      [{ path: 'photos', code: 'photo_required' }],
    ],
    [
      'abnormal choice, no remark',
      RAID,
      { value: 'degraded' },
      false,
      [{ path: 'remark', code: 'remark_required' }],
    ],
    [
      'flagged text, no remark',
      NOTES,
      { value: '门锁坏', flagged: true },
      false,
      [{ path: 'remark', code: 'remark_required' }],
    ],
    [
      'remark too long',
      CPU,
      { value: 95, remark: '长'.repeat(READING_REMARK_MAX_LENGTH + 1) },
      false,
      [{ path: 'remark', code: 'too_long' }],
    ],
    // photo always
    [
      'photo always, none given',
      PHOTO,
      { value: '柜内整洁' },
      true,
      [{ path: 'photos', code: 'photo_required' }],
    ],
    [
      'photo always, bad value too',
      item('p', { type: 'boolean', normal: true }, { photo: 'always' }),
      { value: 'x' },
      null,
      [
        { path: 'value', code: 'wrong_type' },
        { path: 'photos', code: 'photo_required' },
      ],
    ],
    // malformed side fields
    ['remark not text', CPU, { value: 1, remark: 5 }, true, [{ path: 'remark', code: 'wrong_type' }]],
    ['photos not a list', CPU, { value: 1, photos: 'p1' }, true, [{ path: 'photos', code: 'wrong_type' }]],
    [
      'photos with an empty id',
      CPU,
      { value: 1, photos: [''] },
      true,
      [{ path: 'photos', code: 'wrong_type' }],
    ],
    ['flag not boolean', CPU, { value: 1, flagged: 'yes' }, true, [{ path: 'flagged', code: 'wrong_type' }]],
  ])('%s', (_n, it, input, normal, problems) => {
    expect(evaluateReading(it, input)).toEqual({ ok: false, normal, problems });
  });

  it('reports the value problem first and does not ask for a remark it cannot judge', () => {
    expect(evaluateReading(CPU, { value: 'n/a' }).problems).toEqual([
      { path: 'value', code: 'not_a_number' },
    ]);
  });
});

describe('isBlankInput', () => {
  it.each<[ReadingInput | undefined, boolean]>([
    [undefined, true],
    [{}, true],
    [{ value: ' ', remark: '', photos: [] }, true],
    [{ value: 0 }, false],
    [{ value: false }, false],
    [{ remark: 'x' }, false],
    [{ photos: ['p'] }, false],
    [{ flagged: true }, false],
  ])('%j → %s', (input, blank) => {
    expect(isBlankInput(input)).toBe(blank);
  });
});

describe('quoting a reading', () => {
  it.each<[InspectionItem, unknown, string | null, string, string]>([
    [
      CPU,
      92,
      '批处理任务',
      '检查 cpu_usage：92%（正常：0～80%）。备注：批处理任务',
      'Check cpu_usage: 92% (normal: 0 to 80%). Remark: 批处理任务',
    ],
    [
      TEMP,
      30,
      null,
      '检查 inlet_temp：30°C（正常：18～27°C）',
      'Check inlet_temp: 30°C (normal: 18 to 27°C)',
    ],
    [FANS, false, null, '检查 fans：否（正常：是）', 'Check fans: No (normal: Yes)'],
    [
      RAID,
      'degraded',
      null,
      '检查 raid：降级（正常：正常、未配置）',
      'Check raid: Degraded (normal: Optimal, None)',
    ],
    [NOTES, '门锁坏', null, '检查 notes：门锁坏', 'Check notes: 门锁坏'],
    [NOTES, null, '见照片', '检查 notes：（未填写）。备注：见照片', 'Check notes: (empty). Remark: 见照片'],
  ])('%#', (it, value, remark, zh, en) => {
    expect(quoteReading(it, value as never, remark)).toEqual({ 'zh-CN': zh, en });
  });
  it.each<[InspectionItem['reading'], string | null, string | null]>([
    [{ type: 'number', unit: 'd', min: 30 }, '≥ 30 天', '≥ 30 days'],
    [{ type: 'number', unit: 'ms', max: 50 }, '≤ 50 ms', '≤ 50 ms'],
    [{ type: 'number', unit: 's', min: -5, max: 5 }, '-5～5 秒', '-5 to 5 s'],
    [{ type: 'number', unit: 'V' }, null, null],
    [{ type: 'text' }, null, null],
  ])('normal range of %j', (reading, zh, en) => {
    expect(normalRangeText(reading)).toEqual(zh === null ? null : { 'zh-CN': zh, en });
  });
});
