/**
 * Reading framework packs from disk: by id from the packs shipped with Concord, or from a folder
 * or file a user names.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePack, type PackFile, type PackResult } from '../core/framework/index.js';

/** The folder of packs shipped with Concord (this module sits two levels below the package root). */
export const SHIPPED_PACKS = fileURLToPath(new URL('../../frameworks/', import.meta.url));

export function shippedPackIds(): string[] {
  return readdirSync(SHIPPED_PACKS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** A shipped pack id, or a path to a pack folder or a single YAML file. */
export function loadPack(idOrPath: string): PackResult {
  const location = locate(idOrPath);
  if (!location) {
    return {
      ok: false,
      problems: [{ file: idOrPath, line: 0, message: `no such framework pack; shipped packs: ${shippedPackIds().join(', ')}; or give a path to a pack folder` }],
    };
  }
  return parsePack(readPackFiles(location));
}

function locate(idOrPath: string): string | undefined {
  if (/^[a-z0-9-]+$/.test(idOrPath) && shippedPackIds().includes(idOrPath)) return join(SHIPPED_PACKS, idOrPath);
  try {
    statSync(idOrPath);
    return resolve(idOrPath);
  } catch {
    return undefined;
  }
}

function readPackFiles(location: string): PackFile[] {
  const paths = statSync(location).isDirectory() ? yamlFilesUnder(location) : [location];
  return paths.map((p) => ({ name: displayName(p), text: readFileSync(p, 'utf8') }));
}

/** pack.yaml first, then the other files in a stable order, so merged arrays keep one order. */
function yamlFilesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) found.push(full);
    }
  };
  walk(dir);
  const main = found.filter((f) => /[\\/]pack\.ya?ml$/.test(f) && resolve(f, '..') === resolve(dir));
  return [...main, ...found.filter((f) => !main.includes(f))];
}

function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  if (!rel.startsWith('..')) return rel;
  const shipped = relative(resolve(SHIPPED_PACKS, '..'), path);
  return shipped.startsWith('..') ? path : shipped;
}
