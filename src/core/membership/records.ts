/**
 * The shapes of standing as the registry records and answers it. No imports: the web
 * application reads these types as they are.
 */
export type Role = 'member' | 'observer' | 'partner';
export type AssociateRole = Exclude<Role, 'member'>;
export type MemberStatus = 'member' | 'suspended' | 'expelled' | 'withdrawal-pending' | 'withdrawn';
export type AssociateStatus = 'granted' | 'suspended' | 'annulled' | 'withdrawn';
export type Status = MemberStatus | AssociateStatus;

export interface TimelineChange {
  readonly seq: number;
  readonly party: string;
  readonly role: Role;
  readonly change: 'status' | 'participation';
  readonly status: Status | null;
  readonly participating: boolean | null;
  readonly validFrom: string;
  readonly knownFrom: string;
  readonly act: string;
  readonly cites: readonly string[];
  readonly reconstructed: boolean;
}

export interface PartyStanding {
  readonly party: string;
  readonly role: Role;
  readonly status: Status;
  readonly since: string;
  readonly act: string;
  readonly cites: readonly string[];
  readonly participation: { readonly participating: boolean; readonly since: string; readonly basis: string } | undefined;
}
