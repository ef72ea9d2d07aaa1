/**
 * Circulating a draft and seeing every member notified, as the README walks a newcomer through it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', 'bin', 'concord.js');
const CSTO = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];

describe('concord decision, session, contact and notify', () => {
  const data = mkdtempSync(join(tmpdir(), 'concord-decisions-'));
  const mail = join(data, 'mail');
  const concord = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args, '--data', data], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', CONCORD_MAIL_DIR: mail } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('circulates a draft, records positions, closes it and notifies every member', { timeout: 90_000 }, () => {
    for (const state of CSTO) expect(concord('contact', 'set', '--state', state, '--authority', 'Ministry of Foreign Affairs', '--email', `mfa@${state.toLowerCase()}.example`, '--language', state === 'RUS' ? 'ru' : 'en').code).toBe(0);
    expect(concord('decision', 'draft', '--id', 'D-1', '--body', 'collective-security-council', '--question', 'substantive', '--title-en', 'On the budget', '--title-ru', 'О бюджете', '--text-en', 'Approved.', '--text-ru', 'Утверждается.').code).toBe(0);
    expect(concord('decision', 'circulate', 'D-1', '--procedure', 'written', '--deadline', '2099-01-01T12:00:00Z').stdout).toContain('circulated (written)');
    for (const state of ['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']) expect(concord('decision', 'position', 'D-1', '--state', state, '--position', 'yes').code).toBe(0);
    expect(concord('decision', 'position', 'D-1', '--state', 'ARM', '--position', 'no-objection').code).toBe(0);
    expect(concord('decision', 'close', 'D-1').stdout).toMatch(/^D-1: ADOPTED \(adopted-limited-format\); not bound: ARM/);
    expect(concord('notify', 'deliver').stdout).toMatch(/^6 delivered, 0 failed/);
    expect(readdirSync(mail).sort()).toEqual(CSTO.map((s) => `D-1_${s}_email@concord.eml`));
    expect(concord('decision', 'ack', 'D-1', '--state', 'ARM', '--actor', 'delegate:ARM').stdout).toMatch(/^ARM acknowledged D-1 \(delegate\)/);
    const shown = concord('decision', 'show', 'D-1').stdout;
    expect(shown).toMatch(/ARM {2}Armenia .*acknowledged 20\d\d-.* \(delegate\)/);
    expect(shown).toContain('limited-format (Adoption in limited format)');
  });

  it('refuses a position from a state not on the body, and a second, different position', () => {
    const stranger = concord('decision', 'position', 'D-1', '--state', 'UZB', '--position', 'yes');
    expect(stranger.code).toBe(2);
    expect(stranger.stderr).toMatch(/^concord decision position: status: positions are recorded while the draft is tabled or circulating/);
    concord('decision', 'draft', '--id', 'D-2', '--body', 'collective-security-council', '--question', 'substantive', '--title-en', 'T', '--title-ru', 'Т', '--text-en', 'X', '--text-ru', 'Х');
    concord('decision', 'circulate', 'D-2', '--procedure', 'written', '--deadline', '2099-01-01T12:00:00Z');
    expect(concord('decision', 'position', 'D-2', '--state', 'UZB', '--position', 'yes').stderr).toMatch(/state: UZB does not sit on the Collective Security Council/);
    concord('decision', 'position', 'D-2', '--state', 'KAZ', '--position', 'yes');
    const twice = concord('decision', 'position', 'D-2', '--state', 'KAZ', '--position', 'no');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/position: KAZ already gave "yes"/);
  });

  it('an idempotency key answers the same command again and refuses a different one', () => {
    concord('decision', 'draft', '--id', 'D-3', '--body', 'collective-security-council', '--question', 'substantive', '--title-en', 'T', '--title-ru', 'Т', '--text-en', 'X', '--text-ru', 'Х');
    concord('decision', 'circulate', 'D-3', '--procedure', 'written', '--deadline', '2099-01-01T12:00:00Z');
    const position = (word: string) => concord('decision', 'position', 'D-3', '--state', 'BLR', '--position', word, '--idempotency-key', 'blr-note-12', '--json');
    const first = position('yes');
    expect(first.code).toBe(0);
    const again = position('yes');
    expect(again.code).toBe(0);
    const seqs = (out: string) => (JSON.parse(out) as { entries: { seq: number }[] }).entries.map((e) => e.seq);
    expect(seqs(again.stdout)).toEqual(seqs(first.stdout));
    const other = position('no');
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/^concord decision position: --idempotency-key: key "blr-note-12" was already used for a different request/);
    // The key is not the decision's: the same key on another command is another request, refused too.
    const elsewhere = concord('statement', 'record', '--speaker', 'A spokesperson', '--state', 'BLR', '--venue', 'Briefing', '--said-on', '2026-03-01', '--url', 'https://example.org/b', '--summary', 'Said it', '--idempotency-key', 'blr-note-12');
    expect(elsewhere.code).toBe(2);
    expect(concord('decision', 'show', 'D-3').stdout).toMatch(/BLR.*yes/);
  });

  it('convenes a session chaired by the state whose turn it is', () => {
    const r = concord('session', 'convene', '--id', 'S-2027', '--body', 'collective-security-council', '--date', '2027-05-10', '--place', 'Dushanbe');
    expect(r.stdout).toMatch(/chaired by TJK/);
    expect(concord('session', 'show', 'S-2027').stdout).toContain('chair TJK');
  });
});
