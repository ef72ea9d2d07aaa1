/**
 * The packs shipped with Concord, loaded as the CLI loads them.
 */
import { loadPack } from '../../src/app/packs.js';
import type { Pack } from '../../src/core/framework/index.js';
import { decide, type CastPosition, type DecideInput, type Ruling } from '../../src/core/procedure/index.js';

const cache = new Map<string, Pack>();

export function shipped(id: string): Pack {
  const cached = cache.get(id);
  if (cached) return cached;
  const result = loadPack(id);
  if (!result.ok) throw new Error(`pack ${id} is invalid: ${result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n')}`);
  cache.set(id, result.pack);
  return result.pack;
}

type Positions = Record<string, CastPosition['position'] | CastPosition>;

export function decideOn(id: string, question: Omit<DecideInput, 'positions' | 'procedure'> & { positions: Positions; procedure?: DecideInput['procedure'] }, now = '2026-11-28T00:00:00Z'): Ruling {
  const positions = Object.fromEntries(Object.entries(question.positions).map(([s, p]) => [s, typeof p === 'string' ? { position: p } : p]));
  const result = decide(shipped(id), { procedure: 'vote', ...question, positions }, { now });
  if (!result.ok) throw new Error(`refused: ${result.refusal.field}: ${result.refusal.message}`);
  return result.decision;
}

export function cited(d: Ruling): string[] {
  return [...new Set(d.trace.flatMap((t) => t.cites))];
}
