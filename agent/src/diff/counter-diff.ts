/**
 * Cumulative counters of one statistics row, by name. A null is a counter this row or server
 * version does not have (idx_scan of a table without indexes, a column added in a later
 * release); it has no delta rather than a made-up zero.
 */
export type CounterValues = Readonly<Record<string, number | null>>;

/** The same counters as differences over a window (null where either reading lacked one). */
export type CounterDeltas<C extends CounterValues> = { readonly [K in keyof C]: number | null };

/**
 * Differences between two readings of one row's counters, or undefined when they cannot be
 * known: there is no earlier reading (first sighting), or a counter went down (the statistics
 * were reset, or the object dropped and re-created under the same key). Unchanged counters give
 * zeros. Nothing is invented: a window that cannot be measured is dropped, never guessed.
 */
export function counterDeltas<C extends CounterValues>(previous: C | undefined, current: C): CounterDeltas<C> | undefined {
  if (previous === undefined) return undefined;
  const out: Record<string, number | null> = {};
  for (const name of Object.keys(current)) {
    const now = current[name];
    const before = previous[name];
    if (now === null || now === undefined || before === null || before === undefined) {
      out[name] = null;
      continue;
    }
    if (now < before) return undefined;
    out[name] = now - before;
  }
  return out as CounterDeltas<C>;
}

/**
 * Whether the statistics were reset between two readings of a view's stats_reset. It is null
 * until the first reset, so null → a time is a reset too; the decrease check in counterDeltas
 * would miss a reset followed by more activity than before it.
 */
export function wasReset(previousResetMs: number | null, currentResetMs: number | null): boolean {
  return previousResetMs !== currentResetMs;
}
