import type { EngineName } from '@vigil/shared';
import type { MetricReading } from '../catalogue/index.js';
import type { HealthComponent, Severity } from '../catalogue/metric-entry.js';
import { metricScore } from './metric-score.js';

/**
 * A database's health score (docs/health-score.md): each component scored by its worst available
 * metric, a weighted mean over the components that have one, capped while alerts are open, graded
 * and compared with the previous score. ClusterSight's response shape.
 */

/** Component weights per engine (sum 100), and their labels. */
export const COMPONENT_WEIGHTS: Record<EngineName, Partial<Record<HealthComponent, number>>> = {
  postgres: { connections: 20, queries: 25, storage: 20, maintenance: 15, replication: 20 },
  clickhouse: { parts_merges: 25, replication: 20, queries: 20, storage: 20, infrastructure: 15 },
};

export const COMPONENT_LABELS: Record<HealthComponent, string> = {
  connections: 'Connections',
  queries: 'Queries',
  storage: 'Storage',
  maintenance: 'Maintenance',
  replication: 'Replication',
  parts_merges: 'Parts & merges',
  infrastructure: 'Infrastructure',
};

/** The overall score's ceiling while an alert of that severity is open on the database. */
export const ALERT_CAPS: Record<Severity, number> = { critical: 49, warning: 79 };

/** A change smaller than this many points either way reads as stable. */
export const TREND_DEAD_BAND = 2;

const GRADES: readonly (readonly [number, string])[] = [
  [97, 'A+'],
  [93, 'A'],
  [90, 'A-'],
  [87, 'B+'],
  [83, 'B'],
  [80, 'B-'],
  [77, 'C+'],
  [73, 'C'],
  [70, 'C-'],
  [67, 'D+'],
  [63, 'D'],
  [60, 'D-'],
];

/** The letter grade of a 0–100 score: A+ ≥ 97 … D- ≥ 60, F below. */
export function gradeOf(score: number): string {
  for (const [min, grade] of GRADES) if (score >= min) return grade;
  return 'F';
}

export type Trend = 'improving' | 'stable' | 'degrading';

/** improving / degrading when the score moved by at least TREND_DEAD_BAND points since `previous`, else stable (also without a previous score). */
export function trendOf(score: number | null, previous: number | null): Trend {
  if (score === null || previous === null) return 'stable';
  const delta = score - previous;
  if (delta >= TREND_DEAD_BAND) return 'improving';
  if (delta <= -TREND_DEAD_BAND) return 'degrading';
  return 'stable';
}

export type ComponentStatus = 'ok' | Severity | 'unavailable';

export interface HealthMetric {
  readonly key: string;
  readonly unit: string;
  readonly value: number | null;
  readonly score: number | null;
  readonly status: ComponentStatus;
  readonly operator: string;
  readonly warning: number | null;
  readonly critical: number | null;
  /** Why there is no value (unavailable metrics only). */
  readonly reason?: string;
}

export interface HealthComponentScore {
  /** The worst score of its available metrics; null when none is available (the component is then left out). */
  readonly score: number | null;
  readonly label: string;
  readonly status: ComponentStatus;
  readonly weight: number;
  readonly metrics: readonly HealthMetric[];
}

export interface HealthScore {
  /** null when no component has an available metric (nothing to judge yet). */
  readonly overall_score: number | null;
  readonly grade: string | null;
  readonly trend: Trend;
  readonly previous_score: number | null;
  /** The weighted mean before an open alert capped it. */
  readonly uncapped_score: number | null;
  /** The ceiling an open alert imposed, null when none did. */
  readonly capped_at: number | null;
  readonly components: Readonly<Record<string, HealthComponentScore>>;
  readonly calculated_at: string;
}

export interface HealthOptions {
  /** Severities of the alerts open on the database (acknowledged ones included: they are not resolved). */
  readonly openAlerts: readonly { readonly severity: Severity }[];
  /** The score an hour earlier (the stored series), null when there is none. */
  readonly previousScore: number | null;
  readonly calculatedAt: number;
}

/** One decimal, as ClusterSight shows scores. */
function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

const WORST_FIRST: readonly ComponentStatus[] = ['critical', 'warning', 'ok', 'unavailable'];

/** The health score of one database from its metric readings. */
export function healthScore(engine: EngineName, readings: readonly MetricReading[], o: HealthOptions): HealthScore {
  const weights = COMPONENT_WEIGHTS[engine];
  const metricsOf = new Map<HealthComponent, HealthMetric[]>();
  for (const name of Object.keys(weights) as HealthComponent[]) metricsOf.set(name, []);
  for (const r of readings) {
    const component = r.entry.component[engine];
    const list = component ? metricsOf.get(component) : undefined;
    if (!list) continue;
    const t = r.thresholds;
    const levels = { operator: t.operator, warning: t.warning, critical: t.critical };
    if ('unavailable' in r.result) {
      list.push({ key: r.entry.key, unit: r.entry.unit, value: null, score: null, status: 'unavailable', ...levels, reason: r.result.unavailable });
    } else {
      const score = metricScore(r.result.value, t, r.entry.ok, r.severity);
      list.push({ key: r.entry.key, unit: r.entry.unit, value: r.result.value, score: round1(score), status: r.severity ?? 'ok', ...levels });
    }
  }

  const components: Record<string, HealthComponentScore> = {};
  let weighted = 0;
  let weightSum = 0;
  for (const [name, metrics] of metricsOf) {
    const scores = metrics.map((m) => m.score).filter((s): s is number => s !== null);
    const score = scores.length > 0 ? Math.min(...scores) : null;
    const status = WORST_FIRST.find((s) => metrics.some((m) => m.status === s)) ?? 'unavailable';
    const weight = weights[name] ?? 0;
    components[name] = { score, label: COMPONENT_LABELS[name], status: score === null ? 'unavailable' : status, weight, metrics };
    if (score !== null) {
      weighted += weight * score;
      weightSum += weight;
    }
  }

  const uncapped = weightSum > 0 ? weighted / weightSum : null;
  const cap = o.openAlerts.some((a) => a.severity === 'critical') ? ALERT_CAPS.critical : o.openAlerts.some((a) => a.severity === 'warning') ? ALERT_CAPS.warning : null;
  const overall = uncapped === null ? null : round1(cap === null ? uncapped : Math.min(cap, uncapped));
  return {
    overall_score: overall,
    grade: overall === null ? null : gradeOf(overall),
    trend: trendOf(overall, o.previousScore),
    previous_score: o.previousScore,
    uncapped_score: uncapped === null ? null : round1(uncapped),
    capped_at: cap !== null && uncapped !== null && uncapped > cap ? cap : null,
    components,
    calculated_at: new Date(o.calculatedAt).toISOString(),
  };
}
