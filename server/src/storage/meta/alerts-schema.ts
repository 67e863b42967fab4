import type { Generated } from 'kysely';

/**
 * Kysely table types of migration 0005_alerts (MetaSchema extends these). Booleans are 0/1 and
 * times ISO 8601 UTC text, as in the other metadata tables.
 */
export interface AlertsSchema {
  /** An organization's edits of built-in rules; a null column keeps the catalogue's value. */
  alert_rule_overrides: {
    org_id: string;
    rule_id: string;
    threshold: number | null;
    severity: string | null;
    cooldown_sec: number | null;
    enabled: number | null;
    updated_at: string;
  };
  alert_rules: {
    id: string;
    org_id: string;
    name: string;
    metric_key: string;
    operator: string;
    threshold: number;
    severity: string;
    cooldown_sec: number;
    enabled: number;
    database_id: string | null;
    created_at: string;
    updated_at: string;
  };
  alerts: {
    id: string;
    org_id: string;
    database_id: string;
    rule_id: string;
    rule_name: string;
    metric_key: string;
    severity: string;
    operator: string;
    threshold: number;
    value: number;
    object_key: string;
    object_label: string;
    status: string;
    opened_at: string;
    updated_at: string;
    acknowledged_at: string | null;
    resolved_at: string | null;
    resolve_reason: string | null;
    snoozed_until: string | null;
    escalated_at: string | null;
    delivery_status: Generated<string>;
    delivery_attempts: Generated<number>;
    delivery_last_error: string | null;
    delivered_at: string | null;
  };
  /** 0012: a database's metric digest (JSON body), newest derived_at (Unix ms) kept. */
  metric_digests: {
    database_id: string;
    org_id: string;
    derived_at: number | string;
    body: string;
  };
}
