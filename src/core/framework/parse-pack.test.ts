import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { consensus, packWith } from '../../../test/support/pack.js';
import { parsePack } from './index.js';

const valid = packWith(consensus());
const { members, ...rest } = valid;
const main = stringify(rest);
const membersFile = stringify({ members });

describe('parsePack', () => {
  it('loads a pack split over several files', () => {
    const result = parsePack([
      { name: 'pack.yaml', text: main },
      { name: 'members.yaml', text: membersFile },
    ]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.pack.members).toHaveLength(6);
  });

  it('concatenates arrays that several files contribute', () => {
    const [first, ...others] = members;
    const result = parsePack([
      { name: 'pack.yaml', text: main },
      { name: 'a.yaml', text: stringify({ members: [first] }) },
      { name: 'b.yaml', text: stringify({ members: others }) },
    ]);
    expect(result.ok && result.pack.members.map((m) => m.state)).toEqual(members.map((m) => m.state));
  });

  it('names the file and line of a misspelt property', () => {
    const text = main.replace('primitive: consensus', 'primitive: consensus\n    silence: true');
    const result = parsePack([{ name: 'pack.yaml', text }, { name: 'members.yaml', text: membersFile }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('silence: true')) + 1;
    expect(result.problems).toContainEqual({ file: 'pack.yaml', line, message: 'rules[0].silence: is not a known property here' });
  });

  it('names the file and line of an item that came from a second file', () => {
    const broken = membersFile.replace('state: CYP', 'state: Cyprus');
    const result = parsePack([{ name: 'pack.yaml', text: main }, { name: 'members.yaml', text: broken }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = broken.split('\n').findIndex((l) => l.includes('state: Cyprus')) + 1;
    expect(result.problems[0]).toMatchObject({ file: 'members.yaml', line });
    expect(result.problems[0]?.message).toContain('members[2].state: "Cyprus" is not in the expected form (ISO 3166-1 alpha-3');
  });

  it('reports an unknown rule primitive with the allowed ones', () => {
    const text = main.replace('primitive: consensus', 'primitive: lottery');
    const result = parsePack([{ name: 'pack.yaml', text }, { name: 'members.yaml', text: membersFile }]);
    expect(!result.ok && result.problems[0]?.message).toMatch(/rules\[0\].*primitive.*consensus, unanimity, majority, qualified-majority/);
  });

  it('refuses a citation of an article the instrument does not contain', () => {
    const text = main.replace('- charter:4', '- charter:99');
    const result = parsePack([{ name: 'pack.yaml', text }, { name: 'members.yaml', text: membersFile }]);
    expect(!result.ok && result.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('cites article "99", which "charter" does not contain'));
  });

  it("refuses a standing criterion citing an article the instrument does not contain, at the criterion's line", () => {
    const text = stringify({ ...rest, standing: { admission: { decidedBy: 'council', criteria: [{ id: 'aims', text: { en: 'shares the aims', ru: 'разделяет цели' }, cites: ['charter:77'] }], cites: ['charter:1'] } } });
    const result = parsePack([{ name: 'pack.yaml', text }, { name: 'members.yaml', text: membersFile }]);
    const line = text.split('\n').findIndex((l) => l.includes('charter:77')) + 1;
    expect(!result.ok && result.problems).toContainEqual({ file: 'pack.yaml', line, message: 'standing.admission.criteria[0].cites[0]: cites article "77", which "charter" does not contain' });
  });

  it('refuses a standing rule whose question the deciding body does not take', () => {
    const text = stringify({ ...rest, standing: { admission: { decidedBy: 'council', question: 'urgent', cites: ['charter:1'] } } });
    const result = parsePack([{ name: 'pack.yaml', text }, { name: 'members.yaml', text: membersFile }]);
    expect(!result.ok && result.problems.map((p) => p.message)).toContainEqual('standing.admission.question: the council takes no "urgent" question; it takes substantive');
  });

  it('refuses two standing criteria with one id', () => {
    const aims = { id: 'aims', text: { en: 'shares the aims', ru: 'разделяет цели' }, cites: ['charter:1'] };
    const text = stringify({ ...rest, standing: { admission: { decidedBy: 'council', criteria: [aims, aims], cites: ['charter:1'] } } });
    const result = parsePack([{ name: 'pack.yaml', text }, { name: 'members.yaml', text: membersFile }]);
    expect(!result.ok && result.problems.map((p) => p.message)).toContainEqual('standing.admission.criteria[1].id: criterion "aims" appears twice in admission');
  });

  it('refuses a standing criterion without its Russian text', () => {
    const text = stringify({ ...rest, standing: { admission: { decidedBy: 'council', criteria: [{ id: 'aims', text: { en: 'shares the aims' }, cites: ['charter:1'] }], cites: ['charter:1'] } } });
    const result = parsePack([{ name: 'pack.yaml', text }, { name: 'members.yaml', text: membersFile }]);
    expect(!result.ok && result.problems.map((p) => p.message).join('\n')).toMatch(/standing\.admission\.criteria\[0\]\.text.*ru/);
  });

  it('refuses two versions of one rule in force on the same day', () => {
    const twice = packWith(consensus());
    twice.rules = [consensus(), { ...consensus(), validFrom: '2010-01-01' }];
    const result = parsePack([{ name: 'pack.yaml', text: stringify(twice) }]);
    expect(!result.ok && result.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('has two versions in force on one day'));
  });

  it('refuses a history that runs backwards', () => {
    const backwards = packWith(consensus());
    backwards.members[0]?.history.push({ status: 'withdrawn', from: '1999-01-01', act: 'x' });
    const result = parsePack([{ name: 'pack.yaml', text: stringify(backwards) }]);
    expect(!result.ok && result.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('history must run forward'));
  });

  it('refuses a body question naming an undefined rule', () => {
    const text = main.replace('rule: rule', 'rule: nowhere');
    const result = parsePack([{ name: 'pack.yaml', text }, { name: 'members.yaml', text: membersFile }]);
    expect(!result.ok && result.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('names rule "nowhere"'));
  });

  it('refuses a key defined in two files', () => {
    const result = parsePack([{ name: 'pack.yaml', text: main }, { name: 'again.yaml', text: stringify({ organization: rest.organization, members }) }]);
    expect(!result.ok && result.problems).toContainEqual({ file: 'again.yaml', line: 1, message: 'top-level key "organization" is already defined in another file' });
  });

  it('reports YAML syntax errors with their line, and loads nothing', () => {
    const result = parsePack([{ name: 'pack.yaml', text: 'id: x\norganization: [unclosed\n' }]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.file).toBe('pack.yaml');
    expect(!result.ok && result.problems[0]?.message).toMatch(/^YAML: /);
  });

  it('reports every problem, not only the first', () => {
    const text = main.replace('primitive: consensus', 'primitive: consensus\n    extra: 1');
    const result = parsePack([{ name: 'pack.yaml', text }, { name: 'members.yaml', text: membersFile.replace('state: CYP', 'state: cyp') }]);
    expect(!result.ok && result.problems.map((p) => p.file)).toEqual(['members.yaml', 'pack.yaml']);
  });
});
