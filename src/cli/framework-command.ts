/**
 * `concord framework validate|show|list`: checking a pack and reading it as of a date.
 */
import {
  chairOn,
  compositionOn,
  describeCitation,
  describeRule,
  inForce,
  memberName,
  ruleInForce,
  PackSchema,
  statusOn,
  type Pack,
} from '../core/framework/index.js';
import { isCalendarDate } from '../core/procedure/index.js';
import { loadPack, shippedPackIds } from '../app/packs.js';
import { EXIT_BAD_INPUT, EXIT_OK, printJson, refuse, today } from './io.js';

export function runValidate(paths: readonly string[], json: boolean): number {
  let failed = false;
  const report: { pack: string; ok: boolean; problems: unknown[] }[] = [];
  for (const path of paths) {
    const result = loadPack(path);
    report.push({ pack: path, ok: result.ok, problems: result.ok ? [] : result.problems });
    if (json) continue;
    if (result.ok) {
      const p = result.pack;
      process.stdout.write(`${path}: ok — ${p.id}: ${p.instruments.length} instruments, ${p.members.length} members, ${p.bodies.length} bodies, ${p.rules.length} rules, ${p.data?.length ?? 0} data tables\n`);
    } else {
      failed = true;
      for (const problem of result.problems) process.stderr.write(`${problem.file}:${problem.line}: ${problem.message}\n`);
      process.stderr.write(`${path}: refused (${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'}); nothing was loaded\n`);
    }
  }
  if (json) {
    printJson(report, true);
    failed = report.some((r) => !r.ok);
  }
  return failed ? EXIT_BAD_INPUT : EXIT_OK;
}

export function runSchema(): number {
  printJson(PackSchema, true);
  return EXIT_OK;
}

export function runList(): number {
  for (const id of shippedPackIds()) {
    const result = loadPack(id);
    process.stdout.write(result.ok ? `${id}\t${result.pack.organization.name.en}\n` : `${id}\t(invalid pack: run "concord framework validate ${id}")\n`);
  }
  return EXIT_OK;
}

export function runShow(id: string, asOf: string | undefined, json: boolean): number {
  const date = asOf ?? today();
  if (!isCalendarDate(date)) return refuse('framework show', `--as-of: expected a date YYYY-MM-DD, got "${date}"`);
  const result = loadPack(id);
  if (!result.ok) {
    const first = result.problems[0];
    return refuse('framework show', first ? `${first.file}:${first.line}: ${first.message}` : 'cannot load');
  }
  const summary = summarize(result.pack, date);
  if (json) printJson(summary, true);
  else process.stdout.write(render(result.pack, summary));
  return EXIT_OK;
}

interface Summary {
  id: string;
  organization: string;
  asOf: string;
  chair: string | undefined;
  standing: { state: string; name: string; status: string }[];
  bodies: {
    id: string;
    name: string;
    members: readonly string[];
    questions: { kind: string; rule: string; title: string; description: string; procedures: string[]; cites: string[] }[];
  }[];
}

function summarize(pack: Pack, date: string): Summary {
  return {
    id: pack.id,
    organization: pack.organization.name.en,
    asOf: date,
    chair: chairOn(pack, date),
    standing: pack.members
      .map((m) => ({ state: m.state, name: m.name.en, status: statusOn(m, date) ?? '' }))
      .filter((m) => m.status !== ''),
    bodies: pack.bodies
      .filter((b) => inForce(b, date))
      .map((b) => ({
        id: b.id,
        name: b.name.en,
        members: compositionOn(pack, b, date).members,
        questions: Object.entries(b.questions).map(([kind, q]) => {
          const rule = ruleInForce(pack, q.rule, date);
          return {
            kind,
            rule: q.rule,
            title: rule?.title ?? '(no version in force on this date)',
            description: rule ? describeRule(rule) : '',
            procedures: Object.keys(q.procedures),
            cites: rule ? [...rule.cites] : [],
          };
        }),
      })),
  };
}

function render(pack: Pack, s: Summary): string {
  const lines = [`${s.organization} (${pack.id}) as of ${s.asOf}`, ''];
  if (s.chair) lines.push(`Chair: ${memberName(pack, s.chair)} (${s.chair})`, '');
  lines.push('Standing:');
  for (const m of s.standing) lines.push(`  ${m.state}  ${m.name.padEnd(24)} ${m.status}`);
  for (const b of s.bodies) {
    lines.push('', `${b.name} [${b.id}] — ${b.members.length} members: ${b.members.join(' ')}`);
    for (const q of b.questions) {
      lines.push(`  ${q.kind}: ${q.title} (${q.rule}); procedures: ${q.procedures.join(', ')}`);
      if (q.description) lines.push(`    ${q.description}`);
      for (const c of q.cites) lines.push(`    cites ${describeCitation(pack, c)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
