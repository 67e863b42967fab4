/**
 * Tables, indexes and sequences of one database, in their three state kinds:
 * - a snapshot lives for one run (the collectors' output: gauges and cumulative counters);
 * - a baseline persists between runs (each object's counters, per database), plain JSON data;
 * - a diffed reading pairs each object with its counter deltas, ready for the transform.
 */
import type { CounterDeltas } from '../diff/counter-diff.js';
import type { NumbersOf } from './column-fields.js';

/** pg_stat_user_tables and pg_statio_user_tables counters (n_tup_newpage_upd: PostgreSQL 16+), as selected. */
export const TABLE_COUNTER_COLUMNS = [
  'seq_scan', 'seq_tup_read', 'idx_scan', 'idx_tup_fetch', 'n_tup_ins', 'n_tup_upd', 'n_tup_del', 'n_tup_hot_upd', 'n_tup_newpage_upd',
  'heap_blks_read', 'heap_blks_hit', 'idx_blks_read', 'idx_blks_hit', 'toast_blks_read', 'toast_blks_hit', 'tidx_blks_read', 'tidx_blks_hit',
  'vacuum_count', 'autovacuum_count', 'analyze_count', 'autoanalyze_count',
] as const;

/** The table counters; null where the table or version has none. */
export type TableCounters = NumbersOf<typeof TABLE_COUNTER_COLUMNS>;

export interface TableSizes {
  readonly totalBytes: number;
  readonly tableBytes: number;
  readonly indexesBytes: number;
  readonly toastBytes: number;
}

export interface TableRow {
  readonly relid: number;
  readonly schema: string;
  readonly name: string;
  /** Null while another session holds or awaits an ACCESS EXCLUSIVE lock on it (reading them would queue behind it). */
  readonly sizes: TableSizes | null;
  readonly nLiveTup: number;
  readonly nDeadTup: number;
  readonly nModSinceAnalyze: number;
  /** PostgreSQL 13+. */
  readonly nInsSinceVacuum: number | null;
  readonly lastVacuumMs: number | null;
  readonly lastAutovacuumMs: number | null;
  readonly lastAnalyzeMs: number | null;
  readonly lastAutoanalyzeMs: number | null;
  /** age(relfrozenxid) / mxid_age(relminmxid); null for relations without storage (partitioned tables). */
  readonly xidAge: number | null;
  readonly mxidAge: number | null;
  readonly counters: TableCounters;
}

/** pg_stat_user_indexes and pg_statio_user_indexes counters, as selected. */
export const INDEX_COUNTER_COLUMNS = ['idx_scan', 'idx_tup_read', 'idx_tup_fetch', 'idx_blks_read', 'idx_blks_hit'] as const;

export type IndexCounters = NumbersOf<typeof INDEX_COUNTER_COLUMNS>;

export interface IndexRow {
  readonly indexrelid: number;
  readonly relid: number;
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  /** Null while an ACCESS EXCLUSIVE lock is held or awaited on the index or its table. */
  readonly sizeBytes: number | null;
  readonly valid: boolean;
  readonly unique: boolean;
  readonly primary: boolean;
  /** A pg_constraint row names it (primary key, unique or exclusion constraint). */
  readonly backsConstraint: boolean;
  /** pg_get_indexdef(): may hold literals (partial index predicates); strip before sending. */
  readonly definition: string;
  /** PostgreSQL 16+. */
  readonly lastIdxScanMs: number | null;
  readonly counters: IndexCounters;
}

export interface SequenceRow {
  readonly schema: string;
  readonly name: string;
  readonly dataType: string;
  readonly lastValue: number;
  readonly minValue: number;
  readonly maxValue: number;
  readonly incrementBy: number;
  /** The four values above exactly, as decimal text (bigint values pass 2^53, where numbers round). */
  readonly exact: { readonly lastValue: string; readonly minValue: string; readonly maxValue: string; readonly incrementBy: string };
  readonly cycle: boolean;
  /** schema.table.column the sequence feeds (serial or identity), and that column's type. */
  readonly ownedBy: string | null;
  readonly columnType: string | null;
  /** Fraction of the usable range consumed (bounded by the column's type when narrower), 0–1. */
  readonly usedFraction: number;
}

export interface TablesSnapshot {
  /** Largest first, capped. */
  readonly tables: readonly TableRow[];
  /** How many user tables there are in all (more than tables.length when capped). */
  readonly tablesTotal: number;
  /** pg_stat_database.stats_reset of this database (Unix ms); null when never reset. */
  readonly statsResetMs: number | null;
}

export interface SequencesSnapshot {
  /** Sequences the role may read that are over the threshold or among the most used. */
  readonly sequences: readonly SequenceRow[];
  /** Sequences whose value the role may not read, by schema: pg_monitor does not cover them. */
  readonly unreadable: readonly { readonly schema: string; readonly count: number }[];
}

/** Everything read from one database. */
export interface DatabaseObjectsSnapshot {
  readonly datname: string;
  readonly tables: TablesSnapshot;
  readonly indexes: readonly IndexRow[];
  readonly sequences: SequencesSnapshot;
}

// ---------------------------------------------------------------- between runs

/** One database's counters for the next run to diff against. */
export interface DatabaseObjectsBaseline {
  readonly collectedAtMs: number;
  readonly statsResetMs: number | null;
  /** By relid. */
  readonly tables: Readonly<Record<string, TableCounters>>;
  /** By indexrelid. */
  readonly indexes: Readonly<Record<string, IndexCounters>>;
}

/** What the tables task persists: a baseline per database name. */
export interface TablesPersisted {
  readonly databases: Readonly<Record<string, DatabaseObjectsBaseline>>;
}

// ---------------------------------------------------------------- what was diffed

export interface DiffedDatabaseObjects {
  readonly snapshot: DatabaseObjectsSnapshot;
  readonly collectedAtMs: number;
  /** Start of the window the deltas cover; null on the database's first reading or after a reset. */
  readonly windowStartMs: number | null;
  /** Deltas by relid / indexrelid; an object missing here has none this time. */
  readonly tableDeltas: ReadonlyMap<number, CounterDeltas<TableCounters>>;
  readonly indexDeltas: ReadonlyMap<number, CounterDeltas<IndexCounters>>;
}
