/**
 * The registry's read models: each party's timeline of standing and participation (with the
 * withdrawal timers it sets and ends), the correspondence register, the record of public
 * statements, and the framework the database was set up with.
 */
import type { Kysely } from 'kysely';
import type { OfficialNote, PublicStatement } from '../../core/correspondence/index.js';
import { partyOfStream, type StandingEvent } from '../../core/membership/index.js';
import { knownFrom, type LedgerEntry } from '../../ledger/entry.js';
import type { Tables, TimelineRow } from '../../store/schema.js';
import type { Projection, Step } from '../module.js';

type Data<K extends StandingEvent['type']> = Extract<StandingEvent, { type: K }>['data'];

export function withdrawalTimerId(party: string, seq: number): string {
  return `withdrawal-${party}-${seq}`;
}

/** Standing and participation over time; rows are inserted in batches (a pack's history is hundreds). */
export const timeline: Projection = {
  canHandle: ['StandingChanged', 'WithdrawalNotified', 'ParticipationRecorded'],
  project: async (trx, entries) => {
    const rows: TimelineRow[] = [];
    for (const entry of entries) {
      const party = partyOfStream(entry.streamId) ?? '';
      const base = { seq: entry.seq, party, known_from: knownFrom(entry), reconstructed: entry.reconstructed ? 1 : 0, valid_from: entry.validAt };
      if (entry.type === 'StandingChanged') {
        const data = entry.data as Data<'StandingChanged'>;
        rows.push({ ...base, role: data.role, change: 'status', status: data.status, participating: null, act: data.act, cites: JSON.stringify(data.cites) });
        await endWithdrawalTimers(trx, entry, data);
      } else if (entry.type === 'WithdrawalNotified') {
        const data = entry.data as Data<'WithdrawalNotified'>;
        rows.push({ ...base, role: 'member', change: 'status', status: 'withdrawal-pending', participating: null, act: `Notice of withdrawal (note ${data.noteId}); takes effect on ${data.effectiveOn}`, cites: JSON.stringify(data.cites) });
        await trx.insertInto('projection_timers').values({ id: withdrawalTimerId(party, entry.seq), seq: entry.seq, kind: 'withdrawal', stream_id: entry.streamId, due_at: data.effectiveOn, payload: JSON.stringify({ party }), fired_seq: null }).execute();
      } else {
        const data = entry.data as Data<'ParticipationRecorded'>;
        rows.push({ ...base, role: 'member', change: 'participation', status: null, participating: data.participating ? 1 : 0, act: data.basis, cites: '[]' });
      }
    }
    for (let i = 0; i < rows.length; i += 400) await trx.insertInto('projection_timeline').values(rows.slice(i, i + 400)).execute();
  },
};

/** The timer that made the change has fired; readmission, expulsion or the like ends a pending withdrawal (a suspension does not). */
async function endWithdrawalTimers(trx: Kysely<Tables>, entry: LedgerEntry, data: Data<'StandingChanged'>): Promise<void> {
  if (data.basis.kind === 'timer') await trx.updateTable('projection_timers').set({ fired_seq: entry.seq }).where('id', '=', data.basis.timerId).execute();
  else if (data.status !== 'suspended') {
    await trx.updateTable('projection_timers').set({ fired_seq: entry.seq }).where('kind', '=', 'withdrawal').where('stream_id', '=', entry.streamId).where('fired_seq', 'is', null).execute();
  }
}

/** A projection that writes each entry on its own. */
function eachEntry(canHandle: readonly string[], write: (trx: Kysely<Tables>, entry: LedgerEntry) => Promise<unknown>): Projection {
  return {
    canHandle,
    project: async (trx, entries) => {
      for (const entry of entries) await write(trx, entry);
    },
  };
}

export const correspondence = eachEntry(['NoteRegistered'], (trx, entry) => {
  const n = entry.data as OfficialNote;
  return trx
    .insertInto('projection_correspondence')
    .values({ id: n.id, seq: entry.seq, sender: n.sender, authority: n.authority, reference: n.reference, dated: n.dated, kind: n.kind, subject: n.subject, known_from: knownFrom(entry), backdating_reason: n.backdatingReason ?? null })
    .execute();
});

export const migrations: Readonly<Record<string, Step>> = {
  // A note entered long after its date is shown with the reason it was entered then.
  '001-backdating-reason': async (db) => {
    await db.schema.alterTable('projection_correspondence').addColumn('backdating_reason', 'text').execute();
  },
};

export const statements = eachEntry(['StatementRecorded'], (trx, entry) => {
  const s = entry.data as PublicStatement;
  return trx.insertInto('projection_statements').values({ id: s.id, seq: entry.seq, speaker: s.speaker, state: s.state, venue: s.venue, said_on: s.saidOn, url: s.url, summary: s.summary, known_from: knownFrom(entry) }).execute();
});

export const framework = eachEntry(['FrameworkInstalled', 'FrameworkUpdated'], async (trx, entry) => {
  await trx.deleteFrom('projection_settings').where('key', '=', 'framework').execute();
  await trx.insertInto('projection_settings').values({ key: 'framework', value: JSON.stringify(entry.data) }).execute();
});
