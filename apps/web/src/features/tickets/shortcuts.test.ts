import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor } from './shortcuts';

function el(html: string, selector: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.appendChild(host);
  return host.querySelector(selector)!;
}

describe('ticket page shortcuts', () => {
  const body = () => document.body;

  it('maps r, n, a and ? on the page', () => {
    expect(shortcutFor({ key: 'r', target: body() })).toBe('reply');
    expect(shortcutFor({ key: 'R', target: body() })).toBe('reply');
    expect(shortcutFor({ key: 'n', target: body() })).toBe('note');
    expect(shortcutFor({ key: 'a', target: body() })).toBe('assign');
    expect(shortcutFor({ key: '?', target: body() })).toBe('help');
    expect(shortcutFor({ key: 'x', target: body() })).toBeNull();
    expect(shortcutFor({ key: 'Enter', target: body() })).toBeNull();
  });

  it('ignores keys with Ctrl, ⌘ or Alt, during IME composition, and already handled ones', () => {
    expect(shortcutFor({ key: 'r', ctrlKey: true, target: body() })).toBeNull();
    expect(shortcutFor({ key: 'r', metaKey: true, target: body() })).toBeNull();
    expect(shortcutFor({ key: 'a', altKey: true, target: body() })).toBeNull();
    expect(shortcutFor({ key: 'n', isComposing: true, target: body() })).toBeNull();
    expect(shortcutFor({ key: 'n', defaultPrevented: true, target: body() })).toBeNull();
  });

  it('is not active while typing in inputs, text areas, selects, editors or an open dialog', () => {
    expect(shortcutFor({ key: 'r', target: el('<input id="i">', '#i') })).toBeNull();
    expect(shortcutFor({ key: 'r', target: el('<textarea id="t"></textarea>', '#t') })).toBeNull();
    expect(
      shortcutFor({ key: 'a', target: el('<select id="s"><option>x</option></select>', '#s') }),
    ).toBeNull();
    expect(
      shortcutFor({ key: 'n', target: el('<div contenteditable="true"><b id="b">x</b></div>', '#b') }),
    ).toBeNull();
    expect(
      shortcutFor({ key: 'a', target: el('<div role="combobox"><span id="c"></span></div>', '#c') }),
    ).toBeNull();
    expect(
      shortcutFor({ key: 'a', target: el('<div role="dialog"><button id="d">OK</button></div>', '#d') }),
    ).toBeNull();
  });

  it('works from a button or link on the page', () => {
    expect(isTypingTarget(el('<button id="b">x</button>', '#b'))).toBe(false);
    expect(shortcutFor({ key: 'a', target: el('<a id="l" href="#">x</a>', '#l') })).toBe('assign');
  });
});
