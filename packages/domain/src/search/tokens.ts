/**
 * Chinese and English full-text search without a Chinese dictionary (stack-notes "Chinese search").
 *
 * A text becomes a string of search tokens, separated by spaces, that PostgreSQL indexes with
 * `to_tsvector('simple', tokens)` (GIN); a query becomes a `tsquery` text of phrase operators.
 *
 * - A CJK run (Han, kana, hangul) becomes its overlapping bigrams followed by its last character
 *   alone: `服务器` → `服务 务器 器`, `机` → `机`. Every character of a run then starts a token
 *   (a bigram, or the trailing single character), so a one-character query `c` is the prefix query
 *   `c:*`, and a longer one the phrase of its bigrams `服务 <-> 务器`, which only matches inside one
 *   run: the trailing single character sits between runs and breaks the chain.
 * - A run of other letters and decimal digits becomes one lowercase word (NFKC first, so full-width
 *   `ＡＢＣ１` is `abc1`). A query's last word matches as a prefix (`serv` finds `server`).
 * - Anything else (spaces, punctuation, symbols) separates runs.
 * - Fields (title, description, each reply) are tokenised apart and joined by `FIELD_SEPARATOR`, a
 *   token no query can produce, so a phrase never matches across two fields.
 *
 * So for a query of CJK characters the matches are exactly the texts that contain it as a substring;
 * for words, the texts with a word starting with it. `PHRASE_LIMIT`: PostgreSQL keeps positions up to
 * 16 383 per document; tokens beyond that share the last position (phrases there can miss).
 */

/** Joins the tokens of two fields. U+01C1 is a letter to PostgreSQL's parser, and never in a query. */
export const FIELD_SEPARATOR = 'ǁ';

/** Longest word kept (PostgreSQL refuses lexemes over 2 047 bytes). */
const MAX_WORD = 100;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{Nd}]/u;

export type Run = { kind: 'cjk' | 'word'; text: string };

/** The runs of a text after NFKC and lower-casing, in order. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const kind = ch === FIELD_SEPARATOR ? null : CJK.test(ch) ? 'cjk' : WORD.test(ch) ? 'word' : null;
    if (kind === null) {
      current = null;
      continue;
    }
    if (current && current.kind === kind) current.text += ch;
    else runs.push((current = { kind, text: ch }));
  }
  return runs.map((r) => (r.kind === 'word' ? { ...r, text: [...r.text].slice(0, MAX_WORD).join('') } : r));
}

function cjkTokens(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  out.push(chars[chars.length - 1]!);
  return out;
}

/** The search tokens of one field, space-separated. */
export function searchTokens(text: string): string {
  return runsOf(text)
    .flatMap((r) => (r.kind === 'cjk' ? cjkTokens(r.text) : [r.text]))
    .join(' ');
}

/** The tokens of several fields, joined so that no phrase spans two of them. */
export function searchDocument(fields: readonly (string | null | undefined)[]): string {
  return fields
    .map((f) => searchTokens(f ?? ''))
    .filter((t) => t.length > 0)
    .join(` ${FIELD_SEPARATOR} `);
}

const quote = (token: string) => `'${token.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;

/**
 * The phrase of one query term (a string without spaces): its runs' tokens joined by `<->`.
 * A CJK run followed by another run in the term must end where the text's run ends, so it keeps its
 * trailing character; the term's last run matches as a prefix (the start of a longer run or word).
 */
function termQuery(runs: Run[]): string {
  const parts: string[] = [];
  runs.forEach((r, i) => {
    const last = i === runs.length - 1;
    if (r.kind === 'word') {
      parts.push(last ? `${quote(r.text)}:*` : quote(r.text));
      return;
    }
    const chars = [...r.text];
    if (chars.length === 1) {
      parts.push(last ? `${quote(r.text)}:*` : quote(r.text));
      return;
    }
    const tokens = cjkTokens(r.text);
    // Last run: the bigrams only (the text's run may go on); inner run: bigrams and the end character.
    const used = last ? tokens.slice(0, -1) : tokens;
    parts.push(...used.map(quote));
  });
  return parts.join(' <-> ');
}

/**
 * A `tsquery` text (for `to_tsquery('simple', $1)`) matching texts that contain every
 * whitespace-separated term of `q`; null when `q` has nothing searchable (only punctuation).
 */
export function searchQuery(q: string): string | null {
  const terms = q
    .split(/\s+/u)
    .map((t) => runsOf(t))
    .filter((runs) => runs.length > 0)
    .map(termQuery);
  if (terms.length === 0) return null;
  return terms.map((t) => (terms.length > 1 ? `(${t})` : t)).join(' & ');
}
