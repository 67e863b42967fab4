import type { vigil } from '@vigil/proto';
import type { BatchIdentity } from '../../record-kind.js';
import { addedColumns, type Identity, identity, IDENTITY_COLUMNS, kindTable, recordKind, tableRow, type TableRow } from '../kind-table.js';
import { bad, counter, finite, integer, items, optionalMs, text, timestamp, wireNumbers } from '../wire-checks.js';

/**
 * Tables, indexes and sequences of each database of a server (Batch.pg_database_objects), every
 * few minutes: sizes and tuple counts as read, scan and I/O counters as deltas over the reading's
 * window. A marker row per database and reading says which objects are current.
 */

export const SNAPSHOTS = kindTable({
  name: 'pg_object_snapshots',
  columns: [...IDENTITY_COLUMNS, ['datname', 'tag'], ['window_start', 'time'], ['tables_listed', 'uint32'], ['tables_omitted', 'uint32'], ['indexes_listed', 'uint32'], ['sequences_listed', 'uint32'], ['stats_reset_ms', 'int64']],
  orderBy: ['org_id', 'database_id', 'ts', 'datname'],
});

/** Counters of pg_stat_user_tables and pg_statio_user_tables, deltas over the reading's window. */
export const TABLE_COUNTERS = [
  'seq_scan',
  'seq_tup_read',
  'idx_scan',
  'idx_tup_fetch',
  'n_tup_ins',
  'n_tup_upd',
  'n_tup_del',
  'n_tup_hot_upd',
  'n_tup_newpage_upd',
  'heap_blks_read',
  'heap_blks_hit',
  'idx_blks_read',
  'idx_blks_hit',
  'toast_blks_read',
  'toast_blks_hit',
  'tidx_blks_read',
  'tidx_blks_hit',
  'vacuum_count',
  'autovacuum_count',
  'analyze_count',
  'autoanalyze_count',
] as const;

export const TABLE_SIZES = ['total_bytes', 'table_bytes', 'indexes_bytes', 'toast_bytes'] as const;
export const TABLE_GAUGES = ['relid', 'n_live_tup', 'n_dead_tup', 'n_mod_since_analyze', 'n_ins_since_vacuum', 'last_vacuum_ms', 'last_autovacuum_ms', 'last_analyze_ms', 'last_autoanalyze_ms', 'xid_age', 'mxid_age'] as const;

export const TABLES = kindTable({
  name: 'pg_table_stats',
  columns: [
    ...IDENTITY_COLUMNS,
    ['window_start', 'time'],
    ['datname', 'tag'],
    ['relid', 'uint32'],
    ['schema_name', 'tag'],
    ['table_name', 'string'],
    ['has_sizes', 'flag'],
    ...TABLE_SIZES.map((name) => [name, 'gauge'] as const),
    ['n_live_tup', 'int64'],
    ['n_dead_tup', 'int64'],
    ['n_mod_since_analyze', 'int64'],
    ['n_ins_since_vacuum', 'int64'],
    ['last_vacuum_ms', 'int64'],
    ['last_autovacuum_ms', 'int64'],
    ['last_analyze_ms', 'int64'],
    ['last_autoanalyze_ms', 'int64'],
    ['xid_age', 'uint32'],
    ['mxid_age', 'uint32'],
    ['has_deltas', 'flag'],
    ...TABLE_COUNTERS.map((name) => [name, 'counter'] as const),
  ],
  orderBy: ['org_id', 'database_id', 'datname', 'schema_name', 'table_name', 'ts'],
});

export const INDEX_COUNTERS = ['idx_scan', 'idx_tup_read', 'idx_tup_fetch', 'idx_blks_read', 'idx_blks_hit'] as const;
export const INDEX_GAUGES = ['indexrelid', 'relid', 'table_name', 'is_valid', 'is_unique', 'is_primary', 'backs_constraint', 'index_def', 'last_idx_scan_ms', 'idx_scan_total'] as const;

export const INDEXES = kindTable({
  name: 'pg_index_stats',
  columns: [
    ...IDENTITY_COLUMNS,
    ['window_start', 'time'],
    ['datname', 'tag'],
    ['indexrelid', 'uint32'],
    ['relid', 'uint32'],
    ['schema_name', 'tag'],
    ['table_name', 'string'],
    ['index_name', 'string'],
    ['has_size', 'flag'],
    ['size_bytes', 'gauge'],
    ['is_valid', 'flag'],
    ['is_unique', 'flag'],
    ['is_primary', 'flag'],
    ['index_def', 'string'],
    ['last_idx_scan_ms', 'int64'],
    ['has_deltas', 'flag'],
    ...INDEX_COUNTERS.map((name) => [name, 'counter'] as const),
    // Added in 131 (advisors): scans since the stats reset as read, and whether a constraint needs the index.
    ['idx_scan_total', 'int64'],
    ['backs_constraint', 'flag'],
  ],
  orderBy: ['org_id', 'database_id', 'datname', 'schema_name', 'index_name', 'ts'],
});

export const SEQUENCES = kindTable({
  name: 'pg_sequence_usage',
  columns: [
    ...IDENTITY_COLUMNS,
    ['datname', 'tag'],
    ['schema_name', 'tag'],
    ['sequence_name', 'string'],
    ['data_type', 'tag'],
    // Doubles: bigint sequence bounds (±2^63) do not fit the 2^53 a JSON number carries exactly.
    ['last_value', 'float'],
    ['min_value', 'float'],
    ['max_value', 'float'],
    ['increment_by', 'float'],
    ['cycle', 'flag'],
    // The same four exactly, as decimal text ('' from agents before they sent it).
    ['last_value_text', 'string'],
    ['min_value_text', 'string'],
    ['max_value_text', 'string'],
    ['increment_by_text', 'string'],
    ['owned_by', 'string'],
    ['column_type', 'tag'],
    ['used_fraction', 'float'],
  ],
  orderBy: ['org_id', 'database_id', 'datname', 'ts', 'schema_name', 'sequence_name'],
});

type ObjectBase = Identity & { readonly window_start: number; readonly datname: string };

/** Far above the agent's caps (5000 tables per database). */
export const MAX_DATABASES = 1_000;
const MAX_OBJECTS = 50_000;

function tableStatRow(t: vigil.v1.IPgTableStat, path: string, base: ObjectBase): TableRow {
  const sized = t.hasSizes ?? false;
  return tableRow(TABLES, {
      ...base,
      relid: t.relid ?? 0,
      schema_name: text(t.schema),
      table_name: text(t.name),
      has_sizes: sized,
      ...wireNumbers(TABLE_SIZES, sized ? t : undefined, path),
      n_live_tup: integer(t.nLiveTup, `${path}.n_live_tup`),
      n_dead_tup: integer(t.nDeadTup, `${path}.n_dead_tup`),
      n_mod_since_analyze: integer(t.nModSinceAnalyze, `${path}.n_mod_since_analyze`),
      n_ins_since_vacuum: integer(t.nInsSinceVacuum, `${path}.n_ins_since_vacuum`),
      last_vacuum_ms: optionalMs(t.lastVacuumMs, `${path}.last_vacuum_ms`),
      last_autovacuum_ms: optionalMs(t.lastAutovacuumMs, `${path}.last_autovacuum_ms`),
      last_analyze_ms: optionalMs(t.lastAnalyzeMs, `${path}.last_analyze_ms`),
      last_autoanalyze_ms: optionalMs(t.lastAutoanalyzeMs, `${path}.last_autoanalyze_ms`),
      xid_age: t.xidAge ?? 0,
      mxid_age: t.mxidAge ?? 0,
      has_deltas: t.hasDeltas ?? false,
      ...wireNumbers(TABLE_COUNTERS, t.hasDeltas ? t : undefined, path),
    });
}

function indexRow(x: vigil.v1.IPgIndexStat, path: string, base: ObjectBase): TableRow {
  return tableRow(INDEXES, {
      ...base,
      indexrelid: x.indexrelid ?? 0,
      relid: x.relid ?? 0,
      schema_name: text(x.schema),
      table_name: text(x.table),
      index_name: text(x.name),
      has_size: x.hasSize ?? false,
      size_bytes: x.hasSize ? counter(x.sizeBytes, `${path}.size_bytes`) : 0,
      is_valid: x.valid ?? false,
      is_unique: x.unique ?? false,
      is_primary: x.primary ?? false,
      index_def: text(x.definition, 8192),
      last_idx_scan_ms: optionalMs(x.lastIdxScanMs, `${path}.last_idx_scan_ms`),
      has_deltas: x.hasDeltas ?? false,
      ...wireNumbers(INDEX_COUNTERS, x.hasDeltas ? x : undefined, path),
      idx_scan_total: integer(x.idxScanTotal, `${path}.idx_scan_total`),
      backs_constraint: x.backsConstraint ?? false,
    });
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A 64-bit integer as decimal text, exact: empty (an older agent) or an integer within int64. */
function int64Text(value: string | null | undefined, field: string): string {
  const s = value ?? '';
  if (s === '') return s;
  if (!/^-?\d{1,19}$/.test(s) || BigInt(s) < INT64_MIN || BigInt(s) > INT64_MAX) {
    throw bad(field, 'must be a 64-bit integer in decimal');
  }
  return s;
}

function sequenceRow(s: vigil.v1.IPgSequenceUsage, path: string, base: Identity & { readonly datname: string }): TableRow {
  return tableRow(SEQUENCES, {
      ...base,
      schema_name: text(s.schema),
      sequence_name: text(s.name),
      data_type: text(s.dataType, 64),
      last_value: finite(s.lastValue, `${path}.last_value`),
      min_value: finite(s.minValue, `${path}.min_value`),
      max_value: finite(s.maxValue, `${path}.max_value`),
      increment_by: finite(s.incrementBy, `${path}.increment_by`),
      last_value_text: int64Text(s.lastValueText, `${path}.last_value_text`),
      min_value_text: int64Text(s.minValueText, `${path}.min_value_text`),
      max_value_text: int64Text(s.maxValueText, `${path}.max_value_text`),
      increment_by_text: int64Text(s.incrementByText, `${path}.increment_by_text`),
      cycle: s.cycle ?? false,
      owned_by: text(s.ownedBy),
      column_type: text(s.columnType, 64),
      used_fraction: finite(s.usedFraction, `${path}.used_fraction`),
    });
}

function fromBatch(batch: vigil.v1.IBatch, at: BatchIdentity): TableRow[] {
  return items(batch.pgDatabaseObjects, 'pg_database_objects', MAX_DATABASES).flatMap((objects, i) => {
    const path = `pg_database_objects[${i}]`;
    const ts = timestamp(objects.tsMs, `${path}.ts_ms`, at);
    const base = { ...identity(at, ts), window_start: optionalMs(objects.windowStartMs, `${path}.window_start_ms`), datname: text(objects.datname) };
    const tables = items(objects.tables, `${path}.tables`, MAX_OBJECTS).map((t, j) => tableStatRow(t, `${path}.tables[${j}]`, base));
    const indexes = items(objects.indexes, `${path}.indexes`, MAX_OBJECTS).map((x, j) => indexRow(x, `${path}.indexes[${j}]`, base));
    const { window_start: _window, ...sequenceBase } = base;
    const sequences = items(objects.sequences, `${path}.sequences`, MAX_OBJECTS).map((s, j) => sequenceRow(s, `${path}.sequences[${j}]`, sequenceBase));
    const marker: TableRow = tableRow(SNAPSHOTS, { ...base, tables_listed: tables.length, tables_omitted: objects.tablesOmitted ?? 0, indexes_listed: indexes.length, sequences_listed: sequences.length, stats_reset_ms: optionalMs(objects.statsResetMs, `${path}.stats_reset_ms`) });
    return [...tables, ...indexes, ...sequences, marker];
  });
}

export const objectsKind = recordKind({
  name: 'pg_database_objects',
  version: 130,
  tables: [TABLES, INDEXES, SEQUENCES, SNAPSHOTS],
  added: [
    addedColumns(131, 'pg_index_stats_advisors', INDEXES, ['idx_scan_total', 'backs_constraint']),
    addedColumns(132, 'pg_object_snapshots_stats_reset', SNAPSHOTS, ['stats_reset_ms']),
    addedColumns(133, 'pg_sequence_usage_exact', SEQUENCES, ['last_value_text', 'min_value_text', 'max_value_text', 'increment_by_text']),
  ],
  fromBatch,
});
