/**
 * The framework pack schema: one TypeBox definition gives the JSON Schema that ships in
 * `schema/framework-pack.schema.json`, the runtime check (ajv) and the TypeScript types.
 */
import { Type, type Static, type TObject, type TSchema, type TUnion } from '@sinclair/typebox';

const strict = { additionalProperties: false } as const;

/** A closed set of words; validators report the allowed values instead of one error per word. */
function Enum<T extends string>(values: readonly T[], description?: string) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
}

/** A union told apart by one literal property, so a validator reports the errors of the branch meant. */
function Discriminated<T extends TObject[]>(propertyName: string, variants: [...T]) {
  return Type.Unsafe<Static<TUnion<T>>>({ type: 'object', oneOf: variants, discriminator: { propertyName } });
}

export const IsoDate = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
  description: 'A calendar date, YYYY-MM-DD.',
});
export const StateCode = Type.String({
  pattern: '^[A-Z]{3}$',
  description: 'ISO 3166-1 alpha-3 code of a state.',
});
const Id = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'kebab-case identifier' });
const Citation = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*:[A-Za-z0-9.()\\-]+$',
  description: '"<instrument id>:<article id>", e.g. "charter:19".',
});
const Cites = Type.Array(Citation, { minItems: 1 });
const Fraction = Type.String({
  pattern: '^[0-9]+/[1-9][0-9]*$',
  description: 'An exact share as "numerator/denominator", e.g. "55/100"; never a float.',
});
const Unconfirmed = Type.Optional(
  Type.String({ minLength: 1, description: 'What the sources do not confirm; the value is a parameter.' }),
);
const Localized = Type.Object(
  { en: Type.String({ minLength: 1 }), ru: Type.Optional(Type.String({ minLength: 1 })) },
  strict,
);
const Validity = {
  validFrom: IsoDate,
  validTo: Type.Optional(IsoDate),
};

const Article = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9.()\\-]+$' }),
    title: Type.String({ minLength: 1 }),
    summary: Type.String({ minLength: 1, description: 'A short paraphrase in our own words.' }),
    source: Type.Optional(Type.String({ minLength: 1 })),
    unconfirmed: Unconfirmed,
  },
  strict,
);

const Instrument = Type.Object(
  {
    id: Id,
    title: Localized,
    kind: Enum([
      'treaty',
      'charter',
      'protocol',
      'agreement',
      'rules-of-procedure',
      'regulation',
      'decision',
      'practice',
    ] as const),
    signed: Type.Optional(IsoDate),
    inForce: Type.Optional(IsoDate),
    source: Type.String({ minLength: 1 }),
    unconfirmed: Unconfirmed,
    articles: Type.Array(Article, { minItems: 1 }),
  },
  strict,
);

const historyEntry = <T extends TSchema>(status: T) =>
  Type.Object(
    {
      status,
      from: IsoDate,
      act: Type.String({ minLength: 1, description: 'The act that produced this standing.' }),
      actRu: Type.Optional(Type.String({ minLength: 1, description: 'The act, in Russian.' })),
      cites: Type.Optional(Cites),
      source: Type.Optional(Type.String({ minLength: 1 })),
      unconfirmed: Unconfirmed,
    },
    strict,
  );

export const MEMBER_STATUSES = ['member', 'suspended', 'expelled', 'withdrawal-pending', 'withdrawn'] as const;
export const MemberStatus = Enum(MEMBER_STATUSES);
export const AssociateStatus = Enum(['granted', 'suspended', 'annulled', 'withdrawn'] as const);

const Participation = Type.Object(
  {
    participating: Type.Boolean(),
    from: IsoDate,
    basis: Type.String({ minLength: 1, description: 'What the record of fact rests on (attendance, notices); never a legal status.' }),
    basisRu: Type.Optional(Type.String({ minLength: 1, description: 'The basis, in Russian.' })),
    source: Type.Optional(Type.String({ minLength: 1 })),
    unconfirmed: Unconfirmed,
  },
  strict,
);

const Member = Type.Object(
  {
    state: StateCode,
    name: Localized,
    history: Type.Array(historyEntry(MemberStatus), { minItems: 1 }),
    participation: Type.Optional(Type.Array(Participation)),
  },
  strict,
);
const Associate = Type.Object(
  {
    id: Type.String({ pattern: '^([A-Z]{3}|[a-z0-9]+(-[a-z0-9]+)*)$', description: 'alpha-3 code, or an id for an organization' }),
    name: Localized,
    history: Type.Array(historyEntry(AssociateStatus), { minItems: 1 }),
  },
  strict,
);

const Term = Type.Object({ state: StateCode, ...Validity, source: Type.Optional(Type.String()) }, strict);
const Composition = Discriminated('kind', [
  Type.Object({ kind: Type.Literal('all-members') }, strict),
  Type.Object(
    {
      kind: Type.Literal('seats'),
      permanent: Type.Array(Term),
      elected: Type.Array(Term),
      cites: Cites,
    },
    strict,
  ),
]);

export const PROCEDURES = ['vote', 'written', 'silence'] as const;
export const ProcedureKind = Enum(PROCEDURES);
const ProcedureTerms = Type.Object({ cites: Cites, unconfirmed: Unconfirmed }, strict);
const Question = Type.Object(
  {
    rule: Id,
    procedures: Type.Object(
      {
        vote: Type.Optional(ProcedureTerms),
        written: Type.Optional(ProcedureTerms),
        silence: Type.Optional(ProcedureTerms),
      },
      { ...strict, minProperties: 1 },
    ),
    unconfirmed: Unconfirmed,
  },
  strict,
);

const Body = Type.Object(
  {
    id: Id,
    name: Localized,
    cites: Cites,
    ...Validity,
    composition: Composition,
    unconfirmed: Unconfirmed,
    questions: Type.Record(Id, Question, { minProperties: 1 }),
  },
  strict,
);

const Quorum = Type.Object(
  { share: Fraction, of: Type.Literal('members'), strict: Type.Boolean(), cites: Cites, unconfirmed: Unconfirmed },
  { ...strict, description: 'Members present (yes, no or abstain) needed for the body to decide.' },
);
const Parties = Type.Object(
  {
    treatment: Type.Literal('excluded'),
    max: Type.Optional(Type.Integer({ minimum: 1 })),
    cites: Cites,
    unconfirmed: Unconfirmed,
  },
  { ...strict, description: 'Parties to a dispute or states concerned do not take part (consensus-minus-N when max is set).' },
);
const Feature = Type.Object({ cites: Cites, unconfirmed: Unconfirmed }, strict);
const common = {
  id: Id,
  ...Validity,
  title: Type.String({ minLength: 1 }),
  titleRu: Type.Optional(Type.String({ minLength: 1, description: 'the title in Russian, for findings read in Russian' })),
  cites: Cites,
  unconfirmed: Unconfirmed,
  quorum: Type.Optional(Quorum),
  parties: Type.Optional(Parties),
};

export const SilentAbsencePolicy = Enum(['block', 'contested', 'open-for-accession', 'no-objection'] as const);

const ConsensusRule = Type.Object(
  {
    ...common,
    primitive: Type.Literal('consensus'),
    optOut: Type.Optional(Type.Object({ binding: Type.Boolean(), cites: Cites, unconfirmed: Unconfirmed }, strict)),
    limitedFormat: Type.Optional(Feature),
    silentAbsence: Type.Object({ policy: SilentAbsencePolicy, cites: Cites, unconfirmed: Unconfirmed }, strict),
  },
  strict,
);

const UnanimityRule = Type.Object(
  {
    ...common,
    primitive: Type.Literal('unanimity'),
    abstentionBlocks: Type.Boolean(),
    absenceBlocks: Type.Boolean(),
    constructiveAbstention: Type.Optional(
      Type.Object(
        { statesShare: Fraction, populationShare: Fraction, table: Id, cites: Cites, unconfirmed: Unconfirmed },
        strict,
      ),
    ),
  },
  strict,
);

const Veto = Type.Object(
  {
    holders: Type.Literal('permanent'),
    abstentionIsVeto: Type.Boolean(),
    absenceIsVeto: Type.Boolean(),
    cites: Cites,
  },
  strict,
);
const MajorityRule = Type.Object(
  {
    ...common,
    primitive: Type.Literal('majority'),
    base: Enum(['members', 'present', 'voting'] as const),
    threshold: Type.Union([
      Type.Object({ count: Type.Integer({ minimum: 1 }) }, strict),
      Type.Object({ share: Fraction, strict: Type.Boolean() }, strict),
    ]),
    veto: Type.Optional(Veto),
  },
  strict,
);

const Criterion = Type.Object(
  {
    measure: Type.String({
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
      description: '"states" counts members; otherwise a data table (population, votes).',
    }),
    share: Fraction,
    strict: Type.Optional(Type.Boolean({ description: 'true: more than the share; false (default): at least.' })),
    minimum: Type.Optional(Type.Integer({ minimum: 1 })),
    onRequest: Type.Optional(Type.Boolean({ description: 'Checked only when a member asks (Nice population clause).' })),
  },
  strict,
);
const BlockingMinority = Type.Union([
  Type.Object({ minimumStates: Type.Integer({ minimum: 1 }) }, strict),
  Type.Object({ populationOver: Fraction, table: Id, plus: Type.Integer({ minimum: 0 }) }, strict),
]);
const QualifiedTerms = Type.Object(
  { criteria: Type.Array(Criterion, { minItems: 1 }), blockingMinority: Type.Optional(BlockingMinority), cites: Cites },
  strict,
);
const QualifiedMajorityRule = Type.Object(
  {
    ...common,
    primitive: Type.Literal('qualified-majority'),
    criteria: Type.Array(Criterion, { minItems: 1 }),
    blockingMinority: Type.Optional(BlockingMinority),
    partialParticipation: Type.Optional(QualifiedTerms),
  },
  strict,
);

export const Rule = Discriminated('primitive', [ConsensusRule, UnanimityRule, MajorityRule, QualifiedMajorityRule]);

const DataTable = Type.Object(
  {
    table: Id,
    ...Validity,
    source: Type.String({ minLength: 1 }),
    unconfirmed: Unconfirmed,
    values: Type.Record(StateCode, Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }), { minProperties: 1 }),
  },
  strict,
);

const Chairmanship = Type.Object(
  {
    body: Id,
    order: Enum(['alphabetical-ru', 'alphabetical-en'] as const),
    term: Type.Literal('calendar-year'),
    anchor: Type.Object({ year: Type.Integer({ minimum: 1900 }), state: StateCode }, strict),
    cites: Cites,
    unconfirmed: Unconfirmed,
  },
  strict,
);

/** A condition an applicant must meet, in both languages, with the articles that set it. */
const StandingCriterion = Type.Object(
  {
    id: Id,
    text: Type.Object({ en: Type.String({ minLength: 1 }), ru: Type.String({ minLength: 1 }) }, strict),
    cites: Cites,
  },
  strict,
);

/**
 * What an observer's or a partner's status gives it (CSTO Charter Art. 21: observers take part in
 * sessions as the Rules of Procedure allow): the bodies whose sessions it may attend, and those
 * whose decisions it is informed of. It never gives a position in the members' decisions.
 */
const AssociateRights = Type.Object(
  {
    attends: Type.Optional(Type.Array(Id, { description: 'bodies whose sessions it may attend (default: none)' })),
    informed: Type.Optional(Type.Array(Id, { description: 'bodies whose decisions are notified to it (default: none)' })),
    cites: Cites,
    unconfirmed: Unconfirmed,
  },
  strict,
);

const StandingRule = Type.Object(
  {
    decidedBy: Type.Optional(Id),
    question: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
        description: 'The question kind the deciding body takes it as (default: substantive).',
      }),
    ),
    requestTo: Type.Optional(Type.String({ minLength: 1 })),
    noticeMonths: Type.Optional(Type.Integer({ minimum: 0 })),
    criteria: Type.Optional(Type.Array(StandingCriterion)),
    rights: Type.Optional(AssociateRights),
    cites: Cites,
    unconfirmed: Unconfirmed,
  },
  strict,
);

const Organization = Type.Object(
  {
    name: Localized,
    abbreviation: Localized,
    founded: IsoDate,
    languages: Type.Object(
      { official: Type.Array(Type.String(), { minItems: 1 }), working: Type.Array(Type.String(), { minItems: 1 }) },
      strict,
    ),
    depositary: Type.String({ minLength: 1 }),
    chairmanship: Type.Optional(Chairmanship),
    unconfirmed: Unconfirmed,
  },
  strict,
);

export const PackSchema = Type.Object(
  {
    id: Id,
    organization: Organization,
    instruments: Type.Array(Instrument, { minItems: 1 }),
    members: Type.Array(Member, { minItems: 1 }),
    observers: Type.Optional(Type.Array(Associate)),
    partners: Type.Optional(Type.Array(Associate)),
    standing: Type.Optional(
      Type.Object(
        {
          admission: Type.Optional(StandingRule),
          observer: Type.Optional(StandingRule),
          partner: Type.Optional(StandingRule),
          suspension: Type.Optional(StandingRule),
          expulsion: Type.Optional(StandingRule),
          withdrawal: Type.Optional(StandingRule),
        },
        strict,
      ),
    ),
    correspondence: Type.Optional(
      Type.Object(
        {
          backdatingDays: Type.Optional(
            Type.Integer({ minimum: 0, description: 'A note registered more than this many days after its date needs a stated reason (default: 90). A setting of the secretariat, not a rule of the framework.' }),
          ),
        },
        strict,
      ),
    ),
    bodies: Type.Array(Body, { minItems: 1 }),
    rules: Type.Array(Rule, { minItems: 1 }),
    data: Type.Optional(Type.Array(DataTable)),
  },
  { ...strict, $id: 'urn:concord:framework-pack', title: 'Concord framework pack' },
);

export type Pack = Static<typeof PackSchema>;
export type PackRule = Static<typeof Rule>;
export type ConsensusRuleSpec = Static<typeof ConsensusRule>;
export type UnanimityRuleSpec = Static<typeof UnanimityRule>;
export type MajorityRuleSpec = Static<typeof MajorityRule>;
export type QualifiedMajorityRuleSpec = Static<typeof QualifiedMajorityRule>;
export type QualifiedCriterion = Static<typeof Criterion>;
export type BlockingMinoritySpec = Static<typeof BlockingMinority>;
export type PackBody = Static<typeof Body>;
export type PackQuestion = Static<typeof Question>;
export type PackMember = Static<typeof Member>;
export type PackAssociate = Static<typeof Associate>;
export type MemberStatusValue = Static<typeof MemberStatus>;
export type DataTableSpec = Static<typeof DataTable>;
export type ProcedureKindValue = Static<typeof ProcedureKind>;
export type InstrumentSpec = Static<typeof Instrument>;
export type SilentAbsence = Static<typeof SilentAbsencePolicy>;
export type StandingRuleSpec = Static<typeof StandingRule>;
export type StandingCriterionSpec = Static<typeof StandingCriterion>;
