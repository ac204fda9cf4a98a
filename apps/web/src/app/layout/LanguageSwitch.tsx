import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGS } from '@opsdesk/contracts';
import type { Lang } from '@opsdesk/contracts';
import { changeLanguage, currentLanguage } from '../i18n';

/** 中文 / English, remembered in localStorage and sent as Accept-Language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('layout');
  // Each language is named in itself, so anyone can find theirs.
  const names: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('header.language')}
      value={i18n.language === 'en' ? 'en' : currentLanguage()}
      options={LANGS.map((l) => ({ value: l, label: names[l] }))}
      onChange={(l) => void changeLanguage(l)}
    />
  );
}
