/** Accounts: organizations, their users, API keys (SHA-256 hashes only) and refresh tokens (hashes, rotated by family). */

export const API_KEY_SCOPES = ['agent', 'read', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  readonly plan: string;
  readonly created_at: string;
}

export interface User {
  readonly id: string;
  readonly org_id: string;
  readonly email: string;
  readonly name: string;
  readonly password_hash: string;
  readonly created_at: string;
}

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
}

export interface AccountsRepository {
  /** Creates an organization and its first user; throws AUTH_EMAIL_TAKEN when the email exists. */
  createOrganizationWithUser(input: { orgName: string; email: string; name: string; passwordHash: string }): Promise<{ org: Organization; user: User }>;
  findUserByEmail(email: string): Promise<User | undefined>;
  getUser(id: string): Promise<User | undefined>;
  getOrganization(id: string): Promise<Organization | undefined>;

  createApiKey(input: { orgId: string; name: string; scope: ApiKeyScope; prefix: string; hash: string }): Promise<ApiKey>;
  listApiKeys(orgId: string, includeRevoked: boolean): Promise<ApiKey[]>;
  /** Revokes a key of this organization; false when there is no such key. */
  revokeApiKey(orgId: string, id: string): Promise<boolean>;
  /** The live (unrevoked) key with this hash. */
  findApiKeyByHash(hash: string): Promise<ApiKey | undefined>;
  /** Which of these key ids are still live (not revoked): lets every process notice a revocation made at another. */
  liveApiKeyIds(ids: readonly string[]): Promise<Set<string>>;
  touchApiKey(id: string, at: string): Promise<void>;

  createRefreshToken(input: { userId: string; familyId: string; hash: string; expiresAt: string }): Promise<RefreshToken>;
  findRefreshTokenByHash(hash: string): Promise<RefreshToken | undefined>;
  /** Marks a token used; false when it was already used (a replay). */
  markRefreshTokenUsed(id: string, at: string): Promise<boolean>;
  revokeRefreshFamily(familyId: string, at: string): Promise<void>;
}
