import type { EngineName } from '@vigil/shared';

/** The catalogue of what is monitored: agents (by organization and hostname) and databases (by organization and name) with their settings. */

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

export interface CatalogRepository {
  /** Registers an agent by (organization, hostname), updating its version. */
  upsertAgent(input: { orgId: string; hostname: string; agentVersion: string; at: string }): Promise<Agent>;
  /** Registers a database by (organization, name), as announced in an agent's Hello. */
  upsertDatabase(input: { orgId: string; name: string; engine: EngineName; engineVersion: string | null; agentId: string; at: string; host?: string | null; port?: number | null }): Promise<Database>;
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
  /** The organization's agents among `ids`, in one query per 1,000 (an evaluation tick's agents); unknown ids are left out. */
  getAgents(orgId: string, ids: readonly string[]): Promise<Agent[]>;
  /** Stores an agent's latest heartbeat (replacing the previous one). */
  recordAgentHeartbeat(agentId: string, at: string, heartbeat: AgentHeartbeat): Promise<void>;
}
