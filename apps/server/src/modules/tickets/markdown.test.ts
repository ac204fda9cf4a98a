import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

// Pure unit test of the sanitising renderer (runs in the server project, needs no database).
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java\nscript:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](%6Aavascript:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](javascript:alert(1))',
  '![x](https://evil.example/track.png)',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '[x](//evil.example)',
  '<div style="background:url(javascript:alert(1))">',
  '`<script>`',
  '[x]( javascript:alert(1))',
  '[x](\u0001javascript:alert(1))',
  '<<script>script>alert(1)<</script>/script>',
];

describe('renderMarkdown', () => {
  it.each(PAYLOADS)('neutralises %j', (payload) => {
    const html = renderMarkdown(payload);
    expect(html).not.toMatch(/<(script|img|svg|iframe|div|style)\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    expect(html).not.toMatch(/href="\s*(javascript|vbscript|data|file):/i);
    expect(html).not.toMatch(/href="\/\//);
    expect(html).not.toMatch(/<[a-z]+[^>]*\ssrc=/i);
  });

  it('renders ordinary Markdown and safe links', () => {
    const html = renderMarkdown(
      '**交换机** 故障\n\n- 一\n- 二\n\n[手册](https://example.com/a?b=1) [本地](/tickets/1) <https://example.com>',
    );
    expect(html).toContain('<strong>交换机</strong>');
    expect(html).toContain('<li>一</li>');
    expect(html).toContain(
      '<a href="https://example.com/a?b=1" rel="noopener noreferrer nofollow" target="_blank">手册</a>',
    );
    expect(html).toContain('href="/tickets/1"');
  });

  it('keeps a refused link as text', () => {
    expect(renderMarkdown('[点我](javascript:alert(1))')).toContain('[点我](javascript:alert(1))');
  });
});
