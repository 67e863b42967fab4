import type { Advisor, Closure, Finding, PriorFinding, RecommendationType } from './advisor.js';

/**
 * How one scan's findings change a database's recommendations (pure, so the rules are tested on
 * plain data): the same finding on the same object updates its recommendation (a closed one
 * reopens; a snooze that ran out wakes); a recommendation no longer found is closed by its
 * advisor's verdict, applied with attribution auto_evidence when the telemetry shows the advised
 * change, resolved otherwise. Dismissed ones stay dismissed whatever the scan finds.
 */

export type RecommendationStatus = 'open' | 'applied' | 'dismissed' | 'snoozed' | 'resolved';

export interface StoredRecommendation extends PriorFinding {
  readonly id: string;
  readonly type: RecommendationType;
  readonly objectKey: string;
  readonly status: RecommendationStatus;
  /** Unix ms; only for snoozed. */
  readonly snoozedUntilMs: number | null;
}

export interface SeenAgain {
  readonly id: string;
  readonly finding: Finding;
  /** The status it has after this scan. */
  readonly status: RecommendationStatus;
  /** Counted as new: it was closed (applied or resolved) and is back. */
  readonly reopened: boolean;
  /** The status the scan read: the change is written only if nobody changed it since (a user's action wins over a scan in flight). */
  readonly priorStatus: RecommendationStatus;
}

export interface Closed {
  readonly id: string;
  readonly closure: Closure;
  /** As SeenAgain's. */
  readonly priorStatus: RecommendationStatus;
}

export interface ScanSummary {
  readonly findings: number;
  readonly new: number;
  readonly resolved: number;
  readonly applied: number;
}

export interface ScanChanges {
  readonly created: readonly Finding[];
  readonly seen: readonly SeenAgain[];
  readonly closed: readonly Closed[];
  readonly summary: ScanSummary;
}

export function reconcile<I>(advisors: readonly Advisor<I>[], input: I, existing: readonly StoredRecommendation[], nowMs: number): ScanChanges {
  const byType = new Map<RecommendationType, Advisor<I>>(advisors.map((a) => [a.type, a]));
  const findings = advisors.flatMap((a) => a.detect(input));
  const stored = new Map(existing.map((r) => [`${r.type}\u0000${r.objectKey}`, r]));
  const found = new Set<string>();
  const created: Finding[] = [];
  const seen: SeenAgain[] = [];
  for (const finding of findings) {
    const key = `${finding.type}\u0000${finding.objectKey}`;
    if (found.has(key)) continue;
    found.add(key);
    const prior = stored.get(key);
    if (!prior) {
      created.push(finding);
      continue;
    }
    const reopened = prior.status === 'applied' || prior.status === 'resolved';
    const snoozeOver = prior.status === 'snoozed' && (prior.snoozedUntilMs ?? 0) <= nowMs;
    const status: RecommendationStatus = reopened || snoozeOver ? 'open' : prior.status;
    seen.push({ id: prior.id, finding, status, reopened, priorStatus: prior.status });
  }
  const closed: Closed[] = [];
  for (const [key, prior] of stored) {
    if (found.has(key) || (prior.status !== 'open' && prior.status !== 'snoozed')) continue;
    const advisor = byType.get(prior.type);
    // A type this engine's advisors do not produce (another engine's) is left alone.
    if (!advisor) continue;
    closed.push({ id: prior.id, closure: advisor.closure(prior, input), priorStatus: prior.status });
  }
  return {
    created,
    seen,
    closed,
    summary: {
      findings: found.size,
      new: created.length + seen.filter((s) => s.reopened).length,
      resolved: closed.filter((c) => c.closure.outcome === 'resolved').length,
      applied: closed.filter((c) => c.closure.outcome === 'applied').length,
    },
  };
}
