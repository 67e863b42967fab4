import type { Generated } from 'kysely';

/** Kysely table types of migration 0008_accounts (MetaSchema extends these). Times are ISO 8601 UTC text. */
export interface AccountsSchema {
  /** Who belongs to which organization, with what role (0008 replaces users.org_id as the authority). */
  memberships: { org_id: string; user_id: string; role: string; created_at: string };
  /** Single-use email verification and password reset tokens, stored as SHA-256 hashes. */
  account_tokens: {
    id: string;
    user_id: string;
    purpose: string;
    token_hash: string;
    expires_at: string;
    used_at: string | null;
    created_at: string;
  };
  invitations: {
    id: string;
    org_id: string;
    email: string;
    role: string;
    token_hash: string;
    invited_by: string | null;
    expires_at: string;
    accepted_at: string | null;
    created_at: string;
  };
  /** Failures per throttle key (an account's email hash or a client address) and how long it is blocked. */
  auth_throttles: { key: string; failures: number; last_failure_at: string; blocked_until: string | null };
  audit_log: {
    id: string;
    org_id: string;
    at: string;
    actor_type: string;
    actor_id: string | null;
    actor_label: string | null;
    action: string;
    target_type: string | null;
    target_id: string | null;
    /** JSON object of names and values, never a secret. */
    details: Generated<string>;
    request_id: string | null;
    address: string | null;
  };
}
