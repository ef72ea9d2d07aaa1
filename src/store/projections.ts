/**
 * The read models, written from ledger entries in the transaction that appends them, and rebuilt
 * from the whole ledger by `concord ledger replay`. Each event type has one projection rule.
 */
import { sql, type Kysely } from 'kysely';
import { knownFrom, type LedgerEntry } from '../ledger/entry.js';
import type { StandingEvent } from '../core/membership/index.js';
import type { OfficialNote, PublicStatement } from '../core/correspondence/index.js';
import { projectDecisionEntry } from './decision-projections.js';
import { PROJECTION_TABLES, type Tables, type TimelineRow } from './schema.js';

export interface FrameworkInstalled {
  readonly id: string;
  readonly name: string;
  /** SHA-256 of the pack as loaded, so that a later change of the pack files can be noticed. */
  readonly digest: string;
  /** The folder it was set up from, when not a shipped pack. */
  readonly source?: string;
}

export async function projectEntries(trx: Kysely<Tables>, entries: readonly LedgerEntry[]): Promise<void> {
  const timeline: TimelineRow[] = [];
  for (const entry of entries) {
    const party = entry.streamId.startsWith('party-') ? entry.streamId.slice('party-'.length) : '';
    const base = { seq: entry.seq, party, known_from: knownFrom(entry), reconstructed: entry.reconstructed ? 1 : 0 };
    switch (entry.type) {
      case 'StandingChanged': {
        const data = (entry as unknown as { data: Extract<StandingEvent, { type: 'StandingChanged' }>['data'] }).data;
        timeline.push({ ...base, role: data.role, change: 'status', status: data.status, participating: null, valid_from: entry.validAt, act: data.act, cites: JSON.stringify(data.cites) });
        if (data.basis.kind === 'timer') await trx.updateTable('projection_timers').set({ fired_seq: entry.seq }).where('id', '=', data.basis.timerId).execute();
        // Readmission, expulsion or the like ends a pending withdrawal (a suspension does not).
        else if (data.status !== 'suspended') {
          await trx.updateTable('projection_timers').set({ fired_seq: entry.seq }).where('kind', '=', 'withdrawal').where('stream_id', '=', entry.streamId).where('fired_seq', 'is', null).execute();
        }
        break;
      }
      case 'WithdrawalNotified': {
        const data = (entry as unknown as { data: Extract<StandingEvent, { type: 'WithdrawalNotified' }>['data'] }).data;
        timeline.push({ ...base, role: 'member', change: 'status', status: 'withdrawal-pending', participating: null, valid_from: entry.validAt, act: `Notice of withdrawal (note ${data.noteId}); takes effect on ${data.effectiveOn}`, cites: JSON.stringify(data.cites) });
        await trx.insertInto('projection_timers').values({ id: withdrawalTimerId(party, entry.seq), seq: entry.seq, kind: 'withdrawal', stream_id: entry.streamId, due_at: data.effectiveOn, payload: JSON.stringify({ party }), fired_seq: null }).execute();
        break;
      }
      case 'ParticipationRecorded': {
        const data = (entry as unknown as { data: Extract<StandingEvent, { type: 'ParticipationRecorded' }>['data'] }).data;
        timeline.push({ ...base, role: 'member', change: 'participation', status: null, participating: data.participating ? 1 : 0, valid_from: entry.validAt, act: data.basis, cites: '[]' });
        break;
      }
      case 'NoteRegistered': {
        const n = entry.data as OfficialNote;
        await trx.insertInto('projection_correspondence').values({ id: n.id, seq: entry.seq, sender: n.sender, authority: n.authority, reference: n.reference, dated: n.dated, kind: n.kind, subject: n.subject, known_from: knownFrom(entry) }).execute();
        break;
      }
      case 'StatementRecorded': {
        const s = entry.data as PublicStatement;
        await trx.insertInto('projection_statements').values({ id: s.id, seq: entry.seq, speaker: s.speaker, state: s.state, venue: s.venue, said_on: s.saidOn, url: s.url, summary: s.summary, known_from: knownFrom(entry) }).execute();
        break;
      }
      case 'FrameworkInstalled':
      case 'FrameworkUpdated': {
        const f = entry.data as FrameworkInstalled;
        await trx.deleteFrom('projection_settings').where('key', '=', 'framework').execute();
        await trx.insertInto('projection_settings').values({ key: 'framework', value: JSON.stringify(f) }).execute();
        break;
      }
      default:
        await projectDecisionEntry(trx, entry);
    }
  }
  for (let i = 0; i < timeline.length; i += 400) await trx.insertInto('projection_timeline').values(timeline.slice(i, i + 400)).execute();
}

export function withdrawalTimerId(party: string, seq: number): string {
  return `withdrawal-${party}-${seq}`;
}

const SNAPSHOT_ORDER = { projection_settings: 'key', projection_timeline: 'seq', projection_contacts: 'state' } as const;

/** Every projection's rows in a fixed order, for comparing live read models with rebuilt ones. */
export async function snapshotProjections(db: Kysely<Tables>): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of PROJECTION_TABLES) {
    const key = table in SNAPSHOT_ORDER ? SNAPSHOT_ORDER[table as keyof typeof SNAPSHOT_ORDER] : 'id';
    snapshot[table] = await db.selectFrom(table).selectAll().orderBy(sql.ref(key)).execute();
  }
  return snapshot;
}

export async function clearProjections(trx: Kysely<Tables>): Promise<void> {
  for (const table of PROJECTION_TABLES) await trx.deleteFrom(table).execute();
}
