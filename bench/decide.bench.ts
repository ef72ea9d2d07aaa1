/**
 * Decisions per second: the engine alone (pack already loaded), on a 15-member body (the UN
 * Security Council with its veto), the 27-member EU Council (double majority) and a 193-member body
 * (every UN member state), under consensus and under a two-thirds majority.
 */
import { Bench } from 'tinybench';
import { loadPack } from '../src/app/packs.js';
import { compositionOn, type Pack } from '../src/core/framework/index.js';
import { decide, type CastPosition, type DecideInput } from '../src/core/procedure/index.js';
import { ISO_ALPHA3 } from '../src/core/procedure/iso-3166.js';
import type { BenchRow } from './report.js';

const WORDS: CastPosition['position'][] = ['yes', 'yes', 'yes', 'yes', 'no', 'abstain', 'absent'];

/** A deterministic stream of position sets, so every run measures the same work. */
function positionSets(states: readonly string[], count: number): Record<string, CastPosition>[] {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, () => Object.fromEntries(states.map((s) => [s, { position: WORDS[next() % WORDS.length] ?? 'yes' }])));
}

function shipped(id: string): Pack {
  const r = loadPack(id);
  if (!r.ok) throw new Error(`pack ${id} does not load`);
  return r.pack;
}

/** A body of every UN member state, deciding by the pack's rule of the given kind. */
function worldPack(rule: 'consensus' | 'two-thirds'): { pack: Pack; members: string[] } {
  const members = [...ISO_ALPHA3].slice(0, 193);
  const pack: Pack = {
    ...shipped('un-security-council'),
    rules: [
      rule === 'consensus'
        ? { id: 'world', title: 'Consensus', validFrom: '1945-10-24', cites: ['un-charter:27'], primitive: 'consensus', silentAbsence: { policy: 'contested', cites: ['un-charter:27'] } }
        : { id: 'world', title: 'Two thirds of those present and voting', validFrom: '1945-10-24', cites: ['un-charter:27'], primitive: 'majority', base: 'voting', threshold: { share: '2/3', strict: false } },
    ],
  };
  const body = pack.bodies[0];
  if (!body) throw new Error('no body');
  pack.bodies = [{ ...body, composition: { kind: 'all-members' }, questions: { substantive: { rule: 'world', procedures: { vote: { cites: ['un-charter:27'] } } } } }];
  pack.members = members.map((state) => ({ state, name: { en: state }, history: [{ status: 'member', from: '1945-10-24', act: 'bench' }] }));
  return { pack, members };
}

export async function benchDecide(): Promise<BenchRow[]> {
  const unsc = shipped('un-security-council');
  const unscBody = unsc.bodies[0];
  if (!unscBody) throw new Error('no Security Council');
  const unscMembers = compositionOn(unsc, unscBody, '2025-03-01').members;
  const eu = shipped('eu-council');
  const euMembers = eu.members.filter((m) => m.history.at(-1)?.status === 'member').map((m) => m.state);
  const population = Object.fromEntries(euMembers.map((s, i) => [s, 1_000_000 * (i + 1)]));
  const cases: { name: string; members: number; pack: Pack; input: Omit<DecideInput, 'positions'>; sets: Record<string, CastPosition>[] }[] = [
    { name: 'UN Security Council, substantive (veto)', members: 15, pack: unsc, input: { body: 'security-council', question: 'substantive', procedure: 'vote', date: '2025-03-01' }, sets: positionSets(unscMembers, 256) },
    { name: 'EU Council, qualified majority', members: 27, pack: eu, input: { body: 'council', question: 'qmv', procedure: 'vote', date: '2025-03-01', data: { population } }, sets: positionSets(euMembers, 256) },
  ];
  for (const rule of ['consensus', 'two-thirds'] as const) {
    const world = worldPack(rule);
    cases.push({ name: `193 members, ${rule}`, members: 193, pack: world.pack, input: { body: 'security-council', question: 'substantive', procedure: 'vote', date: '2025-03-01' }, sets: positionSets(world.members, 256) });
  }

  const bench = new Bench({ time: 1000, warmupTime: 200 });
  for (const c of cases) {
    let i = 0;
    bench.add(c.name, () => {
      const positions = c.sets[i++ % c.sets.length] ?? {};
      const r = decide(c.pack, { ...c.input, positions });
      if (!r.ok) throw new Error(`${c.name}: ${r.refusal.message}`);
    });
  }
  await bench.run();
  for (const t of bench.tasks) {
    const error = (t.result as { error?: unknown } | undefined)?.error;
    if (error) throw error instanceof Error ? error : new Error(`${t.name}: ${JSON.stringify(error)}`);
  }
  return bench.tasks.map((t, idx) => {
    const result = t.result as { throughput?: { p50: number }; latency?: { p50: number } } | undefined;
    return {
      group: 'decide',
      name: t.name,
      detail: `${cases[idx]?.members ?? 0} members`,
      median: result?.throughput?.p50 ?? 0,
      unit: 'decisions/s',
    };
  });
}
