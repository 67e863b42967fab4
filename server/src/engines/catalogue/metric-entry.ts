import type { EngineName } from '@vigil/shared';
import type { MetricInput } from './metric-input.js';

/** Health components of each engine (issue 11): a metric belongs to one per engine it runs on. */
export type PostgresComponent = 'connections' | 'queries' | 'storage' | 'maintenance' | 'replication';
export type ClickHouseComponent = 'parts_merges' | 'replication' | 'queries' | 'storage' | 'infrastructure';
export type HealthComponent = PostgresComponent | ClickHouseComponent;

export type Severity = 'warning' | 'critical';

/** How a value breaches a level: `>=` for "higher is worse", `<` for "lower is worse", and so on. */
export type BreachOperator = '>' | '>=' | '<' | '<=';

/** A metric's levels. A level may be null (a metric that is only ever a warning, or only critical). */
export interface Thresholds {
  readonly operator: BreachOperator;
  readonly warning: number | null;
  readonly critical: number | null;
}

/** A per-organization override of a built-in metric's levels (a built-in rule as edited). */
export type ThresholdOverrides = Readonly<Record<string, Partial<Pick<Thresholds, 'warning' | 'critical'>>>>;

/** Something a metric's value is about: a session, a table's partition, a slot, a disk. */
export interface MetricObject {
  /** Stable identity within the database (alerts are keyed by it): `pid:4242`, `events.hits/202405`, `slot:standby_1`. */
  readonly key: string;
  /** What a person reads: `pid 4242 (app, alice)`, `events.hits partition 202405`. */
  readonly label: string;
  /** The object's own value of the metric, in its unit, when the metric is a maximum over objects (alerts then open per object). */
  readonly value?: number | undefined;
  /** More about it: the blocker's query, the mutation's failure, the slot's retained WAL. */
  readonly detail?: string | undefined;
}

/** What a derive returns: the value with the objects behind it, or why there is none. */
export type Derived = { readonly value: number; readonly objects: readonly MetricObject[] } | { readonly unavailable: string };

/** The doctor's texts for a metric in trouble. */
export interface DoctorTexts {
  readonly title: string;
  /** One sentence naming the objects involved, from the value, the objects and the breached level. */
  readonly detail: (value: number, objects: readonly MetricObject[], threshold: number) => string;
  readonly recommendation: string;
  /** The SQL to run on the monitored server to look for yourself. */
  readonly how_to_investigate: string;
  readonly how_to_fix: string;
}

/** One metric of the catalogue: everything the health score, the doctor and the alert rules know of it. */
export interface MetricEntry {
  readonly key: string;
  readonly engines: readonly EngineName[];
  readonly unit: 'pct' | 's' | 'ms' | 'bytes' | 'count' | 'per_min';
  readonly description: string;
  readonly thresholds: Thresholds;
  /** The value at or better than which the metric scores 100 (see docs/health-score.md). */
  readonly ok: number;
  /** Where the levels come from (PgHero, pgMonitor, Altinity, ClickHouse docs, or "Vigil": our own choice, with why). */
  readonly source: string;
  /** The health component per engine it runs on. */
  readonly component: Partial<Record<EngineName, HealthComponent>>;
  /** The doctor's category (what top_issues group under). */
  readonly category: 'availability' | 'connections' | 'performance' | 'locking' | 'storage' | 'maintenance' | 'replication' | 'reliability';
  readonly doctor: DoctorTexts;
  readonly derive: (input: MetricInput) => Derived;
  /**
   * Derived at every evaluation from the input's metadata fields alone (now_ms, agent_last_seen_ms,
   * server_version, collector_statuses), never kept in a database's digest (metric-digest.ts): its
   * value moves with the clock, not with the telemetry.
   */
  readonly live?: true;
}

/** An entry as the catalogue files write it: the engines it runs on are the ones it has a health component for. */
export type MetricSpec = Omit<MetricEntry, 'engines'>;

/** The entries of specs, each with its engines taken from its components (so the two cannot disagree). */
export function defineMetrics(specs: readonly MetricSpec[]): readonly MetricEntry[] {
  return specs.map((spec) => ({ ...spec, engines: Object.keys(spec.component) as EngineName[] }));
}

/** Whether `value` breaches `level` by `operator`. */
export function breaches(value: number, operator: BreachOperator | '==' | '!=', level: number): boolean {
  switch (operator) {
    case '>':
      return value > level;
    case '>=':
      return value >= level;
    case '<':
      return value < level;
    case '<=':
      return value <= level;
    case '==':
      return value === level;
    case '!=':
      return value !== level;
  }
}

/** The severity `value` has at `t`: critical before warning; null when it breaches neither. */
export function severityOf(value: number, t: Thresholds): Severity | null {
  if (t.critical !== null && breaches(value, t.operator, t.critical)) return 'critical';
  if (t.warning !== null && breaches(value, t.operator, t.warning)) return 'warning';
  return null;
}

/** The entry's levels with an organization's overrides applied. */
export function thresholdsFor(entry: MetricEntry, overrides: ThresholdOverrides = {}): Thresholds {
  const o = overrides[entry.key];
  if (!o) return entry.thresholds;
  return {
    operator: entry.thresholds.operator,
    warning: o.warning === undefined ? entry.thresholds.warning : o.warning,
    critical: o.critical === undefined ? entry.thresholds.critical : o.critical,
  };
}
