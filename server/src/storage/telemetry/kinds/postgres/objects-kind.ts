import type { vigil } from '@vigil/proto';
import { identifier, rawSql, sql, type SqlFragment } from '../../clickhouse-sql.js';
import type { BatchIdentity, KindContext, RecordKind } from '../../record-kind.js';
import type { TimeEncoding } from '../../telemetry-schema.js';
import {
  bucketOf,
  counter,
  createTable,
  decodeRow,
  detailColumns,
  finite,
  identity,
  IDENTITY_COLUMNS,
  insertTableRows,
  int64,
  list,
  optionalMs,
  scope,
  selectList,
  snapshotTime,
  text,
  within,
  wireNumbers,
  type DatabaseScope,
  type PgTable,
  type TableRow,
  type TimeRange,
} from './pg-kind-support.js';

/**
 * Tables, indexes and sequences of each database of a server (Batch.pg_database_objects), every
 * few minutes: sizes and tuple counts as read, scan and I/O counters as deltas over the reading's
 * window. A marker row per database and reading says which objects are current.
 */

const SNAPSHOTS: PgTable = {
  name: 'pg_object_snapshots',
  columns: [...IDENTITY_COLUMNS, ['datname', 'tag'], ['window_start', 'time'], ['tables_listed', 'uint32'], ['tables_omitted', 'uint32'], ['indexes_listed', 'uint32'], ['sequences_listed', 'uint32']],
  orderBy: 'org_id, database_id, ts, datname',
};

/** Counters of pg_stat_user_tables and pg_statio_user_tables, deltas over the reading's window. */
const TABLE_COUNTERS = [
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
type TableCounter = (typeof TABLE_COUNTERS)[number];

const TABLE_SIZES = ['total_bytes', 'table_bytes', 'indexes_bytes', 'toast_bytes'] as const;
const TABLE_GAUGES = ['relid', 'n_live_tup', 'n_dead_tup', 'n_mod_since_analyze', 'n_ins_since_vacuum', 'last_vacuum_ms', 'last_autovacuum_ms', 'last_analyze_ms', 'last_autoanalyze_ms', 'xid_age', 'mxid_age'] as const;

const TABLES: PgTable = {
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
  orderBy: 'org_id, database_id, datname, schema_name, table_name, ts',
};

const INDEX_COUNTERS = ['idx_scan', 'idx_tup_read', 'idx_tup_fetch', 'idx_blks_read', 'idx_blks_hit'] as const;
type IndexCounter = (typeof INDEX_COUNTERS)[number];
const INDEX_GAUGES = ['indexrelid', 'relid', 'table_name', 'is_valid', 'is_unique', 'is_primary', 'index_def', 'last_idx_scan_ms'] as const;

const INDEXES: PgTable = {
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
  ],
  orderBy: 'org_id, database_id, datname, schema_name, index_name, ts',
};

const SEQUENCES: PgTable = {
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
    ['owned_by', 'string'],
    ['column_type', 'tag'],
    ['used_fraction', 'float'],
  ],
  orderBy: 'org_id, database_id, datname, ts, schema_name, sequence_name',
};

/** Far above the agent's caps (5000 tables per database). */
const MAX_DATABASES = 1_000;
const MAX_OBJECTS = 50_000;

function tableRow(t: vigil.v1.IPgTableStat, path: string, base: Record<string, unknown>): TableRow {
  const sized = t.hasSizes ?? false;
  return {
    table: TABLES,
    values: {
      ...base,
      relid: t.relid ?? 0,
      schema_name: text(t.schema),
      table_name: text(t.name),
      has_sizes: sized,
      ...wireNumbers(TABLE_SIZES, sized ? t : undefined, path),
      n_live_tup: int64(t.nLiveTup, `${path}.n_live_tup`),
      n_dead_tup: int64(t.nDeadTup, `${path}.n_dead_tup`),
      n_mod_since_analyze: int64(t.nModSinceAnalyze, `${path}.n_mod_since_analyze`),
      n_ins_since_vacuum: int64(t.nInsSinceVacuum, `${path}.n_ins_since_vacuum`),
      last_vacuum_ms: optionalMs(t.lastVacuumMs, `${path}.last_vacuum_ms`),
      last_autovacuum_ms: optionalMs(t.lastAutovacuumMs, `${path}.last_autovacuum_ms`),
      last_analyze_ms: optionalMs(t.lastAnalyzeMs, `${path}.last_analyze_ms`),
      last_autoanalyze_ms: optionalMs(t.lastAutoanalyzeMs, `${path}.last_autoanalyze_ms`),
      xid_age: t.xidAge ?? 0,
      mxid_age: t.mxidAge ?? 0,
      has_deltas: t.hasDeltas ?? false,
      ...wireNumbers(TABLE_COUNTERS, t.hasDeltas ? t : undefined, path),
    },
  };
}

function indexRow(x: vigil.v1.IPgIndexStat, path: string, base: Record<string, unknown>): TableRow {
  return {
    table: INDEXES,
    values: {
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
    },
  };
}

function sequenceRow(s: vigil.v1.IPgSequenceUsage, path: string, base: Record<string, unknown>): TableRow {
  return {
    table: SEQUENCES,
    values: {
      ...base,
      schema_name: text(s.schema),
      sequence_name: text(s.name),
      data_type: text(s.dataType, 64),
      last_value: finite(s.lastValue, `${path}.last_value`),
      min_value: finite(s.minValue, `${path}.min_value`),
      max_value: finite(s.maxValue, `${path}.max_value`),
      increment_by: finite(s.incrementBy, `${path}.increment_by`),
      cycle: s.cycle ?? false,
      owned_by: text(s.ownedBy),
      column_type: text(s.columnType, 64),
      used_fraction: finite(s.usedFraction, `${path}.used_fraction`),
    },
  };
}

function fromBatch(batch: vigil.v1.IBatch, at: BatchIdentity): TableRow[] {
  return list(batch.pgDatabaseObjects, MAX_DATABASES, 'pg_database_objects').flatMap((objects, i) => {
    const path = `pg_database_objects[${i}]`;
    const ts = snapshotTime(objects.tsMs, `${path}.ts_ms`, at);
    const base = { ...identity(at, ts), window_start: optionalMs(objects.windowStartMs, `${path}.window_start_ms`), datname: text(objects.datname) };
    const tables = list(objects.tables, MAX_OBJECTS, `${path}.tables`).map((t, j) => tableRow(t, `${path}.tables[${j}]`, base));
    const indexes = list(objects.indexes, MAX_OBJECTS, `${path}.indexes`).map((x, j) => indexRow(x, `${path}.indexes[${j}]`, base));
    const { window_start: _window, ...sequenceBase } = base;
    const sequences = list(objects.sequences, MAX_OBJECTS, `${path}.sequences`).map((s, j) => sequenceRow(s, `${path}.sequences[${j}]`, sequenceBase));
    const marker: TableRow = {
      table: SNAPSHOTS,
      values: { ...base, tables_listed: tables.length, tables_omitted: objects.tablesOmitted ?? 0, indexes_listed: indexes.length, sequences_listed: sequences.length },
    };
    return [...tables, ...indexes, ...sequences, marker];
  });
}

export const objectsKind: RecordKind<TableRow> = {
  name: 'pg_database_objects',
  tables: [SNAPSHOTS, TABLES, INDEXES, SEQUENCES].map((t) => ({ name: t.name, retention: 'raw' as const })),
  migrations: [
    {
      version: 130,
      name: 'pg_database_objects',
      statements: (f, time) => [TABLES, INDEXES, SEQUENCES, SNAPSHOTS].map((t) => createTable(t, f, time)),
    },
  ],
  fromBatch,
  insert: (ctx, rows) => insertTableRows(ctx, [TABLES, INDEXES, SEQUENCES, SNAPSHOTS], rows),
};

// ------------------------------------------------------------------ reads

/**
 * How one object (a table or an index) is aggregated over a range: gauges as of its latest
 * reading, sizes as of its latest reading that had them, counters summed over the readings that
 * carried deltas. LIMIT 1 BY makes a batch stored twice (a retry after a partial write) count once.
 */
interface Aggregation {
  readonly table: PgTable;
  /** Identity: datname, schema_name, then the object's name column. */
  readonly nameColumn: 'table_name' | 'index_name';
  readonly idColumn: 'relid' | 'indexrelid';
  readonly gauges: readonly string[];
  readonly sizes: readonly string[];
  readonly sizeFlag: 'has_sizes' | 'has_size';
  readonly counters: readonly string[];
}

const TABLE_AGGREGATION: Aggregation = {
  table: TABLES,
  nameColumn: 'table_name',
  idColumn: 'relid',
  gauges: TABLE_GAUGES,
  sizes: TABLE_SIZES,
  sizeFlag: 'has_sizes',
  counters: TABLE_COUNTERS,
};

const INDEX_AGGREGATION: Aggregation = {
  table: INDEXES,
  nameColumn: 'index_name',
  idColumn: 'indexrelid',
  gauges: INDEX_GAUGES,
  sizes: ['size_bytes'],
  sizeFlag: 'has_size',
  counters: INDEX_COUNTERS,
};

function aggregates(a: Aggregation, latestBy: string): SqlFragment {
  return rawSql(
    [
      ...a.gauges.map((g) => `argMax(${g}, ${latestBy}) AS ${g}`),
      ...a.sizes.map((s) => `argMaxIf(${s}, ${latestBy}, ${a.sizeFlag} = 1) AS ${s}`),
      `countIf(${a.sizeFlag} = 1) AS size_readings`,
      ...a.counters.map((c) => `sum(${c}) AS ${c}`),
      'countIf(has_deltas = 1) AS delta_readings',
    ].join(', '),
  );
}

/** The rows of `a.table` for a scope and range, one per batch and object. */
function deduped(time: TimeEncoding, a: Aggregation, at: DatabaseScope & TimeRange, filter: SqlFragment): SqlFragment {
  return sql`
      SELECT * FROM ${rawSql(a.table.name)}
      WHERE ${scope(at.orgId, at.databaseId)} AND ${within(time, at.since, at.until)}${filter}
      LIMIT 1 BY batch_id, datname, ${rawSql(a.idColumn)}`;
}

/** Objects present in the latest reading of their database within the range. */
function currentOnly(time: TimeEncoding, at: DatabaseScope & TimeRange): SqlFragment {
  return sql`(datname, max(ts)) IN (
      SELECT datname, max(ts) FROM pg_object_snapshots
      WHERE ${scope(at.orgId, at.databaseId)} AND ${within(time, at.since, at.until)}
      GROUP BY datname)`;
}

async function aggregate(ctx: KindContext, a: Aggregation, at: DatabaseScope & TimeRange, options: { filter: SqlFragment; having: SqlFragment; orderBy: SqlFragment; limit: number }): Promise<Record<string, unknown>[]> {
  const time = ctx.schema.time;
  const rows = await ctx.client.select<Record<string, unknown>>(sql`
    SELECT datname, schema_name, ${rawSql(a.nameColumn)}, ${time.toUnixMs(rawSql('max(ts)'))} AS last_ts, ${aggregates(a, 'ts')}
    FROM (${deduped(time, a, at, options.filter)})
    GROUP BY datname, schema_name, ${rawSql(a.nameColumn)}
    HAVING ${currentOnly(time, at)}${options.having}
    ORDER BY ${options.orderBy}, datname ASC, schema_name ASC, ${rawSql(a.nameColumn)} ASC
    LIMIT ${options.limit}`);
  return rows.map((row) => {
    const decoded = decodeRow(a.table, row);
    const deltas = Number(row.delta_readings) > 0;
    const sized = Number(row.size_readings) > 0;
    for (const c of a.counters) if (!deltas) decoded[c] = null;
    for (const s of a.sizes) if (!sized) decoded[s] = null;
    const { size_readings: _s, delta_readings: _d, last_ts: _t, ...rest } = decoded;
    return { ...rest, ts: Number(row.last_ts), size_known: sized };
  });
}

/** Bucketed history of one object: gauges as of each bucket's last reading, counters summed. */
async function history(ctx: KindContext, a: Aggregation, at: DatabaseScope & TimeRange & { readonly bucketMs: number }, filter: SqlFragment): Promise<Record<string, unknown>[]> {
  const time = ctx.schema.time;
  const rows = await ctx.client.select<Record<string, unknown>>(sql`
    SELECT ${bucketOf(time, at.bucketMs)} AS bucket, ${aggregates(a, 'ts')}
    FROM (${deduped(time, a, at, filter)})
    GROUP BY bucket
    ORDER BY bucket ASC`);
  return rows.map((row) => {
    const decoded = decodeRow(a.table, row);
    for (const c of a.counters) if (Number(row.delta_readings) === 0) decoded[c] = null;
    for (const s of a.sizes) if (Number(row.size_readings) === 0) decoded[s] = null;
    const { size_readings: _s, delta_readings: _d, bucket: _b, ...rest } = decoded;
    return { ts: Number(row.bucket), ...rest };
  });
}

/** A table over a range: gauges as of its latest reading, sizes null when no reading had them, counters null when none had deltas. */
export interface TableAggregate extends Record<TableCounter, number | null>, Record<(typeof TABLE_SIZES)[number], number | null> {
  readonly datname: string;
  readonly schema_name: string;
  readonly table_name: string;
  /** Latest reading, Unix ms. */
  readonly ts: number;
  readonly size_known: boolean;
  readonly relid: number;
  readonly n_live_tup: number;
  readonly n_dead_tup: number;
  readonly n_mod_since_analyze: number;
  readonly n_ins_since_vacuum: number;
  /** 0: never. */
  readonly last_vacuum_ms: number;
  readonly last_autovacuum_ms: number;
  readonly last_analyze_ms: number;
  readonly last_autoanalyze_ms: number;
  readonly xid_age: number;
  readonly mxid_age: number;
}

/** An index over a range, aggregated like TableAggregate. */
export interface IndexAggregate extends Record<IndexCounter, number | null> {
  readonly datname: string;
  readonly schema_name: string;
  readonly table_name: string;
  readonly index_name: string;
  readonly ts: number;
  readonly size_known: boolean;
  readonly size_bytes: number | null;
  readonly indexrelid: number;
  readonly relid: number;
  readonly is_valid: boolean;
  readonly is_unique: boolean;
  readonly is_primary: boolean;
  readonly index_def: string;
  /** 0: never scanned, or unknown before PostgreSQL 16. */
  readonly last_idx_scan_ms: number;
}

export const TABLE_SORTS = ['size', 'dead_tuples', 'seq_scans', 'live_tuples', 'index_size'] as const;
const TABLE_SORT_COLUMNS = { size: 'total_bytes', dead_tuples: 'n_dead_tup', seq_scans: 'seq_scan', live_tuples: 'n_live_tup', index_size: 'indexes_bytes' } as const;

export const INDEX_SORTS = ['size', 'scans', 'tuples_read'] as const;
const INDEX_SORT_COLUMNS = { size: 'size_bytes', scans: 'idx_scan', tuples_read: 'idx_tup_read' } as const;

function orderDesc<K extends string>(columns: Record<K, string>, key: K): SqlFragment {
  return sql`${identifier(columns[key], Object.values(columns) as string[])} DESC`;
}

/** Current tables (in the latest reading of their database) over a range, sorted descending by `sortBy`. */
export async function listTables(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly sortBy: (typeof TABLE_SORTS)[number]; readonly limit: number }): Promise<TableAggregate[]> {
  const rows = await aggregate(ctx, TABLE_AGGREGATION, at, { filter: rawSql(''), having: rawSql(''), orderBy: orderDesc(TABLE_SORT_COLUMNS, at.sortBy), limit: at.limit });
  return rows as unknown as TableAggregate[];
}

/** Current indexes over a range; `unused`: no scan in any reading with deltas, neither primary nor unique, over `minBytes`. */
export async function listIndexes(
  ctx: KindContext,
  at: DatabaseScope & TimeRange & { readonly sortBy: (typeof INDEX_SORTS)[number]; readonly limit: number; readonly unused?: { readonly minBytes: number } },
): Promise<IndexAggregate[]> {
  const having = at.unused
    ? sql` AND delta_readings > 0 AND idx_scan = 0 AND is_primary = 0 AND is_unique = 0 AND size_readings > 0 AND size_bytes > ${at.unused.minBytes}`
    : rawSql('');
  const rows = await aggregate(ctx, INDEX_AGGREGATION, at, { filter: rawSql(''), having, orderBy: orderDesc(INDEX_SORT_COLUMNS, at.sortBy), limit: at.limit });
  return rows as unknown as IndexAggregate[];
}

interface ObjectKey {
  readonly schema: string;
  readonly name: string;
  /** Narrows to one database of the server when the agent reads several. */
  readonly datname?: string | undefined;
}

function objectFilter(a: Aggregation, key: ObjectKey): SqlFragment {
  const datname = key.datname === undefined ? rawSql('') : sql` AND datname = ${key.datname}`;
  return sql` AND schema_name = ${key.schema} AND ${rawSql(a.nameColumn)} = ${key.name}${datname}`;
}

/** Every database of the server holding the current object `key` (usually one), with its aggregate. */
async function findObject(ctx: KindContext, a: Aggregation, at: DatabaseScope & TimeRange, key: ObjectKey): Promise<Record<string, unknown>[]> {
  return aggregate(ctx, a, at, { filter: objectFilter(a, key), having: rawSql(''), orderBy: rawSql('datname ASC'), limit: MAX_DATABASES });
}

/** The tables named `key` (one per database of the server that has it) over the range. */
export async function findTables(ctx: KindContext, at: DatabaseScope & TimeRange, key: ObjectKey): Promise<TableAggregate[]> {
  return (await findObject(ctx, TABLE_AGGREGATION, at, key)) as unknown as TableAggregate[];
}

/** The indexes named `key` (one per database of the server that has it) over the range. */
export async function findIndexes(ctx: KindContext, at: DatabaseScope & TimeRange, key: ObjectKey): Promise<IndexAggregate[]> {
  return (await findObject(ctx, INDEX_AGGREGATION, at, key)) as unknown as IndexAggregate[];
}

/** One bucket of an object's history: its aggregate fields over the bucket, ts being the bucket start. */
export type TablePoint = Omit<TableAggregate, 'datname' | 'schema_name' | 'table_name' | 'size_known'>;
export type IndexPoint = Omit<IndexAggregate, 'datname' | 'schema_name' | 'table_name' | 'index_name' | 'size_known'>;

/** One table's history in buckets of `bucketMs` (datname required: the caller resolved it). */
export async function tableHistory(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly bucketMs: number }, key: ObjectKey & { readonly datname: string }): Promise<TablePoint[]> {
  return (await history(ctx, TABLE_AGGREGATION, at, objectFilter(TABLE_AGGREGATION, key))) as unknown as TablePoint[];
}

/** One index's history in buckets of `bucketMs`. */
export async function indexHistory(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly bucketMs: number }, key: ObjectKey & { readonly datname: string }): Promise<IndexPoint[]> {
  return (await history(ctx, INDEX_AGGREGATION, at, objectFilter(INDEX_AGGREGATION, key))) as unknown as IndexPoint[];
}

/** A sequence as of the latest reading of its database. */
export interface SequenceUsage {
  readonly datname: string;
  readonly schema_name: string;
  readonly sequence_name: string;
  readonly data_type: string;
  readonly last_value: number;
  readonly min_value: number;
  readonly max_value: number;
  readonly increment_by: number;
  readonly cycle: boolean;
  readonly owned_by: string;
  readonly column_type: string;
  readonly used_fraction: number;
}

const SEQUENCE_COLUMNS = detailColumns(SEQUENCES);

/** Sequences from each database's latest reading within the range, most used first (for exhaustion checks). */
export async function latestSequences(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly limit: number }): Promise<SequenceUsage[]> {
  const time = ctx.schema.time;
  const rows = await ctx.client.select<Record<string, unknown>>(sql`
    SELECT ${selectList(time, SEQUENCES, SEQUENCE_COLUMNS)} FROM pg_sequence_usage
    WHERE ${scope(at.orgId, at.databaseId)} AND (datname, ts) IN (
      SELECT datname, max(ts) FROM pg_object_snapshots
      WHERE ${scope(at.orgId, at.databaseId)} AND ${within(time, at.since, at.until)}
      GROUP BY datname)
    ORDER BY used_fraction DESC, datname ASC, schema_name ASC, sequence_name ASC
    LIMIT 1 BY datname, schema_name, sequence_name
    LIMIT ${at.limit}`);
  return rows.map((row) => decodeRow(SEQUENCES, row) as unknown as SequenceUsage);
}
