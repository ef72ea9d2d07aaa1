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

export interface AccountRow {
  username: string;
  role: string;
  state: string | null;
  password_hash: string;
  must_change_password: number;
  created_at: string;
  disabled_at: string | null;
  failed_logins: number;
  locked_until: string | null;
}

export interface ApiTokenRow {
  id: string;
  username: string;
  name: string;
  secret_hash: string;
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

export interface Tables {
  ledger_entries: LedgerEntryRow;
  ledger_head: LedgerHeadRow;
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
}
