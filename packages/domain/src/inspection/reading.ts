import { parseReadingNumber } from './number-input.js';
import type { InspectionItem } from './template.js';

/** A reading's value once checked: a number, yes/no, a choice's value, or text (null: optional text left empty). */
export type ReadingValue = number | boolean | string;

/**
 * What the phone sends for one item of one CI. Untyped on purpose: it is user input, and the
 * evaluation reports a wrong type as a field problem instead of trusting the shape.
 *
 * - `value`: a number (or its text, see `parseReadingNumber`), a boolean, an option's value, text.
 * - `remark` (备注): the reason, required when the reading is abnormal.
 * - `photos`: ids of uploaded attachments.
 * - `flagged`: the engineer marks the reading abnormal although the template would pass it (a fan
 *   that runs but rattles; anything noticed beyond the checklist — the seed's "检修过程中是否发现
 *   新的问题"). A flag only ever makes a reading abnormal, never normal.
 */
export interface ReadingInput {
  value?: unknown;
  remark?: unknown;
  photos?: unknown;
  flagged?: unknown;
}

/** Why a reading is abnormal. */
export type AbnormalReason =
  'below_min' | 'above_max' | 'not_normal_answer' | 'not_normal_option' | 'flagged';

export type ReadingProblemCode =
  | 'required'
  | 'wrong_type'
  | 'not_a_number'
  | 'comma_in_number'
  | 'not_an_option'
  | 'too_long'
  | 'remark_required'
  | 'photo_required';

/** A field-level problem of one reading: the field of `ReadingInput` and a stable code. */
export interface ReadingProblem {
  path: 'value' | 'remark' | 'photos' | 'flagged';
  code: ReadingProblemCode;
}

/**
 * The judgement of one reading. On success the value is normalised (number parsed, text trimmed,
 * empty optional text null) and so is the remark (trimmed, null when empty). On failure `normal`
 * still tells the form at once whether the value it has is abnormal (null when the value itself is
 * unusable), so the phone can ask for the remark while the engineer is still typing.
 */
export type ReadingEvaluation =
  | {
      ok: true;
      normal: boolean;
      value: ReadingValue | null;
      abnormalReason: AbnormalReason | null;
      remark: string | null;
      photos: readonly string[];
      problems: readonly [];
    }
  | { ok: false; normal: boolean | null; problems: ReadingProblem[] };

/** Longest text reading and remark, in characters (code points). */
export const READING_TEXT_MAX_LENGTH = 2000;
export const READING_REMARK_MAX_LENGTH = 1000;

type Judged =
  { value: ReadingValue | null; abnormal: AbnormalReason | null } | { problem: ReadingProblemCode };

/** Judge the value alone against the item's reading spec. */
function judge(item: InspectionItem, raw: unknown): Judged {
  const r = item.reading;
  const blank = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  switch (r.type) {
    case 'number': {
      if (blank) return { problem: 'required' };
      if (typeof raw !== 'number' && typeof raw !== 'string') return { problem: 'wrong_type' };
      const n = parseReadingNumber(raw, r.unit);
      if (!n.ok) return { problem: n.code };
      const min = r.min ?? null;
      const max = r.max ?? null;
      const abnormal =
        min !== null && n.value < min ? 'below_min' : max !== null && n.value > max ? 'above_max' : null;
      return { value: n.value, abnormal };
    }
    case 'boolean':
      if (blank) return { problem: 'required' };
      if (typeof raw !== 'boolean') return { problem: 'wrong_type' };
      return { value: raw, abnormal: raw === r.normal ? null : 'not_normal_answer' };
    case 'choice':
      if (blank) return { problem: 'required' };
      if (typeof raw !== 'string') return { problem: 'wrong_type' };
      if (!r.options.some((o) => o.value === raw)) return { problem: 'not_an_option' };
      return { value: raw, abnormal: r.normal.includes(raw) ? null : 'not_normal_option' };
    case 'text': {
      if (blank) return r.required ? { problem: 'required' } : { value: null, abnormal: null };
      if (typeof raw !== 'string') return { problem: 'wrong_type' };
      const text = raw.trim();
      if (length(text) > READING_TEXT_MAX_LENGTH) return { problem: 'too_long' };
      return { value: text, abnormal: null };
    }
  }
}

/**
 * Judge one reading against its template item, at once, as the engineer enters it.
 *
 * Value problems: `required` (nothing entered; optional text may stay empty), `wrong_type` (e.g.
 * text for a yes/no item), `not_a_number` / `comma_in_number` (see `parseReadingNumber`),
 * `not_an_option`, `too_long`. Then, for a usable value: abnormal when a number is outside the
 * inclusive range, a yes/no is not the normal answer, a choice is not a normal option, or the
 * engineer flagged it. An abnormal reading needs a remark (`remark_required`); a photo is needed
 * when the item says `always`, or `when_abnormal` and the reading is abnormal (`photo_required`).
 * A malformed `remark`, `photos` (not an array of non-empty strings) or `flagged` is `wrong_type`.
 */
export function evaluateReading(item: InspectionItem, input: ReadingInput): ReadingEvaluation {
  const problems: ReadingProblem[] = [];
  let remark: string | null = null;
  if (typeof input.remark === 'string') {
    remark = input.remark.trim() || null;
    if (remark !== null && length(remark) > READING_REMARK_MAX_LENGTH)
      problems.push({ path: 'remark', code: 'too_long' });
  } else if (input.remark !== undefined && input.remark !== null)
    problems.push({ path: 'remark', code: 'wrong_type' });
  const photos = input.photos ?? [];
  const photosOk = Array.isArray(photos) && photos.every((p) => typeof p === 'string' && p !== '');
  if (!photosOk) problems.push({ path: 'photos', code: 'wrong_type' });
  const flagged = input.flagged ?? false;
  if (typeof flagged !== 'boolean') problems.push({ path: 'flagged', code: 'wrong_type' });

  const judged = judge(item, input.value);
  let normal: boolean | null = null;
  let abnormalReason: AbnormalReason | null = null;
  if ('problem' in judged) problems.unshift({ path: 'value', code: judged.problem });
  else {
    abnormalReason = judged.abnormal ?? (flagged === true ? 'flagged' : null);
    normal = abnormalReason === null;
    if (!normal && remark === null) problems.push({ path: 'remark', code: 'remark_required' });
  }
  const photoCount = photosOk ? photos.length : 0;
  const needsPhoto = item.photo === 'always' || (item.photo === 'when_abnormal' && normal === false);
  if (photosOk && needsPhoto && photoCount === 0) problems.push({ path: 'photos', code: 'photo_required' });

  if (problems.length > 0 || 'problem' in judged || normal === null) return { ok: false, normal, problems };
  return {
    ok: true,
    normal,
    value: judged.value,
    abnormalReason,
    remark,
    photos: Object.freeze([...(photos as string[])]),
    problems: [],
  };
}

/** Whether nothing at all was entered: no value, remark, photo or flag. */
export function isBlankInput(input: ReadingInput | undefined): boolean {
  if (input === undefined) return true;
  const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  return (
    empty(input.value) &&
    empty(input.remark) &&
    (input.photos === undefined || (Array.isArray(input.photos) && input.photos.length === 0)) &&
    input.flagged !== true
  );
}

function length(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
