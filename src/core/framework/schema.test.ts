import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackSchema } from './index.js';

describe('the shipped JSON Schema', () => {
  it('is the schema the loader validates against (regenerate with "concord framework schema")', () => {
    const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'schema', 'framework-pack.schema.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(JSON.parse(JSON.stringify(PackSchema)));
  });
});
