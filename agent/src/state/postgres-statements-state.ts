/**
 * pg_stat_statements data in its three state kinds, kept apart so each has one owner:
 * - a snapshot lives for one run (the collector's output, cumulative totals);
 * - a baseline persists between runs (the totals the next run diffs against), plain JSON data;
 * - a delta is what was diffed (counters over one window, ready for the transform).
 */

/** The cumulative counters pg_stat_statements keeps per entry; times in milliseconds. */
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
  // Optional: absent where the extension version lacks them, and in baselines persisted before
  // the agent collected them (a counter missing on either side of a diff has no delta).
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

export const COUNTER_NAMES = [
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
] as const satisfies readonly (keyof StatementCounters)[];

/** Counters present only where the extension version has them (see StatementCounters). */
export const OPTIONAL_COUNTER_NAMES = [
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
  readonly counters: StatementCounters;
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
export type KnownStatements = Readonly<Record<string, 'own' | 'other'>>;

// ---------------------------------------------------------------- between runs

/** The totals one database's next run diffs against. Plain data: it is persisted as JSON. */
export interface StatementsBaseline {
  /** When these totals were read (Unix ms): the start of the next batch window. */
  readonly collectedAtMs: number;
  readonly statsResetMs: number | null;
  /** Totals by statementKey(). */
  readonly counters: Readonly<Record<string, StatementCounters>>;
}

// ---------------------------------------------------------------- what was diffed

/** One entry's counters over a window (never totals). */
export interface StatementDelta extends StatementIdentity {
  readonly counters: StatementCounters;
}
