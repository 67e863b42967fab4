import { VigilError } from '@vigil/shared';
import { rawSql, sql, type SqlFragment } from '../../clickhouse-sql.js';
import type { BatchIdentity, KindContext } from '../../record-kind.js';
import { columns, mergeTreeSettings, type ColumnKind, type ServerFeatures, type TimeEncoding } from '../../telemetry-schema.js';

/**
 * What the PostgreSQL record kinds share: table definitions that give both the DDL and the insert
 * mapping, field checks that name the wire path, and the SQL pieces their reads repeat.
 */

/** Column roles beyond telemetry-schema's: arrays, which 18.16 and current releases both have. */
export type PgColumnKind = ColumnKind | 'int32_array' | 'uint32_array' | 'uint8_array' | 'string_array';

/** A day-partitioned table: its columns (first the identity ones every kind table has) and sort key. */
export interface PgTable {
  readonly name: string;
  readonly columns: readonly (readonly [string, PgColumnKind])[];
  readonly orderBy: string;
}

/** Every table starts with these: who and which batch (database deletion, deduplication), and when. */
export const IDENTITY_COLUMNS = [
  ['org_id', 'tag'],
  ['database_id', 'tag'],
  ['batch_id', 'string'],
  ['ts', 'time'],
] as const satisfies readonly (readonly [string, PgColumnKind])[];

const ARRAY_TYPES: Record<Exclude<PgColumnKind, ColumnKind>, string> = {
  int32_array: 'Array(Int32)',
  uint32_array: 'Array(UInt32)',
  uint8_array: 'Array(UInt8)',
  string_array: 'Array(String)',
};

function isArrayKind(kind: PgColumnKind): kind is Exclude<PgColumnKind, ColumnKind> {
  return Object.hasOwn(ARRAY_TYPES, kind);
}

/** CREATE TABLE for `table`: MergeTree partitioned by the day of `ts`, so retention drops whole days. */
export function createTable(table: PgTable, f: ServerFeatures, time: TimeEncoding): SqlFragment {
  const lines = table.columns.map(([name, kind]) => (isArrayKind(kind) ? `    ${name} ${ARRAY_TYPES[kind]}` : columns([[name, kind]], f, time)));
  return rawSql(`CREATE TABLE IF NOT EXISTS ${table.name} (
${lines.join(',\n')}
  ) ENGINE = MergeTree
  PARTITION BY toYYYYMMDD(${time.toDateTime(rawSql('ts')).text})
  ORDER BY (${table.orderBy})${mergeTreeSettings(f)}`);
}

/** One stored row of a kind spanning several tables: which table, and its values (times as Unix ms, flags as booleans). */
export interface TableRow {
  readonly table: PgTable;
  readonly values: Readonly<Record<string, unknown>>;
}

/** Inserts rows grouped by table, in `order` (detail tables first, so a snapshot's marker row lands last). */
export async function insertTableRows(ctx: KindContext, order: readonly PgTable[], rows: readonly TableRow[]): Promise<void> {
  const time = ctx.schema.time;
  for (const table of order) {
    const values = rows.filter((r) => r.table === table).map((r) => encodeRow(table, r.values, time));
    if (values.length > 0) await ctx.client.insert(table.name, values);
  }
}

function encodeRow(table: PgTable, values: Readonly<Record<string, unknown>>, time: TimeEncoding): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, kind] of table.columns) {
    const value = values[name];
    if (value === undefined) throw new Error(`${table.name}.${name} has no value`);
    if (kind === 'time') out[name] = time.value(value as number);
    else if (kind === 'flag') out[name] = value ? 1 : 0;
    else out[name] = value;
  }
  return out;
}

/** The identity columns of a row from `at` taken at `ts`. */
export function identity(at: BatchIdentity, ts: number): { org_id: string; database_id: string; batch_id: string; ts: number } {
  return { org_id: at.org_id, database_id: at.database_id, batch_id: at.batch_id, ts };
}

// ------------------------------------------------------------------ field checks

function bad(message: string): VigilError {
  return new VigilError('INGEST_BAD_BATCH', message);
}

const EARLIEST_MS = Date.UTC(2000, 0, 1);
const MAX_AHEAD_MS = 24 * 3600 * 1000;

/** A snapshot's own time: Unix ms from 2000 to a day past the batch window (a clock far off is a broken clock). */
export function snapshotTime(value: number | null | undefined, path: string, at: BatchIdentity): number {
  const ms = value ?? 0;
  if (!Number.isSafeInteger(ms) || ms < EARLIEST_MS || ms > at.window_end + MAX_AHEAD_MS) {
    throw bad(`${path}: must be Unix milliseconds from the year 2000 to no more than a day past the batch window`);
  }
  return ms;
}

/** An optional point in time in Unix ms: 0 means none; anything else must be a sane integer. */
export function optionalMs(value: number | null | undefined, path: string): number {
  const ms = value ?? 0;
  if (!Number.isSafeInteger(ms) || ms < 0) throw bad(`${path}: must be 0 or non-negative Unix milliseconds`);
  return ms;
}

/** A uint64 counter: JS numbers are exact only below 2^53, and a negative count wrapped into a uint64 lands beyond it. */
export function counter(value: number | null | undefined, path: string): number {
  const n = value ?? 0;
  if (!Number.isSafeInteger(n) || n < 0) throw bad(`${path}: must be a non-negative integer below 2^53`);
  return n;
}

/** A signed 64-bit integer the store keeps exactly (tuple counts, which PostgreSQL estimates and may report as -1). */
export function int64(value: number | null | undefined, path: string): number {
  const n = value ?? 0;
  if (!Number.isSafeInteger(n)) throw bad(`${path}: must be an integer between -2^53 and 2^53`);
  return n;
}

/** A double (durations, byte distances, fractions): finite, since NaN and infinities cannot round-trip through JSON. */
export function finite(value: number | null | undefined, path: string): number {
  const n = value ?? 0;
  if (!Number.isFinite(n)) throw bad(`${path}: must be a finite number`);
  return n;
}

/** A non-negative double (durations, sizes). */
export function nonNegative(value: number | null | undefined, path: string): number {
  const n = finite(value, path);
  if (n < 0) throw bad(`${path}: must not be negative`);
  return n;
}

/** Text cut to `max` characters: names and texts never make a batch invalid, but never grow a row without bound. */
export function text(value: string | null | undefined, max = 1024): string {
  return (value ?? '').slice(0, max);
}

/** A repeated field with at most `max` entries (well above what the agent sends), refused whole beyond it. */
export function list<T>(value: readonly T[] | null | undefined, max: number, path: string): readonly T[] {
  const items = value ?? [];
  if (items.length > max) throw bad(`${path}: at most ${max} entries, got ${items.length}`);
  return items;
}

/** snake_case field name → protobufjs's camelCase property. */
function wireName(name: string): string {
  return name.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
}

/**
 * Numeric wire fields by their snake_case names: *_ms ones as non-negative doubles (durations),
 * the rest as uint64 counters; all 0 when `source` is absent (no deltas this time).
 */
export function wireNumbers<const N extends string>(names: readonly N[], source: object | null | undefined, path: string): Record<N, number> {
  const wire = (source ?? {}) as Record<string, number | null | undefined>;
  return Object.fromEntries(
    names.map((name) => {
      const value = wire[wireName(name)];
      return [name, name.endsWith('_ms') ? nonNegative(value, `${path}.${name}`) : counter(value, `${path}.${name}`)];
    }),
  ) as Record<N, number>;
}

/** int32 values of a repeated field (pids). */
export function int32List(value: readonly number[] | null | undefined, max: number, path: string): number[] {
  return list(value, max, path).map((n, i) => {
    if (!Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 31) throw bad(`${path}[${i}]: must be a 32-bit integer`);
    return n;
  });
}

// ------------------------------------------------------------------ reads

/** `org_id = … AND database_id = …`, the start of every read's WHERE. */
export function scope(orgId: string, databaseId: string): SqlFragment {
  return sql`org_id = ${orgId} AND database_id = ${databaseId}`;
}

/** `ts` within [since, until). */
export function within(time: TimeEncoding, since: number, until: number): SqlFragment {
  return sql`ts >= ${time.literal(since)} AND ts < ${time.literal(until)}`;
}

/** The start of the `bucketMs`-wide bucket each row's ts falls in, as Unix ms. */
export function bucketOf(time: TimeEncoding, bucketMs: number): SqlFragment {
  if (!Number.isSafeInteger(bucketMs) || bucketMs < 1000) throw new TypeError(`bucket of ${bucketMs} ms is not a whole number of seconds`);
  return sql`intDiv(${time.toUnixMs(rawSql('ts'))}, ${bucketMs}) * ${bucketMs}`;
}

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

/** The latest snapshot (ts and batch) in a marker table, optionally within a range; undefined when there is none. */
export async function latestSnapshot(ctx: KindContext, table: PgTable, at: DatabaseScope, range?: TimeRange): Promise<{ ts: number; batch_id: string } | undefined> {
  const time = ctx.schema.time;
  const [row] = await ctx.client.select<{ unix_ms: number | string; batch_id: string }>(sql`
    SELECT ${time.toUnixMs(rawSql('ts'))} AS unix_ms, batch_id FROM ${rawSql(table.name)}
    WHERE ${scope(at.orgId, at.databaseId)}${range ? sql` AND ${within(time, range.since, range.until)}` : rawSql('')}
    ORDER BY ts DESC, batch_id DESC
    LIMIT 1`);
  return row && { ts: Number(row.unix_ms), batch_id: row.batch_id };
}

/** `ts = … AND batch_id = …`: the rows of one snapshot. */
export function snapshotIs(time: TimeEncoding, snapshot: { ts: number; batch_id: string }): SqlFragment {
  return sql`ts = ${time.literal(snapshot.ts)} AND batch_id = ${snapshot.batch_id}`;
}

const TEXT_KINDS: readonly PgColumnKind[] = ['tag', 'string', 'string_array'];

// Time columns come back under another name: an alias named like its column would replace the
// column in WHERE and ORDER BY too, comparing Unix ms with DateTime64.
const UNIX_MS_SUFFIX = '__unix_ms';

/** A table's columns beyond the identity ones: what reads of one snapshot select. */
export function detailColumns(table: PgTable): string[] {
  const identityNames: readonly string[] = IDENTITY_COLUMNS.map(([name]) => name);
  return table.columns.map(([name]) => name).filter((name) => !identityNames.includes(name));
}

/** The SELECT list for `names` of `table` (all its columns by default), times as Unix ms (decodeRow restores their names). */
export function selectList(time: TimeEncoding, table: PgTable, names: readonly string[] = table.columns.map(([name]) => name)): SqlFragment {
  const known = new Map(table.columns);
  return rawSql(
    names
      .map((name) => {
        const kind = known.get(name);
        if (!kind) throw new TypeError(`${table.name} has no column ${name}`);
        return kind === 'time' ? `${time.toUnixMs(rawSql(name)).text} AS ${name}${UNIX_MS_SUFFIX}` : name;
      })
      .join(', '),
  );
}

/** A row as selected by selectList, typed back: ClickHouse sends 64-bit integers as strings and flags as 0/1. */
export function decodeRow(table: PgTable, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const kinds = new Map(table.columns);
  for (const [column, value] of Object.entries(row)) {
    const name = column.endsWith(UNIX_MS_SUFFIX) ? column.slice(0, -UNIX_MS_SUFFIX.length) : column;
    const kind = kinds.get(name);
    if (kind === undefined || TEXT_KINDS.includes(kind)) out[name] = value;
    else if (kind === 'flag') out[name] = Number(value) === 1;
    else if (Array.isArray(value)) out[name] = value.map(Number);
    else out[name] = Number(value);
  }
  return out;
}
