import { createHash } from 'node:crypto';
import type { EngineName } from '@vigil/shared';
import { CATALOGUE, deriveMetrics, metricsFor, type DerivedMetrics } from './index.js';
import type { Derived } from './metric-entry.js';
import type { MetricInput } from './metric-input.js';

/**
 * A database's metrics as derived from its telemetry when that last arrived: compact (each metric's
 * value and at most MAX_OBJECTS objects, a few kB), so an evaluation tick reads 10,000 of them in a few
 * bulk reads and judges them, instead of reading and deriving every snapshot again. Thresholds are not
 * in it (the organization's levels apply when judged), nor the live metrics (agent.disconnected_s),
 * which are derived at each evaluation from metadata.
 *
 * A metric over a window (ClickHouse counters over 5 min, query fingerprints over 15 min, PostgreSQL
 * objects and checkpoints over the hour) changes with no new data as readings leave its window: the
 * digest keeps, per metric, what it becomes at each point where a window's readings have all left it
 * (what the read layer would return then, `AgedInput`), so a tick long after the last batch judges an
 * empty window as a read would, never a stale total. Any newer batch derives the digest again.
 */
export interface MetricDigest {
  readonly engine: EngineName;
  /** The input's now_ms: when the windows were read. */
  readonly derived_at: number;
  /** The catalogue it was derived with (CATALOGUE_SIGNATURE): a digest of another catalogue is derived again. */
  readonly catalogue: string;
  /** Per metric key, live metrics excepted. */
  readonly metrics: Readonly<Record<string, DigestedMetric>>;
}

export interface DigestedMetric {
  readonly result: Derived;
  /** From `from` (Unix ms) on, the result is this one instead; ascending. Absent when no window ageing changes it. */
  readonly later?: readonly { readonly from: number; readonly result: Derived }[];
}

/** The input as a read would return it from `from` on with no new data (its windows' readings gone). */
export interface AgedInput {
  readonly from: number;
  readonly input: MetricInput;
}

/** The database facts live metrics are derived from at each evaluation (metadata, not telemetry). */
export type LiveFacts = Pick<MetricInput, 'engine' | 'now_ms' | 'server_version' | 'agent_last_seen_ms' | 'collector_statuses'>;

/** Identifies the catalogue's keys and the digest's format: a digest with another signature is stale. */
export const CATALOGUE_SIGNATURE = createHash('sha256')
  .update(`digest-v1:${CATALOGUE.map((e) => `${e.key}${e.live ? '*' : ''}`).join(',')}`)
  .digest('hex')
  .slice(0, 16);

/** Digests an input: every stored metric derived over it, and again over each aged form where that changes the result. */
export function digestMetrics(input: MetricInput, aged: readonly AgedInput[]): MetricDigest {
  const entries = metricsFor(input.engine).filter((e) => !e.live);
  const now = deriveMetrics(input, entries);
  const stages = aged.map((a) => ({ from: a.from, derived: deriveMetrics(a.input, entries) }));
  const metrics: Record<string, DigestedMetric> = {};
  for (const [key, result] of now) {
    const later: { from: number; result: Derived }[] = [];
    let last = JSON.stringify(result);
    for (const stage of stages) {
      const next = stage.derived.get(key)!;
      const text = JSON.stringify(next);
      if (text !== last) later.push({ from: stage.from, result: next });
      last = text;
    }
    metrics[key] = later.length > 0 ? { result, later } : { result };
  }
  return { engine: input.engine, derived_at: input.now_ms, catalogue: CATALOGUE_SIGNATURE, metrics };
}

/** Whether a stored digest can be judged as is (same engine and catalogue). */
export function digestUsable(digest: MetricDigest, engine: EngineName): boolean {
  return digest.catalogue === CATALOGUE_SIGNATURE && digest.engine === engine;
}

/** Every metric's result at `facts.now_ms`: the digest's, aged to that time, plus the live metrics derived from the facts. */
export function digestResults(digest: MetricDigest, facts: LiveFacts): DerivedMetrics {
  const out = new Map<string, Derived>();
  const live = metricsFor(facts.engine).filter((e) => e.live);
  for (const entry of metricsFor(facts.engine)) {
    if (entry.live) continue;
    const m = digest.metrics[entry.key];
    if (!m) continue;
    let result = m.result;
    for (const step of m.later ?? []) if (facts.now_ms >= step.from) result = step.result;
    out.set(entry.key, result);
  }
  for (const [key, result] of deriveMetrics(facts, live)) out.set(key, result);
  return out;
}
