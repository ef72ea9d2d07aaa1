/**
 * The tables, as Kysely sees them. Dates and instants are ISO 8601 text in both engines, so that
 * what was hashed is what is stored, byte for byte.
 */
import type { Generated } from 'kysely';

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
  /** The Merkle tree's frontier at `seq`: the hashes of its perfect subtrees, largest first, space-separated. */
  frontier: string;
}

/** A perfect subtree of the ledger's Merkle tree: leaves idx·2^level to (idx+1)·2^level. */
export interface LedgerTreeRow {
  level: number;
  idx: number;
  hash: string;
}

/** A checkpoint the organization's key signed. */
export interface CheckpointRow {
  size: number;
  root: string;
  signed_at: string;
  key_id: string;
  signature: string;
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
  /** Added by the registry module's own migration. */
  backdating_reason: string | null;
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

export interface DecisionRow {
  id: string;
  seq: number;
  body: string;
  question: string;
  title_en: string;
  title_ru: string;
  status: string;
  procedure: string | null;
  deadline: string | null;
  session_id: string | null;
  outcome: string | null;
  reason: string | null;
  version: number;
  drafted_on: string;
  closed_at: string | null;
}

export interface SessionRow {
  id: string;
  seq: number;
  body: string;
  date: string;
  place: string;
  chair: string | null;
  temporary_chair: number;
  status: string;
}

export interface ContactRow {
  state: string;
  seq: number;
  authority: string;
  email: string | null;
  webhook: string | null;
  language: string;
}

export interface NotificationRow {
  id: string;
  seq: number;
  decision_id: string;
  state: string;
  created_at: string;
  delivered_at: string | null;
  acknowledged_at: string | null;
  acknowledged_via: string | null;
}

export interface DeliveryRow {
  id: string;
  notification_id: string;
  decision_id: string;
  state: string;
  channel: string;
  address: string;
  language: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  delivered_at: string | null;
  last_error: string | null;
}

export interface AttemptRow {
  delivery_id: string;
  attempt: number;
  at: string;
  outcome: string;
  detail: string | null;
}

/** An account as the ledger records it (the accounts module's projection); its password is beside it. */
export interface AccountRow {
  username: string;
  role: string;
  state: string | null;
  must_change_password: number;
  created_at: string;
  disabled_at: string | null;
  /** SHA-256 of the stored argon2 hash of the current password; null when none is on record. */
  password_hash_digest: string | null;
}

/** An API token as the ledger records it (the accounts module's projection). */
export interface ApiTokenRow {
  id: string;
  username: string;
  name: string;
  /** SHA-256 of the SHA-256 of the token's secret; null for a token recorded without it. */
  secret_hash_digest: string | null;
  scopes: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface SignInRow {
  id_hash: string;
  username: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface HttpIdempotencyRow {
  key: string;
  fingerprint: string;
  status: number;
  body: string;
  created_at: string;
}

/** A refused read, kept in the bounded audit log rather than the ledger. */
export interface RefusedReadRow {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  code: string;
  field: string;
  message: string;
}

export interface Tables {
  ledger_entries: LedgerEntryRow;
  ledger_head: LedgerHeadRow;
  ledger_tree: LedgerTreeRow;
  ledger_checkpoints: CheckpointRow;
  ledger_idempotency: IdempotencyRow;
  projection_timeline: TimelineRow;
  projection_correspondence: CorrespondenceRow;
  projection_statements: StatementRow;
  projection_timers: TimerRow;
  projection_settings: SettingRow;
  projection_decisions: DecisionRow;
  projection_sessions: SessionRow;
  projection_contacts: ContactRow;
  projection_notifications: NotificationRow;
  outbox_deliveries: DeliveryRow;
  outbox_attempts: AttemptRow;
  app_secrets: SettingRow;
  accounts: AccountRow;
  api_tokens: ApiTokenRow;
  sign_ins: SignInRow;
  http_idempotency: HttpIdempotencyRow;
  audit_refused_reads: RefusedReadRow;
}
