/**
 * Who may do what. The secretariat acts for the organization; a member's delegate acts only for
 * the state that accredited them and reads only what that state may read; analysts follow the
 * record and the press; observers read what is public. Checked in the application layer on every
 * command and every read, whatever the client.
 */

export const ROLES = ['admin', 'officer', 'delegate', 'analyst', 'observer'] as const;
export type AccountRole = (typeof ROLES)[number];

export const TOKEN_SCOPES = ['read', 'write', 'metrics'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface Principal {
  readonly username: string;
  readonly role: AccountRole;
  /** The member state a delegate is accredited by (alpha-3); none for other roles. */
  readonly state: string | null;
  /** What a token may be used for; a signed-in person holds every scope of their role. */
  readonly scopes: readonly TokenScope[];
}

export const ACTIONS = [
  'registry:read',
  'correspondence:read',
  'correspondence:register',
  'statement:read',
  'statement:record',
  'decision:read',
  'decision:draft',
  'decision:circulate',
  'decision:close',
  'decision:position',
  'decision:accede',
  'session:read',
  'session:manage',
  'notification:read',
  'notification:acknowledge',
  'ledger:read',
  'ledger:verify',
  'events:read',
  'accounts:manage',
  'tokens:read',
  'tokens:manage',
  'metrics:read',
] as const;
export type Action = (typeof ACTIONS)[number];

const READS_FOR_ALL: readonly Action[] = ['registry:read', 'statement:read', 'decision:read', 'session:read', 'events:read', 'ledger:verify', 'tokens:read', 'tokens:manage'];
const SECRETARIAT: readonly Action[] = ACTIONS.filter((a) => a !== 'accounts:manage' && a !== 'metrics:read');

const GRANTED: Readonly<Record<AccountRole, readonly Action[]>> = {
  admin: ACTIONS,
  officer: SECRETARIAT,
  delegate: [...READS_FOR_ALL, 'correspondence:read', 'notification:read', 'decision:position', 'decision:accede', 'notification:acknowledge'],
  analyst: [...READS_FOR_ALL, 'correspondence:read', 'statement:record', 'notification:read', 'ledger:read'],
  observer: READS_FOR_ALL,
};

/** The actions that change the record: a token needs the write scope for them. */
const READ_ONLY: ReadonlySet<Action> = new Set(['registry:read', 'correspondence:read', 'statement:read', 'decision:read', 'session:read', 'notification:read', 'ledger:read', 'ledger:verify', 'events:read', 'tokens:read']);

export type Permission = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Whether `principal` may take `action`; `forState` names the member state the act is for or
 * about (a position, an acknowledgement, a note), which a delegate must be accredited by.
 */
export function permits(principal: Principal, action: Action, forState?: string): Permission {
  if (!GRANTED[principal.role].includes(action)) return { ok: false, reason: `the ${principal.role} role may not ${describe(action)}` };
  const scope = scopeOf(action);
  if (!principal.scopes.includes(scope)) return { ok: false, reason: `this token lacks the "${scope}" scope needed to ${describe(action)}` };
  if (principal.role === 'delegate' && forState !== undefined && forState !== principal.state) {
    return { ok: false, reason: `a delegate of ${principal.state ?? 'no state'} may not act or read for ${forState}` };
  }
  return { ok: true };
}

/** How the ledger names a person's acts (system actors carry other prefixes). */
export function userActor(username: string): string {
  return `user:${username}`;
}

/** Whether the principal sees every state's restricted items (notes, notifications, contacts). */
export function seesAllStates(principal: Principal): boolean {
  return principal.role !== 'delegate';
}

function describe(action: Action): string {
  const [subject, verb] = action.split(':') as [string, string];
  return `${verb} ${subject}`;
}

/** The scopes a token of this role may hold: none beyond what the role can use. */
export function scopesOfRole(role: AccountRole): readonly TokenScope[] {
  // Revoking one's own tokens is every role's; it does not make a reader a writer.
  return TOKEN_SCOPES.filter((scope) => GRANTED[role].some((action) => action !== 'tokens:manage' && scopeOf(action) === scope));
}

/** The scope a token needs for an action. */
function scopeOf(action: Action): TokenScope {
  return action === 'metrics:read' ? 'metrics' : READ_ONLY.has(action) ? 'read' : 'write';
}
