/**
 * The `decide` input as it arrives from outside (CLI, HTTP): checked once here, with the field at
 * fault named, and turned into a `DecideInput` the engine trusts.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { ErrorObject } from 'ajv';
import { loadValidator, type ValidatorSpec } from '../validators.js';
import { POSITION_WORDS, type CastPosition, type DecideInput } from './types.js';

const Instant = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$',
  description: 'an ISO 8601 date or date-time with a time zone, e.g. 2024-06-10T12:00:00Z',
});
const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a date, YYYY-MM-DD' });
const Code = Type.String({ pattern: '^[A-Z]{3}$', description: 'an ISO 3166-1 alpha-3 code, e.g. ARM' });
const Word = Type.Unsafe<CastPosition['position']>({ type: 'string', enum: [...POSITION_WORDS] });

export const DecideInputSchema = Type.Object(
  {
    title: Type.Optional(Type.String({ description: 'a label for people; the engine does not read it' })),
    body: Type.String({ minLength: 1 }),
    question: Type.String({ minLength: 1 }),
    procedure: Type.Optional(Type.Unsafe<DecideInput['procedure']>({ type: 'string', enum: ['vote', 'written', 'silence'] })),
    date: Type.Optional(DateOnly),
    deadline: Type.Optional(Instant),
    members: Type.Optional(Type.Array(Code, { uniqueItems: true })),
    positions: Type.Optional(
      Type.Record(Code, Type.Union([Word, Type.Object({ position: Word, at: Type.Optional(Instant) }, { additionalProperties: false })]), {
        additionalProperties: false,
      }),
    ),
    parties: Type.Optional(Type.Array(Code, { uniqueItems: true })),
    data: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z0-9-]+$' }), Type.Record(Code, Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }), { additionalProperties: false }))),
  },
  { additionalProperties: false },
);
export type RawDecideInput = Static<typeof DecideInputSchema>;

export const INPUT_VALIDATOR: ValidatorSpec = { name: 'decide-input', schema: DecideInputSchema, options: { allErrors: false, strict: false, verbose: true } };
const check = loadValidator<RawDecideInput>(INPUT_VALIDATOR);

export type ParsedInput = { ok: true; input: DecideInput } | { ok: false; field: string; message: string };

/**
 * `today` fills a missing date (the shell's clock); a deadline given alone dates the act.
 */
export function parseDecideInput(raw: unknown, today: string): ParsedInput {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, field: '(input)', message: 'expected one JSON object' };
  if (!check(raw)) return describe(check.errors?.find((e) => e.keyword === 'anyOf') ?? check.errors?.[0]);
  const positions: Record<string, CastPosition> = {};
  for (const [state, p] of Object.entries(raw.positions ?? {})) positions[state] = typeof p === 'string' ? { position: p } : p;
  for (const [state, p] of Object.entries(positions)) {
    if (p.at === undefined) continue;
    const at = instantOrDate(p.at);
    if (at === undefined) return { ok: false, field: `positions.${state}.at`, message: `"${p.at}" is not a valid date-time` };
    positions[state] = { ...p, at };
  }
  const deadline = raw.deadline === undefined ? undefined : instantOrDate(raw.deadline);
  if (raw.deadline !== undefined && deadline === undefined) return { ok: false, field: 'deadline', message: `"${raw.deadline}" is not a valid date-time` };
  const date = raw.date ?? raw.deadline?.slice(0, 10) ?? today;
  if (!isCalendarDate(date)) return { ok: false, field: 'date', message: `"${date}" is not a calendar date` };
  return {
    ok: true,
    input: {
      body: raw.body,
      question: raw.question,
      procedure: raw.procedure ?? 'vote',
      date,
      deadline,
      members: raw.members,
      positions,
      parties: raw.parties,
      data: raw.data,
    },
  };
}

/**
 * An instant as ISO 8601 with a time zone, and a real one (no 31 February), returned in UTC so
 * that instants compare as text; undefined for anything else.
 */
export function normalizeInstant(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se] = m.map(Number);
  const probe = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 0, h ?? 0, mi ?? 0, se ?? 0));
  if (probe.getUTCMonth() !== (mo ?? 1) - 1 || probe.getUTCDate() !== d || (h ?? 0) > 23 || (mi ?? 0) > 59 || (se ?? 0) > 59) return undefined;
  return new Date(text).toISOString();
}

export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** A date-time, or a bare date read as the end of that day in UTC (a deadline "on" that day). */
function instantOrDate(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isCalendarDate(text) ? `${text}T23:59:59.999Z` : undefined;
  return normalizeInstant(text);
}

function describe(e: ErrorObject | undefined): ParsedInput {
  if (!e) return { ok: false, field: '(input)', message: 'invalid input' };
  const path = e.instancePath.slice(1).split('/').filter(Boolean).join('.');
  const params = e.params as Record<string, unknown>;
  const at = (key: string) => (path ? `${path}.${key}` : key);
  switch (e.keyword) {
    case 'required':
      return { ok: false, field: at(String(params.missingProperty)), message: 'is required' };
    case 'additionalProperties': {
      // Maps keyed by state (positions, data tables) reject any key that is not a state code.
      const keyedByState = e.parentSchema?.patternProperties !== undefined;
      const message = keyedByState ? 'is not an ISO 3166-1 alpha-3 code (three capital letters)' : 'is not a field of the decide input';
      return { ok: false, field: at(String(params.additionalProperty)), message };
    }
    case 'enum':
      return { ok: false, field: path, message: `expected one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}; got ${JSON.stringify(e.data)}` };
    case 'pattern':
      return { ok: false, field: path, message: `expected ${e.parentSchema?.description ?? 'another form'}; got ${JSON.stringify(e.data)}` };
    case 'anyOf':
      return { ok: false, field: path, message: `expected a position word (${POSITION_WORDS.join(', ')}) or {"position": ..., "at": ...}; got ${JSON.stringify(e.data)}` };
    default:
      return { ok: false, field: path || '(input)', message: `${e.message ?? 'is invalid'}; got ${JSON.stringify(e.data)}` };
  }
}
