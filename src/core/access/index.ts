export { ACTIONS, ALL_SCOPES, permits, ROLES, seesAllStates, TOKEN_SCOPES, type Action, type Permission, type Principal, type AccountRole, type TokenScope } from './permissions.js';
export { mayReadDecision, mayReadEntry, type VisibleEntry } from './visibility.js';
