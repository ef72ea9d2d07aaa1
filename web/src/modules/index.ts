/**
 * The registry of the desk's modules, kept by no hand: every `modules/<id>/index.tsx` beside this
 * file is a module's pages, and every `src/modules/<id>/manifest.ts` of the server is its
 * declaration (see ./manifests.ts). Adding a module adds its folders; nothing here or in the frame
 * of the desk names it.
 *
 * A module's `index.tsx` exports
 * - `routes`: its pages, with paths relative to the desk's root (`decisions`, `decisions/:id`);
 * - `i18n` (optional): its own strings `{ en, ru }`, loaded under the namespace named after its
 *   folder and read with `useModuleTranslation(<id>)`;
 * - `shownTo` (optional): for a page of its navigation, who of those granted the page's action
 *   finds it useful enough to see it in the menu.
 */
import type { RouteObject } from 'react-router';
import type { Language } from '../i18n';
import type { ModuleStrings } from '../i18n/module-strings';
import type { Principal } from '../sign-in/principal';
import { access, manifests } from './manifests';

export { access, manifests } from './manifests';

export interface WebModule {
  readonly routes?: readonly RouteObject[];
  readonly i18n?: ModuleStrings;
  readonly shownTo?: Readonly<Record<string, (principal: Principal) => boolean>>;
}

const found = import.meta.glob<WebModule>('./*/index.tsx', { eager: true });

/** Each web module under the name of its folder. */
const webModules: readonly (readonly [string, WebModule])[] = Object.entries(found).map(([path, module]) => [path.split('/')[1] ?? path, module]);

/** Every module's pages, to mount under the desk's frame. */
export const moduleRoutes: readonly RouteObject[] = webModules.flatMap(([, module]) => module.routes ?? []);

/** Every module's own strings, each under its module's namespace. */
export const moduleStrings: readonly { readonly namespace: string; readonly strings: ModuleStrings }[] = webModules.flatMap(([namespace, module]) =>
  module.i18n ? [{ namespace, strings: module.i18n }] : [],
);

export interface NavigationLink {
  readonly path: string;
  readonly label: string;
}

const entries = manifests.flatMap((m) => m.navigation ?? []).sort((a, b) => a.order - b.order);
const shownTo = new Map(webModules.flatMap(([, module]) => Object.entries(module.shownTo ?? {})));

/** The pages of the menu this person may use, in the manifests' order, named in `language`. */
export function navigationFor(principal: Principal, language: Language): readonly NavigationLink[] {
  return entries
    .filter((entry) => access.permits(principal, entry.action).ok && (shownTo.get(entry.path)?.(principal) ?? true))
    .map((entry) => ({ path: entry.path, label: entry.label[language] }));
}
