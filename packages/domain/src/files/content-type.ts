/**
 * Which files opsdesk accepts as attachments, and whether a file is what it claims to be.
 * Types that a browser would run (HTML, SVG, scripts) are never accepted.
 */
export interface AllowedType {
  mime: string;
  extensions: readonly string[];
  /** Leading bytes that every such file starts with; omitted for text formats. */
  magic?: readonly (readonly number[])[];
  /** Safe to show inline in the browser (images, PDF). */
  inline: boolean;
}

const ZIP = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
] as const;
const OLE = [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]] as const;

export const ALLOWED_TYPES: readonly AllowedType[] = [
  { mime: 'image/png', extensions: ['png'], magic: [[0x89, 0x50, 0x4e, 0x47]], inline: true },
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], magic: [[0xff, 0xd8, 0xff]], inline: true },
  { mime: 'image/gif', extensions: ['gif'], magic: [[0x47, 0x49, 0x46, 0x38]], inline: true },
  { mime: 'image/webp', extensions: ['webp'], magic: [[0x52, 0x49, 0x46, 0x46]], inline: true },
  { mime: 'application/pdf', extensions: ['pdf'], magic: [[0x25, 0x50, 0x44, 0x46]], inline: true },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    magic: ZIP,
    inline: false,
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    magic: ZIP,
    inline: false,
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    magic: ZIP,
    inline: false,
  },
  { mime: 'application/msword', extensions: ['doc'], magic: OLE, inline: false },
  { mime: 'application/vnd.ms-excel', extensions: ['xls'], magic: OLE, inline: false },
  { mime: 'application/vnd.ms-powerpoint', extensions: ['ppt'], magic: OLE, inline: false },
  { mime: 'application/zip', extensions: ['zip'], magic: ZIP, inline: false },
  { mime: 'text/plain', extensions: ['txt', 'log'], inline: false },
  { mime: 'text/csv', extensions: ['csv'], inline: false },
  { mime: 'application/json', extensions: ['json'], inline: false },
];

export function extensionOf(fileName: string): string {
  const i = fileName.lastIndexOf('.');
  return i >= 0 ? fileName.slice(i + 1).toLowerCase() : '';
}

export type ContentTypeCheck =
  { ok: true; type: AllowedType } | { ok: false; reason: 'type_not_allowed' | 'content_mismatch' };

/**
 * Decides a file's type from its extension and checks its first bytes agree. The declared
 * browser MIME type is ignored (browsers guess it from the extension anyway). Text formats must
 * not contain NUL bytes in their head.
 */
export function checkContentType(fileName: string, head: Uint8Array): ContentTypeCheck {
  const ext = extensionOf(fileName);
  const type = ALLOWED_TYPES.find((t) => t.extensions.includes(ext));
  if (!type) return { ok: false, reason: 'type_not_allowed' };
  if (type.magic) {
    const matches = type.magic.some((m) => m.every((b, i) => head[i] === b));
    return matches ? { ok: true, type } : { ok: false, reason: 'content_mismatch' };
  }
  return head.includes(0) ? { ok: false, reason: 'content_mismatch' } : { ok: true, type };
}
