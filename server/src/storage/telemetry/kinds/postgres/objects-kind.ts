import { identifier, rawSql, sql, type SqlFragment } from '../../clickhouse-sql.js';
import type { KindContext } from '../../record-kind.js';
import { bucketStart, type ColumnList, type ColumnOf, type DatabaseScope, decodeRow, detailColumns, type DetailOf, inRange, type KindTable, type RowOf, scope, selectRows, type TimeRange } from '../kind-table.js';
import { byDatabase, scopeMany } from '../snapshots-many.js';
import { INDEX_COUNTERS, INDEX_GAUGES, INDEXES, MAX_DATABASES, SEQUENCES, TABLE_COUNTERS, TABLE_GAUGES, TABLE_SIZES, TABLES } from './objects-tables.js';

/** The pg_database_objects kind (declared in objects-tables.ts) and its reads: tables, indexes and sequences over a range. */

export { objectsKind } from './objects-tables.js';

/**
 * How one object (a table or an index) is aggregated over a range: gauges as of its latest
 * reading, sizes as of its latest reading that had them, counters summed over the readings that
 * carried deltas. LIMIT 1 BY makes a batch stored twice (a retry after a partial write) count once.
 */
interface Aggregation<C extends ColumnList, N extends ColumnOf<C>, G extends ColumnOf<C>, Z extends ColumnOf<C>, K extends ColumnOf<C>> {
  readonly table: KindTable<C>;
  /** Identity: datname, schema_name, then the object's name column. */
  readonly nameColumn: N;
  readonly idColumn: 'relid' | 'indexrelid';
  readonly gauges: readonly G[];
  readonly sizes: readonly Z[];
  readonly sizeFlag: 'has_sizes' | 'has_size';
  readonly counters: readonly K[];
}

function aggregation<C extends ColumnList, N extends ColumnOf<C>, G extends ColumnOf<C>, Z extends ColumnOf<C>, K extends ColumnOf<C>>(a: Aggregation<C, N, G, Z, K>): Aggregation<C, N, G, Z, K> {
  return a;
}

const TABLE_AGGREGATION = aggregation({
  table: TABLES,
  nameColumn: 'table_name',
  idColumn: 'relid',
  gauges: TABLE_GAUGES,
  sizes: TABLE_SIZES,
  sizeFlag: 'has_sizes',
  counters: TABLE_COUNTERS,
});

const INDEX_AGGREGATION = aggregation({
  table: INDEXES,
  nameColumn: 'index_name',
  idColumn: 'indexrelid',
  gauges: INDEX_GAUGES,
  sizes: ['size_bytes'],
  sizeFlag: 'has_size',
  counters: INDEX_COUNTERS,
});

// `any`: the SQL builders only read names, whichever table the aggregation is over.
type AnyAggregation = Aggregation<any, string, string, string, string>;

/** One bucket of an object's history: gauges as of the bucket's last reading, sizes and counters null when no reading had them. */
type Point<A> = A extends Aggregation<infer C, string, infer G, infer Z, infer K> ? { readonly ts: number } & Pick<RowOf<C>, G> & Readonly<Record<Z | K, number | null>> : never;
/** An object over a range: its point, named, with whether any reading had its size. */
type Aggregate<A> = A extends Aggregation<infer C, infer N, string, string, string> ? Point<A> & Pick<RowOf<C>, 'datname' | 'schema_name' | N> & { readonly size_known: boolean } : never;

function aggregates(a: AnyAggregation, latestBy: string): SqlFragment {
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
function deduped(ctx: KindContext, a: AnyAggregation, at: DatabaseScope & TimeRange, filter: SqlFragment, where: SqlFragment = scope(at)): SqlFragment {
  return sql`
      SELECT * FROM ${rawSql(a.table.name)}
      WHERE ${where} AND ${inRange(ctx, at.since, at.until)}${filter}
      LIMIT 1 BY database_id, batch_id, datname, ${rawSql(a.idColumn)}`;
}

/** Objects present in the latest reading of their database within the range. */
function currentOnly(ctx: KindContext, where: SqlFragment, range: TimeRange): SqlFragment {
  return sql`(database_id, datname, max(ts)) IN (
      SELECT database_id, datname, max(ts) FROM pg_object_snapshots
      WHERE ${where} AND ${inRange(ctx, range.since, range.until)}
      GROUP BY database_id, datname)`;
}

/** `names` as numbers, or all null when `known` is false. */
function orNull<K extends string>(row: Readonly<Record<string, unknown>>, names: readonly K[], known: boolean): Record<K, number | null> {
  const out = {} as Record<K, number | null>;
  for (const name of names) out[name] = known ? Number(row[name]) : null;
  return out;
}

function point<C extends ColumnList, N extends ColumnOf<C>, G extends ColumnOf<C>, Z extends ColumnOf<C>, K extends ColumnOf<C>>(a: Aggregation<C, N, G, Z, K>, row: Readonly<Record<string, unknown>>, ts: number) {
  return { ts, ...decodeRow(a.table, row, a.gauges), ...orNull(row, a.sizes, Number(row.size_readings) > 0), ...orNull(row, a.counters, Number(row.delta_readings) > 0) };
}

async function aggregate<C extends ColumnList, N extends ColumnOf<C>, G extends ColumnOf<C>, Z extends ColumnOf<C>, K extends ColumnOf<C>>(
  ctx: KindContext,
  a: Aggregation<C, N, G, Z, K>,
  at: DatabaseScope & TimeRange,
  options: { filter: SqlFragment; having: SqlFragment; orderBy: SqlFragment; limit: number },
) {
  return (await aggregateMany(ctx, a, [at], at, options)).get(at.databaseId) ?? [];
}

/** `aggregate` for many databases over one range in one query, at most `limit` objects each, by database id. */
async function aggregateMany<C extends ColumnList, N extends ColumnOf<C>, G extends ColumnOf<C>, Z extends ColumnOf<C>, K extends ColumnOf<C>>(
  ctx: KindContext,
  a: Aggregation<C, N, G, Z, K>,
  dbs: readonly DatabaseScope[],
  range: TimeRange,
  options: { filter: SqlFragment; having: SqlFragment; orderBy: SqlFragment; limit: number },
) {
  if (dbs.length === 0) return new Map<string, never[]>();
  const where = scopeMany(dbs);
  // Rows of a reading still being written (its objects stored, its snapshot marker not yet) are left
  // out: with them an object's newest row would be newer than its database's latest snapshot, and
  // currentOnly() would drop the object until the marker lands.
  const complete = sql`${options.filter} AND (database_id, datname, ts) IN (SELECT database_id, datname, ts FROM pg_object_snapshots WHERE ${where} AND ${inRange(ctx, range.since, range.until)})`;
  const rows = await ctx.client.select<Record<string, unknown> & { database_id: string }>(sql`
    SELECT database_id, datname, schema_name, ${rawSql(a.nameColumn)}, ${ctx.schema.time.toUnixMs(rawSql('max(ts)'))} AS last_ts, ${aggregates(a, 'ts')}
    FROM (${deduped(ctx, a, { ...dbs[0]!, ...range }, complete, where)})
    GROUP BY database_id, datname, schema_name, ${rawSql(a.nameColumn)}
    HAVING ${currentOnly(ctx, where, range)}${options.having}
    ORDER BY ${options.orderBy}, datname ASC, schema_name ASC, ${rawSql(a.nameColumn)} ASC
    LIMIT ${options.limit} BY database_id`);
  const out = new Map<string, Aggregate<Aggregation<C, N, G, Z, K>>[]>();
  for (const [id, own] of byDatabase(rows)) {
    out.set(
      id,
      own.map((row) => ({
        ...decodeRow(a.table, row, ['datname', 'schema_name', a.nameColumn]),
        ...point(a, row, Number(row.last_ts)),
        size_known: Number(row.size_readings) > 0,
      })) as Aggregate<Aggregation<C, N, G, Z, K>>[],
    );
  }
  return out;
}

/** Bucketed history of one object: gauges as of each bucket's last reading, counters summed. */
async function history<C extends ColumnList, N extends ColumnOf<C>, G extends ColumnOf<C>, Z extends ColumnOf<C>, K extends ColumnOf<C>>(
  ctx: KindContext,
  a: Aggregation<C, N, G, Z, K>,
  at: DatabaseScope & TimeRange & { readonly bucketMs: number },
  filter: SqlFragment,
) {
  const rows = await ctx.client.select<Record<string, unknown>>(sql`
    SELECT ${bucketStart(ctx, at.bucketMs)} AS bucket, ${aggregates(a, 'ts')}
    FROM (${deduped(ctx, a, at, filter)})
    GROUP BY bucket
    ORDER BY bucket ASC`);
  return rows.map((row) => point(a, row, Number(row.bucket)));
}

/** A table over a range: gauges as of its latest reading, sizes null when no reading had them, counters null when none had deltas. */
export type TableAggregate = Aggregate<typeof TABLE_AGGREGATION>;
/** An index over a range, aggregated like TableAggregate. */
export type IndexAggregate = Aggregate<typeof INDEX_AGGREGATION>;

export const TABLE_SORTS = ['size', 'dead_tuples', 'seq_scans', 'live_tuples', 'index_size'] as const;
const TABLE_SORT_COLUMNS = { size: 'total_bytes', dead_tuples: 'n_dead_tup', seq_scans: 'seq_scan', live_tuples: 'n_live_tup', index_size: 'indexes_bytes' } as const;

export const INDEX_SORTS = ['size', 'scans', 'tuples_read'] as const;
const INDEX_SORT_COLUMNS = { size: 'size_bytes', scans: 'idx_scan', tuples_read: 'idx_tup_read' } as const;

function orderDesc<K extends string>(columns: Record<K, string>, key: K): SqlFragment {
  return sql`${identifier(columns[key], Object.values(columns) as string[])} DESC`;
}

/** Current tables (in the latest reading of their database) over a range, sorted descending by `sortBy`. */
export async function listTables(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly sortBy: (typeof TABLE_SORTS)[number]; readonly limit: number }): Promise<TableAggregate[]> {
  return (await listTablesMany(ctx, [at], at)).get(at.databaseId) ?? [];
}

/** listTables for many databases over one range in one query, by database id (absent: no current table). */
export async function listTablesMany(ctx: KindContext, dbs: readonly DatabaseScope[], at: TimeRange & { readonly sortBy: (typeof TABLE_SORTS)[number]; readonly limit: number }): Promise<Map<string, TableAggregate[]>> {
  return aggregateMany(ctx, TABLE_AGGREGATION, dbs, at, { filter: rawSql(''), having: rawSql(''), orderBy: orderDesc(TABLE_SORT_COLUMNS, at.sortBy), limit: at.limit });
}

/** Current indexes over a range; `unused`: no scan in any reading with deltas, neither primary nor unique, over `minBytes`; `invalid`: only those marked invalid now. */
export async function listIndexes(ctx: KindContext, at: DatabaseScope & IndexListing): Promise<IndexAggregate[]> {
  return (await listIndexesMany(ctx, [at], at)).get(at.databaseId) ?? [];
}

type IndexListing = TimeRange & { readonly sortBy: (typeof INDEX_SORTS)[number]; readonly limit: number; readonly unused?: { readonly minBytes: number }; readonly invalid?: boolean };

/** listIndexes for many databases over one range in one query, by database id (absent: none). */
export async function listIndexesMany(ctx: KindContext, dbs: readonly DatabaseScope[], at: IndexListing): Promise<Map<string, IndexAggregate[]>> {
  const unused = at.unused
    ? sql` AND delta_readings > 0 AND idx_scan = 0 AND is_primary = 0 AND is_unique = 0 AND size_readings > 0 AND size_bytes > ${at.unused.minBytes}`
    : rawSql('');
  const having = at.invalid ? sql`${unused} AND is_valid = 0` : unused;
  return aggregateMany(ctx, INDEX_AGGREGATION, dbs, at, { filter: rawSql(''), having, orderBy: orderDesc(INDEX_SORT_COLUMNS, at.sortBy), limit: at.limit });
}

interface ObjectKey {
  readonly schema: string;
  readonly name: string;
  /** Narrows to one database of the server when the agent reads several. */
  readonly datname?: string | undefined;
}

function objectFilter(a: AnyAggregation, key: ObjectKey): SqlFragment {
  const datname = key.datname === undefined ? rawSql('') : sql` AND datname = ${key.datname}`;
  return sql` AND schema_name = ${key.schema} AND ${rawSql(a.nameColumn)} = ${key.name}${datname}`;
}

/** Every database of the server holding the current object `key` (usually one), with its aggregate. */
function findObject<C extends ColumnList, N extends ColumnOf<C>, G extends ColumnOf<C>, Z extends ColumnOf<C>, K extends ColumnOf<C>>(ctx: KindContext, a: Aggregation<C, N, G, Z, K>, at: DatabaseScope & TimeRange, key: ObjectKey) {
  return aggregate(ctx, a, at, { filter: objectFilter(a, key), having: rawSql(''), orderBy: rawSql('datname ASC'), limit: MAX_DATABASES });
}

/** The tables named `key` (one per database of the server that has it) over the range. */
export async function findTables(ctx: KindContext, at: DatabaseScope & TimeRange, key: ObjectKey): Promise<TableAggregate[]> {
  return findObject(ctx, TABLE_AGGREGATION, at, key);
}

/** The indexes named `key` (one per database of the server that has it) over the range. */
export async function findIndexes(ctx: KindContext, at: DatabaseScope & TimeRange, key: ObjectKey): Promise<IndexAggregate[]> {
  return findObject(ctx, INDEX_AGGREGATION, at, key);
}

/** One bucket of an object's history: its aggregate fields over the bucket, ts being the bucket start. */
export type TablePoint = Point<typeof TABLE_AGGREGATION>;
export type IndexPoint = Point<typeof INDEX_AGGREGATION>;

/** One table's history in buckets of `bucketMs` (datname required: the caller resolved it). */
export async function tableHistory(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly bucketMs: number }, key: ObjectKey & { readonly datname: string }): Promise<TablePoint[]> {
  return history(ctx, TABLE_AGGREGATION, at, objectFilter(TABLE_AGGREGATION, key));
}

/** One index's history in buckets of `bucketMs`. */
export async function indexHistory(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly bucketMs: number }, key: ObjectKey & { readonly datname: string }): Promise<IndexPoint[]> {
  return history(ctx, INDEX_AGGREGATION, at, objectFilter(INDEX_AGGREGATION, key));
}

/** A sequence as of the latest reading of its database. */
export type SequenceUsage = DetailOf<typeof SEQUENCES>;

/** Sequences from each database's latest reading within the range, most used first (for exhaustion checks). */
export async function latestSequences(ctx: KindContext, at: DatabaseScope & TimeRange & { readonly limit: number }): Promise<SequenceUsage[]> {
  return (await latestSequencesMany(ctx, [at], at)).get(at.databaseId) ?? [];
}

/** latestSequences for many databases over one range in one query, by database id (absent: none). */
export async function latestSequencesMany(ctx: KindContext, dbs: readonly DatabaseScope[], at: TimeRange & { readonly limit: number }): Promise<Map<string, SequenceUsage[]>> {
  if (dbs.length === 0) return new Map();
  const where = scopeMany(dbs);
  const rows = await selectRows(ctx, SEQUENCES, ['database_id', ...detailColumns(SEQUENCES)], sql`
    FROM pg_sequence_usage
    WHERE ${where} AND (database_id, datname, ts) IN (
      SELECT database_id, datname, max(ts) FROM pg_object_snapshots
      WHERE ${where} AND ${inRange(ctx, at.since, at.until)}
      GROUP BY database_id, datname)
    ORDER BY used_fraction DESC, datname ASC, schema_name ASC, sequence_name ASC
    LIMIT 1 BY database_id, datname, schema_name, sequence_name`);
  return new Map([...byDatabase(rows)].map(([id, own]) => [id, own.slice(0, at.limit).map(({ database_id: _d, ...rest }) => rest)]));
}

/** pg_stat_database.stats_reset (Unix ms, 0 when never reset or sent by an older agent) per database, from each one's latest reading in the range. */
export async function latestStatsResets(ctx: KindContext, at: DatabaseScope & TimeRange): Promise<{ datname: string; stats_reset_ms: number }[]> {
  const rows = await ctx.client.select<{ datname: string; stats_reset_ms: number | string }>(sql`
    SELECT datname, argMax(stats_reset_ms, ts) AS stats_reset_ms FROM pg_object_snapshots
    WHERE ${scope(at)} AND ${inRange(ctx, at.since, at.until)}
    GROUP BY datname ORDER BY datname ASC`);
  return rows.map((r) => ({ datname: String(r.datname), stats_reset_ms: Number(r.stats_reset_ms) }));
}
