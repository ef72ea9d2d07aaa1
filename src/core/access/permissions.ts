/**
 * Who may do what. The secretariat acts for the organization; a member's delegate acts only for
 * the state that accredited them and reads only what that state may read; analysts follow the
 * record and the press; observers read what is public. Checked in the application layer on every
 * command and every read, whatever the client.
 *
 * Each module declares its own actions and the roles granted each; the table is the union of
 * those declarations, built once by the server and once by the web from the same manifests.
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

/** `subject:verb`, as a module declares it, e.g. `decision:draft`. */
export type Action = string;

export interface ActionGrant {
  readonly roles: readonly AccountRole[];
  /** What a token needs to take the action: `read` for what changes nothing. */
  readonly scope: TokenScope;
}

export type ActionTable = Readonly<Record<Action, ActionGrant>>;

/** Every role; the secretariat (administrators and officers). */
export const EVERYONE: readonly AccountRole[] = ROLES;
export const SECRETARIAT: readonly AccountRole[] = ['admin', 'officer'];

export type Permission = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface Access {
  readonly actions: readonly Action[];
  /**
   * Whether `principal` may take `action`; `forState` names the member state the act is for or
   * about (a position, an acknowledgement, a note), which a delegate must be accredited by.
   */
  readonly permits: (principal: Principal, action: Action, forState?: string) => Permission;
  /** The scopes a token of this role may hold: none beyond what the role can use. */
  readonly scopesOfRole: (role: AccountRole) => readonly TokenScope[];
  /** The actions a role is granted, for a client that shows only what it may send. */
  readonly grantedTo: (role: AccountRole) => readonly Action[];
  /** What a token needs to take the action; only a `write` changes anything. */
  readonly scopeOf: (action: Action) => TokenScope;
}

/** The table of every module's actions; an action declared twice is a bug in the registry. */
export function accessFrom(tables: readonly ActionTable[]): Access {
  const table = new Map<Action, ActionGrant>();
  for (const declared of tables) {
    for (const [action, grant] of Object.entries(declared)) {
      if (table.has(action)) throw new Error(`the action "${action}" is declared by two modules`);
      table.set(action, grant);
    }
  }
  const grantOf = (action: Action): ActionGrant => {
    const grant = table.get(action);
    if (!grant) throw new Error(`no module declares the action "${action}"`);
    return grant;
  };
  const grantedTo = (role: AccountRole) => [...table].filter(([, g]) => g.roles.includes(role)).map(([a]) => a);
  return {
    actions: [...table.keys()],
    permits: (principal, action, forState) => {
      const grant = grantOf(action);
      if (!grant.roles.includes(principal.role)) return { ok: false, reason: `the ${principal.role} role may not ${describe(action)}` };
      if (!principal.scopes.includes(grant.scope)) return { ok: false, reason: `this token lacks the "${grant.scope}" scope needed to ${describe(action)}` };
      if (principal.role === 'delegate' && forState !== undefined && forState !== principal.state) {
        return { ok: false, reason: `a delegate of ${principal.state ?? 'no state'} may not act or read for ${forState}` };
      }
      return { ok: true };
    },
    grantedTo,
    scopeOf: (action) => grantOf(action).scope,
    // Revoking one's own tokens is every role's; it does not make a reader a writer.
    scopesOfRole: (role) => TOKEN_SCOPES.filter((scope) => grantedTo(role).some((action) => action !== 'tokens:manage' && grantOf(action).scope === scope)),
  };
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
  const [subject = action, verb = ''] = action.split(':');
  return `${verb} ${subject}`.trim();
}
