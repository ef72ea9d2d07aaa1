export { parsePack, type PackFile, type PackProblem, type PackResult } from './parse-pack.js';
export { PackSchema } from './schema.js';
export type {
  BlockingMinoritySpec,
  ConsensusRuleSpec,
  DataTableSpec,
  InstrumentSpec,
  MajorityRuleSpec,
  MemberStatusValue,
  Pack,
  PackAssociate,
  PackBody,
  PackMember,
  PackQuestion,
  PackRule,
  ProcedureKindValue,
  QualifiedCriterion,
  QualifiedMajorityRuleSpec,
  SilentAbsence,
  StandingCriterionSpec,
  StandingRuleSpec,
  UnanimityRuleSpec,
} from './schema.js';
export {
  chairOn,
  compositionOn,
  figuresOf,
  findBody,
  procedureOf,
  questionOf,
  inForce,
  memberName,
  ruleInForce,
  sitsAsMember,
  statusOn,
  tableInForce,
  type Composition,
} from './in-force.js';
export { describeCitation, describeRule } from './describe.js';
