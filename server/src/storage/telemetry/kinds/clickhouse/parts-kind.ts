import { joinSql, sql, type SqlFragment } from '../../clickhouse-sql.js';
import type { KindContext } from '../../record-kind.js';
import { atSnapshot, recordKind, latestSnapshot, num, scope, identity, snapshotRows, tableRow, SNAPSHOT_COLUMNS, type SnapshotRow, type TableRow, kindTable, type RowOfTable, atTime, IDENTITY_COLUMNS } from '../kind-table.js';
import { atSnapshots, byDatabase, latestHeaders, ofSnapshotRows, scopeMany, snapshotKey } from '../snapshots-many.js';
import { counter, items, label, name, timestamp } from '../wire-checks.js';

/**
 * Active parts per table and partition (system.parts) and detached parts per table and reason
 * (system.detached_parts), as snapshots (ClickHousePartsSnapshot). The per-table row holds the
 * totals; partitions are the agent's 100 fullest per table.
 */

const SIZE_COLUMNS = [
  ['rows', 'counter'],
  ['bytes_on_disk', 'counter'],
  ['data_compressed_bytes', 'counter'],
  ['data_uncompressed_bytes', 'counter'],
] as const;

export const CLICKHOUSE_PARTS = kindTable({
  name: 'clickhouse_parts',
  columns: [
    ...SNAPSHOT_COLUMNS,
    /** False where the release has no system.detached_parts: then "no detached parts" means "unknown". */
    ['has_detached', 'flag'],
    ['database', 'tag'],
    ['table', 'string'],
    ['partitions', 'uint32'],
    ['active_parts', 'counter'],
    ['max_parts_in_partition', 'counter'],
    ...SIZE_COLUMNS,
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'database', 'table'],
});
type TablePartsRow = RowOfTable<typeof CLICKHOUSE_PARTS>;

export const CLICKHOUSE_PARTITIONS = kindTable({
  name: 'clickhouse_partitions',
  columns: [
    ...IDENTITY_COLUMNS,
    ['database', 'tag'],
    ['table', 'string'],
    ['partition_id', 'string'],
    ['partition', 'string'],
    ['active_parts', 'counter'],
    ...SIZE_COLUMNS,
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'database', 'table', 'partition_id'],
});
type PartitionRow = RowOfTable<typeof CLICKHOUSE_PARTITIONS>;

export const CLICKHOUSE_DETACHED_PARTS = kindTable({
  name: 'clickhouse_detached_parts',
  columns: [
    ...IDENTITY_COLUMNS,
    ['database', 'tag'],
    ['table', 'string'],
    ['reason', 'tag'],
    ['parts', 'counter'],
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'database', 'table', 'reason'],
});

/** Partitions kept per table and snapshot: the agent sends at most 100. */
const MAX_PARTITIONS = 1000;

export const clickHousePartsKind = recordKind({
  name: 'clickhouse_parts',
  version: 201,
  tables: [CLICKHOUSE_PARTS, CLICKHOUSE_PARTITIONS, CLICKHOUSE_DETACHED_PARTS],
  fromBatch(batch, at) {
    const rows: TableRow[] = [];
    items(batch.clickhouseParts, 'clickhouse_parts').forEach((snapshot, i) => {
      const field = `clickhouse_parts[${i}]`;
      const key = identity(at, timestamp(snapshot.tsMs, `${field}.ts_ms`, at));
      const tables = items(snapshot.tables, `${field}.tables`);
      const partitions: TableRow[] = [];
      rows.push(
        ...snapshotRows(CLICKHOUSE_PARTS, key, { has_detached: snapshot.hasDetached ?? false }, tables, (t, j) => {
          const item = `${field}.tables[${j}]`;
          const database = name(t.database, `${item}.database`);
          const table = name(t.table, `${item}.table`);
          // Collected beside the table's row, whose names they share; inserted into their own table.
          items(t.partitionStats, `${item}.partition_stats`, MAX_PARTITIONS).forEach((p, k) => {
            const part = `${item}.partition_stats[${k}]`;
            partitions.push(
              tableRow(CLICKHOUSE_PARTITIONS, {
                ...key,
                database,
                table,
                partition_id: name(p.partitionId, `${part}.partition_id`),
                partition: label(p.partition, `${part}.partition`),
                active_parts: counter(p.activeParts, `${part}.active_parts`),
                ...sizes(p, part),
              }),
            );
          });
          return {
            database,
            table,
            partitions: counter(t.partitions, `${item}.partitions`),
            active_parts: counter(t.activeParts, `${item}.active_parts`),
            max_parts_in_partition: counter(t.maxPartsInPartition, `${item}.max_parts_in_partition`),
            ...sizes(t, item),
          };
        }),
        ...partitions,
      );
      items(snapshot.detached, `${field}.detached`).forEach((d, j) => {
        const item = `${field}.detached[${j}]`;
        rows.push(
          tableRow(CLICKHOUSE_DETACHED_PARTS, {
            ...key,
            database: name(d.database, `${item}.database`),
            table: name(d.table, `${item}.table`),
            reason: label(d.reason, `${item}.reason`),
            parts: counter(d.parts, `${item}.parts`),
          }),
        );
      });
    });
    return rows;
  },
});

function sizes(
  s: { rows?: number | null; bytesOnDisk?: number | null; dataCompressedBytes?: number | null; dataUncompressedBytes?: number | null },
  field: string,
): { rows: number; bytes_on_disk: number; data_compressed_bytes: number; data_uncompressed_bytes: number } {
  return {
    rows: counter(s.rows, `${field}.rows`),
    bytes_on_disk: counter(s.bytesOnDisk, `${field}.bytes_on_disk`),
    data_compressed_bytes: counter(s.dataCompressedBytes, `${field}.data_compressed_bytes`),
    data_uncompressed_bytes: counter(s.dataUncompressedBytes, `${field}.data_uncompressed_bytes`),
  };
}

// ---------------------------------------------------------------- reads

interface DatabaseRef {
  readonly orgId: string;
  readonly databaseId: string;
}

export type ClickHousePartition = Omit<PartitionRow, 'org_id' | 'database_id' | 'batch_id' | 'ts' | 'database' | 'table'>;

export type ClickHouseTableParts = Omit<TablePartsRow, keyof SnapshotRow | 'has_detached'>;

/** How a parts read orders tables: by crowding (what "too many parts" refuses inserts over) or by size. */
export type PartsOrder = 'parts' | 'compressed_bytes';

const PARTS_ORDER: Record<PartsOrder, SqlFragment> = {
  parts: sql`max_parts_in_partition DESC, active_parts DESC`,
  compressed_bytes: sql`data_compressed_bytes DESC`,
};

export interface ClickHousePartsSnapshot {
  /** Unix ms of the snapshot. */
  readonly ts: number;
  readonly has_detached: boolean;
  /** Tables in the snapshot (the list may be cut to the limit). */
  readonly tables_total: number;
  /** The fullest partition of any table. */
  readonly max_parts_in_partition: number;
  readonly tables: readonly ClickHouseTableParts[];
}

/** The newest parts snapshot's tables, ordered by `order` then by name, at most `limit`; null before any snapshot. */
export async function latestClickHouseParts(ctx: KindContext, req: DatabaseRef & { limit: number; order: PartsOrder }): Promise<ClickHousePartsSnapshot | null> {
  return (await latestClickHousePartsMany(ctx, [req], req)).get(req.databaseId) ?? null;
}

/** latestClickHouseParts for many databases at once (three queries), by database id; absent before the first snapshot. */
export async function latestClickHousePartsMany(ctx: KindContext, dbs: readonly DatabaseRef[], options: { limit: number; order: PartsOrder }): Promise<Map<string, ClickHousePartsSnapshot>> {
  if (!Object.hasOwn(PARTS_ORDER, options.order)) throw new TypeError(`unknown parts order ${options.order}`);
  const headers = await latestHeaders(ctx, CLICKHOUSE_PARTS, [], dbs);
  if (headers.size === 0) return new Map();
  const at = atSnapshots(dbs, headers);
  const summaries = ofSnapshotRows(
    await ctx.client.select<Record<string, string | number> & { database_id: string; snapshot_ms: number | string }>(sql`
    SELECT ${snapshotKey(ctx)}, max(has_detached) AS has_detached, uniqExactIf((database, table), present = 1) AS tables_total, max(max_parts_in_partition) AS max_parts
    FROM clickhouse_parts WHERE ${at} GROUP BY database_id, ts`),
    headers,
  );
  const byDb = ofSnapshotRows(
    await ctx.client.select<Record<string, string | number> & { database_id: string; snapshot_ms: number | string }>(sql`
    SELECT ${snapshotKey(ctx)}, database, table, partitions, active_parts, max_parts_in_partition, rows, bytes_on_disk, data_compressed_bytes, data_uncompressed_bytes
    FROM clickhouse_parts WHERE ${at} AND present = 1
    ORDER BY ${PARTS_ORDER[options.order]}, database ASC, table ASC
    LIMIT 1 BY database_id, ts, database, table`),
    headers,
  );
  return new Map([...headers].map(([id, snapshot]) => [id, partsOf(snapshot.ts, summaries.get(id)?.[0], (byDb.get(id) ?? []).slice(0, options.limit))]));
}

function partsOf(ts: number, summary: Record<string, string | number> | undefined, rows: readonly Record<string, string | number>[]): ClickHousePartsSnapshot {
  return {
    ts,
    has_detached: num(summary?.has_detached) === 1,
    tables_total: num(summary?.tables_total),
    max_parts_in_partition: num(summary?.max_parts),
    tables: rows.map((r) => ({
      database: String(r.database),
      table: String(r.table),
      partitions: num(r.partitions),
      active_parts: num(r.active_parts),
      max_parts_in_partition: num(r.max_parts_in_partition),
      rows: num(r.rows),
      bytes_on_disk: num(r.bytes_on_disk),
      data_compressed_bytes: num(r.data_compressed_bytes),
      data_uncompressed_bytes: num(r.data_uncompressed_bytes),
    })),
  };
}

/** Partitions of `tables` in the snapshot at `ts`, fullest first (then by id), at most `perTable` each. */
export async function clickHousePartitions(
  ctx: KindContext,
  req: DatabaseRef & { ts: number; tables: readonly { database: string; table: string }[]; perTable: number },
): Promise<Map<string, ClickHousePartition[]>> {
  return (await clickHousePartitionsMany(ctx, [req], req.perTable)).get(req.databaseId) ?? new Map();
}

/** clickHousePartitions for many databases (each at its own snapshot time and tables) in one query, by database id. */
export async function clickHousePartitionsMany(
  ctx: KindContext,
  dbs: readonly (DatabaseRef & { ts: number; tables: readonly { database: string; table: string }[] })[],
  perTable: number,
): Promise<Map<string, Map<string, ClickHousePartition[]>>> {
  const asked = dbs.filter((d) => d.tables.length > 0);
  const out = new Map<string, Map<string, ClickHousePartition[]>>(dbs.map((d) => [d.databaseId, new Map()]));
  if (asked.length === 0) return out;
  const list = joinSql(asked.flatMap((d) => d.tables.map((t) => sql`(${d.databaseId}, ${t.database}, ${t.table})`)));
  const times = joinSql([...new Set(asked.map((d) => d.ts))].map((ts) => ctx.schema.time.literal(ts)));
  const tsOf = new Map(asked.map((d) => [d.databaseId, d.ts]));
  const rows = await ctx.client.select<Record<keyof ClickHousePartition | 'database' | 'table' | 'snapshot_ms', string | number> & { database_id: string }>(sql`
    SELECT ${snapshotKey(ctx)}, database, table, partition_id, any(partition) AS partition, max(active_parts) AS active_parts, max(rows) AS rows,
      max(bytes_on_disk) AS bytes_on_disk, max(data_compressed_bytes) AS data_compressed_bytes, max(data_uncompressed_bytes) AS data_uncompressed_bytes
    FROM clickhouse_partitions
    WHERE ${scopeMany(asked)} AND ts IN (${times}) AND (database_id, database, table) IN (${list})
    GROUP BY database_id, ts, database, table, partition_id
    ORDER BY database_id ASC, database ASC, table ASC, active_parts DESC, partition_id ASC
    LIMIT ${perTable} BY database_id, ts, database, table`);
  for (const [id, own] of byDatabase(rows.filter((r) => tsOf.get(r.database_id) === num(r.snapshot_ms)))) out.set(id, partitionsOf(own));
  return out;
}

function partitionsOf(rows: readonly Record<keyof ClickHousePartition | 'database' | 'table', string | number>[]): Map<string, ClickHousePartition[]> {
  const out = new Map<string, ClickHousePartition[]>();
  for (const r of rows) {
    const key = tableKey(String(r.database), String(r.table));
    const partitions = out.get(key) ?? [];
    partitions.push({
      partition_id: String(r.partition_id),
      partition: String(r.partition),
      active_parts: num(r.active_parts),
      rows: num(r.rows),
      bytes_on_disk: num(r.bytes_on_disk),
      data_compressed_bytes: num(r.data_compressed_bytes),
      data_uncompressed_bytes: num(r.data_uncompressed_bytes),
    });
    out.set(key, partitions);
  }
  return out;
}

/** The key clickHousePartitions' map uses for a table. */
export function tableKey(database: string, table: string): string {
  return `${database}\0${table}`;
}

export interface DetachedTable {
  readonly database: string;
  readonly table: string;
  readonly detached_parts: number;
  /** Parts ClickHouse detached as broken (reasons containing "broken"). */
  readonly broken_parts: number;
  /** By reason, most parts first; "" for parts detached by hand. */
  readonly reasons: readonly { readonly reason: string; readonly parts: number }[];
}

/** Detached parts per table in the newest parts snapshot, most first, at most `limit` tables; null before any snapshot. */
export async function latestDetachedParts(ctx: KindContext, req: DatabaseRef & { limit: number }): Promise<DetachedParts | null> {
  return (await latestDetachedPartsMany(ctx, [req], req.limit)).get(req.databaseId) ?? null;
}

export type DetachedParts = { ts: number; has_detached: boolean; tables: DetachedTable[] };

/** latestDetachedParts for many databases at once (three queries), by database id; absent before the first snapshot. */
export async function latestDetachedPartsMany(ctx: KindContext, dbs: readonly DatabaseRef[], limit: number): Promise<Map<string, DetachedParts>> {
  const headers = await latestHeaders(ctx, CLICKHOUSE_PARTS, [], dbs);
  if (headers.size === 0) return new Map();
  const at = atSnapshots(dbs, headers);
  const flags = ofSnapshotRows(
    await ctx.client.select<{ database_id: string; snapshot_ms: number | string; has_detached: number }>(sql`SELECT ${snapshotKey(ctx)}, max(has_detached) AS has_detached FROM clickhouse_parts WHERE ${at} GROUP BY database_id, ts`),
    headers,
  );
  const byDb = ofSnapshotRows(
    await ctx.client.select<{ database_id: string; snapshot_ms: number | string; database: string; table: string; detached: number | string; broken: number | string; reasons: string[]; counts: (number | string)[] }>(sql`
    SELECT database_id, snapshot_ms, database, table, sum(parts) AS detached, sumIf(parts, position(reason, 'broken') > 0) AS broken,
      groupArray(reason) AS reasons, groupArray(parts) AS counts
    FROM (SELECT ${snapshotKey(ctx)}, database, table, reason, max(parts) AS parts FROM clickhouse_detached_parts WHERE ${at} GROUP BY database_id, ts, database, table, reason)
    GROUP BY database_id, snapshot_ms, database, table
    ORDER BY detached DESC, database ASC, table ASC`),
    headers,
  );
  return new Map([...headers].map(([id, snapshot]) => [id, detachedOf(snapshot.ts, flags.get(id)?.[0]?.has_detached, (byDb.get(id) ?? []).slice(0, limit))]));
}

function detachedOf(
  ts: number,
  hasDetached: number | undefined,
  rows: readonly { database: string; table: string; detached: number | string; broken: number | string; reasons: string[]; counts: (number | string)[] }[],
): DetachedParts {
  return {
    ts,
    has_detached: num(hasDetached) === 1,
    tables: rows.map((r) => ({
      database: r.database,
      table: r.table,
      detached_parts: num(r.detached),
      broken_parts: num(r.broken),
      reasons: r.reasons
        .map((reason, i) => ({ reason, parts: num(r.counts[i]) }))
        .sort((a, b) => b.parts - a.parts || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0)),
    })),
  };
}

/** Size classes for the parts distribution, by a partition's average part size. */
export const PART_SIZE_CLASSES = [
  { label: '<1MiB', min_bytes: 0, max_bytes: 2 ** 20 },
  { label: '1MiB-16MiB', min_bytes: 2 ** 20, max_bytes: 2 ** 24 },
  { label: '16MiB-128MiB', min_bytes: 2 ** 24, max_bytes: 2 ** 27 },
  { label: '128MiB-1GiB', min_bytes: 2 ** 27, max_bytes: 2 ** 30 },
  { label: '>=1GiB', min_bytes: 2 ** 30, max_bytes: null },
] as const;

/** Partitions and their parts per size class in the snapshot at `ts` (over the partitions the agent sent: the fullest 100 per table). */
export async function partSizeClasses(ctx: KindContext, req: DatabaseRef & { ts: number }): Promise<{ label: string; min_bytes: number; max_bytes: number | null; partitions: number; parts: number }[]> {
  const rows = await ctx.client.select<{ class: number | string; partitions: number | string; parts: number | string }>(sql`
    SELECT multiIf(avg_bytes < ${2 ** 20}, 0, avg_bytes < ${2 ** 24}, 1, avg_bytes < ${2 ** 27}, 2, avg_bytes < ${2 ** 30}, 3, 4) AS class,
      count() AS partitions, sum(parts) AS parts
    FROM (
      SELECT max(active_parts) AS parts, if(parts = 0, 0, max(bytes_on_disk) / parts) AS avg_bytes
      FROM clickhouse_partitions WHERE ${scope(req)} AND ${atTime(ctx, req.ts)}
      GROUP BY database, table, partition_id
    )
    GROUP BY class`);
  const byClass = new Map(rows.map((r) => [num(r.class), r]));
  return PART_SIZE_CLASSES.map((c, i) => ({ ...c, partitions: num(byClass.get(i)?.partitions), parts: num(byClass.get(i)?.parts) }));
}
