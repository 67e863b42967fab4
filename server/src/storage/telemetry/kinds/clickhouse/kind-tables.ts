import type { vigil } from '@vigil/proto';
import { identifier, rawSql, sql, type SqlFragment } from '../../clickhouse-sql.js';
import type { BatchIdentity, KindContext, RecordKind } from '../../record-kind.js';
import { columns, mergeTreeSettings, type ColumnKind, type ServerFeatures, type TimeEncoding } from '../../telemetry-schema.js';

/**
 * What the ClickHouse record kinds share: tables declared once as typed column lists (the DDL, the
 * insert mapping and the empty-snapshot marker all follow from them), and the read helpers every
 * kind needs (time columns as Unix ms, the latest snapshot, time buckets).
 */

/** Column roles: the schema's, plus the two arrays error codes and their counts need. */
export type ColumnSpec = ColumnKind | 'int32_array' | 'uint64_array';

/** A day-partitioned table of one kind, partitioned and time-filtered on its `ts` column. */
export interface TableShape {
  readonly name: string;
  readonly columns: readonly (readonly [string, ColumnSpec])[];
  readonly orderBy: readonly string[];
  /** Defaults to MergeTree; texts use ReplacingMergeTree(ts) so the newest text wins on merge. */
  readonly engine?: string;
}

/** A TableShape whose columns are checked against its row type. */
export interface KindTable<R extends object> extends TableShape {
  readonly columns: readonly (readonly [keyof R & string, ColumnSpec])[];
  readonly orderBy: readonly (keyof R & string)[];
}

/** One row bound for one table; what the kinds' fromBatch returns and insert writes. */
export interface TableRow {
  readonly table: TableShape;
  /** Times as Unix ms and flags as booleans: insert converts them for the server. */
  readonly values: Readonly<Record<string, unknown>>;
}

/** A row for `table`, typed by the table's row type. */
export function tableRow<R extends object>(table: KindTable<R>, values: R): TableRow {
  return { table, values: values as Record<string, unknown> };
}

function columnDefinitions(table: TableShape, f: ServerFeatures, time: TimeEncoding): string {
  return table.columns
    .map(([column, spec]) => {
      if (spec === 'int32_array') return `    ${column} Array(Int32)`;
      if (spec === 'uint64_array') return `    ${column} Array(UInt64)`;
      return columns([[column, spec]], f, time);
    })
    .join(',\n');
}

function createTable(table: TableShape, f: ServerFeatures, time: TimeEncoding): SqlFragment {
  // Partitioned by day so retention drops whole partitions (see RecordKind.tables).
  return rawSql(`CREATE TABLE IF NOT EXISTS ${table.name} (
${columnDefinitions(table, f, time)}
  ) ENGINE = ${table.engine ?? 'MergeTree'}
  PARTITION BY toYYYYMMDD(${time.toDateTime(rawSql('ts')).text})
  ORDER BY (${table.orderBy.join(', ')})${mergeTreeSettings(f)}`);
}

function insertValues(table: TableShape, values: Readonly<Record<string, unknown>>, time: TimeEncoding): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, spec] of table.columns) {
    const value = values[column];
    if (spec === 'time') out[column] = time.value(value as number);
    else if (spec === 'flag') out[column] = value ? 1 : 0;
    else out[column] = value;
  }
  return out;
}

export interface ClickHouseKindSpec {
  readonly name: string;
  /** In 200–299 (see telemetry-schema.ts). */
  readonly version: number;
  /** In insert order: a kind whose later insert may fail writes its idempotent tables (texts) first. */
  readonly tables: readonly TableShape[];
  fromBatch(batch: vigil.v1.IBatch, at: BatchIdentity): TableRow[];
  /** Drops rows already stored (e.g. texts seen today) before insert; default keeps all. */
  skip?(ctx: KindContext, rows: readonly TableRow[]): readonly TableRow[];
}

/** A record kind over `tables`: one migration creating them, raw retention, an insert per table. */
export function clickHouseKind(spec: ClickHouseKindSpec): RecordKind<TableRow> {
  return {
    name: spec.name,
    tables: spec.tables.map((t) => ({ name: t.name, retention: 'raw' })),
    migrations: [{ version: spec.version, name: spec.name, statements: (f, time) => spec.tables.map((t) => createTable(t, f, time)) }],
    fromBatch: spec.fromBatch,
    async insert(ctx, rows) {
      const kept = spec.skip ? spec.skip(ctx, rows) : rows;
      for (const table of spec.tables) {
        const values = kept.filter((r) => r.table.name === table.name).map((r) => insertValues(table, r.values, ctx.schema.time));
        if (values.length > 0) await ctx.client.insert(table.name, values);
      }
    },
  };
}

/** Columns every snapshot table starts with. `present` = 0 marks a snapshot that held nothing. */
export const SNAPSHOT_COLUMNS = [
  ['org_id', 'tag'],
  ['database_id', 'tag'],
  ['batch_id', 'string'],
  ['ts', 'time'],
  ['present', 'flag'],
] as const;

export interface SnapshotKey {
  readonly org_id: string;
  readonly database_id: string;
  readonly batch_id: string;
  /** Unix ms. */
  readonly ts: number;
}

export interface SnapshotRow extends SnapshotKey {
  readonly present: boolean;
}

function emptyValue(spec: ColumnSpec): unknown {
  if (spec === 'int32_array' || spec === 'uint64_array') return [];
  if (spec === 'tag' || spec === 'string') return '';
  return 0;
}

/**
 * A snapshot's items as rows of `table`, each with the snapshot-wide `common` values; an empty
 * snapshot becomes one row with present = 0 (and `common`), so "nothing running now" stays
 * distinguishable from "no snapshot since yesterday".
 */
export function snapshotRows<R extends SnapshotRow, C extends Partial<R>, T>(
  table: KindTable<R>,
  key: SnapshotKey,
  common: C,
  list: readonly T[],
  map: (item: T, i: number) => Omit<R, keyof SnapshotRow | keyof C>,
): TableRow[] {
  if (list.length === 0) {
    const values: Record<string, unknown> = Object.fromEntries(table.columns.map(([column, spec]) => [column, emptyValue(spec)]));
    return [{ table, values: { ...values, ...common, ...key, present: false } }];
  }
  return list.map((item, i) => tableRow(table, { ...map(item, i), ...common, ...key, present: true } as unknown as R));
}

/** The identity columns of a batch for a snapshot taken at `ts`. */
export function snapshotKey(at: BatchIdentity, ts: number): SnapshotKey {
  return { org_id: at.org_id, database_id: at.database_id, batch_id: at.batch_id, ts };
}

// ---------------------------------------------------------------- reads

/** The table's name as SQL (names come from code, never from a request). */
export function tableName(table: TableShape): SqlFragment {
  return identifier(table.name, [table.name]);
}

/** `org_id = … AND database_id = …`: every read is scoped to one database of one organization. */
export function scope(req: { orgId: string; databaseId: string }): SqlFragment {
  return sql`org_id = ${req.orgId} AND database_id = ${req.databaseId}`;
}

/** `ts` within [since, until). */
export function inRange(ctx: KindContext, since: number, until: number): SqlFragment {
  const { time } = ctx.schema;
  return sql`ts >= ${time.literal(since)} AND ts < ${time.literal(until)}`;
}

/** The start (Unix ms) of the `bucketMs`-wide bucket a row's ts falls in. */
export function bucketStart(ctx: KindContext, bucketMs: number): SqlFragment {
  return sql`intDiv(${ctx.schema.time.toUnixMs(sql`ts`)}, ${bucketMs}) * ${bucketMs}`;
}

/** Unix ms of the newest snapshot `table` holds for this database, or null when it holds none. */
export async function latestSnapshotTs(ctx: KindContext, table: TableShape, req: { orgId: string; databaseId: string }): Promise<number | null> {
  const [row] = await ctx.client.select<{ ts: number | string }>(sql`SELECT max(${ctx.schema.time.toUnixMs(sql`ts`)}) AS ts FROM ${tableName(table)} WHERE ${scope(req)}`);
  // max() over no rows is 0 (the epoch); stored snapshots are from the year 2000 on.
  const ts = num(row?.ts);
  return ts > 0 ? ts : null;
}

/** `ts = <that snapshot>` for a snapshot's rows. */
export function atSnapshot(ctx: KindContext, ts: number): SqlFragment {
  return sql`ts = ${ctx.schema.time.literal(ts)}`;
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
