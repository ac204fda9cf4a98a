import { describe, expect, it } from 'vitest';
import { checkContentType } from './content-type.js';

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0]);
const text = (s: string) => new TextEncoder().encode(s);

describe('checkContentType', () => {
  it.each([
    ['photo.PNG', bytes(0x89, 0x50, 0x4e, 0x47), 'image/png'],
    ['scan.jpg', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['合同.pdf', text('%PDF-1.7'), 'application/pdf'],
    [
      '服务方案.docx',
      bytes(0x50, 0x4b, 0x03, 0x04),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['old.xls', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'application/vnd.ms-excel'],
    ['readings.csv', text('name,value\n交换机,1'), 'text/csv'],
  ])('accepts %s', (name, head, mime) => {
    const r = checkContentType(name, head);
    expect(r.ok && r.type.mime).toBe(mime);
  });

  it.each([
    ['page.html', text('<html>'), 'type_not_allowed'],
    ['icon.svg', text('<svg>'), 'type_not_allowed'],
    ['run.exe', bytes(0x4d, 0x5a), 'type_not_allowed'],
    ['noextension', text('x'), 'type_not_allowed'],
    ['fake.png', text('<html><script>'), 'content_mismatch'],
    ['fake.pdf', bytes(0x50, 0x4b, 0x03, 0x04), 'content_mismatch'],
    ['binary.txt', bytes(0x01, 0x00, 0x02), 'content_mismatch'],
  ])('refuses %s', (name, head, reason) => {
    expect(checkContentType(name, head)).toEqual({ ok: false, reason });
  });
});
