import {
  COUNTER_NAMES,
  OPTIONAL_COUNTER_NAMES,
  statementKey,
  type StatementCounters,
  type StatementDelta,
  type StatementRow,
  type StatementsBaseline,
} from '../state/postgres-statements-state.js';

export interface StatementsDiff {
  /** Counters over [previous.collectedAtMs, collectedAtMs); empty for the baseline run. */
  readonly deltas: readonly StatementDelta[];
  /** What the next run diffs against. */
  readonly baseline: StatementsBaseline;
  /** Entries whose counters went down since the last run, so their window was dropped. */
  readonly resetEntries: number;
}

export interface StatementsReading {
  readonly collectedAtMs: number;
  readonly statsResetMs: number | null;
  readonly rows: readonly StatementRow[];
}

/** Optional counters present on both sides: one missing from either (an older extension or baseline) has no delta. */
function sharedOptional(current: StatementCounters, previous: StatementCounters): (typeof OPTIONAL_COUNTER_NAMES)[number][] {
  return OPTIONAL_COUNTER_NAMES.filter((name) => current[name] !== undefined && previous[name] !== undefined);
}

function subtract(current: StatementCounters, previous: StatementCounters): StatementCounters {
  const out = {} as Record<keyof StatementCounters, number>;
  for (const name of COUNTER_NAMES) out[name] = current[name] - previous[name];
  for (const name of sharedOptional(current, previous)) out[name] = current[name]! - previous[name]!;
  return out;
}

function anyDecreased(current: StatementCounters, previous: StatementCounters): boolean {
  return COUNTER_NAMES.some((name) => current[name] < previous[name]) || sharedOptional(current, previous).some((name) => current[name]! < previous[name]!);
}

function delta(row: StatementRow, counters: StatementCounters): StatementDelta {
  const { counters: _totals, ...identity } = row;
  return { ...identity, counters };
}

/**
 * Turns cumulative pg_stat_statements totals into per-window deltas. Nothing is counted twice
 * and nothing is invented: the first run only records a baseline; an entry first seen later
 * counts from zero (it was created within the window); an entry whose counters went down was
 * reset or evicted and re-created, so its window is unknowable and dropped; after
 * pg_stat_statements_reset() every entry counts from zero.
 */
export function diffStatements(previous: StatementsBaseline | undefined, reading: StatementsReading): StatementsDiff {
  const totals: Record<string, StatementCounters> = {};
  const deltas: StatementDelta[] = [];
  let resetEntries = 0;
  // A null on either side is an extension upgrade or downgrade across 1.9, not a reset.
  const wholeReset =
    previous !== undefined && previous.statsResetMs !== null && reading.statsResetMs !== null && previous.statsResetMs !== reading.statsResetMs;
  for (const row of reading.rows) {
    const key = statementKey(row);
    const before = previous === undefined || wholeReset ? undefined : previous.counters[key];
    if (previous === undefined) {
      totals[key] = row.counters;
    } else if (before === undefined) {
      totals[key] = row.counters;
      if (row.counters.calls > 0) deltas.push(delta(row, row.counters));
    } else if (anyDecreased(row.counters, before)) {
      totals[key] = row.counters;
      resetEntries++;
    } else if (row.counters.calls === before.calls) {
      // Keep the older totals so counters that moved without a call (planning) land in a later window.
      totals[key] = before;
    } else {
      totals[key] = row.counters;
      deltas.push(delta(row, subtract(row.counters, before)));
    }
  }
  return {
    deltas,
    baseline: { collectedAtMs: reading.collectedAtMs, statsResetMs: reading.statsResetMs, counters: totals },
    resetEntries,
  };
}

/** Totals presented as one delta each, for `vigil-agent test` to show what a batch looks like. */
export function totalsAsDeltas(rows: readonly StatementRow[]): StatementDelta[] {
  return rows.filter((row) => row.counters.calls > 0).map((row) => delta(row, row.counters));
}
