/**
 * A process killed with SIGKILL in the middle of a batch of appends: after restart the chain
 * verifies, and every batch is either wholly there or wholly absent, read models included.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/ledger/index.js';
import { openStore } from '../src/modules/composition.js';
import { enginesToTest } from './support/stores.js';

const engines = await enginesToTest();
const WRITER = join(import.meta.dirname, 'support', 'append-forever.ts');

describe.each(engines)('a writer killed mid-batch on $name', (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((c) => c()));
  });

  it('leaves a chain that verifies and no half-written batch', async () => {
    const place = await engine.fresh();
    cleanups.push(place.cleanup);
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, JSON.stringify(place.config)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      let lines = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        lines += chunk.toString().split('\n').filter(Boolean).length;
        if (lines >= 8) resolve();
      });
      child.on('exit', () => { reject(new Error(`the writer stopped by itself: ${errors}`)); });
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    const database = await openStore(place.config);
    try {
      const check = await verifyChain(database);
      expect(check.ok).toBe(true);
      const entries = check.ok ? check.count : 0;
      expect(entries).toBeGreaterThanOrEqual(800);
      expect(entries % 100).toBe(0);
      const projected = await database.db.selectFrom('projection_correspondence').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      expect(Number(projected?.n)).toBe(entries);
    } finally {
      await database.close();
    }
  });
});
