/**
 * The list of cases: one row each, with the decision that decides it, so that the list can be
 * filtered by status and a decision's closing finds its case in one indexed read.
 */
import type { Kysely } from 'kysely';
import { applicationOfStream, type ApplicationEvent } from '../../core/applications/index.js';
import type { Tables } from '../../store/schema.js';
import type { Projection, Step } from '../module.js';

export type ApplicationRow = {
  id: string;
  seq: number;
  applicant: string;
  role: string;
  change: string;
  status: string;
  decision_id: string;
  submitted_on: string;
  concluded_on: string | null;
};

// Type aliases, not interfaces: Kysely reads a table map as a record, which an interface is not.
export type ApplicationTables = { projection_applications: ApplicationRow };

export const TABLE = 'projection_applications';

/** The store's tables with this module's own. */
export function withApplications(db: Kysely<Tables>): Kysely<Tables & ApplicationTables> {
  return db.withTables<ApplicationTables>();
}

export const migrations: Readonly<Record<string, Step>> = {
  '001-cases': async (db, dialect) => {
    await db.schema
      .createTable(TABLE)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', dialect.bigint, (c) => c.notNull())
      .addColumn('applicant', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decision_id', 'text', (c) => c.notNull())
      .addColumn('submitted_on', 'text', (c) => c.notNull())
      .addColumn('concluded_on', 'text')
      .execute();
    await db.schema.createIndex('projection_applications_decision').on(TABLE).column('decision_id').execute();
    await db.schema.createIndex('projection_applications_applicant').on(TABLE).columns(['applicant', 'status']).execute();
  },
};

const CLOSING: Readonly<Record<string, string>> = { ApplicationWithdrawn: 'withdrawn', ApplicationLapsed: 'lapsed' };

export const cases: Projection = {
  canHandle: ['ApplicationSubmitted', 'ApplicationWithdrawn', 'ApplicationLapsed', 'ApplicationConcluded'],
  project: async (trx, entries) => {
    const db = withApplications(trx);
    for (const entry of entries) {
      const id = applicationOfStream(entry.streamId) ?? '';
      const event = { type: entry.type, validAt: entry.validAt, data: entry.data } as ApplicationEvent;
      if (event.type === 'ApplicationSubmitted') {
        const d = event.data;
        await db.insertInto(TABLE).values({ id, seq: entry.seq, applicant: d.applicant, role: d.role, change: d.change, status: 'open', decision_id: d.decisionId, submitted_on: event.validAt, concluded_on: null }).execute();
        continue;
      }
      const status = event.type === 'ApplicationConcluded' ? (event.data.applied ? 'adopted' : 'rejected') : CLOSING[event.type];
      if (status !== undefined) await db.updateTable(TABLE).set({ status, concluded_on: event.validAt }).where('id', '=', id).execute();
    }
  },
};
