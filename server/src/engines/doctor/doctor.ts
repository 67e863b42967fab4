import { METRICS_BY_KEY, type MetricReading } from '../catalogue/index.js';
import type { MetricEntry, MetricObject, Severity } from '../catalogue/metric-entry.js';
import type { HealthScore } from '../health/health-score.js';
import { metricScore } from '../health/metric-score.js';

/**
 * The doctor (Basira's GET /databases/{id}/doctor): the catalogue's checks at the organization's
 * levels plus every open alert, so it never disagrees with the alerts; issues ordered by severity
 * then impact, each naming the objects in trouble and the SQL to run.
 */

export type DoctorStatus = 'healthy' | 'degraded' | 'unhealthy';

export interface DoctorIssue {
  readonly severity: Severity;
  readonly category: string;
  readonly title: string;
  readonly detail: string;
  readonly recommendation: string;
  readonly how_to_investigate: string;
  readonly how_to_fix: string;
  readonly metric_key: string;
  readonly value: number;
  readonly threshold: number;
  /** The objects behind it, worst first (sessions, partitions, slots). */
  readonly objects: readonly { readonly key: string; readonly label: string; readonly detail?: string | undefined }[];
  /** How far past its levels it is, 0–100 (100 − the metric's health score): the order within a severity. */
  readonly impact: number;
}

export interface DoctorReport {
  readonly status: DoctorStatus;
  readonly score: number | null;
  readonly grade: string | null;
  readonly top_issues: readonly DoctorIssue[];
  readonly metrics_summary: MetricsSummary;
}

/** Basira's metrics_summary: how many checks ran and how they came out, with every metric's current value. */
export interface MetricsSummary {
  readonly checks: number;
  readonly passed: number;
  readonly warning: number;
  readonly critical: number;
  readonly unavailable: number;
  readonly values: Readonly<Record<string, number | null>>;
}

/** An open alert as the doctor needs it (custom rules included). */
export interface DoctorAlert {
  readonly rule_id: string;
  readonly rule_name?: string | undefined;
  readonly metric_key: string;
  readonly severity: Severity;
  readonly value: number;
  readonly threshold: number;
  readonly object_label?: string | undefined;
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 2, warning: 1 };

function issueFrom(entry: MetricEntry, severity: Severity, value: number, threshold: number, objects: readonly MetricObject[], impact: number): DoctorIssue {
  return {
    severity,
    category: entry.category,
    title: entry.doctor.title,
    detail: entry.doctor.detail(value, objects, threshold),
    recommendation: entry.doctor.recommendation,
    how_to_investigate: entry.doctor.how_to_investigate,
    how_to_fix: entry.doctor.how_to_fix,
    metric_key: entry.key,
    value,
    threshold,
    objects: objects.map((o) => ({ key: o.key, label: o.label, detail: o.detail })),
    impact,
  };
}

/** The doctor's report from a database's readings, its open alerts and its health score. */
export function diagnose(readings: readonly MetricReading[], openAlerts: readonly DoctorAlert[], health: Pick<HealthScore, 'overall_score' | 'grade'>): DoctorReport {
  const issues = new Map<string, DoctorIssue>();
  const summary = { checks: readings.length, passed: 0, warning: 0, critical: 0, unavailable: 0 };
  const values: Record<string, number | null> = {};
  for (const r of readings) {
    if ('unavailable' in r.result) {
      summary.unavailable++;
      values[r.entry.key] = null;
      continue;
    }
    values[r.entry.key] = r.result.value;
    if (!r.severity) {
      summary.passed++;
      continue;
    }
    summary[r.severity]++;
    const threshold = r.thresholds[r.severity]!;
    const impact = 100 - metricScore(r.result.value, r.thresholds, r.entry.ok, r.severity);
    issues.set(r.entry.key, issueFrom(r.entry, r.severity, r.result.value, threshold, r.result.objects, impact));
  }

  // Open alerts the checks do not already show at their severity (custom rules, levels edited since, data gone quiet).
  for (const a of openAlerts) {
    const existing = issues.get(a.metric_key);
    if (existing && SEVERITY_RANK[existing.severity] >= SEVERITY_RANK[a.severity]) continue;
    const entry = METRICS_BY_KEY.get(a.metric_key);
    if (!entry) continue;
    const objects = existing?.objects ?? (a.object_label ? [{ key: '', label: a.object_label }] : []);
    const impact = Math.max(existing?.impact ?? 0, a.severity === 'critical' ? 85 : 50);
    const issue = issueFrom(entry, a.severity, a.value, a.threshold, objects, impact);
    issues.set(a.metric_key, a.rule_name ? { ...issue, title: `${issue.title} (alert: ${a.rule_name})` } : issue);
  }

  const top = [...issues.values()].sort((x, y) => SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity] || y.impact - x.impact || x.metric_key.localeCompare(y.metric_key));
  const status: DoctorStatus = top.some((i) => i.severity === 'critical') ? 'unhealthy' : top.length > 0 ? 'degraded' : 'healthy';
  return { status, score: health.overall_score, grade: health.grade, top_issues: top, metrics_summary: { ...summary, values } };
}
