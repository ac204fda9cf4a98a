import MarkdownIt from 'markdown-it';

/**
 * Markdown → safe HTML for descriptions and replies. markdown-it with `html: false` escapes every
 * tag the author writes, so the only HTML is what markdown-it itself emits; links and images are
 * limited to http(s), mailto and relative URLs (no `javascript:`, `data:`, `vbscript:`, `file:`,
 * and no protocol-relative `//host`), links open with `rel="noopener noreferrer nofollow"` and
 * images are dropped (an image URL would leak the reader's address to any host). The source is
 * stored; the HTML is rendered when presented.
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/)|#|\.{0,2}\/(?!\/)|[\w\-.~%]+(?:[/?#]|$))/i;

md.validateLink = (url: string): boolean => {
  // Strip what browsers ignore before deciding (control characters, whitespace, entity tricks are already decoded by markdown-it).
  // eslint-disable-next-line no-control-regex
  const u = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(u) && !/^(https?|mailto):/i.test(u)) return false;
  return SAFE_URL.test(u);
};

md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml(tokens[idx]?.content ?? '');

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet('rel', 'noopener noreferrer nofollow');
  token.attrSet('target', '_blank');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}
