/**
 * The ledger and registry commands as a secretariat officer runs them, on the embedded database.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLiteDatabase from 'better-sqlite3';
import { addMonths, format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', 'bin', 'concord.js');

function concord(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const freshDir = () => mkdtempSync(join(tmpdir(), 'concord-cli-'));

describe('concord registry', () => {
  it('answers Armenia on 28 March 2024 from a new data folder set up with the CSTO pack', () => {
    const data = freshDir();
    expect(concord(['init', '--data', data]).stdout).toMatch(/Collective Security Treaty Organization \(csto\), \d+ ledger entries/);
    const r = concord(['registry', '--data', data, '--as-of', '2024-03-28', '--state', 'ARM']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('legal status:  member');
    expect(r.stdout).toContain('participation: not participating since 2023-11-22');
    expect(r.stdout).toContain('no official notice of withdrawal or request to suspend on record');
  });

  it('keeps a public statement apart from the legal status', () => {
    const data = freshDir();
    const s = concord(['statement', 'record', '--data', data, '--speaker', 'Nikol Pashinyan, Prime Minister', '--state', 'ARM', '--venue', 'France 24 interview', '--said-on', '2024-02-22', '--url', 'https://www.france24.com/en/', '--summary', 'Participation in the CSTO is frozen']);
    expect(s.code).toBe(0);
    const r = JSON.parse(concord(['registry', '--data', data, '--as-of', '2024-03-28', '--state', 'ARM', '--json']).stdout) as { standing: { status: string }; statements: unknown[] };
    expect(r.standing.status).toBe('member');
    expect(r.statements).toHaveLength(1);
  });

  it('starts a notice period on a withdrawal note and lists its timer', () => {
    const data = freshDir();
    const today = new Date().toISOString().slice(0, 10);
    const n = concord(['note', 'register', '--data', data, '--from', 'KGZ', '--authority', 'Ministry of Foreign Affairs', '--reference', '01-2/77', '--dated', today, '--kind', 'withdrawal-notice', '--subject', 'Notice of withdrawal']);
    expect(n.code).toBe(0);
    expect(concord(['registry', '--data', data]).stdout).toMatch(/KGZ .*withdrawal-pending/);
    const effective = format(addMonths(parseISO(today), 6), 'yyyy-MM-dd');
    expect(concord(['timers', '--data', data]).stdout).toContain(`${effective}  withdrawal  party-KGZ`);
  });

  it('refuses a note of an unknown kind with exit 2', () => {
    const r = concord(['note', 'register', '--data', freshDir(), '--from', 'KGZ', '--authority', 'MFA', '--reference', '1', '--dated', '2026-01-15', '--kind', 'rumour', '--subject', 's']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^concord note register: --kind: expected one of/);
  });

  it('asks the reason of a note dated long ago with exit 2, and registers it with the reason', () => {
    const note = ['note', 'register', '--data', freshDir(), '--from', 'KAZ', '--authority', 'MFA', '--reference', 'K/1', '--dated', '2025-01-10', '--kind', 'other', '--subject', 'Budget'];
    const refused = concord(note);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^concord note register: backdatingReason: the note is dated 2025-01-10, \d+ days before it is registered \(more than 90\)/);
    expect(concord([...note, '--backdating-reason', 'found in the archive']).code).toBe(0);
  });

  it('refuses an impossible date with exit 2', () => {
    const r = concord(['registry', '--data', freshDir(), '--as-of', '2024-13-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--as-of: expected a date/);
  });
});

describe('concord ledger', () => {
  it('verify names the entry altered with SQL and exits 1', () => {
    const data = freshDir();
    concord(['init', '--data', data]);
    expect(concord(['ledger', 'verify', '--data', data]).code).toBe(0);
    const db = new SQLiteDatabase(join(data, 'concord.db'));
    db.prepare("update ledger_entries set valid_at = '1993-01-01' where seq = 5").run();
    db.close();
    const r = concord(['ledger', 'verify', '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^concord ledger verify: entry 5 \(stream party-[A-Z]{3}\) fails: its content does not match its hash/);
  });

  it('export then import into a new folder gives the same registry; an edited export is refused with its line', () => {
    const data = freshDir();
    concord(['note', 'register', '--data', data, '--from', 'BLR', '--authority', 'MFA', '--reference', '9', '--dated', '2026-02-01', '--kind', 'other', '--subject', 'Budget', '--backdating-reason', 'received in February, entered now']);
    const file = join(freshDir(), 'ledger.ndjson');
    expect(concord(['ledger', 'export', '--data', data, '--output', file]).code).toBe(0);

    const edited = join(freshDir(), 'edited.ndjson');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[4] = (lines[4] ?? '').replace('"member"', '"expelled"');
    writeFileSync(edited, lines.join('\n'));
    const target = freshDir();
    const refused = concord(['ledger', 'import', '--data', target, edited]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/edited\.ndjson:5: entry 4: its content does not match its hash.*nothing was imported/);

    const cut = join(freshDir(), 'cut.ndjson');
    writeFileSync(cut, readFileSync(file, 'utf8').split('\n').slice(0, 8).join('\n'));
    expect(concord(['ledger', 'import', '--data', target, cut]).stderr).toMatch(/cut short/);

    const imported = concord(['ledger', 'import', '--data', target, file]);
    expect(imported.code).toBe(0);
    const registry = (dir: string) => concord(['registry', '--data', dir, '--as-of', '2026-03-01', '--known-at', '2026-11-01', '--json']).stdout;
    expect(registry(target)).toBe(registry(data));
    expect(concord(['ledger', 'replay', '--data', target]).stdout).toMatch(/identical/);
  });
});
