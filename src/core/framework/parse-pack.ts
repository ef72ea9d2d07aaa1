/**
 * Turning pack files into a checked `Pack`, or into the full list of problems with file and line.
 * A pack with any problem is refused whole: nothing is half-loaded.
 */
import type { ErrorObject } from 'ajv';
import { loadValidator, type ValidatorSpec } from '../validators.js';
import { PackSchema, type Pack } from './schema.js';
import { mergePackFiles, type PackFile, type PackProblem, type PathSegment, type SourceMap } from './source-map.js';
import { checkPackConsistency, type PathProblem } from './consistency.js';

export type { PackFile, PackProblem };

export type PackResult = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

export const PACK_VALIDATOR: ValidatorSpec = { name: 'pack', schema: PackSchema, options: { allErrors: true, discriminator: true, strict: false, verbose: true } };
const validatePack = loadValidator<Pack>(PACK_VALIDATOR);

export function parsePack(files: readonly PackFile[]): PackResult {
  if (files.length === 0) return { ok: false, problems: [{ file: 'pack', line: 1, message: 'no YAML files found' }] };
  const merged = mergePackFiles(files);
  if (merged.problems.length > 0) return { ok: false, problems: merged.problems };

  if (!validatePack(merged.value)) {
    const problems = schemaProblems(validatePack.errors ?? []).map((p) => placed(merged.sourceMap, p));
    return { ok: false, problems: sortProblems(problems) };
  }
  const pack = merged.value;
  const inconsistencies = checkPackConsistency(pack).map((p) => placed(merged.sourceMap, p));
  if (inconsistencies.length > 0) return { ok: false, problems: sortProblems(inconsistencies) };
  return { ok: true, pack };
}

function placed(map: SourceMap, p: PathProblem): PackProblem {
  const at = map.locate(p.path, p.key);
  return { file: at.file, line: at.line, message: `${describePath(p.path, p.key)}: ${p.message}` };
}

function describePath(path: readonly PathSegment[], key?: string): string {
  const full = key === undefined ? path : [...path, key];
  if (full.length === 0) return '(pack)';
  return full.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function sortProblems(problems: PackProblem[]): PackProblem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/**
 * Ajv reports every failed branch of a union. Keep, per failing union, only the branch that came
 * closest (fewest errors), which is the one a person most likely meant.
 */
function schemaProblems(errors: readonly ErrorObject[]): PathProblem[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const dropped = new Set<ErrorObject>();
  for (const union of unions) {
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      const prefix = `${union.schemaPath}/`;
      if (e === union || !e.schemaPath.startsWith(prefix)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const best = [...branches.values()].sort((a, b) => a.length - b.length)[0];
    for (const list of branches.values()) if (list !== best) list.forEach((e) => dropped.add(e));
    if (best && best.length > 0) dropped.add(union);
  }
  const seen = new Set<string>();
  const problems: PathProblem[] = [];
  for (const e of errors) {
    if (dropped.has(e)) continue;
    const p = toProblem(e);
    const id = `${p.path.join('/')}|${p.key ?? ''}|${p.message}`;
    if (!seen.has(id)) problems.push(p);
    seen.add(id);
  }
  return problems;
}

function toProblem(e: ErrorObject): PathProblem {
  const path = pointerToPath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { path, message: `required property "${String(params.missingProperty)}" is missing` };
    case 'additionalProperties':
      return { path, key: String(params.additionalProperty), message: 'is not a known property here' };
    case 'enum':
      return { path, message: `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}` };
    case 'const':
      return { path, message: `must be "${String(params.allowedValue)}"` };
    case 'pattern':
      return { path, message: `"${String(e.data)}" is not in the expected form (${e.parentSchema?.description ?? String(params.pattern)})` };
    case 'discriminator':
      return { path, message: `unknown or missing "${String(params.tag)}"; allowed: ${allowedTags(e)}` };
    case 'anyOf':
    case 'oneOf':
      return { path, message: `matches none of the allowed forms${e.parentSchema?.description ? ` (${e.parentSchema.description})` : ''}` };
    default:
      return { path, message: e.message ?? e.keyword };
  }
}

function allowedTags(e: ErrorObject): string {
  const variants = (e.parentSchema?.oneOf ?? []) as { properties?: Record<string, { const?: unknown }> }[];
  const tag = (e.params as { tag: string }).tag;
  return variants.map((v) => String(v.properties?.[tag]?.const)).join(', ');
}

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
