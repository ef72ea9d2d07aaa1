/**
 * Two languages, switchable at any moment: the choice is remembered on this device and the
 * document's `lang` follows it, so that screen readers read Russian as Russian.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import type { ModuleStrings } from './module-strings';
import { ru } from './ru';

export type Language = 'en' | 'ru';

const STORAGE_KEY = 'concord.language';

function storedLanguage(): Language | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' || value === 'ru' ? value : undefined;
  } catch {
    return undefined;
  }
}

function browserLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function currentLanguage(): Language {
  return i18next.language === 'ru' ? 'ru' : 'en';
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the switch still works for this visit.
  }
  void i18next.changeLanguage(language);
}

/** The shared strings, and each module's own under its namespace. */
export function initI18n(modules: readonly { readonly namespace: string; readonly strings: ModuleStrings }[]): void {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: storedLanguage() ?? browserLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  for (const { namespace, strings } of modules) {
    i18next.addResourceBundle('en', namespace, strings.en);
    i18next.addResourceBundle('ru', namespace, strings.ru);
  }
  document.documentElement.lang = currentLanguage();
}
