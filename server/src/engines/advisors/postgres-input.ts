import type { TimeWindow } from './advisor.js';

/**
 * What a PostgreSQL scan reads, as plain data (the scan service fills it through the read layer):
 * objects as of their latest reading, counters summed over the window.
 */

export interface PgIndexInput {
  readonly database: string;
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  /** Null when no reading had the size. */
  readonly sizeBytes: number | null;
  readonly valid: boolean;
  readonly unique: boolean;
  readonly primary: boolean;
  readonly backsConstraint: boolean;
  /** pg_get_indexdef() as sent (literals stripped). */
  readonly definition: string;
  /** idx_scan as last read: scans since the statistics reset. */
  readonly scansSinceReset: number;
  /** Scans in the window (summed deltas); null when no reading had deltas. */
  readonly scansInWindow: number | null;
}

export interface PgTableInput {
  readonly database: string;
  readonly schema: string;
  readonly name: string;
  readonly liveTuples: number;
  readonly deadTuples: number;
  readonly totalBytes: number | null;
  readonly tableBytes: number | null;
  /** Counters over the window; null when no reading had deltas. */
  readonly seqScans: number | null;
  readonly seqTuplesRead: number | null;
  readonly idxScans: number | null;
  readonly lastVacuumMs: number | null;
  readonly lastAutovacuumMs: number | null;
}

export interface PgStatementInput {
  readonly queryHash: string;
  /** The database it ran in: its tables are the ones it can filter ('' when the agent did not say, then any). */
  readonly database: string;
  readonly text: string;
  readonly calls: number;
  readonly meanMs: number;
  readonly totalMs: number;
}

export interface PgSequenceInput {
  readonly database: string;
  readonly schema: string;
  readonly name: string;
  readonly dataType: string;
  readonly usedFraction: number;
  readonly lastValue: number;
  readonly maxValue: number;
  /** schema.table.column the sequence feeds, or '' when none. */
  readonly ownedBy: string;
  readonly columnType: string;
}

export interface PgSettingInput {
  readonly setting: string;
  readonly unit: string | null;
  readonly source: string;
}

export interface PgScanInput {
  readonly window: TimeWindow;
  /** pg_stat_database.stats_reset of the database the agent connects to; null when never reset or unknown. */
  readonly statsResetMs: number | null;
  readonly indexes: readonly PgIndexInput[];
  readonly tables: readonly PgTableInput[];
  readonly statements: readonly PgStatementInput[];
  readonly sequences: readonly PgSequenceInput[];
  /** Key settings by name; empty before the first reading. */
  readonly settings: ReadonlyMap<string, PgSettingInput>;
  /** Temporary files written over `tempWindow`, all databases of the server; null when unknown. */
  readonly tempFiles: number | null;
  readonly tempBytes: number | null;
  readonly tempWindow: TimeWindow | null;
}
