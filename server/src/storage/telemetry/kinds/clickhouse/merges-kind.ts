import { estimatedRemainingS } from '../../../../engines/figures/clickhouse-figures.js';
import { sql } from '../../clickhouse-sql.js';
import type { KindContext } from '../../record-kind.js';
import { bucketStart, columnsOf, type DatabaseScope, recordKind, fillBuckets, inRange, num, scope, SNAPSHOT_COLUMNS, type SnapshotRow, kindTable, type RowOfTable, wireSnapshotRows } from '../kind-table.js';
import { atSnapshots, latestHeaders, ofSnapshotRows, snapshotKey } from '../snapshots-many.js';
import { nonNegative, counter, label, name, orFalse, type Wire } from '../wire-checks.js';

/** Merges running at one moment (system.merges), as snapshots (ClickHouseMergesSnapshot). */

export const CLICKHOUSE_MERGES = kindTable({
  name: 'clickhouse_merges',
  columns: [
    ...SNAPSHOT_COLUMNS,
    ['database', 'tag', name],
    ['table', 'string', name],
    ['partition_id', 'string', label],
    ['result_part_name', 'string', label],
    ['elapsed_s', 'float', nonNegative],
    /** 0–1. */
    ['progress', 'float', fraction],
    ...columnsOf('counter', counter, ['num_parts', 'total_size_bytes_compressed', 'rows_read', 'rows_written', 'bytes_read_uncompressed', 'bytes_written_uncompressed']),
    ['memory_bytes', 'gauge', counter],
    ['is_mutation', 'flag', orFalse],
    ['merge_type', 'tag', label],
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'database', 'table', 'result_part_name'],
});
type MergeRow = RowOfTable<typeof CLICKHOUSE_MERGES>;

/** A merge's progress: ClickHouse reports a finished merge's a hair above 1 at times. */
function fraction(value: Wire<number>, field: string): number {
  return Math.min(nonNegative(value, field), 1);
}

export const clickHouseMergesKind = recordKind({
  name: 'clickhouse_merges',
  version: 202,
  tables: [CLICKHOUSE_MERGES],
  fromBatch: (batch, at) => wireSnapshotRows(CLICKHOUSE_MERGES, at, { records: batch.clickhouseMerges, path: 'clickhouse_merges', list: 'merges' }),
});

// ---------------------------------------------------------------- reads

/** A running merge as read, with an estimate of the time left. */
export type ClickHouseMerge = Omit<MergeRow, keyof SnapshotRow> & {
  /** elapsed × (1 − progress) / progress: the time left at the pace so far; null before any progress. */
  readonly estimated_remaining_s: number | null;
};

/** Merges in the newest snapshot, longest-running first (then by table and part), at most `limit`; null before any snapshot. */
export async function latestClickHouseMerges(
  ctx: KindContext,
  req: { orgId: string; databaseId: string; limit: number },
): Promise<ClickHouseMerges | null> {
  return (await latestClickHouseMergesMany(ctx, [req], req.limit)).get(req.databaseId) ?? null;
}

export type ClickHouseMerges = { ts: number; merges_total: number; merges: ClickHouseMerge[] };

/** latestClickHouseMerges for many databases at once (three queries), by database id; absent before the first snapshot. */
export async function latestClickHouseMergesMany(ctx: KindContext, dbs: readonly DatabaseScope[], limit: number): Promise<Map<string, ClickHouseMerges>> {
  const headers = await latestHeaders(ctx, CLICKHOUSE_MERGES, [], dbs);
  if (headers.size === 0) return new Map();
  const at = sql`${atSnapshots(dbs, headers)} AND present = 1`;
  const totals = ofSnapshotRows(
    await ctx.client.select<Record<string, string | number> & { database_id: string; snapshot_ms: number | string }>(sql`SELECT ${snapshotKey(ctx)}, uniqExact(database, table, result_part_name) AS n FROM clickhouse_merges WHERE ${at} GROUP BY database_id, ts`),
    headers,
  );
  const byDb = ofSnapshotRows(
    await ctx.client.select<Record<string, string | number> & { database_id: string; snapshot_ms: number | string }>(sql`
    SELECT ${snapshotKey(ctx)}, database, table, partition_id, result_part_name, elapsed_s, progress, num_parts, total_size_bytes_compressed, rows_read, rows_written,
      bytes_read_uncompressed, bytes_written_uncompressed, memory_bytes, is_mutation, merge_type
    FROM clickhouse_merges WHERE ${at}
    ORDER BY elapsed_s DESC, database ASC, table ASC, result_part_name ASC
    LIMIT 1 BY database_id, ts, database, table, result_part_name`),
    headers,
  );
  return new Map([...headers].map(([id, snapshot]) => [id, mergesOf(snapshot.ts, totals.get(id)?.[0]?.n, (byDb.get(id) ?? []).slice(0, limit))]));
}

function mergesOf(ts: number, total: number | string | undefined, rows: readonly Record<string, string | number>[]): ClickHouseMerges {
  return {
    ts,
    merges_total: num(total),
    merges: rows.map((r) => {
      const elapsed = num(r.elapsed_s);
      const progress = num(r.progress);
      return {
        database: String(r.database),
        table: String(r.table),
        partition_id: String(r.partition_id),
        result_part_name: String(r.result_part_name),
        elapsed_s: elapsed,
        progress,
        estimated_remaining_s: estimatedRemainingS(elapsed, progress),
        num_parts: num(r.num_parts),
        total_size_bytes_compressed: num(r.total_size_bytes_compressed),
        rows_read: num(r.rows_read),
        rows_written: num(r.rows_written),
        bytes_read_uncompressed: num(r.bytes_read_uncompressed),
        bytes_written_uncompressed: num(r.bytes_written_uncompressed),
        memory_bytes: num(r.memory_bytes),
        is_mutation: num(r.is_mutation) === 1,
        merge_type: String(r.merge_type),
      };
    }),
  };
}

/** One bucket of the merges panel; null figures where no snapshot fell in the bucket. */
export interface MergesPoint {
  readonly ts: number;
  /** Most merges running at once in the bucket's snapshots. */
  readonly active_merges: number | null;
  /** Of those, part mutations. */
  readonly mutation_merges: number | null;
  /** Most compressed bytes being merged at once. */
  readonly bytes_merging: number | null;
}

/** Merge activity in every bucket of [since, until), oldest first. */
export async function clickHouseMergesSeries(
  ctx: KindContext,
  req: { orgId: string; databaseId: string; since: number; until: number; bucketMs: number },
): Promise<MergesPoint[]> {
  // Each merge once per snapshot (a replayed batch stores it twice), then per snapshot (a marker row
  // counts 0), then the busiest snapshot of each bucket.
  const rows = await ctx.client.select<{ bucket: number | string; merges: number | string; mutations: number | string; bytes: number | string }>(sql`
    SELECT bucket, max(merges) AS merges, max(mutations) AS mutations, max(bytes) AS bytes
    FROM (
      SELECT bucket, ts, countIf(present = 1) AS merges, countIf(present = 1 AND is_mutation = 1) AS mutations, sumIf(total_size_bytes_compressed, present = 1) AS bytes
      FROM (
        SELECT ${bucketStart(ctx, req.bucketMs)} AS bucket, ts, present, is_mutation, total_size_bytes_compressed
        FROM clickhouse_merges
        WHERE ${scope(req)} AND ${inRange(ctx, req.since, req.until)}
        LIMIT 1 BY ts, database, table, result_part_name
      )
      GROUP BY bucket, ts
    )
    GROUP BY bucket
    ORDER BY bucket`);
  const byBucket = new Map(rows.map((r) => [num(r.bucket), { ts: num(r.bucket), active_merges: num(r.merges), mutation_merges: num(r.mutations), bytes_merging: num(r.bytes) }]));
  return fillBuckets(req.since, req.until, req.bucketMs, (ts) => byBucket.get(ts) ?? { ts, active_merges: null, mutation_merges: null, bytes_merging: null });
}
