/**
 * The pure half of a module's manifest: its streams and who reads them, its actions and the roles
 * granted each, and its pages in the desk's navigation. Nothing here runs I/O, so the web reads
 * the same declarations the server enforces.
 */
import type { ActionTable, StreamReads } from '../core/access/index.js';

export interface Localized {
  readonly en: string;
  readonly ru: string;
}

/** A page of the desk's navigation, shown to those granted its action. */
export interface NavigationEntry {
  readonly path: string;
  readonly label: Localized;
  readonly action: string;
  /** Where it stands in the menu, smaller first. */
  readonly order: number;
}

export interface ModuleDescriptor {
  readonly id: string;
  readonly title: Localized;
  readonly streams: readonly StreamReads[];
  readonly actions: ActionTable;
  readonly navigation?: readonly NavigationEntry[];
}
