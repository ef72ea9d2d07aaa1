export { accessFrom, EVERYONE, ROLES, SECRETARIAT, seesAllStates, TOKEN_SCOPES, userActor, type Access, type AccountRole, type Action, type ActionGrant, type ActionTable, type Permission, type Principal, type TokenScope } from './permissions.js';
export { visibilityFrom, type StreamReads, type Visibility, type VisibleEntry } from './visibility.js';
