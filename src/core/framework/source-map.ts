/**
 * Where each part of a merged pack came from, so that a problem found in the merged object is
 * reported at the file and line a person has to edit.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

export interface PackFile {
  /** The name shown in problems (a path relative to where the pack was read from). */
  readonly name: string;
  readonly text: string;
}

export interface PackProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

interface ParsedFile {
  readonly name: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/** For a top-level key: the file holding it, or for a concatenated array, the file of each item. */
type Origin =
  | { readonly kind: 'object'; readonly file: ParsedFile }
  | { readonly kind: 'array'; readonly items: readonly { file: ParsedFile; index: number }[] };

export type PathSegment = string | number;

export class SourceMap {
  readonly #origins = new Map<string, Origin>();
  readonly #firstFile: ParsedFile | undefined;

  constructor(origins: Map<string, Origin>, firstFile: ParsedFile | undefined) {
    this.#origins = origins;
    this.#firstFile = firstFile;
  }

  /** The file and line of the value at `path` in the merged pack, or of its nearest existing parent. */
  locate(path: readonly PathSegment[], missingKey?: string): { file: string; line: number } {
    const [top, ...rest] = path;
    const origin = top === undefined ? undefined : this.#origins.get(String(top));
    if (!origin) return { file: this.#firstFile?.name ?? 'pack', line: 1 };
    if (origin.kind === 'object') return lineOf(origin.file, [String(top), ...rest], missingKey);
    const [index, ...inner] = rest;
    const item = typeof index === 'number' ? origin.items[index] : undefined;
    const first = origin.items[0];
    if (!item) return first ? lineOf(first.file, [String(top)], missingKey) : { file: 'pack', line: 1 };
    return lineOf(item.file, [String(top), item.index, ...inner], missingKey);
  }
}

function lineOf(file: ParsedFile, path: PathSegment[], missingKey?: string): { file: string; line: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? file.doc.contents : file.doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: readonly number[] } | null | undefined)?.range;
    if (range?.[0] !== undefined) {
      const offset = keyOffset(node, depth === path.length ? missingKey : undefined) ?? range[0];
      return { file: file.name, line: file.lines.linePos(offset).line };
    }
  }
  return { file: file.name, line: 1 };
}

/** The offset of a named key inside a map node, so "unknown property" points at that key. */
function keyOffset(node: unknown, key: string | undefined): number | undefined {
  if (key === undefined || !isMap(node)) return undefined;
  const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}

export interface MergedPack {
  readonly value: Record<string, unknown>;
  readonly sourceMap: SourceMap;
  readonly problems: PackProblem[];
}

/**
 * Parse every file and merge them by top-level key: arrays are concatenated in file order, any
 * other key may be defined in one file only.
 */
export function mergePackFiles(files: readonly PackFile[]): MergedPack {
  const problems: PackProblem[] = [];
  const parsed: ParsedFile[] = [];
  for (const f of files) {
    const lines = new LineCounter();
    const doc = parseDocument(f.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    for (const e of doc.errors) {
      problems.push({ file: f.name, line: lines.linePos(e.pos[0]).line, message: `YAML: ${firstLine(e.message)}` });
    }
    if (doc.errors.length === 0) parsed.push({ name: f.name, doc, lines });
  }

  const value: Record<string, unknown> = {};
  const origins = new Map<string, Origin>();
  for (const file of parsed) {
    const contents = file.doc.contents;
    if (contents === null) continue;
    if (!isMap(contents)) {
      problems.push({ file: file.name, line: 1, message: 'a pack file must be a mapping of top-level keys' });
      continue;
    }
    const plain = file.doc.toJS() as Record<string, unknown>;
    for (const [key, v] of Object.entries(plain)) {
      const seen = origins.get(key);
      const line = file.lines.linePos(keyOffset(contents, key) ?? 0).line;
      if (Array.isArray(v) && (!seen || seen.kind === 'array')) {
        const items = seen?.items ?? [];
        origins.set(key, { kind: 'array', items: [...items, ...v.map((_, index) => ({ file, index }))] });
        value[key] = [...((value[key] as unknown[] | undefined) ?? []), ...(v as unknown[])];
      } else if (seen) {
        problems.push({ file: file.name, line, message: `top-level key "${key}" is already defined in another file` });
      } else {
        origins.set(key, { kind: 'object', file });
        value[key] = v;
      }
    }
  }
  return { value, sourceMap: new SourceMap(origins, parsed[0]), problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
