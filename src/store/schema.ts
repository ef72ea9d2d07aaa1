/**
 * The tables, as Kysely sees them. Dates and instants are ISO 8601 text in both engines, so that
 * what was hashed is what is stored, byte for byte.
 */
export interface LedgerEntryRow {
  seq: number;
  stream_id: string;
  stream_version: number;
  type: string;
  /** JSON text in SQLite, jsonb in PostgreSQL; read through the adapter. */
  data: unknown;
  valid_at: string;
  recorded_at: string;
  actor: string;
  idempotency_key: string | null;
  reconstructed: number;
  prev_hash: string;
  hash: string;
}

export interface LedgerHeadRow {
  id: number;
  seq: number;
  hash: string;
}

export interface IdempotencyRow {
  key: string;
  request_hash: string;
  first_seq: number;
  last_seq: number;
}

export interface TimelineRow {
  seq: number;
  party: string;
  role: string;
  change: string;
  status: string | null;
  participating: number | null;
  valid_from: string;
  known_from: string;
  act: string;
  cites: string;
  reconstructed: number;
}

export interface CorrespondenceRow {
  id: string;
  seq: number;
  sender: string;
  authority: string;
  reference: string;
  dated: string;
  kind: string;
  subject: string;
  known_from: string;
}

export interface StatementRow {
  id: string;
  seq: number;
  speaker: string;
  state: string;
  venue: string;
  said_on: string;
  url: string;
  summary: string;
  known_from: string;
}

export interface TimerRow {
  id: string;
  seq: number;
  kind: string;
  stream_id: string;
  due_at: string;
  payload: string;
  fired_seq: number | null;
}

export interface SettingRow {
  key: string;
  value: string;
}

export interface Tables {
  ledger_entries: LedgerEntryRow;
  ledger_head: LedgerHeadRow;
  ledger_idempotency: IdempotencyRow;
  projection_timeline: TimelineRow;
  projection_correspondence: CorrespondenceRow;
  projection_statements: StatementRow;
  projection_timers: TimerRow;
  projection_settings: SettingRow;
}

/** Every read model; `concord ledger replay` empties and rebuilds exactly these. */
export const PROJECTION_TABLES = [
  'projection_timeline',
  'projection_correspondence',
  'projection_statements',
  'projection_timers',
  'projection_settings',
] as const;
