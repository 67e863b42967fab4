import type { Severity } from '../../engines/catalogue/metric-entry.js';
import type { RuleOperator } from '../../engines/alerts/alert-rules.js';
import type { Database } from './catalog-repository.js';

/**
 * Alert state per organization: edits of the built-in rules, custom rules, and the alerts
 * themselves (active → acknowledged → resolved, with snooze). One open alert per (rule, database,
 * object) is a unique index over the unresolved rows, so of two processes opening the same alert
 * exactly one insert succeeds. Deleting a database or an organization deletes its alerts and rules.
 */

/** Stored lifecycle; "snoozed" is an unresolved alert whose snoozed_until is still ahead. */
export type AlertStatus = 'active' | 'acknowledged' | 'resolved';
export const ALERT_STATUSES: readonly AlertStatus[] = ['active', 'acknowledged', 'resolved'];

/**
 * Notification state of an alert, written by the notifier (server/src/notify): `pending` until
 * delivered or given up, `suppressed` when it opened within its rule's cooldown (no message).
 */
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'suppressed';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'sent', 'failed', 'suppressed'];

/** A custom rule of an organization (POST /alerts/rules). */
export interface CustomRule {
  readonly id: string;
  readonly org_id: string;
  readonly name: string;
  readonly metric_key: string;
  readonly operator: RuleOperator;
  readonly threshold: number;
  readonly severity: Severity;
  readonly cooldown_sec: number;
  readonly enabled: boolean;
  /** One database; null: every database of the organization whose engine has the metric. */
  readonly database_id: string | null;
  readonly created_at: string;
  readonly updated_at: string;
}

export type NewCustomRule = Omit<CustomRule, 'id' | 'created_at' | 'updated_at'>;
export type CustomRulePatch = Partial<Pick<CustomRule, 'name' | 'metric_key' | 'operator' | 'threshold' | 'severity' | 'cooldown_sec' | 'enabled' | 'database_id'>>;

/** An organization's edit of one built-in rule (`builtin:<metric>:<level>`); null fields keep the catalogue's value. */
export interface RuleOverride {
  readonly rule_id: string;
  readonly threshold: number | null;
  readonly severity: Severity | null;
  readonly cooldown_sec: number | null;
  readonly enabled: boolean | null;
  readonly updated_at: string;
}

export type RuleOverridePatch = Partial<Pick<RuleOverride, 'threshold' | 'severity' | 'cooldown_sec' | 'enabled'>>;

export interface Alert {
  readonly id: string;
  readonly org_id: string;
  readonly database_id: string;
  readonly rule_id: string;
  /** The rule's name when the alert opened (a custom rule's name, or the metric's doctor title). */
  readonly rule_name: string;
  readonly metric_key: string;
  readonly severity: Severity;
  readonly operator: RuleOperator;
  readonly threshold: number;
  /** The value that opened it, then the latest while it stays open. */
  readonly value: number;
  /** '' for the database as a whole. */
  readonly object_key: string;
  readonly object_label: string;
  readonly status: AlertStatus;
  readonly opened_at: string;
  /** When value was last evaluated. */
  readonly updated_at: string;
  readonly acknowledged_at: string | null;
  readonly resolved_at: string | null;
  /** cleared | rule_disabled | rule_removed | superseded | duplicate (ResolveReason). */
  readonly resolve_reason: string | null;
  readonly snoozed_until: string | null;
  /** Last POST /alerts/{id}/escalate: notify now, ignoring the cooldown. */
  readonly escalated_at: string | null;
  readonly delivery_status: DeliveryStatus;
  readonly delivery_attempts: number;
  readonly delivery_last_error: string | null;
  readonly delivered_at: string | null;
}

export type NewAlert = Pick<
  Alert,
  'org_id' | 'database_id' | 'rule_id' | 'rule_name' | 'metric_key' | 'severity' | 'operator' | 'threshold' | 'value' | 'object_key' | 'object_label' | 'opened_at' | 'delivery_status'
>;

/** GET /alerts/history: alerts opened since `since`, newest first. `snoozed` and `active` are told apart at `now`. */
export interface AlertFilter {
  readonly since: string;
  readonly now: string;
  readonly severity?: Severity | undefined;
  readonly status?: AlertStatus | 'snoozed' | undefined;
  readonly databaseId?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** Unresolved alerts of one database by severity (what the health caps, the doctor and /overview need). */
export interface OpenAlertCounts {
  readonly total: number;
  readonly critical: number;
  readonly warning: number;
}

/** What the notifier reports after a delivery attempt. */
export interface DeliveryUpdate {
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly last_error: string | null;
  readonly at: string;
}

/** A database as alert evaluation needs it (a metadata `Database` row is one). */
export type EvaluationTarget = Pick<Database, 'id' | 'org_id' | 'name' | 'engine' | 'engine_version' | 'agent_id' | 'last_seen_at'>;

import type { ClaimLease } from './ledger-repository.js';

/** A database's metric digest as stored: the body is the engines' MetricDigest as JSON. */
export interface StoredMetricDigest {
  readonly org_id: string;
  readonly database_id: string;
  /** Unix ms. */
  readonly derived_at: number;
  readonly body: string;
}

export interface AlertsRepository {
  /** Every database of every organization: what the evaluation tick walks for conditions of absence. */
  evaluationTargets(): Promise<EvaluationTarget[]>;
  /**
   * Takes the named leases (table `leases`, the lease rule of LeaseStore.tryAcquireLease: free, lapsed
   * or already `lease.owner`'s) in one statement, for a tick's chunk of databases; answers the names won.
   */
  tryAcquireLeases(names: readonly string[], lease: ClaimLease): Promise<Set<string>>;
  /** Releases those of the named leases `owner` holds, in one statement. */
  releaseLeases(names: readonly string[], owner: string): Promise<void>;
  /** Stores databases' metric digests (table metric_digests), keeping a stored one derived later than the one offered. */
  putMetricDigests(digests: readonly StoredMetricDigest[]): Promise<void>;
  /** The stored metric digests of the databases, by database id (absent: none stored). */
  metricDigests(databaseIds: readonly string[]): Promise<Map<string, StoredMetricDigest>>;
  listRuleOverrides(orgId: string): Promise<RuleOverride[]>;
  /** Creates or updates the organization's edit of a built-in rule; fields left out keep their previous edit. */
  putRuleOverride(orgId: string, ruleId: string, patch: RuleOverridePatch, at: string): Promise<RuleOverride>;

  listCustomRules(orgId: string): Promise<CustomRule[]>;
  getCustomRule(orgId: string, id: string): Promise<CustomRule | undefined>;
  createCustomRule(rule: NewCustomRule, at: string): Promise<CustomRule>;
  updateCustomRule(orgId: string, id: string, patch: CustomRulePatch, at: string): Promise<CustomRule | undefined>;
  deleteCustomRule(orgId: string, id: string): Promise<boolean>;

  /** Opens an alert; undefined when one is already open for its (rule, database, object), in this process or another. */
  openAlert(alert: NewAlert): Promise<Alert | undefined>;
  /** Unresolved alerts of the organization, of one database when given. */
  listOpenAlerts(orgId: string, databaseId?: string | readonly string[]): Promise<Alert[]>;
  /** Unresolved alert counts per database id of the organization (databases with none are absent). */
  openAlertCounts(orgId: string): Promise<Map<string, OpenAlertCounts>>;
  /** The latest value of alerts still open (ids of resolved ones are skipped). */
  updateAlertValues(updates: readonly { readonly id: string; readonly value: number }[], at: string): Promise<void>;
  /** Resolves an open alert; undefined when it was not open (already resolved, by this process or another). */
  resolveAlert(id: string, reason: string, value: number | null, at: string): Promise<Alert | undefined>;
  /** When the latest alert of (rule, database, object) opened, resolved or not: the cooldown's start. */
  lastOpenedAt(databaseId: string, ruleId: string, objectKey: string): Promise<string | undefined>;

  getAlert(orgId: string, id: string): Promise<Alert | undefined>;
  listAlerts(orgId: string, filter: AlertFilter): Promise<{ alerts: Alert[]; total: number }>;
  /** active → acknowledged; an acknowledged or resolved alert is returned unchanged. */
  acknowledgeAlert(orgId: string, id: string, at: string): Promise<Alert | undefined>;
  snoozeAlert(orgId: string, id: string, until: string): Promise<Alert | undefined>;
  /** Marks the alert for notification now (escalated_at, delivery_status pending). */
  escalateAlert(orgId: string, id: string, at: string): Promise<Alert | undefined>;
  /** The notifier's report of a delivery attempt. */
  recordDelivery(id: string, update: DeliveryUpdate): Promise<void>;
}
