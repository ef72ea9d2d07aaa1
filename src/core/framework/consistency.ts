/**
 * Checks a schema-valid pack for what a schema cannot say: every citation names a real article,
 * every reference names something defined, histories run forward in time, and no two versions
 * of one rule or table are in force on the same day.
 */
import type { Pack, PackRule } from './schema.js';
import type { PathSegment } from './source-map.js';

export interface PathProblem {
  readonly path: PathSegment[];
  /** A key inside the object at `path` that the problem is about. */
  readonly key?: string;
  readonly message: string;
}

interface Dated {
  readonly validFrom: string;
  readonly validTo?: string | undefined;
}

export function checkPackConsistency(pack: Pack): PathProblem[] {
  const problems: PathProblem[] = [];
  const report = (path: PathSegment[], message: string) => problems.push({ path, message });

  const articles = new Map<string, Set<string>>();
  pack.instruments.forEach((ins, i) => {
    if (articles.has(ins.id)) report(['instruments', i, 'id'], `instrument "${ins.id}" is defined twice`);
    const ids = new Set<string>();
    ins.articles.forEach((a, j) => {
      if (ids.has(a.id)) report(['instruments', i, 'articles', j, 'id'], `article "${a.id}" appears twice in "${ins.id}"`);
      ids.add(a.id);
    });
    articles.set(ins.id, ids);
  });
  walkCitations(pack, (citation, path) => {
    const [instrument = '', article = ''] = citation.split(':');
    const ids = articles.get(instrument);
    if (!ids) report(path, `cites unknown instrument "${instrument}"`);
    else if (!ids.has(article)) report(path, `cites article "${article}", which "${instrument}" does not contain`);
  });

  const states = new Set<string>();
  pack.members.forEach((m, i) => {
    if (states.has(m.state)) report(['members', i, 'state'], `member "${m.state}" is listed twice`);
    states.add(m.state);
    checkChronology(m.history, ['members', i, 'history'], pack.organization.founded, report);
    if (m.participation) checkChronology(m.participation, ['members', i, 'participation'], pack.organization.founded, report);
  });
  for (const list of ['observers', 'partners'] as const) {
    pack[list]?.forEach((a, i) => { checkChronology(a.history, [list, i, 'history'], pack.organization.founded, report); });
  }

  const tables = new Set((pack.data ?? []).map((t) => t.table));
  checkWindows(pack.data ?? [], (t) => t.table, 'data', 'data table', report);
  (pack.data ?? []).forEach((t, i) => { checkWindow(t, ['data', i], report); });
  pack.rules.forEach((r, i) => {
    checkWindow(r, ['rules', i], report);
    for (const [path, table] of tablesUsed(r)) {
      if (!tables.has(table)) report(['rules', i, ...path], `refers to data table "${table}", which the pack does not define`);
    }
  });
  checkWindows(pack.rules, (r) => r.id, 'rules', 'rule', report);

  const ruleIds = new Set(pack.rules.map((r) => r.id));
  const bodyIds = new Set<string>();
  pack.bodies.forEach((b, i) => {
    if (bodyIds.has(b.id)) report(['bodies', i, 'id'], `body "${b.id}" is defined twice`);
    bodyIds.add(b.id);
    checkWindow(b, ['bodies', i], report);
    for (const [kind, q] of Object.entries(b.questions)) {
      if (!ruleIds.has(q.rule)) report(['bodies', i, 'questions', kind, 'rule'], `names rule "${q.rule}", which the pack does not define`);
    }
    if (b.composition.kind === 'seats') {
      for (const seat of ['permanent', 'elected'] as const) {
        b.composition[seat].forEach((term, j) => {
          const path = ['bodies', i, 'composition', seat, j];
          if (!states.has(term.state)) report([...path, 'state'], `"${term.state}" holds a seat but is not in members`);
          checkWindow(term, path, report);
        });
      }
    }
  });

  const chair = pack.organization.chairmanship;
  if (chair) {
    if (!bodyIds.has(chair.body)) report(['organization', 'chairmanship', 'body'], `names body "${chair.body}", which the pack does not define`);
    if (!states.has(chair.anchor.state)) report(['organization', 'chairmanship', 'anchor', 'state'], `"${chair.anchor.state}" is not a member`);
  }
  checkStanding(pack, report);
  return problems;
}

/**
 * A standing rule names a body that exists and a question that body takes; its criteria are told
 * apart by id, since an officer's finding is recorded against one. (Their cites are checked with
 * every other citation above.)
 */
function checkStanding(pack: Pack, report: (path: PathSegment[], message: string) => void): void {
  for (const [kind, standing] of Object.entries(pack.standing ?? {})) {
    const body = pack.bodies.find((b) => b.id === standing.decidedBy);
    if (standing.decidedBy !== undefined && !body) {
      report(['standing', kind, 'decidedBy'], `names body "${standing.decidedBy}", which the pack does not define`);
    }
    const question = standing.question ?? 'substantive';
    if (body && !Object.hasOwn(body.questions, question)) {
      report(['standing', kind, ...(standing.question === undefined ? ['decidedBy'] : ['question'])], `the ${body.id} takes no "${question}" question; it takes ${Object.keys(body.questions).join(', ')}`);
    }
    const ids = new Set<string>();
    for (const field of ['attends', 'informed'] as const) {
      standing.rights?.[field]?.forEach((id, j) => {
        if (!pack.bodies.some((b) => b.id === id)) report(['standing', kind, 'rights', field, j], `names body "${id}", which the pack does not define`);
      });
    }
    standing.criteria?.forEach((c, j) => {
      if (ids.has(c.id)) report(['standing', kind, 'criteria', j, 'id'], `criterion "${c.id}" appears twice in ${kind}`);
      ids.add(c.id);
    });
  }
}

function checkChronology(
  history: readonly { from: string }[],
  path: PathSegment[],
  founded: string,
  report: (path: PathSegment[], message: string) => void,
): void {
  history.forEach((entry, j) => {
    const previous = history[j - 1];
    if (previous && entry.from < previous.from) {
      report([...path, j, 'from'], `${entry.from} comes before the previous entry (${previous.from}); history must run forward`);
    }
    if (j === 0 && entry.from < founded) {
      report([...path, j, 'from'], `${entry.from} is before the organization was founded (${founded})`);
    }
  });
}

function checkWindow(item: Dated, path: PathSegment[], report: (path: PathSegment[], message: string) => void): void {
  if (item.validTo !== undefined && item.validTo < item.validFrom) {
    report([...path, 'validTo'], `ends (${item.validTo}) before it starts (${item.validFrom})`);
  }
}

function checkWindows<T extends Dated>(
  items: readonly T[],
  idOf: (item: T) => string,
  list: string,
  noun: string,
  report: (path: PathSegment[], message: string) => void,
): void {
  items.forEach((a, i) => {
    items.slice(0, i).forEach((b) => {
      if (idOf(a) !== idOf(b)) return;
      const overlap = a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');
      if (overlap) report([list, i, 'validFrom'], `${noun} "${idOf(a)}" has two versions in force on one day (${a.validFrom})`);
    });
  });
}

function tablesUsed(rule: PackRule): [PathSegment[], string][] {
  const used: [PathSegment[], string][] = [];
  if (rule.primitive === 'qualified-majority') {
    rule.criteria.forEach((c, j) => c.measure !== 'states' && used.push([['criteria', j, 'measure'], c.measure]));
    rule.partialParticipation?.criteria.forEach(
      (c, j) => c.measure !== 'states' && used.push([['partialParticipation', 'criteria', j, 'measure'], c.measure]),
    );
    for (const [path, bm] of [
      [['blockingMinority'], rule.blockingMinority],
      [['partialParticipation', 'blockingMinority'], rule.partialParticipation?.blockingMinority],
    ] as const) {
      if (bm && 'table' in bm) used.push([[...path, 'table'], bm.table]);
    }
  }
  if (rule.primitive === 'unanimity' && rule.constructiveAbstention) {
    used.push([['constructiveAbstention', 'table'], rule.constructiveAbstention.table]);
  }
  return used;
}

/** Every `cites` list anywhere in the pack, with the path of each citation. */
function walkCitations(value: unknown, visit: (citation: string, path: PathSegment[]) => void, path: PathSegment[] = []): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => { walkCitations(v, visit, [...path, i]); });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'cites' && Array.isArray(v)) v.forEach((c, i) => { visit(String(c), [...path, k, i]); });
      else walkCitations(v, visit, [...path, k]);
    }
  }
}
