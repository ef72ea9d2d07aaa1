/**
 * Build step: writes each schema's validator as standalone code next to the compiled core.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { PACK_VALIDATOR } from '../core/framework/parse-pack.js';
import { INPUT_VALIDATOR } from '../core/procedure/input.js';

const out = fileURLToPath(new URL('../core/generated/', import.meta.url));
mkdirSync(out, { recursive: true });
for (const spec of [PACK_VALIDATOR, INPUT_VALIDATOR]) {
  const ajv = new Ajv({ ...spec.options, code: { source: true } });
  writeFileSync(`${out}${spec.name}.cjs`, standalone.default(ajv, ajv.compile(spec.schema)));
}
