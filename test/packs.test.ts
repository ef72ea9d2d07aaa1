/**
 * What every shipped pack gives besides its rules: the words a Russian reader sees.
 */
import { describe, expect, it } from 'vitest';
import { shippedPackIds } from '../src/app/index.js';
import { shipped } from './support/shipped.js';

describe.each(shippedPackIds())('the %s pack', (id) => {
  it('titles every rule in Russian too, and names every body in Russian', () => {
    const pack = shipped(id);
    expect(pack.rules.filter((r) => r.titleRu === undefined).map((r) => `${r.id} (${r.title})`)).toEqual([]);
    expect(pack.bodies.filter((b) => b.name.ru === undefined).map((b) => b.id)).toEqual([]);
  });
});

describe('the reference configuration', () => {
  it('gives every act and every record of participation in its history in Russian too', () => {
    const pack = shipped('csto');
    const history = [...pack.members, ...(pack.observers ?? []), ...(pack.partners ?? [])].flatMap((party) => party.history.map((h) => ({ party: 'state' in party ? party.state : party.id, ...h })));
    expect(history.filter((h) => h.actRu === undefined).map((h) => `${h.party} ${h.from}`)).toEqual([]);
    expect(pack.members.flatMap((m) => m.participation ?? []).filter((p) => p.basisRu === undefined)).toEqual([]);
  });
});
