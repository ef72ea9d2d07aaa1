/**
 * The tour: every shipped pack answers the documented questions in its `examples/` folder, so a
 * newcomer sees what the engine says and why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPack, SHIPPED_PACKS, shippedPackIds } from '../app/packs.js';
import { describeCitation } from '../core/framework/index.js';
import { decide, parseDecideInput } from '../core/procedure/index.js';
import { EXIT_FAILED, EXIT_OK, today } from './io.js';

export function runTour(): number {
  let failed = false;
  const out: string[] = ['Concord — a tour of the shipped framework packs', ''];
  for (const id of shippedPackIds()) {
    const loaded = loadPack(id);
    if (!loaded.ok) {
      failed = true;
      out.push(`${id}: the pack is invalid; run "npx concord framework validate ${id}"`, '');
      continue;
    }
    const pack = loaded.pack;
    out.push(`━━ ${pack.organization.name.en} (${id}) ━━`);
    const dir = join(SHIPPED_PACKS, id, 'examples');
    const files = safeList(dir).filter((f) => f.endsWith('.json'));
    for (const file of files) {
      const question = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { title?: string };
      const parsed = parseDecideInput(question, today());
      if (!parsed.ok) {
        failed = true;
        out.push(`  ${file}: ${parsed.field}: ${parsed.message}`);
        continue;
      }
      const result = decide(pack, parsed.input, { now: new Date().toISOString() });
      if (!result.ok) {
        failed = true;
        out.push(`  ${file}: ${result.refusal.field}: ${result.refusal.message}`);
        continue;
      }
      const d = result.decision;
      out.push(``, `  ${question.title ?? file}`, `  → ${d.outcome.toUpperCase()} (${d.reason})${d.blockedBy.length ? `, blocked by ${d.blockedBy.join(', ')}` : ''}${d.notBound.length ? `; not bound: ${d.notBound.join(', ')}` : ''}`);
      for (const t of d.trace.slice(1)) {
        out.push(`    · ${t.finding}`);
        out.push(`      ${t.cites.map((c) => describeCitation(pack, c)).join('; ')}`);
      }
    }
    out.push('');
  }
  out.push('Ask your own question: echo \'{"body": ..., "question": ..., "positions": {...}}\' | npx concord decide --framework csto --pretty');
  process.stdout.write(`${out.join('\n')}\n`);
  return failed ? EXIT_FAILED : EXIT_OK;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
