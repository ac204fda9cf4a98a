import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { DEFAULT_LANG, LANGS, pickLang } from '@opsdesk/contracts';
import type { Lang } from '@opsdesk/contracts';
import { setApiLanguage } from '../api/client';
import { NAMESPACES, resources } from './resources';

const STORAGE_KEY = 'opsdesk.lang';

function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** The saved choice, else the browser's languages, else zh-CN. */
export function initialLanguage(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // storage may be blocked (private mode); fall through to the browser's languages
  }
  const browser =
    typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]).join(',') : '';
  return browser ? pickLang(browser) : DEFAULT_LANG;
}

function apply(lang: Lang): void {
  setApiLanguage(lang);
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

const lang = initialLanguage();
apply(lang);

void i18next.use(initReactI18next).init({
  resources,
  lng: lang,
  fallbackLng: DEFAULT_LANG,
  supportedLngs: [...LANGS],
  ns: NAMESPACES,
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  showSupportNotice: false,
});

/** Switches the UI, the API's Accept-Language and dayjs, and remembers the choice. */
export async function changeLanguage(next: Lang): Promise<void> {
  apply(next);
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not persisted; the choice still holds for this tab
  }
  await i18next.changeLanguage(next);
}

export function currentLanguage(): Lang {
  return isLang(i18next.language) ? i18next.language : DEFAULT_LANG;
}

export { i18next };
