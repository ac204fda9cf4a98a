import iconv from 'iconv-lite';

/**
 * CSV as Excel in China writes and reads it (RFC 4180): fields separated by commas, quoted with
 * double quotes when they hold a comma, a quote or a line break, quotes doubled inside; lines end
 * with CRLF (LF and CR accepted). Chinese Excel saves "CSV" as GBK/GB18030 unless told "CSV UTF-8"
 * (which starts with a BOM), so reading decodes: BOM → UTF-8; valid UTF-8 → UTF-8; else GB18030.
 */

/** The text of a CSV file, whatever of the usual encodings it is in. */
export function decodeCsv(buf: Buffer): string {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return buf.subarray(3).toString('utf8');
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return iconv.decode(buf, 'gb18030');
  }
}

/** Parses CSV text into rows of fields. A quote that does not open a field is kept as text. */
export function parseCsv(text: string): string[][] {
  return [...csvRows(text)];
}

/** The rows of CSV text, each parsed as it is read (so a large file can be read in slices). */
export function* csvRows(text: string): Generator<string[]> {
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    const done = row;
    row = [];
    return done;
  };
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      yield endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length || quoted) yield endRow();
}

/** One CSV line (with CRLF). Fields starting with = + - @ are prefixed with ' so Excel never runs them as formulas. */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return (
    fields
      .map((f) => {
        let s = f === null || f === undefined ? '' : String(f);
        if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(',') + '\r\n'
  );
}

/** The byte-order mark that makes Excel read a UTF-8 CSV as UTF-8. */
export const UTF8_BOM = '\ufeff';

export function encodeCsv(text: string, encoding: 'utf-8' | 'gb18030'): Buffer {
  return encoding === 'utf-8' ? Buffer.from(UTF8_BOM + text, 'utf8') : iconv.encode(text, 'gb18030');
}
