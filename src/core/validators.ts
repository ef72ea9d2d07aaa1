/**
 * The validators of Concord's schemas. `npm run build` compiles each to standalone code once
 * (dist/core/generated/*.cjs), which loads in milliseconds where compiling at start-up took a
 * quarter of a second; run from source (tests), they are compiled on first use.
 */
// Loading a validator's precompiled code is module loading, not I/O of the record.
// eslint-disable-next-line no-restricted-imports
import { createRequire } from 'node:module';
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import type { TSchema } from '@sinclair/typebox';

export interface ValidatorSpec {
  /** The generated module's name, under core/generated/. */
  readonly name: string;
  readonly schema: TSchema;
  readonly options: Options;
}

const require = createRequire(import.meta.url);

export function loadValidator<T>(spec: ValidatorSpec): ValidateFunction<T> {
  try {
    return require(`./generated/${spec.name}.cjs`) as ValidateFunction<T>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return new Ajv(spec.options).compile<T>(spec.schema);
  }
}
