import {
  ABSENT,
  COUNTER,
  COUNTERS,
  REQUIRED_COUNTERS,
  statementKey,
  type CounterValues,
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

const WIDTH = COUNTERS.length;

/**
 * Whether any counter went down since the totals at `before[at…]`. Optional counters count only
 * where both sides have them: one absent from either (an older extension or baseline) has no delta.
 */
function anyDecreased(current: CounterValues, before: readonly number[], at: number): boolean {
  for (let i = 0; i < WIDTH; i++) {
    const then = before[at + i]!;
    if (current[i]! < then && (i < REQUIRED_COUNTERS || current[i] !== ABSENT)) return true;
  }
  return false;
}

/**
 * The counters since `before[at…]` (since zero without `before`), by name; an optional counter
 * absent on either side has no delta and stays undefined. Written out field by field: filling an
 * object by computed names is several times slower, with thousands of deltas every interval.
 */
function subtract(current: CounterValues, before: readonly number[] | undefined, at: number): StatementCounters {
  const get = (i: number): number => current[i]! - (before === undefined ? 0 : before[at + i]!);
  const opt = (i: number): number | undefined => (current[i] === ABSENT || (before !== undefined && before[at + i] === ABSENT) ? undefined : get(i));
  return {
    calls: get(COUNTER.calls),
    totalExecTimeMs: get(COUNTER.totalExecTimeMs),
    totalPlanTimeMs: get(COUNTER.totalPlanTimeMs),
    rows: get(COUNTER.rows),
    sharedBlksHit: get(COUNTER.sharedBlksHit),
    sharedBlksRead: get(COUNTER.sharedBlksRead),
    sharedBlksDirtied: get(COUNTER.sharedBlksDirtied),
    sharedBlksWritten: get(COUNTER.sharedBlksWritten),
    tempBlksRead: get(COUNTER.tempBlksRead),
    tempBlksWritten: get(COUNTER.tempBlksWritten),
    blkReadTimeMs: get(COUNTER.blkReadTimeMs),
    blkWriteTimeMs: get(COUNTER.blkWriteTimeMs),
    plans: opt(COUNTER.plans),
    localBlksHit: opt(COUNTER.localBlksHit),
    localBlksRead: opt(COUNTER.localBlksRead),
    localBlksDirtied: opt(COUNTER.localBlksDirtied),
    localBlksWritten: opt(COUNTER.localBlksWritten),
    tempBlkReadTimeMs: opt(COUNTER.tempBlkReadTimeMs),
    tempBlkWriteTimeMs: opt(COUNTER.tempBlkWriteTimeMs),
    localBlkReadTimeMs: opt(COUNTER.localBlkReadTimeMs),
    localBlkWriteTimeMs: opt(COUNTER.localBlkWriteTimeMs),
    walRecords: opt(COUNTER.walRecords),
    walFpi: opt(COUNTER.walFpi),
    walBytes: opt(COUNTER.walBytes),
  };
}

function delta(row: StatementRow, counters: StatementCounters): StatementDelta {
  return { dbid: row.dbid, userid: row.userid, queryid: row.queryid, toplevel: row.toplevel, datname: row.datname, rolname: row.rolname, query: row.query, counters };
}

/** Where each key's totals start in the baseline's flat array. */
function offsets(baseline: StatementsBaseline): Map<string, number> {
  const byKey = new Map<string, number>();
  for (let i = 0; i < baseline.keys.length; i++) byKey.set(baseline.keys[i]!, i * WIDTH);
  return byKey;
}

/**
 * Turns cumulative pg_stat_statements totals into per-window deltas. Nothing is counted twice
 * and nothing is invented: the first run only records a baseline; an entry first seen later
 * counts from zero (it was created within the window); an entry whose counters went down was
 * reset or evicted and re-created, so its window is unknowable and dropped; after
 * pg_stat_statements_reset() every entry counts from zero. `previous` must be in the current
 * layout (currentBaseline()).
 */
export function diffStatements(previous: StatementsBaseline | undefined, reading: StatementsReading): StatementsDiff {
  const keys: string[] = [];
  // Sized up front and written by index: 5,000 rows × 24 counters, every interval.
  const totals = new Array<number>(reading.rows.length * WIDTH);
  const deltas: StatementDelta[] = [];
  let resetEntries = 0;
  // A null on either side is an extension upgrade or downgrade across 1.9, not a reset.
  const wholeReset =
    previous !== undefined && previous.statsResetMs !== null && reading.statsResetMs !== null && previous.statsResetMs !== reading.statsResetMs;
  const before = previous === undefined || wholeReset ? undefined : offsets(previous);
  const beforeTotals = previous?.totals ?? [];
  for (let r = 0; r < reading.rows.length; r++) {
    const row = reading.rows[r]!;
    const key = statementKey(row);
    keys.push(key);
    const at = before?.get(key);
    // Where the totals to keep come from: this reading, or (no call since) the older totals.
    let kept: readonly number[] = row.counters;
    let from = 0;
    if (previous === undefined) {
      // The baseline run: nothing to subtract from.
    } else if (at === undefined) {
      if (row.counters[COUNTER.calls]! > 0) deltas.push(delta(row, subtract(row.counters, undefined, 0)));
    } else if (anyDecreased(row.counters, beforeTotals, at)) {
      resetEntries++;
    } else if (row.counters[COUNTER.calls] === beforeTotals[at + COUNTER.calls]) {
      // Keep the older totals so counters that moved without a call (planning) land in a later window.
      kept = beforeTotals;
      from = at;
    } else {
      deltas.push(delta(row, subtract(row.counters, beforeTotals, at)));
    }
    for (let i = 0; i < WIDTH; i++) totals[r * WIDTH + i] = kept[from + i]!;
  }
  return {
    deltas,
    baseline: { collectedAtMs: reading.collectedAtMs, statsResetMs: reading.statsResetMs, counters: COUNTERS, keys, totals },
    resetEntries,
  };
}

/** Totals presented as one delta each, for `vigil-agent test` to show what a batch looks like. */
export function totalsAsDeltas(rows: readonly StatementRow[]): StatementDelta[] {
  return rows.filter((row) => row.counters[COUNTER.calls]! > 0).map((row) => delta(row, subtract(row.counters, undefined, 0)));
}
