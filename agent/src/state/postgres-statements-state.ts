/**
 * pg_stat_statements data in its three state kinds, kept apart so each has one owner:
 * - a snapshot lives for one run (the collector's output, cumulative totals);
 * - a baseline persists between runs (the totals the next run diffs against), plain JSON data;
 * - a delta is what was diffed (counters over one window, ready for the transform).
 */

/** One entry's counters over a window (a delta) by name; times in milliseconds. */
export interface StatementCounters {
  readonly calls: number;
  readonly totalExecTimeMs: number;
  readonly totalPlanTimeMs: number;
  readonly rows: number;
  readonly sharedBlksHit: number;
  readonly sharedBlksRead: number;
  readonly sharedBlksDirtied: number;
  readonly sharedBlksWritten: number;
  readonly tempBlksRead: number;
  readonly tempBlksWritten: number;
  readonly blkReadTimeMs: number;
  readonly blkWriteTimeMs: number;
  // Optional: undefined where the extension version or the baseline lacks them (see COUNTERS).
  readonly plans?: number;
  readonly localBlksHit?: number;
  readonly localBlksRead?: number;
  readonly localBlksDirtied?: number;
  readonly localBlksWritten?: number;
  /** Extension 1.10 (PostgreSQL 15) and later. */
  readonly tempBlkReadTimeMs?: number;
  readonly tempBlkWriteTimeMs?: number;
  /** Extension 1.11 (PostgreSQL 17) and later. */
  readonly localBlkReadTimeMs?: number;
  readonly localBlkWriteTimeMs?: number;
  /** Extension 1.8 (PostgreSQL 13) and later, like plans. */
  readonly walRecords?: number;
  readonly walFpi?: number;
  readonly walBytes?: number;
}

/**
 * The cumulative counters pg_stat_statements keeps per entry, in the order CounterValues holds
 * them; times in milliseconds. Every version has the first REQUIRED_COUNTERS; the rest are
 * optional: absent where the extension version lacks them (plans and wal_* from 1.8, temp block
 * timings from 1.10, local block timings from 1.11), and in baselines persisted before the agent
 * collected them. A counter absent on either side of a diff has no delta.
 */
export const COUNTERS = [
  'calls',
  'totalExecTimeMs',
  'totalPlanTimeMs',
  'rows',
  'sharedBlksHit',
  'sharedBlksRead',
  'sharedBlksDirtied',
  'sharedBlksWritten',
  'tempBlksRead',
  'tempBlksWritten',
  'blkReadTimeMs',
  'blkWriteTimeMs',
  'plans',
  'localBlksHit',
  'localBlksRead',
  'localBlksDirtied',
  'localBlksWritten',
  'tempBlkReadTimeMs',
  'tempBlkWriteTimeMs',
  'localBlkReadTimeMs',
  'localBlkWriteTimeMs',
  'walRecords',
  'walFpi',
  'walBytes',
] as const satisfies readonly (keyof StatementCounters)[];

export type CounterName = (typeof COUNTERS)[number];

/** How many of COUNTERS every extension version has. */
export const REQUIRED_COUNTERS = 12;

/** Where each counter sits in CounterValues: `row.counters[COUNTER.calls]`. */
export const COUNTER = Object.fromEntries(COUNTERS.map((name, i) => [name, i])) as Readonly<Record<CounterName, number>>;

/** The value of a counter the extension version (or an older baseline) lacks; real totals and deltas are never negative. */
export const ABSENT = -1;

/**
 * One entry's totals in COUNTERS order, ABSENT where missing. An array rather than an object
 * with named fields: thousands are read, diffed and persisted every interval, and indexed
 * numbers cost a fraction of named fields in CPU and garbage.
 */
export type CounterValues = readonly number[];

/** What identifies one pg_stat_statements entry. */
export interface StatementKey {
  readonly dbid: number;
  readonly userid: number;
  /** Signed 64-bit queryid as a decimal string (it does not fit a JS number). */
  readonly queryid: string;
  /** Whether the statement ran at top level rather than inside a function; true before extension 1.9. */
  readonly toplevel: boolean;
}

/** Stable string form of a key, for maps and the persisted baseline. */
export function statementKey(key: StatementKey): string {
  return `${key.dbid}/${key.userid}/${key.queryid}/${key.toplevel ? 't' : 'f'}`;
}

export interface StatementIdentity extends StatementKey {
  /** Null when the database was dropped since the statement ran. */
  readonly datname: string | null;
  /** Null when the role was dropped since the statement ran. */
  readonly rolname: string | null;
  /**
   * Text as PostgreSQL normalized it; may still hold literals (utility statements): strip before
   * sending. Empty when the collector did not read it this run because the key was already known
   * (its text went out before), or because the entry was evicted before its text could be read.
   */
  readonly query: string;
}

// ---------------------------------------------------------------- one run

/** One pg_stat_statements entry with its totals since the entry was created or reset. */
export interface StatementRow extends StatementIdentity {
  readonly counters: CounterValues;
}

export type StatementsStatusCode =
  /** pg_stat_statements is not created in this database (and maybe not preloaded either). */
  | 'extension_missing'
  /** The extension exists but its library is not in shared_preload_libraries, so it records nothing. */
  | 'library_not_loaded'
  /** A newer extension version ships with the server; collection continues with what the installed one offers. */
  | 'extension_outdated'
  /** The role cannot see other roles' statements; collection continues with its own. */
  | 'privilege_missing';

/** A non-fatal reason collection is degraded or impossible, with the SQL that fixes it. */
export interface StatementsStatus {
  readonly code: StatementsStatusCode;
  /** Plain-language explanation for logs and `vigil-agent test`. */
  readonly message: string;
  /** Statements to run, in order, to fix it (lines starting with -- are steps that are not SQL). */
  readonly fixSql: readonly string[];
  /** The fix only takes effect after a PostgreSQL restart. */
  readonly restartRequired: boolean;
}

export interface StatementsSnapshot {
  readonly serverVersionNum: number;
  /** Installed pg_stat_statements version; null when the extension is not created. */
  readonly extensionVersion: string | null;
  readonly statuses: readonly StatementsStatus[];
  /** When pg_stat_statements_reset() last ran (Unix ms); null before extension 1.9. */
  readonly statsResetMs: number | null;
  /** Null when statistics are unavailable (see statuses), which is not the same as none recorded. */
  readonly rows: readonly StatementRow[] | null;
  /** Every key present now whose text was read this run or before: what the next run passes back as `known`. */
  readonly known: KnownStatements;
}

/**
 * Keys (statementKey()) whose text the agent has read, and whether that text marks the statement
 * as the agent's own. Counters are read without text (cheap even with a large
 * pg_stat_statements.max); texts are read only for keys missing here. Since a counters-only read
 * cannot recognize the agent's own statements by their text, this remembers which keys were.
 */
export type KnownStatements = ReadonlyMap<string, 'own' | 'other'>;

// ---------------------------------------------------------------- between runs

/**
 * The totals one database's next run diffs against. It is rewritten (and fsynced) every
 * interval with thousands of entries, so it is plain JSON in a compact layout: counter names
 * once, not per entry, and all totals in one flat array of numbers, which also costs the
 * garbage collector nothing to trace.
 */
export interface StatementsBaseline {
  /** When these totals were read (Unix ms): the start of the next batch window. */
  readonly collectedAtMs: number;
  readonly statsResetMs: number | null;
  /** The counters each entry's totals hold, in order: COUNTERS when this agent wrote it. */
  readonly counters: readonly string[];
  /** statementKey() of each entry. */
  readonly keys: readonly string[];
  /** `counters.length` totals per entry of `keys`, in the same order; ABSENT where a counter is missing. */
  readonly totals: readonly number[];
}

/** A baseline as agents before the compact layout persisted it: counter objects by key. */
interface LegacyStatementsBaseline {
  readonly collectedAtMs: number;
  readonly statsResetMs: number | null;
  readonly counters: Readonly<Record<string, Partial<Record<string, number>>>>;
}

/**
 * A persisted baseline in the layout this agent diffs against: as is when it already is,
 * columns mapped by name when an agent with other counters wrote it, and the object layout of
 * earlier agents converted, so an upgrade neither loses nor doubles an interval.
 */
export function currentBaseline(saved: StatementsBaseline | LegacyStatementsBaseline): StatementsBaseline {
  if (!Array.isArray(saved.counters)) {
    const legacy = saved as LegacyStatementsBaseline;
    const keys = Object.keys(legacy.counters);
    const totals: number[] = [];
    for (const key of keys) {
      const counters = legacy.counters[key]!;
      for (const name of COUNTERS) totals.push(counters[name] ?? ABSENT);
    }
    return { collectedAtMs: legacy.collectedAtMs, statsResetMs: legacy.statsResetMs, counters: COUNTERS, keys, totals };
  }
  const baseline = saved as StatementsBaseline;
  if (baseline.counters.length === COUNTERS.length && baseline.counters.every((name, i) => name === COUNTERS[i])) return baseline;
  const from = COUNTERS.map((name) => baseline.counters.indexOf(name));
  const width = baseline.counters.length;
  const totals: number[] = [];
  for (let entry = 0; entry < baseline.keys.length; entry++) {
    for (const column of from) totals.push(column === -1 ? ABSENT : baseline.totals[entry * width + column]!);
  }
  return { ...baseline, counters: COUNTERS, totals };
}

// ---------------------------------------------------------------- what was diffed

/** One entry's counters over a window (never totals). */
export interface StatementDelta extends StatementIdentity {
  readonly counters: StatementCounters;
}
