/**
 * The versioned migrations, one list for both engines; applied on open. The few column types
 * that differ (JSON, 64-bit integers) come from the dialect.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { GENESIS_HASH } from '../ledger/entry.js';
import { buildTree } from '../ledger/tree.js';
import type { Tables } from './schema.js';
import type { Dialect } from './dialect.js';

export type Step = (db: Kysely<unknown>, dialect: Dialect) => Promise<void>;

const steps: Record<string, Step> = {
  '001-ledger': async (db, dialect) => {
    await db.schema
      .createTable('ledger_entries')
      .addColumn('seq', dialect.bigint, (c) => c.primaryKey())
      .addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('stream_version', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('data', dialect.json, (c) => c.notNull())
      .addColumn('valid_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text')
      .addColumn('reconstructed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addUniqueConstraint('ledger_entries_stream_version', ['stream_id', 'stream_version'])
      .execute();
    await db.schema
      .createTable('ledger_idempotency')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('first_seq', dialect.bigint, (c) => c.notNull())
      .addColumn('last_seq', dialect.bigint, (c) => c.notNull())
      .execute();
  },
  '002-registry-projections': async (db, dialect) => {
    await db.schema
      .createTable('projection_timeline')
      .addColumn('seq', dialect.bigint, (c) => c.primaryKey())
      .addColumn('party', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull())
      .addColumn('status', 'text')
      .addColumn('participating', 'integer')
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('known_from', 'text', (c) => c.notNull())
      .addColumn('act', 'text', (c) => c.notNull())
      .addColumn('cites', 'text', (c) => c.notNull())
      .addColumn('reconstructed', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('projection_timeline_party').on('projection_timeline').columns(['party', 'valid_from']).execute();
    await db.schema
      .createTable('projection_correspondence')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', dialect.bigint, (c) => c.notNull())
      .addColumn('sender', 'text', (c) => c.notNull())
      .addColumn('authority', 'text', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('dated', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('known_from', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('projection_statements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', dialect.bigint, (c) => c.notNull())
      .addColumn('speaker', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('venue', 'text', (c) => c.notNull())
      .addColumn('said_on', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('known_from', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('projection_timers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', dialect.bigint, (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('fired_seq', dialect.bigint)
      .execute();
    await db.schema
      .createTable('projection_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
  // The head of the chain in one row: a writer locks it and reads it in one step, and verify can
  // tell when entries were cut from the end.
  '003-ledger-head': async (db, dialect) => {
    await db.schema
      .createTable('ledger_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', dialect.bigint, (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into ledger_head (id, seq, hash)
      select 1, coalesce(max(seq), 0), coalesce((select hash from ledger_entries order by seq desc limit 1), ${GENESIS_HASH}) from ledger_entries`.execute(db);
  },
  // PostgreSQL: the append as one server-side function, so its plans are prepared once per
  // connection instead of on every append. SQLite runs in-process and needs none.
  '004-append-function': async (db, dialect) => {
    if (dialect.name !== 'postgres') return;
    await sql`
      create function concord_append(entries jsonb, guards jsonb, head_seq bigint, head_hash text) returns boolean
      language plpgsql as $fn$
      begin
        if exists (
          select 1 from jsonb_to_recordset(guards) as g(stream_id text, expected integer)
          where coalesce((select max(e.stream_version) from ledger_entries e where e.stream_id = g.stream_id), 0) <> g.expected
        ) then
          return false;
        end if;
        insert into ledger_entries (seq, stream_id, stream_version, type, data, valid_at, recorded_at, actor, idempotency_key, reconstructed, prev_hash, hash)
          select r.seq, r.stream_id, r.stream_version, r.type, r.data, r.valid_at, r.recorded_at, r.actor, r.idempotency_key, r.reconstructed, r.prev_hash, r.hash
          from jsonb_to_recordset(entries) as r(seq bigint, stream_id text, stream_version integer, type text, data jsonb, valid_at text,
            recorded_at text, actor text, idempotency_key text, reconstructed integer, prev_hash text, hash text);
        update ledger_head set seq = head_seq, hash = head_hash where id = 1;
        return true;
      end
      $fn$`.execute(db);
  },
  '005-decisions-and-notifications': async (db, dialect) => {
    await db.schema
      .createTable('projection_decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', dialect.bigint, (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('title_ru', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('procedure', 'text')
      .addColumn('deadline', 'text')
      .addColumn('session_id', 'text')
      .addColumn('outcome', 'text')
      .addColumn('reason', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('drafted_on', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .execute();
    await db.schema
      .createTable('projection_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', dialect.bigint, (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('chair', 'text')
      .addColumn('temporary_chair', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('projection_contacts')
      .addColumn('state', 'text', (c) => c.primaryKey())
      .addColumn('seq', dialect.bigint, (c) => c.notNull())
      .addColumn('authority', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('webhook', 'text')
      .addColumn('language', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('projection_notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', dialect.bigint, (c) => c.notNull())
      .addColumn('decision_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .addColumn('acknowledged_at', 'text')
      .addColumn('acknowledged_via', 'text')
      .execute();
    // Not read models: the outbox's delivery state and secrets must survive a replay.
    await db.schema
      .createTable('outbox_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('notification_id', 'text', (c) => c.notNull())
      .addColumn('decision_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('lease_until', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('last_error', 'text')
      .execute();
    await db.schema.createIndex('outbox_deliveries_due').on('outbox_deliveries').columns(['status', 'next_attempt_at']).execute();
    await db.schema
      .createTable('outbox_attempts')
      .addColumn('delivery_id', 'text', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .addPrimaryKeyConstraint('outbox_attempts_pk', ['delivery_id', 'attempt'])
      .execute();
    await db.schema
      .createTable('app_secrets')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
  // Accounts and their credentials live beside the ledger, never in it: an export must not carry
  // password hashes. The acts on accounts are recorded in the ledger all the same.
  '006-accounts': async (db, dialect) => {
    await db.schema
      .createTable('accounts')
      .addColumn('username', 'text', (c) => c.primaryKey())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('state', 'text')
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('must_change_password', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .addColumn('failed_logins', 'integer', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .execute();
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createTable('web_sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('http_idempotency')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    if (dialect.name !== 'postgres') return;
    // Every committed append moves the head: a notification on that move reaches the listeners
    // of every server on this database, at commit and never for a rolled-back append.
    await sql`
      create function concord_notify_head() returns trigger language plpgsql as $fn$
      begin
        perform pg_notify('concord_ledger', current_schema() || ':' || new.seq::text);
        return new;
      end
      $fn$`.execute(db);
    await sql`create trigger concord_ledger_head_moved after update on ledger_head for each row execute function concord_notify_head()`.execute(db);
  },
  // A person's sign-in is a sign-in; "session" is a body's session.
  '007-sign-ins': async (db) => {
    await db.schema.alterTable('web_sessions').renameTo('sign_ins').execute();
  },
  // The ledger as a Merkle tree (RFC 9162): its perfect subtrees, the frontier in the head, built
  // for the entries already there; and the checkpoints the organization's key signed.
  // Safe to run again: SQLite runs a migration outside a transaction, so a crash or a full disk
  // half-way leaves part of it done, and the next open finishes it.
  '008-merkle-tree': async (db, dialect) => {
    // (PostgreSQL runs it in a transaction, and its introspection sees every schema's tables.)
    const head = dialect.name === 'sqlite' ? (await db.introspection.getTables()).find((t) => t.name === 'ledger_head') : undefined;
    if (!head?.columns.some((c) => c.name === 'frontier')) await db.schema.alterTable('ledger_head').addColumn('frontier', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema
      .createTable('ledger_tree')
      .ifNotExists()
      .addColumn('level', 'integer', (c) => c.notNull())
      .addColumn('idx', dialect.bigint, (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ledger_tree_node', ['level', 'idx'])
      .execute();
    await db.schema
      .createTable('ledger_checkpoints')
      .ifNotExists()
      .addColumn('size', dialect.bigint, (c) => c.notNull())
      .addColumn('root', 'text', (c) => c.notNull())
      .addColumn('signed_at', 'text', (c) => c.notNull())
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ledger_checkpoint', ['size', 'signed_at'])
      .execute();
    await sql`delete from ledger_tree`.execute(db);
    await buildTree(db as unknown as Kysely<Tables>);
    if (dialect.name !== 'postgres') return;
    await sql`drop function concord_append(jsonb, jsonb, bigint, text)`.execute(db);
    await sql`
      create function concord_append(entries jsonb, guards jsonb, head_seq bigint, head_hash text, head_frontier text, nodes jsonb) returns boolean
      language plpgsql as $fn$
      begin
        if exists (
          select 1 from jsonb_to_recordset(guards) as g(stream_id text, expected integer)
          where coalesce((select max(e.stream_version) from ledger_entries e where e.stream_id = g.stream_id), 0) <> g.expected
        ) then
          return false;
        end if;
        insert into ledger_entries (seq, stream_id, stream_version, type, data, valid_at, recorded_at, actor, idempotency_key, reconstructed, prev_hash, hash)
          select r.seq, r.stream_id, r.stream_version, r.type, r.data, r.valid_at, r.recorded_at, r.actor, r.idempotency_key, r.reconstructed, r.prev_hash, r.hash
          from jsonb_to_recordset(entries) as r(seq bigint, stream_id text, stream_version integer, type text, data jsonb, valid_at text,
            recorded_at text, actor text, idempotency_key text, reconstructed integer, prev_hash text, hash text);
        insert into ledger_tree (level, idx, hash) select n.level, n.idx, n.hash from jsonb_to_recordset(nodes) as n(level integer, idx bigint, hash text);
        update ledger_head set seq = head_seq, hash = head_hash, frontier = head_frontier where id = 1;
        return true;
      end
      $fn$`.execute(db);
  },
  // Refused reads change nothing and may come without end: they are kept outside the ledger, in a
  // log trimmed to its last rows as new ones come (refused commands stay in the ledger).
  '009-refused-reads': async (db, dialect) => {
    await db.schema
      .createTable('audit_refused_reads')
      .addColumn('id', dialect.name === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .execute();
  },
};

export function migrationProvider(dialect: Dialect, extra: Readonly<Record<string, Step>> = {}): MigrationProvider {
  return {
    getMigrations: () =>
      Promise.resolve(
        Object.fromEntries(
          Object.entries({ ...steps, ...extra }).map(([name, step]): [string, Migration] => [name, { up: (db) => step(db, dialect) }]),
        ),
      ),
  };
}
