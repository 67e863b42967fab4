import type { EngineName } from '@vigil/shared';

/**
 * Metadata storage: organizations, users, keys, agents, databases and the ingested-batch
 * ledger. One interface, one implementation per backend folder (sqlite/ now, postgres/ next),
 * one contract suite over all of them. Timestamps cross this boundary as ISO 8601 UTC strings.
 */

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

export interface Agent {
  readonly id: string;
  readonly org_id: string;
  readonly hostname: string;
  readonly agent_version: string;
  readonly last_seen_at: string | null;
  readonly created_at: string;
}

export interface Database {
  readonly id: string;
  readonly org_id: string;
  readonly name: string;
  readonly engine: EngineName;
  readonly engine_version: string | null;
  readonly agent_id: string | null;
  readonly last_seen_at: string | null;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface IngestedBatch {
  readonly batch_id: string;
  readonly org_id: string;
  readonly database_id: string;
  readonly seq: number;
  readonly rows: number;
  readonly ingested_at: string;
}

export interface MetaStore {
  /** Applies pending migrations; safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** A cheap round trip proving the store answers (readiness checks). */
  ping(): Promise<void>;

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
  touchApiKey(id: string, at: string): Promise<void>;

  createRefreshToken(input: { userId: string; familyId: string; hash: string; expiresAt: string }): Promise<RefreshToken>;
  findRefreshTokenByHash(hash: string): Promise<RefreshToken | undefined>;
  /** Marks a token used; false when it was already used (a replay). */
  markRefreshTokenUsed(id: string, at: string): Promise<boolean>;
  revokeRefreshFamily(familyId: string, at: string): Promise<void>;

  /** Registers an agent by (organization, hostname), updating its version. */
  upsertAgent(input: { orgId: string; hostname: string; agentVersion: string; at: string }): Promise<Agent>;
  /** Registers a database by (organization, name), as announced in an agent's Hello. */
  upsertDatabase(input: { orgId: string; name: string; engine: EngineName; engineVersion: string | null; agentId: string; at: string }): Promise<Database>;
  listDatabases(orgId: string): Promise<Database[]>;
  getDatabase(orgId: string, id: string): Promise<Database | undefined>;
  touchDatabase(id: string, at: string): Promise<void>;

  getIngestedBatch(batchId: string): Promise<IngestedBatch | undefined>;
  /** Records a stored batch; false when that batch id was already recorded. */
  recordIngestedBatch(batch: IngestedBatch): Promise<boolean>;
}
