/**
 * Numbers typed on a phone. A reading arrives as a JSON number or as the text of an input box, and
 * Chinese input methods readily produce full-width characters. The rules:
 *
 * - Unicode NFKC first: full-width digits, point and minus (`１２．５`, `－３`) become ASCII, `℃`
 *   becomes `°C`, `％` becomes `%`. The minus sign U+2212 (`−`) is a minus too.
 * - Surrounding spaces are ignored, and so is the item's own unit written after the number
 *   (`45%`, `２３℃` for `°C`, `12 ms`), compared case-insensitively.
 * - Plain decimal notation only: an optional sign, digits, an optional point with digits (`.5` and
 *   `5.` are accepted). No exponent, no hex, no `Infinity`.
 * - A comma is refused (`comma_in_number`), never guessed: `1,234` is one thousand two hundred and
 *   thirty-four to a Chinese reader and one point two three four to a German keyboard. The form
 *   asks for a point; a wrong reading silently stored is worse than one question.
 * - `-0` is 0.
 */
export type ParsedNumber =
  { ok: true; value: number } | { ok: false; code: 'not_a_number' | 'comma_in_number' };

const DECIMAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A reading number from a JSON number or phone text; see the rules above. */
export function parseReadingNumber(raw: string | number, unit = ''): ParsedNumber {
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? { ok: true, value: raw + 0 } : { ok: false, code: 'not_a_number' };
  let s = raw
    .normalize('NFKC')
    .replace(/\u2212/g, '-')
    .trim();
  const u = unit.normalize('NFKC').trim().toLowerCase();
  if (u !== '' && s.toLowerCase().endsWith(u)) s = s.slice(0, s.length - u.length).trim();
  if (s.includes(',')) return { ok: false, code: 'comma_in_number' };
  if (!DECIMAL_RE.test(s)) return { ok: false, code: 'not_a_number' };
  const value = Number(s);
  return Number.isFinite(value) ? { ok: true, value: value + 0 } : { ok: false, code: 'not_a_number' };
}
