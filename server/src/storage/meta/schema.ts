import type { ApiKeyScope } from './meta-store.js';
import type { EngineName } from '@vigil/shared';

/** Kysely table types: the one schema every metadata dialect migrates to. */
export interface MetaSchema {
  organizations: { id: string; name: string; slug: string; plan: string; created_at: string };
  users: { id: string; org_id: string; email: string; name: string; password_hash: string; created_at: string };
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
  };
  agents: { id: string; org_id: string; hostname: string; agent_version: string; last_seen_at: string | null; created_at: string };
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
  };
  ingested_batches: { batch_id: string; org_id: string; database_id: string; seq: number; rows: number; ingested_at: string };
}
