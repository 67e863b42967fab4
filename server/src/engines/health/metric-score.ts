import { type Severity, type Thresholds } from '../catalogue/metric-entry.js';

/**
 * One metric's 0–100 score (docs/health-score.md): linear between anchors — 100 at the entry's ok
 * value, 70 at warning, 30 at critical, 0 "well beyond" — then held inside its severity's band, so a
 * score never says better or worse than the alert does.
 */

export const SCORE_AT = { ok: 100, warning: 70, critical: 30, worst: 0 } as const;

/** The band a severity's score stays in. */
const BANDS: Record<Severity | 'ok', readonly [number, number]> = { ok: [70, 100], warning: [30, 70], critical: [0, 30] };

function direction(t: Thresholds): 1 | -1 {
  return t.operator === '<' || t.operator === '<=' ? -1 : 1;
}

/**
 * "Well beyond": one more step past the last level, the step being the warning-to-critical distance
 * (or, with one level only, the ok-to-level distance; failing that the level itself, failing that 1).
 */
export function wellBeyond(t: Thresholds, ok: number): number | null {
  const last = t.critical ?? t.warning;
  if (last === null) return null;
  const prev = t.critical !== null && t.warning !== null ? t.warning : ok;
  const step = Math.abs(last - prev) || Math.abs(last) || 1;
  return last + direction(t) * step;
}

/** The anchors as (badness, score) pairs, badness rising: the value itself, negated for "lower is worse". */
function anchors(t: Thresholds, ok: number): [number, number][] {
  const d = direction(t);
  const points: [number, number][] = [];
  const firstLevel = t.warning ?? t.critical;
  // An organization may set a level better than the entry's ok value: ok then moves to it.
  points.push([firstLevel === null ? d * ok : Math.min(d * ok, d * firstLevel), SCORE_AT.ok]);
  if (t.warning !== null) points.push([d * t.warning, SCORE_AT.warning]);
  if (t.critical !== null) points.push([d * t.critical, SCORE_AT.critical]);
  const worst = wellBeyond(t, ok);
  if (worst !== null) points.push([d * worst, SCORE_AT.worst]);
  // Overrides could put critical before warning; keep the curve monotone.
  for (let i = 1; i < points.length; i++) if (points[i]![0] < points[i - 1]![0]) points[i]![0] = points[i - 1]![0];
  return points;
}

/** Linear interpolation through the anchors (flat before the first and after the last). */
function interpolate(points: readonly [number, number][], b: number): number {
  if (b <= points[0]![0]) return points[0]![1];
  for (let i = 1; i < points.length; i++) {
    const [b1, s1] = points[i]!;
    if (b <= b1) {
      const [b0, s0] = points[i - 1]!;
      return b1 === b0 ? s1 : s0 + ((s1 - s0) * (b - b0)) / (b1 - b0);
    }
  }
  return points[points.length - 1]![1];
}

/** The metric's score at `value`, given the severity it reaches at those levels. */
export function metricScore(value: number, t: Thresholds, ok: number, severity: Severity | null): number {
  const raw = interpolate(anchors(t, ok), direction(t) * value);
  const [lo, hi] = BANDS[severity ?? 'ok'];
  return Math.min(hi, Math.max(lo, raw));
}
