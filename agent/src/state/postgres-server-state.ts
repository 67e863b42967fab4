/**
 * Server-wide statistics in their three state kinds:
 * - a snapshot lives for one run (gauges and cumulative counters as read);
 * - a baseline persists between runs (the counters the next run diffs against, and a
 *   fingerprint of the settings last sent), plain JSON data;
 * - a diffed reading pairs the snapshot with its deltas, ready for the transform.
 * Counter fields are null where the server version (or the row) does not have them.
 */
import type { CounterDeltas } from '../diff/counter-diff.js';
import type { NumbersOf } from './column-fields.js';

/**
 * pg_stat_database counters of one database, as selected (the *_time columns as *_time_ms); the
 * session statistics are PostgreSQL 14+; confl_*: pg_stat_database_conflicts, queries a standby
 * cancelled, by cause.
 */
export const DATABASE_COUNTER_COLUMNS = [
  'xact_commit', 'xact_rollback', 'blks_read', 'blks_hit', 'tup_returned', 'tup_fetched', 'tup_inserted', 'tup_updated', 'tup_deleted',
  'conflicts', 'temp_files', 'temp_bytes', 'deadlocks', 'checksum_failures', 'blk_read_time_ms', 'blk_write_time_ms',
  'session_time_ms', 'active_time_ms', 'idle_in_transaction_time_ms', 'sessions', 'sessions_abandoned', 'sessions_fatal', 'sessions_killed',
  'confl_tablespace', 'confl_lock', 'confl_snapshot', 'confl_bufferpin', 'confl_deadlock',
] as const;

/** The database counters; null where the version has none. */
export type DatabaseCounters = NumbersOf<typeof DATABASE_COUNTER_COLUMNS>;

export interface DatabaseStatRow {
  readonly datname: string;
  /** Null when the role may not connect to it and lacks pg_read_all_stats. */
  readonly sizeBytes: number | null;
  readonly numbackends: number;
  readonly xidAge: number;
  readonly mxidAge: number;
  readonly statsResetMs: number | null;
  readonly counters: DatabaseCounters;
}

export interface ConnectionsReading {
  /** Client backends now. */
  readonly connections: number;
  readonly maxConnections: number;
  readonly superuserReservedConnections: number;
  /** PostgreSQL 16+. */
  readonly reservedConnections: number | null;
  readonly postmasterStartMs: number;
}

/** pg_stat_bgwriter (and pg_stat_checkpointer from PostgreSQL 17) under one set of names. */
export type CheckpointerCounters = {
  readonly checkpointsTimed: number | null;
  readonly checkpointsRequested: number | null;
  readonly checkpointWriteTimeMs: number | null;
  readonly checkpointSyncTimeMs: number | null;
  readonly buffersCheckpoint: number | null;
  readonly buffersClean: number | null;
  readonly maxwrittenClean: number | null;
  readonly buffersAlloc: number | null;
  /** Before PostgreSQL 17. */
  readonly buffersBackend: number | null;
  readonly buffersBackendFsync: number | null;
  /** PostgreSQL 17+. */
  readonly restartpointsTimed: number | null;
  readonly restartpointsRequested: number | null;
  readonly restartpointsDone: number | null;
};

export type WalCounters = {
  readonly walRecords: number | null;
  readonly walFpi: number | null;
  readonly walBytes: number | null;
  readonly walBuffersFull: number | null;
  /** PostgreSQL 14–17. */
  readonly walWrite: number | null;
  readonly walSync: number | null;
  readonly walWriteTimeMs: number | null;
  readonly walSyncTimeMs: number | null;
};

export type IoCounters = {
  readonly reads: number | null;
  readonly readTimeMs: number | null;
  readonly writes: number | null;
  readonly writeTimeMs: number | null;
  readonly writebacks: number | null;
  readonly writebackTimeMs: number | null;
  readonly extends: number | null;
  readonly extendTimeMs: number | null;
  readonly hits: number | null;
  readonly evictions: number | null;
  readonly reuses: number | null;
  readonly fsyncs: number | null;
  readonly fsyncTimeMs: number | null;
};

/** Cumulative counters of a view with a stats_reset column. */
export interface CounterReading<C> {
  readonly statsResetMs: number | null;
  readonly counters: C;
}

export interface IoRow extends CounterReading<IoCounters> {
  readonly backendType: string;
  readonly object: string;
  readonly context: string;
  /** PostgreSQL 16–17. */
  readonly opBytes: number | null;
}

export interface SettingRow {
  readonly name: string;
  readonly setting: string;
  readonly unit: string | null;
  readonly source: string;
  readonly pendingRestart: boolean;
}

export interface ServerSnapshot {
  readonly connections: ConnectionsReading;
  readonly databases: readonly DatabaseStatRow[];
  readonly checkpointer: CounterReading<CheckpointerCounters>;
  /** Null before PostgreSQL 14. */
  readonly wal: CounterReading<WalCounters> | null;
  /** Null before PostgreSQL 16. */
  readonly io: readonly IoRow[] | null;
  readonly settings: readonly SettingRow[];
}

// ---------------------------------------------------------------- between runs

export interface ServerBaseline {
  readonly collectedAtMs: number;
  /** By datname. */
  readonly databases: Readonly<Record<string, CounterReading<DatabaseCounters>>>;
  readonly checkpointer: CounterReading<CheckpointerCounters>;
  readonly wal: CounterReading<WalCounters> | null;
  /** By ioKey(). */
  readonly io: Readonly<Record<string, CounterReading<IoCounters>>>;
  /** Of the settings last sent, to send them again only when one changes. */
  readonly settingsFingerprint: string;
}

/** Stable key of a pg_stat_io row. */
export function ioKey(row: Pick<IoRow, 'backendType' | 'object' | 'context'>): string {
  return `${row.backendType}/${row.object}/${row.context}`;
}

// ---------------------------------------------------------------- what was diffed

export interface DiffedServer {
  readonly snapshot: ServerSnapshot;
  readonly collectedAtMs: number;
  /** Start of the window the deltas cover; null on the first reading. */
  readonly windowStartMs: number | null;
  /** By datname; a database missing here has no deltas this time (new, or reset). */
  readonly databaseDeltas: ReadonlyMap<string, CounterDeltas<DatabaseCounters>>;
  readonly checkpointerDeltas: CounterDeltas<CheckpointerCounters> | undefined;
  readonly walDeltas: CounterDeltas<WalCounters> | undefined;
  /** By ioKey(). */
  readonly ioDeltas: ReadonlyMap<string, CounterDeltas<IoCounters>>;
  /** Whether the settings differ from those last sent (always true on the first reading). */
  readonly settingsChanged: boolean;
}
