/**
 * The modules' pure manifests, read from the server's own folders: the actions and the roles
 * granted each, and the pages of the navigation. The desk builds its permission table from the
 * very declarations the server enforces, so the two cannot drift apart.
 */
import { accessFrom, type Access } from '../../../src/core/access/index.js';
import type { ModuleDescriptor } from '../../../src/modules/descriptor.js';

export type { ModuleDescriptor, NavigationEntry } from '../../../src/modules/descriptor.js';

function isDescriptor(value: unknown): value is ModuleDescriptor {
  return typeof value === 'object' && value !== null && 'id' in value && 'actions' in value && 'streams' in value;
}

const found = import.meta.glob<Record<string, unknown>>('../../../src/modules/*/manifest.ts', { eager: true });

/** Every module's manifest, in the order of their folders. */
export const manifests: readonly ModuleDescriptor[] = Object.values(found).flatMap((exports) => Object.values(exports).filter(isDescriptor));

export const access: Access = accessFrom(manifests.map((m) => m.actions));
