import type { EngineName } from '@vigil/shared';
import { CATALOGUE, METRICS_BY_KEY, type MetricReading } from '../catalogue/index.js';
import { breaches, type MetricEntry, type MetricObject, type Severity, type ThresholdOverrides } from '../catalogue/metric-entry.js';

/**
 * Alert rule evaluation, pure: given a database's metric readings, the rules that apply and the
 * alerts open on it, which alerts to open, keep and resolve. One open alert per (rule, database,
 * object): a condition that stays true keeps its alert; a cleared one resolves it.
 */

export type RuleOperator = '>' | '>=' | '<' | '<=' | '==' | '!=';
export const RULE_OPERATORS: readonly RuleOperator[] = ['>', '>=', '<', '<=', '==', '!='];

export interface AlertRule {
  readonly id: string;
  readonly metric_key: string;
  readonly operator: RuleOperator;
  readonly threshold: number;
  readonly severity: Severity;
  readonly enabled: boolean;
  readonly built_in: boolean;
  /** A custom rule for one database; null/undefined: every database of the metric's engine. */
  readonly database_id?: string | null | undefined;
}

/** A built-in rule as an organization edited it (PUT /alerts/rules/{id}). */
export type BuiltInRuleEdits = Readonly<Record<string, Partial<Pick<AlertRule, 'threshold' | 'severity' | 'enabled'>>>>;

/** The id of the built-in rule for a metric's level: `builtin:pg.blocked_queries:critical`. */
export function builtInRuleId(metricKey: string, level: Severity): string {
  return `builtin:${metricKey}:${level}`;
}

/** The catalogue's rules: one per metric and level it has, with the organization's edits applied. */
export function builtInRules(edits: BuiltInRuleEdits = {}, catalogue: readonly MetricEntry[] = CATALOGUE): AlertRule[] {
  const rules: AlertRule[] = [];
  for (const entry of catalogue) {
    for (const level of ['warning', 'critical'] as const) {
      const threshold = entry.thresholds[level];
      if (threshold === null) continue;
      const id = builtInRuleId(entry.key, level);
      rules.push({ id, metric_key: entry.key, operator: entry.thresholds.operator, threshold, severity: level, enabled: true, built_in: true, ...edits[id] });
    }
  }
  return rules;
}

/**
 * The levels the doctor and the health score judge at, from the built-in rules as edited: a rule's
 * threshold is its level, a disabled one has none. Built-in rules whose severity was edited count
 * at their new severity.
 */
export function thresholdOverrides(rules: readonly AlertRule[]): ThresholdOverrides {
  const out: Record<string, { warning?: number | null; critical?: number | null }> = {};
  for (const r of rules) {
    if (!r.built_in) continue;
    const o = (out[r.metric_key] ??= { warning: null, critical: null });
    if (r.enabled && o[r.severity] === null) o[r.severity] = r.threshold;
  }
  return out;
}

/** An alert open on a database (active, acknowledged or snoozed: anything not resolved). */
export interface OpenAlert {
  readonly id: string;
  readonly rule_id: string;
  readonly database_id: string;
  /** '' for the database as a whole. */
  readonly object_key: string;
  readonly severity: Severity;
}

export interface AlertToOpen {
  readonly rule_id: string;
  readonly database_id: string;
  readonly object_key: string;
  readonly object_label: string;
  readonly metric_key: string;
  readonly severity: Severity;
  readonly value: number;
  readonly threshold: number;
  readonly operator: RuleOperator;
}

export interface AlertToKeep {
  readonly alert_id: string;
  /** The current value; null when the metric is unavailable now (kept: absence of data proves nothing). */
  readonly value: number | null;
}

/** superseded: the built-in critical of the same metric now fires there; duplicate: a second open alert of one (rule, object). */
export type ResolveReason = 'cleared' | 'rule_disabled' | 'rule_removed' | 'superseded' | 'duplicate';

export interface AlertToResolve {
  readonly alert_id: string;
  readonly reason: ResolveReason;
  readonly value: number | null;
}

export interface RuleDecisions {
  readonly open: AlertToOpen[];
  readonly keep: AlertToKeep[];
  readonly resolve: AlertToResolve[];
}

export interface RuleEvaluationInput {
  readonly databaseId: string;
  readonly engine: EngineName;
  readonly readings: readonly MetricReading[];
  /** Built-in and custom rules of the organization (disabled ones included, so their alerts resolve). */
  readonly rules: readonly AlertRule[];
  /** The alerts open on this database. */
  readonly open: readonly OpenAlert[];
}

/** What a rule fires on: per object where the metric has per-object values, else the database as a whole. */
function firing(rule: AlertRule, value: number, objects: readonly MetricObject[]): { key: string; label: string; value: number }[] {
  const perObject = objects.filter((o) => o.value !== undefined);
  if (perObject.length > 0) return perObject.filter((o) => breaches(o.value!, rule.operator, rule.threshold)).map((o) => ({ key: o.key, label: o.label, value: o.value! }));
  return breaches(value, rule.operator, rule.threshold) ? [{ key: '', label: objects.length > 0 ? objects.map((o) => o.label).slice(0, 3).join(', ') : 'database', value }] : [];
}

/** The current value for an alert's object: the object's own, the database's for '' (null when the object is no longer listed). */
function valueOf(result: { readonly value: number; readonly objects: readonly MetricObject[] }, objectKey: string): number | null {
  if (objectKey === '') return result.value;
  return result.objects.find((o) => o.key === objectKey)?.value ?? null;
}

function slot(ruleId: string, objectKey: string): string {
  return `${ruleId}\u0000${objectKey}`;
}

/** Which alerts of one database to open, keep and resolve. */
export function evaluateRules(input: RuleEvaluationInput): RuleDecisions {
  const readingOf = new Map(input.readings.map((r) => [r.entry.key, r]));
  const applies = (r: AlertRule): boolean =>
    r.enabled && (r.database_id == null || r.database_id === input.databaseId) && (METRICS_BY_KEY.get(r.metric_key)?.engines.includes(input.engine) ?? false);

  // (rule, object) → what fires now; rules whose metric is unavailable are "unknown".
  const firingNow = new Map<string, AlertToOpen>();
  const unknownRules = new Set<string>();
  const ruleById = new Map(input.rules.map((r) => [r.id, r]));
  for (const rule of input.rules) {
    if (!applies(rule)) continue;
    const reading = readingOf.get(rule.metric_key);
    if (!reading || 'unavailable' in reading.result) {
      unknownRules.add(rule.id);
      continue;
    }
    for (const f of firing(rule, reading.result.value, reading.result.objects)) {
      firingNow.set(slot(rule.id, f.key), {
        rule_id: rule.id,
        database_id: input.databaseId,
        object_key: f.key,
        object_label: f.label,
        metric_key: rule.metric_key,
        severity: rule.severity,
        value: f.value,
        threshold: rule.threshold,
        operator: rule.operator,
      });
    }
  }
  // A built-in critical firing on an object inhibits the same metric's built-in warning there (Alertmanager's inhibition).
  for (const [k, f] of firingNow) {
    const rule = ruleById.get(f.rule_id)!;
    if (!rule.built_in || f.severity !== 'warning') continue;
    const critical = input.rules.find((r) => r.built_in && r.metric_key === rule.metric_key && r.severity === 'critical' && firingNow.has(slot(r.id, f.object_key)));
    if (critical) firingNow.delete(k);
  }

  const decisions: RuleDecisions = { open: [], keep: [], resolve: [] };
  const held = new Set<string>();
  for (const alert of input.open) {
    if (alert.database_id !== input.databaseId) continue;
    const k = slot(alert.rule_id, alert.object_key);
    const rule = ruleById.get(alert.rule_id);
    const now = firingNow.get(k);
    if (!rule) decisions.resolve.push({ alert_id: alert.id, reason: 'rule_removed', value: null });
    else if (!applies(rule)) decisions.resolve.push({ alert_id: alert.id, reason: 'rule_disabled', value: null });
    else if (now) {
      if (held.has(k)) {
        decisions.resolve.push({ alert_id: alert.id, reason: 'duplicate', value: now.value });
        continue;
      }
      held.add(k);
      decisions.keep.push({ alert_id: alert.id, value: now.value });
    } else if (unknownRules.has(rule.id)) decisions.keep.push({ alert_id: alert.id, value: null });
    else {
      const reading = readingOf.get(rule.metric_key);
      const value = reading && 'value' in reading.result ? valueOf(reading.result, alert.object_key) : null;
      const superseded = rule.built_in && rule.severity === 'warning' && [...firingNow.values()].some((f) => f.metric_key === rule.metric_key && f.object_key === alert.object_key && f.severity === 'critical');
      decisions.resolve.push({ alert_id: alert.id, reason: superseded ? 'superseded' : 'cleared', value });
    }
  }
  for (const [k, f] of firingNow) if (!held.has(k)) decisions.open.push(f);
  return decisions;
}
