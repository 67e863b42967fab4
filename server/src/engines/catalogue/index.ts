import type { EngineName } from '@vigil/shared';
import { AGENT_METRICS } from './agent-metrics.js';
import { CLICKHOUSE_METRICS } from './clickhouse-metrics.js';
import { severityOf, thresholdsFor, type Derived, type MetricEntry, type Severity, type ThresholdOverrides, type Thresholds } from './metric-entry.js';
import type { MetricInput } from './metric-input.js';
import { POSTGRES_METRICS } from './postgres-metrics.js';

export * from './metric-entry.js';
export type * from './metric-input.js';

/**
 * The metric catalogue: one entry per metric, read by the health score, the doctor, the alert rules
 * and `/alerts/rules/metrics` alike. A new check is one entry here plus its test.
 */
export const CATALOGUE: readonly MetricEntry[] = [...POSTGRES_METRICS, ...CLICKHOUSE_METRICS, ...AGENT_METRICS];

export const METRICS_BY_KEY: ReadonlyMap<string, MetricEntry> = new Map(CATALOGUE.map((e) => [e.key, e]));

const BY_ENGINE = new Map<EngineName, readonly MetricEntry[]>((['postgres', 'clickhouse'] as const).map((engine) => [engine, CATALOGUE.filter((e) => e.engines.includes(engine))]));

/** The entries that apply to an engine, in catalogue order. */
export function metricsFor(engine: EngineName): readonly MetricEntry[] {
  return BY_ENGINE.get(engine) ?? [];
}

/** One metric evaluated for one database: its value (or why none), the levels it was judged at and the severity it reaches. */
export interface MetricReading {
  readonly entry: MetricEntry;
  readonly thresholds: Thresholds;
  readonly result: Derived;
  /** null when ok or unavailable. */
  readonly severity: Severity | null;
}

/** Every metric's derived value (or why none), by key: the part of an evaluation that needs the telemetry, before any threshold. */
export type DerivedMetrics = ReadonlyMap<string, Derived>;

/** Derives every metric of the input's engine (catalogue order); thresholds are applied by judgeMetrics. */
export function deriveMetrics(input: MetricInput, entries: readonly MetricEntry[] = metricsFor(input.engine)): Map<string, Derived> {
  const out = new Map<string, Derived>();
  for (const entry of entries) {
    let result: Derived;
    try {
      result = entry.derive(input);
    } catch (err) {
      // A malformed input for one metric must not hide the others.
      result = { unavailable: `could not be derived: ${err instanceof Error ? err.message : String(err)}` };
    }
    if ('value' in result && !Number.isFinite(result.value)) result = { unavailable: 'the value is not a finite number' };
    out.set(entry.key, result);
  }
  return out;
}

/** Judges derived values at the organization's levels: the readings the health score, the doctor and the alert rules share. */
export function judgeMetrics(engine: EngineName, derived: DerivedMetrics, overrides: ThresholdOverrides = {}): MetricReading[] {
  return metricsFor(engine).map((entry) => {
    const thresholds = thresholdsFor(entry, overrides);
    const result = derived.get(entry.key) ?? { unavailable: 'not derived yet' };
    const severity = 'value' in result ? severityOf(result.value, thresholds) : null;
    return { entry, thresholds, result, severity };
  });
}

/** Every metric of the database's engine, derived from its telemetry and judged at the organization's levels. */
export function readMetrics(input: MetricInput, overrides: ThresholdOverrides = {}): MetricReading[] {
  return judgeMetrics(input.engine, deriveMetrics(input), overrides);
}
