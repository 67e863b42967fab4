/**
 * Accounts: organizations, their users and memberships (with roles), API keys (SHA-256 hashes
 * only), refresh tokens (hashes, rotated by family), one-time tokens and invitations (hashes),
 * login throttles and the audit log.
 */

export const API_KEY_SCOPES = ['agent', 'read', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** A member's role in one organization: owners and admins manage it, members read and acknowledge alerts. */
export const ROLES = ['owner', 'admin', 'member'] as const;
export type Role = (typeof ROLES)[number];

export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  readonly plan: string;
  readonly created_at: string;
  /** When an owner verified their email; null: unverified, limited to one database. */
  readonly verified_at: string | null;
}

export interface User {
  readonly id: string;
  /** The organization a login picks when none is asked for (the one signed up in); memberships say where the user belongs. */
  readonly org_id: string;
  readonly email: string;
  readonly name: string;
  readonly password_hash: string;
  readonly created_at: string;
  readonly email_verified_at: string | null;
  /** Carried in access tokens (`tv`); a password change bumps it, ending every access token issued before (0010). */
  readonly token_version: number;
}

export interface Membership {
  readonly org_id: string;
  readonly user_id: string;
  readonly role: Role;
  readonly created_at: string;
}

/** A member as GET /org/members lists them: the user with their role in the organization. */
export interface Member {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly joined_at: string;
}

export type AccountTokenPurpose = 'verify_email' | 'reset_password';

export interface Invitation {
  readonly id: string;
  readonly org_id: string;
  readonly email: string;
  readonly role: Role;
  readonly invited_by: string | null;
  readonly expires_at: string;
  readonly accepted_at: string | null;
  readonly created_at: string;
}

/** Failures counted against one throttle key, and until when it is refused. */
export interface Throttle {
  readonly key: string;
  readonly failures: number;
  readonly last_failure_at: string;
  readonly blocked_until: string | null;
}

export interface AuditEntry {
  readonly id: string;
  readonly org_id: string;
  readonly at: string;
  readonly actor_type: 'user' | 'api_key' | 'system';
  readonly actor_id: string | null;
  /** The user's email when the actor is a user: who it was, even after they leave. */
  readonly actor_label: string | null;
  readonly action: string;
  readonly target_type: string | null;
  readonly target_id: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly request_id: string | null;
  readonly address: string | null;
}

export interface AuditQuery {
  readonly orgId: string;
  readonly actorId?: string;
  readonly action?: string;
  /** Entries at or after this time. */
  readonly since: string;
  /** Paging: entries strictly older than this (at, id) position. */
  readonly before?: { readonly at: string; readonly id: string };
  readonly limit: number;
}

/** Why a role change or removal was refused: nothing to change, or it would leave the organization without an owner. */
export type MemberChange = 'ok' | 'not_found' | 'last_owner';

export interface ApiKey {
  readonly id: string;
  readonly org_id: string;
  readonly name: string;
  readonly scope: ApiKeyScope;
  /** First characters of the key, shown so users can tell keys apart; never enough to use. */
  readonly prefix: string;
  readonly created_at: string;
  readonly last_used_at: string | null;
  readonly revoked_at: string | null;
}

export interface RefreshToken {
  readonly id: string;
  readonly user_id: string;
  readonly family_id: string;
  readonly expires_at: string;
  readonly used_at: string | null;
  readonly revoked_at: string | null;
  /** The organization the session is in; null for tokens issued before 0008 (the user's default). */
  readonly org_id: string | null;
}

export interface AccountsRepository {
  /** Creates an organization and its first user, its owner; throws AUTH_EMAIL_TAKEN when the email exists. `verified` marks both verified at once. */
  createOrganizationWithUser(input: { orgName: string; email: string; name: string; passwordHash: string; verified?: boolean }): Promise<{ org: Organization; user: User }>;
  /** Creates a user who joins `orgId` with `role` (an accepted invitation proves the email); AUTH_EMAIL_TAKEN when the email exists. */
  createUserInOrganization(input: { orgId: string; email: string; name: string; passwordHash: string; role: Role; emailVerified: boolean }): Promise<User>;
  /** Whether any user exists: the first account of a fresh server is verified at signup when no mail is configured. */
  hasUsers(): Promise<boolean>;
  findUserByEmail(email: string): Promise<User | undefined>;
  getUser(id: string): Promise<User | undefined>;
  getOrganization(id: string): Promise<Organization | undefined>;
  /** Marks the user's email verified, and every organization they own verified with it. */
  markEmailVerified(userId: string, at: string): Promise<void>;
  /** Replaces the password hash, revokes every refresh token of the user and bumps their token version (every session and access token ends). */
  setPassword(userId: string, passwordHash: string, at: string): Promise<void>;

  getMembership(orgId: string, userId: string): Promise<Membership | undefined>;
  /** What each request checks an access token against: the user's role in the organization and their token version; undefined when not a member. */
  getAccess(orgId: string, userId: string): Promise<{ role: Role; token_version: number } | undefined>;
  /** The organizations a user belongs to, oldest membership first. */
  listMemberships(userId: string): Promise<Array<{ org: Organization; role: Role; joined_at: string }>>;
  listMembers(orgId: string): Promise<Member[]>;
  /** Adds the user to the organization; false when they already belong to it. */
  addMembership(orgId: string, userId: string, role: Role, at: string): Promise<boolean>;
  /** Changes a member's role; never demotes the last owner. */
  changeMemberRole(orgId: string, userId: string, role: Role): Promise<MemberChange>;
  /** Removes a member (their sessions in this organization end); never the last owner. */
  removeMember(orgId: string, userId: string, at: string): Promise<MemberChange>;

  createAccountToken(input: { userId: string; purpose: AccountTokenPurpose; hash: string; expiresAt: string }): Promise<void>;
  /** Uses a live token once: the user id it was issued to, or undefined when unknown, used, expired or of another purpose. */
  consumeAccountToken(purpose: AccountTokenPurpose, hash: string, at: string): Promise<string | undefined>;

  createInvitation(input: { orgId: string; email: string; role: Role; hash: string; invitedBy: string | null; expiresAt: string }): Promise<Invitation>;
  findInvitationByHash(hash: string): Promise<Invitation | undefined>;
  /** Marks the invitation accepted; false when it already was (single use). */
  markInvitationAccepted(id: string, at: string): Promise<boolean>;
  /** The organization's invitations neither accepted nor expired at `now`, newest first. */
  listPendingInvitations(orgId: string, now: string): Promise<Invitation[]>;
  /** Deletes a pending invitation of this organization (its link stops working); the invitation, or undefined when there is no such pending one. */
  revokeInvitation(orgId: string, id: string): Promise<Invitation | undefined>;

  getThrottles(keys: readonly string[]): Promise<Throttle[]>;
  putThrottle(throttle: Throttle): Promise<void>;
  clearThrottle(key: string): Promise<void>;

  recordAudit(entry: Omit<AuditEntry, 'id'>): Promise<void>;
  /** Newest first. */
  listAudit(query: AuditQuery): Promise<AuditEntry[]>;
  /** Drops audit entries older than `auditBefore`, and throttles, tokens and invitations dead since `staleBefore`; the number of audit entries dropped. */
  pruneAccounts(input: { auditBefore: string; staleBefore: string }): Promise<number>;

  createApiKey(input: { orgId: string; name: string; scope: ApiKeyScope; prefix: string; hash: string }): Promise<ApiKey>;
  listApiKeys(orgId: string, includeRevoked: boolean): Promise<ApiKey[]>;
  /** Revokes a key of this organization; false when there is no such key. */
  revokeApiKey(orgId: string, id: string): Promise<boolean>;
  /** The live (unrevoked) key with this hash. */
  findApiKeyByHash(hash: string): Promise<ApiKey | undefined>;
  /** Which of these key ids are still live (not revoked): lets every process notice a revocation made at another. */
  liveApiKeyIds(ids: readonly string[]): Promise<Set<string>>;
  touchApiKey(id: string, at: string): Promise<void>;

  /** `orgId`: the organization the session is in (omitted: the user's default). */
  createRefreshToken(input: { userId: string; orgId?: string; familyId: string; hash: string; expiresAt: string }): Promise<RefreshToken>;
  findRefreshTokenByHash(hash: string): Promise<RefreshToken | undefined>;
  /** Marks a token used; false when it was already used (a replay). */
  markRefreshTokenUsed(id: string, at: string): Promise<boolean>;
  revokeRefreshFamily(familyId: string, at: string): Promise<void>;
}
