import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../src/core/access/index.js';
import { visibility } from '../src/modules/composition.js';

const { mayReadEntry, redactFor } = visibility();

const reader = (role: Principal['role'], state: string | null = null): Principal => ({ username: `${role}-${state ?? 'x'}`, role, state, scopes: ['read'] });
const officer = reader('officer');
const observer = reader('observer');
const armenia = reader('delegate', 'ARM');
const kazakhstan = reader('delegate', 'KAZ');

const position = (state: string) => ({ streamId: 'decision-D-1', type: 'PositionRecorded', actor: 'user:officer', data: { state, position: 'yes', at: '2026-03-01T10:00:00Z', document: { kind: 'note', noteId: 'n-1' } } });
const attached = { streamId: 'session-S-1', type: 'NoObjectionAttached', actor: 'user:officer', data: { decisionId: 'D-1', state: 'ARM', noteId: 'n-2' } };

describe('what a reader is shown of an act resting on a document', () => {
  it('keeps the note for the secretariat and for the state that sent it, and withholds it from the others', () => {
    expect(redactFor(officer, position('ARM')).data).toHaveProperty('document');
    expect(redactFor(armenia, position('ARM')).data).toHaveProperty('document');
    expect(redactFor(kazakhstan, position('ARM')).data).not.toHaveProperty('document');
    expect(redactFor(observer, position('ARM')).data).toEqual({ state: 'ARM', position: 'yes', at: '2026-03-01T10:00:00Z' });
    expect(redactFor(observer, attached).data).toEqual({ decisionId: 'D-1', state: 'ARM' });
    expect(mayReadEntry(observer, attached)).toBe(true);
  });

  it('never names a note to a reader who may not read the sender’s correspondence, whatever the act', () => {
    const readers = fc.constantFrom(officer, observer, armenia, kazakhstan, reader('analyst'), reader('admin'));
    const acts = fc.constantFrom(
      (state: string) => ({ type: 'PositionRecorded', data: { state, position: 'no', document: { kind: 'note', noteId: 'n-9' } } }),
      (state: string) => ({ type: 'AccessionRecorded', data: { state, document: { kind: 'note', noteId: 'n-9' } } }),
      (state: string) => ({ type: 'NoObjectionAttached', data: { decisionId: 'D-1', state, noteId: 'n-9' } }),
    );
    fc.assert(
      fc.property(readers, fc.constantFrom('ARM', 'KAZ', 'RUS'), acts, (who, state, act) => {
        const shown = JSON.stringify(redactFor(who, { streamId: 'x', actor: 'a', ...act(state) }).data);
        const mayRead = who.role !== 'observer' && (who.role !== 'delegate' || who.state === state);
        expect(shown.includes('n-9')).toBe(mayRead);
        expect(shown).toContain(state);
      }),
    );
  });
});
