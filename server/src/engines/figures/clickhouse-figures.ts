import { ratioOrNull, sumOf } from './ratio.js';

/**
 * Figures derived from stored ClickHouse telemetry: pure functions over plain values, shared by the
 * API, the health score and the doctor.
 */

/** A mutation older than this (or whose last attempt failed) counts as stuck. */
export const STUCK_MUTATION_AGE_S = 3600;

/** Whether a mutation counts as stuck (see STUCK_MUTATION_AGE_S). */
export function isStuckMutation(m: { readonly age_s: number; readonly latest_fail_reason: string }): boolean {
  return m.latest_fail_reason !== '' || m.age_s > STUCK_MUTATION_AGE_S;
}

/** Time left for a merge at its pace so far: elapsed × (1 − progress) / progress; null before any progress. */
export function estimatedRemainingS(elapsedS: number, progress: number): number | null {
  return progress > 0 ? (elapsedS * (1 - progress)) / progress : null;
}

/** Mean progress of the running merges, in percent; null with none. */
export function meanMergeProgressPct(merges: readonly { readonly progress: number }[]): number | null {
  return merges.length > 0 ? (100 * sumOf(merges, (m) => m.progress)) / merges.length : null;
}

/** Until the last running merge ends, at each merge's pace so far; null when none has progressed yet. */
export function mergesCompletionS(merges: readonly { readonly estimated_remaining_s: number | null }[]): number | null {
  const estimates = merges.map((m) => m.estimated_remaining_s).filter((s): s is number => s !== null);
  return estimates.length > 0 ? Math.max(...estimates) : null;
}

/** The calls-weighted `q` quantile of per-fingerprint p99 times: a fingerprint with more calls weighs more; null without calls. */
export function callsWeightedP99(rows: readonly { readonly total_calls: number; readonly p99_time_ms: number }[], q = 0.99): number | null {
  const sorted = rows.filter((r) => r.total_calls > 0).sort((a, b) => a.p99_time_ms - b.p99_time_ms);
  const total = sumOf(sorted, (r) => r.total_calls);
  if (total === 0) return null;
  let seen = 0;
  for (const r of sorted) {
    seen += r.total_calls;
    if (seen >= q * total) return r.p99_time_ms;
  }
  return sorted[sorted.length - 1]!.p99_time_ms;
}

/** Uncompressed ÷ compressed bytes (5: stored at a fifth of its size); null when nothing is stored compressed. */
export function compressionRatio(compressedBytes: number, uncompressedBytes: number): number | null {
  return ratioOrNull(uncompressedBytes, compressedBytes);
}

/** A table's rows or bytes per active part; 0 without parts. */
export function perPart(total: number, activeParts: number): number {
  return activeParts > 0 ? total / activeParts : 0;
}

/** used / total × 100; null when the disk reports no size. */
export function usagePct(usedBytes: number, totalBytes: number): number | null {
  return totalBytes > 0 ? (usedBytes / totalBytes) * 100 : null;
}

/** Used bytes of a disk: a disk can report more free than total space (a filesystem quirk), so never negative. */
export function usedBytes(totalBytes: number, freeBytes: number): number {
  return Math.max(0, totalBytes - freeBytes);
}

/** Space summed over disks, with the usage of the sum. */
export function diskTotals(disks: readonly { readonly total_bytes: number; readonly free_bytes: number; readonly used_bytes: number }[]): {
  total_bytes: number;
  free_bytes: number;
  used_bytes: number;
  usage_pct: number | null;
} {
  const total = sumOf(disks, (d) => d.total_bytes);
  const used = sumOf(disks, (d) => d.used_bytes);
  return { total_bytes: total, free_bytes: sumOf(disks, (d) => d.free_bytes), used_bytes: used, usage_pct: usagePct(used, total) };
}

/** The longest elapsed time of the running queries, 0 with none. */
export function longestElapsedMs(queries: readonly { readonly elapsed_ms: number }[]): number {
  return Math.max(0, ...queries.map((q) => q.elapsed_ms));
}
