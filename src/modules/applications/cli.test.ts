/**
 * `concord application` as a script uses it (ARCHITECTURE §3): one JSON object in the contract's
 * words on stdout, exit 2 with one line naming the field on bad input; the decision it drafts
 * runs with `concord decision`, and `concord registry` then shows the status it gave.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'concord.js');

describe('concord application', () => {
  const data = mkdtempSync(join(tmpdir(), 'concord-applications-'));
  const concord = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args, '--data', data], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const json = (...args: string[]) => {
    const r = concord(...args, '--json');
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };
  const today = new Date().toISOString().slice(0, 10);

  it('carries an observer application from the note to the registry', { timeout: 120_000 }, () => {
    const note = json('note', 'register', '--from', 'SRB', '--authority', 'Ministry of Foreign Affairs', '--reference', 'SRB/OBS/1', '--dated', today, '--kind', 'observer-request', '--subject', 'Observer status') as { value: { id: string } };
    const submitted = json('application', 'submit', '--state', 'SRB', '--status', 'observer', '--note', note.value.id);
    expect(submitted).toMatchObject({ state: 'SRB', status: 'observer', stage: 'open' });
    expect(Object.keys(submitted).slice(0, 4)).toEqual(['id', 'decisionId', 'state', 'status']);
    const criteria = submitted.criteria as { id: string; cites: string[]; assessment: string }[];
    expect(criteria.length).toBeGreaterThan(0);
    for (const criterion of criteria) expect(criterion).toMatchObject({ assessment: 'unanswered', cites: expect.arrayContaining([expect.stringMatching(/^[\w-]+:[\w.()-]+$/)]) as unknown });
    const id = String(submitted.id);
    const decisionId = String(submitted.decisionId);

    const assessed = json('application', 'assess', id, '--criterion', String(criteria[0]?.id), '--met', 'yes', '--evidence', note.value.id);
    expect((assessed.criteria as { assessment: string }[])[0]?.assessment).toBe('met');

    expect(concord('decision', 'circulate', decisionId, '--procedure', 'written', '--deadline', '2099-01-01T00:00:00Z').code).toBe(0);
    for (const state of ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']) expect(concord('decision', 'position', decisionId, '--state', state, '--position', 'yes').code).toBe(0);
    expect(concord('decision', 'close', decisionId).stdout).toMatch(/ADOPTED/);

    expect(json('application', 'show', id)).toMatchObject({ stage: 'adopted', effect: { applied: true } });
    const registry = json('registry', '--as-of', today) as { parties: { party: string; role: string; status: string; act: string }[] };
    expect(registry.parties.find((p) => p.party === 'SRB')).toMatchObject({ role: 'observer', status: 'granted', act: expect.stringContaining(decisionId) as string });
    expect((json('application', 'list') as { applications: { id: string }[] }).applications.map((a) => a.id)).toEqual([id]);
  });

  it('refuses bad input with exit 2 and one line naming the field', () => {
    const status = concord('application', 'submit', '--state', 'SRB', '--status', 'emperor', '--note', 'x');
    expect(status.code).toBe(2);
    expect(status.stderr).toBe('concord application submit: --status: expected member, observer, partner; got "emperor"\n');
    const note = concord('application', 'submit', '--state', 'SRB', '--status', 'partner', '--note', 'no-such-note');
    expect(note.code).toBe(2);
    expect(note.stderr).toBe('concord application submit: noteId: no note no-such-note is registered\n');
  });
});
