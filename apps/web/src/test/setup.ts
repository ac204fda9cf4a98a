import { afterEach } from 'vitest';

// jsdom lacks what antd's responsive parts use.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    configurable: true,
    value: (query: string): MediaQueryList => {
      // Desktop width unless a test says otherwise: min-width queries up to 1200px match.
      const min = /min-width:\s*(\d+)px/.exec(query);
      const matches = min ? Number(min[1]) <= (window as { __testWidth?: number }).__testWidth! : false;
      return {
        matches,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      };
    },
  });
}
(window as { __testWidth?: number }).__testWidth = 1280;

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in globalThis))
  Object.defineProperty(globalThis, 'ResizeObserver', { value: ResizeObserverStub, configurable: true });

// jsdom implements getComputedStyle for elements only; antd's scroll-bar measuring asks for a
// pseudo-element, which jsdom reports as an error. The element's own style answers the same there.
const elementStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (elt: Element) => elementStyle(elt);

// React's act() warnings are for test environments that declare themselves.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// The UI is Chinese first: tests run in zh-CN (jsdom's navigator says en-US).
localStorage.setItem('opsdesk.lang', 'zh-CN');
await import('../app/i18n');

const { unmountAll } = await import('./render');
afterEach(() => {
  unmountAll();
  document.body.innerHTML = '';
});
