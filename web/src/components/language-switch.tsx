import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';

/** Always labelled in both languages, so a reader lost in the other one still finds it. */
export function LanguageSwitch(): ReactNode {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={i18n.language === 'ru' ? 'ru' : 'en'}
        onChange={(event) => {
          setLanguage(event.target.value as Language);
        }}
      >
        <option value="en" lang="en">
          English
        </option>
        <option value="ru" lang="ru">
          Русский
        </option>
      </select>
    </div>
  );
}
