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
  /** The latest heartbeat recorded (at most one heartbeat interval old while the agent is connected). */
  readonly last_heartbeat_at: string | null;
  readonly last_heartbeat: AgentHeartbeat | null;
}

/** What an agent reported about itself in its latest Heartbeat. */
export interface AgentHeartbeat {
  readonly agent_version: string;
  readonly uptime_s: number;
  readonly rss_bytes: number;
  /** CPU used since the previous heartbeat, in % of one core. */
  readonly cpu_percent: number;
  /** Batches waiting for an ack, and the bytes they take in the spool. */
  readonly spool_batches: number;
  readonly spool_bytes: number;
  /** Batches given up on since the spool was created (evicted over its cap, or unreadable): data lost. */
  readonly evicted_batches: number;
  readonly collectors: readonly CollectorHealth[];
}

/** One collector task on one database, as the agent last reported it. */
export interface CollectorHealth {
  readonly database: string;
  readonly collector: string;
  readonly last_success_at: string | null;
  readonly last_error_at: string | null;
  readonly last_error: string | null;
  readonly statuses: readonly string[];
  readonly disabled: boolean;
  readonly interval_s: number;
}

/** Collection settings of one database, pushed to the agent serving it. */
export interface DatabaseSettings {
  /** Overrides every collector's interval when set. */
  readonly poll_interval_seconds: number | null;
  /** false: the agent refuses explain commands for this database. */
  readonly collect_explain_plans: boolean;
  /** false: replication collectors do not run. */
  readonly collect_replication: boolean;
  /** Collector task names not to run. */
  readonly disabled_collectors: readonly string[];
}

/** Fields PATCH /databases/{id} may change; absent fields keep their value. */
export interface DatabasePatch {
  readonly name?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly host?: string | null;
  readonly port?: number | null;
  readonly poll_interval_seconds?: number | null;
  readonly collect_explain_plans?: boolean;
  readonly collect_replication?: boolean;
  readonly disabled_collectors?: readonly string[];
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
  /** Key-value metadata (Basira's tags object). */
  readonly tags: Record<string, string>;
  readonly host: string | null;
  readonly port: number | null;
  readonly poll_interval_seconds: number | null;
  readonly collect_explain_plans: boolean;
  readonly collect_replication: boolean;
  readonly disabled_collectors: string[];
}

export interface IngestedBatch {
  readonly batch_id: string;
  readonly org_id: string;
  readonly database_id: string;
  readonly seq: number;
  readonly rows: number;
  readonly ingested_at: string;
}

/** A batch a server process is about to store: whoever claims it first writes it. */
export interface BatchToClaim {
  readonly batch_id: string;
  readonly org_id: string;
  readonly database_id: string;
  readonly seq: number;
}

/** Who claims, and for how long: ISO times by the claiming process's clock. */
export interface ClaimLease {
  /** The claiming process (unique per process run). */
  readonly owner: string;
  readonly now: string;
  /** When the claim lapses if it was not completed (its process died mid-write). */
  readonly until: string;
}

/** A lease for `ttlMs` from now (by this process's clock), held by `owner`. */
export function leaseFor(owner: string, ttlMs: number, now: number = Date.now()): ClaimLease {
  return { owner, now: new Date(now).toISOString(), until: new Date(now + ttlMs).toISOString() };
}

/**
 * Named leases: work that must run in one server process at a time (a database's alert
 * evaluation, a notification's delivery) holds the lease named after it. The same rule as the
 * batch claims: one holder at a time, and a lease whose time lapsed may be taken over, so a
 * process that died holding one delays the work by at most its lease.
 */
export interface LeaseStore {
  /** Takes the lease when nobody holds it, its holder's time lapsed, or `lease.owner` already holds it (then it extends it); true when `lease.owner` holds it now. */
  tryAcquireLease(name: string, lease: ClaimLease): Promise<boolean>;
  /** Extends a lease `lease.owner` still holds; false when it was lost (taken over after lapsing, or released), and then the work must stop. */
  renewLease(name: string, lease: ClaimLease): Promise<boolean>;
  /** Gives a held lease up so another process may take it at once; false when `owner` did not hold it. */
  releaseLease(name: string, owner: string): Promise<boolean>;
}

/**
 * What claimBatches found for a batch: `claimed` — write it, then completeBatches; `done` — already
 * stored (`rows`); `busy` — another process holds a live claim on it right now.
 */
export type BatchClaim = { readonly status: 'claimed' } | { readonly status: 'done'; readonly rows: number } | { readonly status: 'busy' };

export interface MetaStore extends LeaseStore {
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
  /** Which of these key ids are still live (not revoked): lets every process notice a revocation made at another. */
  liveApiKeyIds(ids: readonly string[]): Promise<Set<string>>;
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
  /** Pre-registers a database by name (POST /databases), before any agent announced it; DATABASE_NAME_TAKEN when the name exists. */
  createDatabase(input: { orgId: string; name: string; engine: EngineName; engineVersion: string | null; host: string; port: number; tags: Readonly<Record<string, string>>; at: string }): Promise<Database>;
  /** Removes a database's metadata; false when this organization has none with `id`. */
  deleteDatabase(orgId: string, id: string): Promise<boolean>;
  /** Changes the fields `patch` names; the updated database, or undefined when this organization has none with `id`. Throws DATABASE_NAME_TAKEN on a rename clash. */
  updateDatabase(orgId: string, id: string, patch: DatabasePatch): Promise<Database | undefined>;
  /** The collection settings of a database (any organization: callers hold an id they already resolved). */
  getDatabaseSettings(id: string): Promise<DatabaseSettings | undefined>;

  getAgent(orgId: string, id: string): Promise<Agent | undefined>;
  /** Stores an agent's latest heartbeat (replacing the previous one). */
  recordAgentHeartbeat(agentId: string, at: string, heartbeat: AgentHeartbeat): Promise<void>;

  getIngestedBatch(batchId: string): Promise<IngestedBatch | undefined>;
  /** Records a stored batch; false when that batch id was already recorded. */
  recordIngestedBatch(batch: IngestedBatch): Promise<boolean>;
  /**
   * Claims batches before their rows are written (unique on batch id, so across processes exactly one
   * claim on a batch succeeds); a claim whose lease lapsed may be taken over. One answer per batch, in order.
   */
  claimBatches(batches: readonly BatchToClaim[], lease: ClaimLease): Promise<BatchClaim[]>;
  /** Marks owned claims stored; per batch, false when the claim was not this owner's any more (its lease lapsed and was taken). */
  completeBatches(batches: readonly { readonly batchId: string; readonly rows: number }[], owner: string, at: string): Promise<boolean[]>;
  /** Gives up owned claims whose write failed, so a re-send can claim them at once. */
  releaseBatches(batchIds: readonly string[], owner: string): Promise<void>;
}
