/**
 * The list of decisions as the desk shows it, and the deadline timer a circulated draft sets and
 * its closing ends.
 */
import type { DecisionEvent } from '../../core/decision/index.js';
import { decisionOfStream } from '../../core/decision/index.js';
import type { Projection } from '../module.js';

type Data<K extends DecisionEvent['type']> = Extract<DecisionEvent, { type: K }>['data'];

export function deadlineTimerId(decisionId: string): string {
  return `deadline-${decisionId}`;
}

export const decisions: Projection = {
  canHandle: ['DraftCreated', 'DraftAmended', 'DraftTabled', 'DraftCirculated', 'DecisionClosed'],
  project: async (trx, entries) => {
    for (const entry of entries) {
      const id = decisionOfStream(entry.streamId) ?? '';
      switch (entry.type) {
        case 'DraftCreated': {
          const d = entry.data as Data<'DraftCreated'>;
          await trx.insertInto('projection_decisions').values({ id, seq: entry.seq, body: d.body, question: d.question, title_en: d.title.en, title_ru: d.title.ru, status: 'draft', procedure: null, deadline: null, session_id: null, outcome: null, reason: null, version: 1, drafted_on: entry.validAt, closed_at: null }).execute();
          break;
        }
        case 'DraftAmended': {
          const d = entry.data as Data<'DraftAmended'>;
          await trx.updateTable('projection_decisions').set({ title_en: d.title.en, title_ru: d.title.ru, version: d.version }).where('id', '=', id).execute();
          break;
        }
        case 'DraftTabled': {
          const d = entry.data as Data<'DraftTabled'>;
          await trx.updateTable('projection_decisions').set({ status: 'tabled', procedure: 'vote', session_id: d.sessionId }).where('id', '=', id).execute();
          break;
        }
        case 'DraftCirculated': {
          const d = entry.data as Data<'DraftCirculated'>;
          await trx.updateTable('projection_decisions').set({ status: 'circulating', procedure: d.procedure, deadline: d.deadline }).where('id', '=', id).execute();
          await trx.insertInto('projection_timers').values({ id: deadlineTimerId(id), seq: entry.seq, kind: 'procedure-deadline', stream_id: entry.streamId, due_at: d.deadline, payload: JSON.stringify({ decisionId: id }), fired_seq: null }).execute();
          break;
        }
        case 'DecisionClosed': {
          const d = entry.data as Data<'DecisionClosed'>;
          await trx.updateTable('projection_decisions').set({ status: 'closed', outcome: d.result.outcome, reason: d.result.reason, closed_at: entry.recordedAt }).where('id', '=', id).execute();
          await trx.updateTable('projection_timers').set({ fired_seq: entry.seq }).where('id', '=', deadlineTimerId(id)).where('fired_seq', 'is', null).execute();
          break;
        }
      }
    }
  },
};
