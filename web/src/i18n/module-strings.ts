/**
 * A module's own strings, kept in its folder and loaded under a namespace named after it, so that
 * adding a module touches no shared dictionary. The English object gives the keys; the Russian
 * one must have the same shape.
 */
import { useTranslation } from 'react-i18next';

export interface Strings {
  readonly [key: string]: string | Strings;
}

/** The same keys, any words: what the Russian strings are held to. */
export type SameShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

export interface ModuleStrings {
  readonly en: Strings;
  readonly ru: Strings;
}

/** `a.b.c` for every string in T. */
export type KeyOf<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${KeyOf<T[K]>}` }[keyof T & string];

export type ModuleT<T> = (key: KeyOf<T>, values?: Readonly<Record<string, string | number>>) => string;

type Translate = (key: string, options: Readonly<Record<string, unknown>>) => string;

/** The `t` of a module's namespace; it follows the language switch like the shared one. */
export function useModuleTranslation<T>(namespace: string): ModuleT<T> {
  // Subscribes the component to the language, as every page does.
  const { i18n } = useTranslation();
  const translate = i18n.t.bind(i18n) as unknown as Translate;
  return (key, values) => translate(key, { ...values, ns: namespace });
}
