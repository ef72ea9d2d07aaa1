/**
 * Decisions from draft to outcome: drafting, circulation in writing or under silence, positions
 * with the documents that carry them, closing, and later accession.
 */
import { EVERYONE, SECRETARIAT, type Principal } from '../../core/access/permissions.js';
import { DECISION_STREAMS } from '../../core/decision/streams.js';
import type { ModuleDescriptor } from '../descriptor.js';

const DRAFTING = new Set(['DraftCreated', 'DraftAmended']);

/** Whether a decision in this status is shown to the reader at all: a draft is the secretariat's until circulated or tabled; an observer sees outcomes. */
export function mayReadDecision(principal: Principal, status: string): boolean {
  if (principal.role === 'observer') return status === 'closed';
  if (principal.role === 'delegate') return status !== 'draft' && status !== 'none';
  return true;
}

export const decisionsManifest = {
  id: 'decisions',
  title: { en: 'Decisions', ru: 'Решения' },
  streams: [
    {
      prefix: DECISION_STREAMS,
      reads: (p, e) => p.role === 'analyst' || (p.role === 'observer' ? e.type === 'DecisionClosed' : !DRAFTING.has(e.type)),
      documents: { PositionRecorded: 'document', AccessionRecorded: 'document' },
    },
  ],
  actions: {
    'decision:read': { roles: EVERYONE, scope: 'read' },
    'decision:draft': { roles: SECRETARIAT, scope: 'write' },
    'decision:circulate': { roles: SECRETARIAT, scope: 'write' },
    'decision:close': { roles: SECRETARIAT, scope: 'write' },
    'decision:position': { roles: [...SECRETARIAT, 'delegate'], scope: 'write' },
    'decision:accede': { roles: [...SECRETARIAT, 'delegate'], scope: 'write' },
  },
  navigation: [{ path: '/decisions', label: { en: 'Decisions', ru: 'Решения' }, action: 'decision:read', order: 20 }],
} as const satisfies ModuleDescriptor;
