/**
 * The list of sessions: body, date, place, chair, open or closed.
 */
import { sessionOfStream, type SessionEvent } from '../../core/session/index.js';
import type { Projection } from '../module.js';

export const sessions: Projection = {
  canHandle: ['SessionConvened', 'SessionClosed'],
  project: async (trx, entries) => {
    for (const entry of entries) {
      const id = sessionOfStream(entry.streamId) ?? '';
      if (entry.type === 'SessionConvened') {
        const d = entry.data as Extract<SessionEvent, { type: 'SessionConvened' }>['data'];
        await trx.insertInto('projection_sessions').values({ id, seq: entry.seq, body: d.body, date: entry.validAt, place: d.place, chair: d.chair, temporary_chair: d.temporary ? 1 : 0, status: 'open' }).execute();
      } else {
        await trx.updateTable('projection_sessions').set({ status: 'closed' }).where('id', '=', id).execute();
      }
    }
  },
};
