export { ACTIONS, permits, ROLES, scopesOfRole, seesAllStates, TOKEN_SCOPES, userActor, type Action, type Permission, type Principal, type AccountRole, type TokenScope } from './permissions.js';
export { mayReadDecision, mayReadDocumentsOf, mayReadEntry, redactFor, type VisibleEntry } from './visibility.js';
