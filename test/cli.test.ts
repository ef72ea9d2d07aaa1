/**
 * The `concord` command as users and outside checks call it: the built binary, real processes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', 'bin', 'concord.js');
const PACKS = join(import.meta.dirname, '..', 'frameworks');

function concord(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: input ?? '', encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function decideJson(framework: string, question: unknown, extra: string[] = []) {
  return concord(['decide', '--framework', framework, ...extra], JSON.stringify(question));
}

const CONTRACT_KEYS = ['outcome', 'reason', 'bound', 'notBound', 'blockedBy', 'notify', 'tally', 'trace'];

describe('concord decide', () => {
  for (const pack of readdirSync(PACKS)) {
    const examples = join(PACKS, pack, 'examples');
    for (const file of safeList(examples)) {
      it(`${pack}/${file}: answers the contract with exit 0`, () => {
        const r = concord(['decide', '--framework', pack, '--input', join(examples, file)]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const out = JSON.parse(r.stdout) as Record<string, unknown>;
        expect(Object.keys(out)).toEqual(CONTRACT_KEYS);
        expect(['adopted', 'rejected', 'contested', 'pending']).toContain(out.outcome);
        for (const entry of out.trace as { rule: string; cites: string[]; finding: string }[]) {
          expect(Object.keys(entry)).toEqual(['rule', 'cites', 'finding']);
          expect(entry.rule).toEqual(expect.any(String));
          expect(entry.cites.length).toBeGreaterThan(0);
          for (const c of entry.cites) expect(c).toMatch(/^[a-z0-9-]+:[A-Za-z0-9.()-]+$/);
        }
      });
    }
  }

  it('reads the question from standard input and exits 0 on a rejection too', () => {
    const r = decideJson('csto', { body: 'collective-security-council', question: 'substantive', date: '2024-05-31', positions: { RUS: 'no' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'rejected', blockedBy: ['RUS'] });
  });

  it('accepts a pack by path as well as by id', () => {
    const r = decideJson(join(PACKS, 'csto'), { body: 'permanent-council', question: 'procedural', date: '2024-05-31', positions: { RUS: 'yes', BLR: 'yes', KAZ: 'yes', KGZ: 'yes', TJK: 'yes', ARM: 'no-objection' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'adopted', reason: 'adopted-limited-format' });
  });

  it('picks the rules in force on --as-of', () => {
    const q = { body: 'collective-security-council', question: 'substantive', date: '2011-03-01', positions: { ARM: 'yes', BLR: 'yes', KAZ: 'yes', KGZ: 'yes', RUS: 'yes', TJK: 'yes', UZB: 'opt-out' } };
    expect(JSON.parse(decideJson('csto', q).stdout)).toMatchObject({ outcome: 'adopted', notBound: ['UZB'] });
    expect(JSON.parse(decideJson('csto', q, ['--as-of', '2009-01-01']).stdout)).toMatchObject({ outcome: 'contested' });
  });

  it('omits members for the UN Security Council of a given year', () => {
    const r = decideJson('un-security-council', { body: 'security-council', question: 'procedural', date: '2015-06-01', positions: { USA: 'yes', GBR: 'yes', FRA: 'yes', RUS: 'no', CHN: 'no', JOR: 'yes', NZL: 'yes', ESP: 'yes', LTU: 'yes', MYS: 'yes', CHL: 'yes', AGO: 'abstain' } });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { outcome: string; notify: string[] };
    expect(out.outcome).toBe('adopted');
    expect(out.notify).toHaveLength(15);
  });

  const bad: [string, string, unknown, RegExp][] = [
    ['unknown pack', 'nowhere', { body: 'x', question: 'substantive' }, /--framework: .*no such framework pack/],
    ['unknown body', 'csto', { body: 'general-assembly', question: 'substantive', date: '2024-01-01' }, /^concord decide: body: unknown body "general-assembly"/],
    ['unknown question', 'csto', { body: 'collective-security-council', question: 'budgetary', date: '2024-01-01' }, /^concord decide: question: unknown question "budgetary"/],
    ['unknown member code', 'csto', { body: 'collective-security-council', question: 'substantive', date: '2024-01-01', positions: { XYZ: 'yes' } }, /^concord decide: positions: "XYZ" is not an ISO 3166-1 alpha-3 code/],
    ['malformed member code', 'csto', { body: 'collective-security-council', question: 'substantive', date: '2024-01-01', positions: { Russia: 'yes' } }, /^concord decide: positions\.Russia: is not an ISO 3166-1 alpha-3 code/],
    ['a state not on the body', 'csto', { body: 'collective-security-council', question: 'substantive', date: '2024-01-01', positions: { UZB: 'yes' } }, /^concord decide: positions\.UZB: UZB does not sit on the Collective Security Council on 2024-01-01/],
    ['a date before the organization', 'nato', { body: 'north-atlantic-council', question: 'substantive', date: '1948-01-01' }, /^concord decide: date: 1948-01-01 is before NATO existed/],
    ['silence without a deadline', 'nato', { body: 'north-atlantic-council', question: 'substantive', procedure: 'silence', date: '2024-01-01' }, /^concord decide: deadline: a silence procedure needs a deadline/],
    ['an unknown position word', 'csto', { body: 'collective-security-council', question: 'substantive', date: '2024-01-01', positions: { RUS: 'maybe' } }, /^concord decide: positions\.RUS: expected a position word/],
    ['an impossible date', 'csto', { body: 'collective-security-council', question: 'substantive', date: '2024-02-30' }, /^concord decide: date: "2024-02-30" is not a calendar date/],
    ['a missing body', 'csto', { question: 'substantive' }, /^concord decide: body: is required/],
    ['an unknown field', 'csto', { body: 'collective-security-council', question: 'substantive', vote: 1 }, /^concord decide: vote: is not a field of the decide input/],
    ['too many parties for consensus-minus-one', 'osce', { body: 'permanent-council', question: 'substantive', date: '2024-01-01', parties: ['RUS', 'BLR'] }, /^concord decide: parties: .*at most 1 state/],
    ['a procedure the body does not use', 'un-security-council', { body: 'security-council', question: 'substantive', procedure: 'silence', date: '2024-01-01', deadline: '2024-01-02T00:00:00Z' }, /^concord decide: procedure: .*allowed: vote/],
  ];
  for (const [what, pack, question, message] of bad) {
    it(`refuses ${what}: exit 2, one line naming the field, no stack trace`, () => {
      const r = decideJson(pack, question);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('refuses malformed JSON with exit 2', () => {
    const r = concord(['decide', '--framework', 'csto'], '{"body": ');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^concord decide: input: malformed JSON/);
  });

  it('refuses a missing --framework with exit 2', () => {
    expect(concord(['decide'], '{}').code).toBe(2);
  });
});

describe('concord framework', () => {
  it('validate: every shipped pack is valid', () => {
    const r = concord(['framework', 'validate', ...readdirSync(PACKS)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('validate: a broken pack is refused with file:line: reason for each problem, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-pack-'));
    cpSync(join(PACKS, 'csto'), dir, { recursive: true });
    const rules = join(dir, 'rules.yaml');
    const text = readFileSync(rules, 'utf8').replace('policy: contested', 'policy: consent').replace('cites: [charter:12]', 'cites: [charter:112]');
    writeFileSync(rules, text);
    const r = concord(['framework', 'validate', dir]);
    expect(r.code).toBe(2);
    const line = text.split('\n').findIndex((l) => l.includes('policy: consent')) + 1;
    expect(r.stderr).toContain(`rules.yaml:${line}: rules[0].silentAbsence.policy: must be one of: block, contested, open-for-accession, no-objection`);
    expect(r.stderr).toContain('refused');
  });

  it('show: summarizes the CSTO as of a date, with the chair and the articles cited', () => {
    const r = concord(['framework', 'show', 'csto', '--as-of', '2024-03-28']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Chair: Kazakhstan (KAZ)');
    expect(r.stdout).toContain('Collective Security Council [collective-security-council] — 6 members');
    expect(r.stdout).toContain('cites Charter of the Collective Security Treaty Organization, Art. 12 (Decision-making)');
    expect(r.stdout).toMatch(/UZB\s+Uzbekistan\s+suspended/);
  });

  it('show --json gives the same summary for machines', () => {
    const out = JSON.parse(concord(['framework', 'show', 'un-security-council', '--as-of', '2024-06-01', '--json']).stdout) as { bodies: { members: string[] }[] };
    expect(out.bodies[0]?.members).toHaveLength(15);
  });

  it('show refuses an impossible date', () => {
    const r = concord(['framework', 'show', 'csto', '--as-of', 'yesterday']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--as-of: expected a date/);
  });
});

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
}
