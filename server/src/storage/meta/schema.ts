import type { Generated } from 'kysely';
import type { ApiKeyScope } from './meta-store.js';
import type { EngineName } from '@vigil/shared';
import type { AccountsSchema } from './accounts-schema.js';
import type { AdvisorsSchema } from './advisors-schema.js';
import type { AlertsSchema } from './alerts-schema.js';

/** Kysely table types: the one schema every metadata dialect migrates to. */
export interface MetaSchema extends AlertsSchema, AccountsSchema, AdvisorsSchema {
  /** 0008: verified_at set once an owner verified their email (or by `vigil-server user verify`). */
  organizations: { id: string; name: string; slug: string; plan: string; created_at: string; verified_at: string | null };
  /** org_id: since 0008 only the organization a login picks by default; memberships say who belongs where. */
  users: { id: string; org_id: string; email: string; name: string; password_hash: string; created_at: string; email_verified_at: string | null; token_version: Generated<number> };
  api_keys: {
    id: string;
    org_id: string;
    name: string;
    scope: ApiKeyScope;
    prefix: string;
    key_hash: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
  };
  refresh_tokens: {
    id: string;
    user_id: string;
    family_id: string;
    token_hash: string;
    expires_at: string;
    used_at: string | null;
    revoked_at: string | null;
    /** 0008: the session's organization; null for tokens issued before, which use the user's default. */
    org_id: string | null;
  };
  agents: {
    id: string;
    org_id: string;
    hostname: string;
    agent_version: string;
    last_seen_at: string | null;
    created_at: string;
    /** 0002: the latest Heartbeat as JSON (AgentHeartbeat), and when it arrived. */
    last_heartbeat_at: string | null;
    last_heartbeat: string | null;
  };
  databases: {
    id: string;
    org_id: string;
    name: string;
    engine: EngineName;
    engine_version: string | null;
    agent_id: string | null;
    last_seen_at: string | null;
    created_at: string;
    updated_at: string;
    /** 0002: collection settings pushed to the agent. Booleans are 0/1 and lists JSON text, the same in both dialects. */
    poll_interval_seconds: number | null;
    collect_explain_plans: Generated<number>;
    collect_replication: Generated<number>;
    disabled_collectors: Generated<string>;
    tags: Generated<string>;
    host: string | null;
    port: number | null;
  };
  ingested_batches: {
    batch_id: string;
    org_id: string;
    database_id: string;
    seq: number;
    rows: number;
    ingested_at: string;
    /** 'pending' while a process holds the claim, 'done' once stored (see BatchClaim). */
    state: Generated<'pending' | 'done'>;
    owner: string | null;
    lease_until: string | null;
  };
  /** 0004: named leases (see LeaseStore); a row lives from its first acquisition to its release. */
  leases: {
    name: string;
    owner: string;
    lease_until: string;
  };
}
