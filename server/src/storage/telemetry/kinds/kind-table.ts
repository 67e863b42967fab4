import type { vigil } from '@vigil/proto';
import { camelOf, type CamelOf } from '@vigil/shared';
import { identifier, rawSql, sql, type SqlFragment } from '../clickhouse-sql.js';
import type { BatchIdentity, KindContext, RecordKind, TelemetryTable } from '../record-kind.js';
import { columns, mergeTreeSettings, UINT64_MS, type ColumnKind, type ServerFeatures, type TelemetryMigration, type TimeEncoding } from '../telemetry-ddl.js';
import { RowBinaryWriter } from '../row-binary.js';
import { items, timestamp, type Wire } from './wire-checks.js';

/**
 * How every record kind declares its tables, whatever engine it monitors: a table is a typed
 * column list, and its DDL, its insert mapping, its row type (RowOf) and the decoding of its reads
 * all follow from that list, so a kind's fields are written once. Also the snapshot convention and
 * the SQL pieces every read repeats (scope, time range, buckets).
 */

/** Column roles: the schema's, plus the arrays 18.16 and current releases both have. */
export type ColumnSpec = ColumnKind | 'int32_array' | 'uint8_array' | 'uint32_array' | 'uint64_array' | 'string_array';

type ArraySpec = Exclude<ColumnSpec, ColumnKind>;

const ARRAY_TYPES: Record<ArraySpec, string> = {
  int32_array: 'Array(Int32)',
  uint8_array: 'Array(UInt8)',
  uint32_array: 'Array(UInt32)',
  uint64_array: 'Array(UInt64)',
  string_array: 'Array(String)',
};

function isArraySpec(spec: ColumnSpec): spec is ArraySpec {
  return Object.hasOwn(ARRAY_TYPES, spec);
}

/**
 * How a column's value comes from its wire field (wire-checks.ts: `counter`, `nonNegative`,
 * `cut(64)`, …): checked, and named by its wire path when refused.
 */
export type WireCheck = (value: never, field: string) => unknown;

/**
 * A column: [name, role], or [name, role, wire check] for a column read straight from the wire
 * field of the same name (`query_start_ms` from `queryStartMs`), which fromWire then fills.
 */
export type Column = readonly [string, ColumnSpec] | readonly [string, ColumnSpec, WireCheck];

/** A table's columns, declared `as const` so RowOf can read them. */
export type ColumnList = readonly Column[];

/** What a column holds in a row: times as Unix ms, flags as booleans, 64-bit integers as numbers. */
export type ValueOf<S extends ColumnSpec> = S extends 'tag' | 'string'
  ? string
  : S extends 'flag'
    ? boolean
    : S extends 'string_array'
      ? readonly string[]
      : S extends ArraySpec
        ? readonly number[]
        : number;

/** The row type of a column list: one property per column. */
export type RowOf<C extends ColumnList> = { readonly [E in C[number] as E[0]]: ValueOf<E[1]> };

/** A column's name in `C`. */
export type ColumnOf<C extends ColumnList> = C[number][0];

/** The columns of `C` that have a wire check, with what their checks return. */
export type WireRow<C extends ColumnList> = {
  readonly [E in C[number] as E extends readonly [infer N extends string, ColumnSpec, WireCheck] ? N : never]: E extends readonly [string, ColumnSpec, (value: never, field: string) => infer V] ? V : never;
};

/** A wire message holding the checked columns of `C` under their camelCase names, each as its check takes it. */
export type WireSource<C extends ColumnList> = {
  readonly [E in C[number] as E extends readonly [infer N extends string, ColumnSpec, WireCheck] ? CamelOf<N> : never]?: E extends readonly [string, ColumnSpec, (value: infer W, field: string) => unknown] ? W : never;
};

/** Consecutive columns of one role and wire check: `...columnsOf('counter', counter, ['rows_read', 'rows_written'])`. */
export function columnsOf<const N extends string, const S extends ColumnSpec, W extends WireCheck>(spec: S, check: W, names: readonly N[]): (readonly [N, S, W])[] {
  return names.map((name) => [name, spec, check] as const);
}

/** Each column's role by name. */
function specsOf(table: KindTable): Map<string, ColumnSpec> {
  return new Map(table.columns.map(([name, spec]) => [name, spec]));
}

/**
 * The checked columns of `table` from wire message `source` (absent: every field absent), each
 * read from its camelCase property by its check and named `<path>.<column>` when refused.
 */
export function fromWire<C extends ColumnList>(table: KindTable<C>, source: Wire<WireSource<C>>, path: string): WireRow<C> {
  const wire: Readonly<Record<string, unknown>> = source ?? {};
  const out: Record<string, unknown> = {};
  for (const [column, , check] of table.columns) {
    if (check) out[column] = (check as (value: unknown, field: string) => unknown)(wire[camelOf(column)], `${path}.${column}`);
  }
  return out as WireRow<C>;
}

/** A day-partitioned table of one kind, partitioned and time-filtered on its `ts` column. */
export interface KindTable<C extends ColumnList = ColumnList> {
  readonly name: string;
  readonly columns: C;
  readonly orderBy: readonly ColumnOf<C>[];
  /** Defaults to MergeTree; texts use ReplacingMergeTree(ts) so the newest text wins on merge. */
  readonly engine?: string;
  /**
   * False for a table without day partitions (statement texts: one row per statement, replaced on
   * merge, with no time to expire by); retention never drops such a table's rows (class `kept`).
   */
  readonly partitionByDay?: false;
}

/** The row type of a table. */
export type RowOfTable<T> = T extends KindTable<infer C> ? RowOf<C> : never;

/** Declares a table; `columns` keep their literal names, so the row type follows from them. */
export function kindTable<const C extends ColumnList>(table: KindTable<C>): KindTable<C> {
  return table;
}

/** Every table starts with these: who and which batch (database deletion, deduplication), and when. */
export const IDENTITY_COLUMNS = [
  ['org_id', 'tag'],
  ['database_id', 'tag'],
  ['batch_id', 'string'],
  ['ts', 'time'],
] as const satisfies ColumnList;

export type Identity = RowOf<typeof IDENTITY_COLUMNS>;
type IdentityColumn = keyof Identity;

/** The identity columns of a row from `at` taken at `ts` (Unix ms). */
export function identity(at: BatchIdentity, ts: number): Identity {
  return { org_id: at.org_id, database_id: at.database_id, batch_id: at.batch_id, ts };
}

/** One row bound for one table; what the kinds' fromBatch returns and insert writes. */
export interface TableRow {
  readonly table: KindTable;
  /** Times as Unix ms and flags as booleans: insert converts them for the server. */
  readonly values: Readonly<Record<string, unknown>>;
}

/** A row for `table`, typed by the table's columns. */
export function tableRow<C extends ColumnList>(table: KindTable<C>, values: RowOf<C>): TableRow {
  return { table, values };
}

function columnDefinitions(table: KindTable, f: ServerFeatures, time: TimeEncoding): string {
  return table.columns.map(([column, spec]) => (isArraySpec(spec) ? `    ${column} ${ARRAY_TYPES[spec]}` : columns([[column, spec]], f, time))).join(',\n');
}

/** CREATE TABLE for `table`, partitioned by the day of `ts` (unless it says otherwise) so retention drops whole days. */
export function createTable(table: KindTable, f: ServerFeatures, time: TimeEncoding): SqlFragment {
  const partition = table.partitionByDay === false ? '' : `\n  PARTITION BY toYYYYMMDD(${time.toDateTime(rawSql('ts')).text})`;
  return rawSql(`CREATE TABLE IF NOT EXISTS ${table.name} (
${columnDefinitions(table, f, time)}
  ) ENGINE = ${table.engine ?? 'MergeTree'}${partition}
  ORDER BY (${table.orderBy.join(', ')})${mergeTreeSettings(f)}`);
}

function encodeRow(table: KindTable, values: Readonly<Record<string, unknown>>, time: TimeEncoding): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, spec] of table.columns) {
    const value = values[column];
    if (value === undefined) throw new Error(`${table.name}.${column} has no value`);
    if (spec === 'time') out[column] = time.value(value as number);
    else if (spec === 'flag') out[column] = value ? 1 : 0;
    else out[column] = value;
  }
  return out;
}

/** Waits for every write, then fails with the first failure: no write is left running behind a rejection. */
export async function settleAll(writes: readonly Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(writes)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Inserts rows grouped by table, in the order of `tables`: RowBinary where the client takes it, else JSONEachRow. */
export async function insertTableRows(ctx: KindContext, tables: readonly KindTable[], rows: readonly TableRow[]): Promise<void> {
  for (const table of tables) {
    const mine = tables.length === 1 ? rows : rows.filter((r) => r.table.name === table.name);
    if (mine.length === 0) continue;
    if (ctx.client.insertRowBinary) {
      await ctx.client.insertRowBinary(table.name, table.columns.map(([column]) => column), rowBinaryOf(table, mine, ctx.schema.time));
    } else {
      await ctx.client.insert(table.name, mine.map((r) => encodeRow(table, r.values, ctx.schema.time)));
    }
  }
}

type ValueWriter = (w: RowBinaryWriter, value: never) => void;

const SCALAR_WRITERS: Record<Exclude<ColumnSpec, ArraySpec | 'time'>, ValueWriter> = {
  tag: (w, v: string) => w.string(v),
  string: (w, v: string) => w.string(v),
  uint32: (w, v: number) => w.uint32(v),
  int32: (w, v: number) => w.int32(v),
  int64: (w, v: number) => w.int64(v),
  flag: (w, v: boolean) => w.uint8(v ? 1 : 0),
  counter: (w, v: number) => w.uint64(v),
  gauge: (w, v: number) => w.uint64(v),
  duration: (w, v: number) => w.float64(v),
  float: (w, v: number) => w.float64(v),
};

const ELEMENT_WRITERS: Record<ArraySpec, ValueWriter> = {
  int32_array: (w, v: number) => w.int32(v),
  uint8_array: (w, v: number) => w.uint8(v),
  uint32_array: (w, v: number) => w.uint32(v),
  uint64_array: (w, v: number) => w.uint64(v),
  string_array: (w, v: string) => w.string(v),
};

/** How each column of a table is written in RowBinary, for one time encoding. */
function columnWriters(table: KindTable, time: TimeEncoding): readonly (readonly [string, ValueWriter])[] {
  return table.columns.map(([column, spec]): readonly [string, ValueWriter] => {
    if (spec === 'time') return [column, time === UINT64_MS ? (w, v: number) => w.uint64(checkedTime(v)) : (w, v: number) => w.int64(checkedTime(v))];
    if (isArraySpec(spec)) {
      const element = ELEMENT_WRITERS[spec];
      return [
        column,
        (w, v: readonly never[]) => {
          w.varint(v.length);
          for (const item of v) element(w, item);
        },
      ];
    }
    return [column, SCALAR_WRITERS[spec]];
  });
}

function checkedTime(ms: number): number {
  if (!Number.isSafeInteger(ms)) throw new TypeError(`timestamp ${ms} is not an integer number of milliseconds`);
  return ms;
}

const writersByTime = new WeakMap<TimeEncoding, WeakMap<KindTable, readonly (readonly [string, ValueWriter])[]>>();

/** `rows` of `table` in RowBinary, columns in the table's declared order (the insert names them). */
export function rowBinaryOf(table: KindTable, rows: readonly TableRow[], time: TimeEncoding): Buffer {
  let byTable = writersByTime.get(time);
  if (!byTable) writersByTime.set(time, (byTable = new WeakMap()));
  let writers = byTable.get(table);
  if (!writers) byTable.set(table, (writers = columnWriters(table, time)));
  const w = new RowBinaryWriter(Math.max(1 << 12, rows.length * 256));
  for (const { values } of rows) {
    for (const [column, write] of writers) {
      const value = values[column];
      if (value === undefined) throw new Error(`${table.name}.${column} has no value`);
      write(w, value as never);
    }
  }
  return w.finish();
}

export interface KindSpec {
  readonly name: string;
  /** PostgreSQL kinds 100–199, ClickHouse 200–299, server-produced 300+ (see telemetry-ddl.ts). */
  readonly version: number;
  /**
   * In insert order: idempotent tables (texts) first, a snapshot's header table (whose row says the
   * snapshot is complete) last.
   */
  readonly tables: readonly KindTable[];
  /** Defaults to raw. */
  readonly retention?: TelemetryTable['retention'];
  /** Columns added to a table after the kind shipped, each set under its own later version (see addedColumns). */
  readonly added?: readonly AddedColumns[];
  fromBatch(batch: vigil.v1.IBatch, at: BatchIdentity): TableRow[];
}

/** Columns a later version adds to a table: new installs get them from the table's CREATE, existing tables by ALTER. */
export interface AddedColumns {
  readonly version: number;
  readonly name: string;
  readonly table: KindTable;
  readonly columns: readonly string[];
}

/** Declares `columns` of `table` as added in `version` (typed: only the table's own non-array columns). */
export function addedColumns<C extends ColumnList>(version: number, name: string, table: KindTable<C>, columns: readonly ColumnOf<C>[]): AddedColumns {
  return { version, name, table, columns };
}

/** The migration adding `added` to existing tables (where system.columns lacks them). */
export function addColumnsMigration(added: AddedColumns): TelemetryMigration {
  const specs = specsOf(added.table);
  return {
    version: added.version,
    name: added.name,
    addColumns: added.columns.map((column) => {
      const spec = specs.get(column);
      if (spec === undefined || isArraySpec(spec)) throw new TypeError(`${added.table.name}.${column} cannot be added: not a scalar column of the table`);
      return { table: added.table.name, name: column, kind: spec };
    }),
    statements: () => [],
  };
}

/** A record kind over `tables`: one migration creating them (and one per later set of added columns), one insert per table. */
export function recordKind(spec: KindSpec): RecordKind<TableRow> {
  return {
    name: spec.name,
    tables: spec.tables.map((t) => ({ name: t.name, retention: spec.retention ?? 'raw', columns: t.columns })),
    migrations: [
      { version: spec.version, name: spec.name, statements: (f, time) => spec.tables.map((t) => createTable(t, f, time)) },
      ...(spec.added ?? []).map(addColumnsMigration),
    ],
    fromBatch: spec.fromBatch,
    insert: (ctx, rows) => insertTableRows(ctx, spec.tables, rows),
    rowTable: batchTableOf,
  };
}

/** The row's table when it has a batch_id column (every table but the ReplacingMergeTree texts). */
function batchTableOf(row: TableRow): string | undefined {
  return row.table.columns.some(([column]) => column === 'batch_id') ? row.table.name : undefined;
}

// ---------------------------------------------------------------- snapshots

/**
 * The snapshot convention. A snapshot is every row with one (ts, batch_id); the newest snapshot is
 * the greatest (ts, batch_id) in its header table, and an empty snapshot still has its header row,
 * so "nothing running now" stays distinguishable from "no snapshot since yesterday". PostgreSQL
 * kinds keep the header in a table of its own (with the snapshot's totals); ClickHouse kinds, whose
 * items carry their snapshot's few totals, mark an empty snapshot by one row with present = 0.
 */
export const SNAPSHOT_COLUMNS = [...IDENTITY_COLUMNS, ['present', 'flag']] as const satisfies ColumnList;

/** The columns every ClickHouse snapshot row starts with. */
export type SnapshotRow = RowOf<typeof SNAPSHOT_COLUMNS>;
type SnapshotColumn = keyof SnapshotRow;

function emptyValue(spec: ColumnSpec): unknown {
  if (isArraySpec(spec)) return [];
  if (spec === 'tag' || spec === 'string') return '';
  if (spec === 'flag') return false;
  return 0;
}

/**
 * A snapshot's items as rows of `table`, each with the snapshot-wide `common` values; an empty
 * snapshot becomes one row with present = 0 (and `common`).
 */
export function snapshotRows<C extends ColumnList, K extends keyof RowOf<C>, T>(
  table: KindTable<C>,
  key: Identity,
  common: Pick<RowOf<C>, K>,
  list: readonly T[],
  map: (item: T, i: number) => Omit<RowOf<C>, SnapshotColumn | K>,
): TableRow[] {
  return itemRows(table, key, common, list, map);
}

/** snapshotRows without the typing, which its callers give. */
function itemRows<T>(table: KindTable, key: Identity, common: object, list: readonly T[], map: (item: T, i: number) => object): TableRow[] {
  if (list.length === 0) {
    const empty = Object.fromEntries(table.columns.map(([column, spec]) => [column, emptyValue(spec)]));
    return [{ table, values: { ...empty, ...common, ...key, present: false } }];
  }
  return list.map((item, i) => ({ table, values: { ...map(item, i), ...common, ...key, present: true } }));
}

/**
 * Rows of `table` from a batch's snapshot records (`Batch.<path>`, each with its ts_ms and its
 * items under `list`): each item's columns by fromWire, the snapshot-wide ones from `common`.
 */
export function wireSnapshotRows<C extends ColumnList, L extends string, S extends WireSnapshot<C, L>, K extends keyof RowOf<C> = never>(
  table: KindTable<C>,
  at: BatchIdentity,
  snapshots: { readonly records: Wire<readonly S[]>; readonly path: string; readonly list: L; readonly common?: (record: S, path: string) => Pick<RowOf<C>, K> },
): TableRow[] {
  const { records, path, list, common } = snapshots;
  return items(records, path).flatMap((record, i) => {
    const field = `${path}[${i}]`;
    const key = identity(at, timestamp(record.tsMs, `${field}.ts_ms`, at));
    const listed = items(record[camelOf(list)], `${field}.${list}`);
    // Every column beyond the snapshot's own and `common` has a wire check (encodeRow refuses a row missing one).
    return itemRows(table, key, common?.(record, field) ?? {}, listed, (wire, j) => fromWire(table, wire, `${field}.${list}[${j}]`));
  });
}

/** A snapshot record on the wire: its time and its items under `list`'s camelCase name. */
export type WireSnapshot<C extends ColumnList, L extends string> = { readonly tsMs?: Wire<number> } & { readonly [P in CamelOf<L>]?: Wire<readonly WireSource<C>[]> };

/** Who a read is for. */
export interface DatabaseScope {
  readonly orgId: string;
  readonly databaseId: string;
}

/** A time range in Unix ms, [since, until). */
export interface TimeRange {
  readonly since: number;
  readonly until: number;
}

/** One snapshot: its time (Unix ms) and batch. */
export interface SnapshotId {
  readonly ts: number;
  readonly batch_id: string;
}

/** The newest snapshot in `table` (optionally within a range), or null when it holds none. */
export async function latestSnapshot(ctx: KindContext, table: KindTable, at: DatabaseScope, range?: TimeRange): Promise<SnapshotId | null> {
  const [row] = await ctx.client.select<{ unix_ms: number | string; batch_id: string }>(sql`
    SELECT ${ctx.schema.time.toUnixMs(rawSql('ts'))} AS unix_ms, batch_id FROM ${tableName(table)}
    WHERE ${scope(at)}${range ? sql` AND ${inRange(ctx, range.since, range.until)}` : rawSql('')}
    ORDER BY ts DESC, batch_id DESC
    LIMIT 1`);
  return row ? { ts: Number(row.unix_ms), batch_id: row.batch_id } : null;
}

/** `ts = … AND batch_id = …`: the rows of one snapshot. */
export function atSnapshot(ctx: KindContext, snapshot: SnapshotId): SqlFragment {
  return sql`ts = ${ctx.schema.time.literal(snapshot.ts)} AND batch_id = ${snapshot.batch_id}`;
}

// ---------------------------------------------------------------- reads

/** The table's name as SQL (names come from code, never from a request). */
export function tableName(table: KindTable): SqlFragment {
  return identifier(table.name, [table.name]);
}

/** `org_id = … AND database_id = …`: every read is scoped to one database of one organization. */
export function scope(at: DatabaseScope): SqlFragment {
  return sql`org_id = ${at.orgId} AND database_id = ${at.databaseId}`;
}

/** `ts` within [since, until). */
export function inRange(ctx: KindContext, since: number, until: number): SqlFragment {
  const { time } = ctx.schema;
  return sql`ts >= ${time.literal(since)} AND ts < ${time.literal(until)}`;
}

/** The start (Unix ms) of the `bucketMs`-wide bucket a row's ts falls in. */
export function bucketStart(ctx: KindContext, bucketMs: number): SqlFragment {
  if (!Number.isSafeInteger(bucketMs) || bucketMs < 1000) throw new TypeError(`bucket of ${bucketMs} ms is not a whole number of seconds`);
  return sql`intDiv(${ctx.schema.time.toUnixMs(rawSql('ts'))}, ${bucketMs}) * ${bucketMs}`;
}

/** ClickHouse returns 64-bit integers as JSON strings; every figure leaves the store as a number. */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** Every `bucketMs` bucket from the one holding `since` to the one before `until`, oldest first. */
export function fillBuckets<P>(since: number, until: number, bucketMs: number, point: (ts: number) => P): P[] {
  const out: P[] = [];
  for (let ts = Math.floor(since / bucketMs) * bucketMs; ts < until; ts += bucketMs) out.push(point(ts));
  return out;
}

const TEXT_SPECS: readonly ColumnSpec[] = ['tag', 'string', 'string_array'];

// Time columns come back under another name: an alias named like its column would replace the
// column in WHERE and ORDER BY too, comparing Unix ms with DateTime64.
const UNIX_MS_SUFFIX = '__unix_ms';

/** A table's columns beyond the identity ones: what reads of one snapshot select. */
export function detailColumns<C extends ColumnList>(table: KindTable<C>): Exclude<ColumnOf<C>, IdentityColumn | 'present'>[] {
  const skip: readonly string[] = [...IDENTITY_COLUMNS.map(([name]) => name), 'present'];
  return table.columns.map(([name]): ColumnOf<C> => name).filter((name): name is Exclude<ColumnOf<C>, IdentityColumn | 'present'> => !skip.includes(name));
}

/** The SELECT list for `names` of `table`, times as Unix ms (decodeRow restores their names). */
export function selectList<C extends ColumnList>(ctx: KindContext, table: KindTable<C>, names: readonly ColumnOf<C>[]): SqlFragment {
  const known = specsOf(table);
  return rawSql(
    names
      .map((name) => {
        const spec = known.get(name);
        if (!spec) throw new TypeError(`${table.name} has no column ${name}`);
        return spec === 'time' ? `${ctx.schema.time.toUnixMs(rawSql(name)).text} AS ${name}${UNIX_MS_SUFFIX}` : name;
      })
      .join(', '),
  );
}

/** A column's value as read back: ClickHouse sends 64-bit integers as strings and flags as 0/1. */
function decodeValue(spec: ColumnSpec | undefined, value: unknown): unknown {
  if (spec === undefined || TEXT_SPECS.includes(spec)) return value;
  if (spec === 'flag') return Number(value) === 1;
  if (Array.isArray(value)) return value.map(Number);
  return Number(value);
}

/**
 * Columns `names` of a row selected by selectList, typed back. The one place a read's row gets its
 * type: the SQL text is checked against the same column list by selectList.
 */
export function decodeRow<C extends ColumnList, K extends ColumnOf<C>>(table: KindTable<C>, row: Readonly<Record<string, unknown>>, names: readonly K[]): Pick<RowOf<C>, K> {
  const specs = specsOf(table);
  const out: Record<string, unknown> = {};
  for (const name of names) out[name] = decodeValue(specs.get(name), row[specs.get(name) === 'time' && !(name in row) ? `${name}${UNIX_MS_SUFFIX}` : name]);
  return out as Pick<RowOf<C>, K>;
}

/** Columns `names` of `table` read and typed: `SELECT [DISTINCT] <names> <rest>`. */
export async function selectRows<C extends ColumnList, K extends ColumnOf<C>>(
  ctx: KindContext,
  table: KindTable<C>,
  names: readonly K[],
  rest: SqlFragment,
  modifier?: 'DISTINCT',
): Promise<Pick<RowOf<C>, K>[]> {
  const rows = await ctx.client.select<Record<string, unknown>>(sql`SELECT ${rawSql(modifier ? `${modifier} ` : '')}${selectList(ctx, table, names)} ${rest}`);
  return rows.map((row) => decodeRow(table, row, names));
}

/** `ts = …`: the rows of whatever snapshot was taken at `ts`, for a caller that holds only its time (from a latest read). */
export function atTime(ctx: KindContext, ts: number): SqlFragment {
  return sql`ts = ${ctx.schema.time.literal(ts)}`;
}

/** A table's row without the identity columns: what a read of one snapshot returns per item. */
export type DetailOf<T> = Omit<RowOfTable<T>, IdentityColumn | 'present'>;

/** Columns `names` of a read's row as numbers (sums and other aggregates ClickHouse may send as strings). */
export function numbers<N extends string>(row: Readonly<Record<string, unknown>>, names: readonly N[]): Record<N, number> {
  const out = {} as Record<N, number>;
  for (const name of names) out[name] = num(row[name]);
  return out;
}
