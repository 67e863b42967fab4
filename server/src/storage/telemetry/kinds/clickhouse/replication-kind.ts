import { joinSql, sql } from '../../clickhouse-sql.js';
import type { KindContext } from '../../record-kind.js';
import { bucketStart, columnsOf, recordKind, fillBuckets, inRange, num, scope, SNAPSHOT_COLUMNS, kindTable, wireSnapshotRows } from '../kind-table.js';
import { atSnapshots, latestHeaders, ofSnapshotRows, snapshotKey } from '../snapshots-many.js';
import { counter, cut, integer, label, name, orFalse, MAX_MESSAGE } from '../wire-checks.js';

/**
 * Replicated tables (system.replicas, ClickHouseReplicasSnapshot) and their replication queue by
 * entry type (system.replication_queue, ClickHouseReplicationQueueSnapshot): one kind, since both
 * describe the same tables' replication and are read together.
 */

export const CLICKHOUSE_REPLICAS = kindTable({
  name: 'clickhouse_replicas',
  columns: [
    ...SNAPSHOT_COLUMNS,
    ['database', 'tag', name],
    ['table', 'string', name],
    ['is_leader', 'flag', orFalse],
    ['is_readonly', 'flag', orFalse],
    ['is_session_expired', 'flag', orFalse],
    ['absolute_delay_s', 'counter', counter],
    ...columnsOf('uint32', counter, ['queue_size', 'inserts_in_queue', 'merges_in_queue', 'part_mutations_in_queue', 'future_parts', 'parts_to_check']),
    ['queue_oldest_time_ms', 'int64', integer],
    ['last_queue_update_ms', 'int64', integer],
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'database', 'table'],
});

export const CLICKHOUSE_REPLICATION_QUEUE = kindTable({
  name: 'clickhouse_replication_queue',
  columns: [
    ...SNAPSHOT_COLUMNS,
    ['database', 'tag', name],
    ['table', 'string', name],
    ['type', 'tag', label],
    ...columnsOf('uint32', counter, ['entries', 'executing', 'max_num_tries', 'entries_with_exception']),
    ['num_postponed', 'counter', counter],
    ['oldest_create_time_ms', 'int64', integer],
    ['last_exception', 'string', cut(MAX_MESSAGE)],
    ['last_exception_time_ms', 'int64', integer],
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'database', 'table', 'type'],
});

export const clickHouseReplicationKind = recordKind({
  name: 'clickhouse_replication',
  version: 204,
  tables: [CLICKHOUSE_REPLICAS, CLICKHOUSE_REPLICATION_QUEUE],
  fromBatch: (batch, at) => [
    ...wireSnapshotRows(CLICKHOUSE_REPLICAS, at, { records: batch.clickhouseReplicas, path: 'clickhouse_replicas', list: 'replicas' }),
    ...wireSnapshotRows(CLICKHOUSE_REPLICATION_QUEUE, at, { records: batch.clickhouseReplicationQueue, path: 'clickhouse_replication_queue', list: 'groups' }),
  ],
});

// ---------------------------------------------------------------- reads

interface DatabaseRef {
  readonly orgId: string;
  readonly databaseId: string;
}

export interface ClickHouseReplica {
  readonly database: string;
  readonly table: string;
  readonly is_leader: boolean;
  readonly is_readonly: boolean;
  readonly is_session_expired: boolean;
  readonly absolute_delay_s: number;
  readonly queue_size: number;
  readonly inserts_in_queue: number;
  readonly merges_in_queue: number;
  readonly part_mutations_in_queue: number;
  readonly future_parts: number;
  readonly parts_to_check: number;
  /** Unix ms; null when the queue is empty. */
  readonly queue_oldest_time: number | null;
  readonly last_queue_update: number | null;
}

const msOrNull = (value: unknown): number | null => (num(value) > 0 ? num(value) : null);

/** Replicated tables in the newest snapshot, most delayed first (then by name), at most `limit`; null before any snapshot. */
export async function latestClickHouseReplicas(ctx: KindContext, req: DatabaseRef & { limit: number }): Promise<ClickHouseReplicas | null> {
  return (await latestClickHouseReplicasMany(ctx, [req], req.limit)).get(req.databaseId) ?? null;
}

export type ClickHouseReplicas = { ts: number; replicas_total: number; replicas: ClickHouseReplica[] };

/** latestClickHouseReplicas for many databases at once (three queries), by database id; absent before the first snapshot. */
export async function latestClickHouseReplicasMany(ctx: KindContext, dbs: readonly DatabaseRef[], limit: number): Promise<Map<string, ClickHouseReplicas>> {
  const headers = await latestHeaders(ctx, CLICKHOUSE_REPLICAS, [], dbs);
  if (headers.size === 0) return new Map();
  const at = sql`${atSnapshots(dbs, headers)} AND present = 1`;
  const totals = ofSnapshotRows(
    await ctx.client.select<Record<string, string | number> & { database_id: string; snapshot_ms: number | string }>(sql`SELECT ${snapshotKey(ctx)}, uniqExact(database, table) AS n FROM clickhouse_replicas WHERE ${at} GROUP BY database_id, ts`),
    headers,
  );
  const byDb = ofSnapshotRows(
    await ctx.client.select<Record<string, string | number> & { database_id: string; snapshot_ms: number | string }>(sql`
    SELECT ${snapshotKey(ctx)}, database, table, is_leader, is_readonly, is_session_expired, absolute_delay_s, queue_size, inserts_in_queue, merges_in_queue,
      part_mutations_in_queue, future_parts, parts_to_check, queue_oldest_time_ms, last_queue_update_ms
    FROM clickhouse_replicas WHERE ${at}
    ORDER BY absolute_delay_s DESC, database ASC, table ASC
    LIMIT 1 BY database_id, ts, database, table`),
    headers,
  );
  return new Map([...headers].map(([id, snapshot]) => [id, replicasOf(snapshot.ts, totals.get(id)?.[0]?.n, (byDb.get(id) ?? []).slice(0, limit))]));
}

function replicasOf(ts: number, total: number | string | undefined, rows: readonly Record<string, string | number>[]): ClickHouseReplicas {
  return {
    ts,
    replicas_total: num(total),
    replicas: rows.map((r) => ({
      database: String(r.database),
      table: String(r.table),
      is_leader: num(r.is_leader) === 1,
      is_readonly: num(r.is_readonly) === 1,
      is_session_expired: num(r.is_session_expired) === 1,
      absolute_delay_s: num(r.absolute_delay_s),
      queue_size: num(r.queue_size),
      inserts_in_queue: num(r.inserts_in_queue),
      merges_in_queue: num(r.merges_in_queue),
      part_mutations_in_queue: num(r.part_mutations_in_queue),
      future_parts: num(r.future_parts),
      parts_to_check: num(r.parts_to_check),
      queue_oldest_time: msOrNull(r.queue_oldest_time_ms),
      last_queue_update: msOrNull(r.last_queue_update_ms),
    })),
  };
}

export interface ReplicationQueueGroup {
  readonly database: string;
  readonly table: string;
  readonly type: string;
  readonly entries: number;
  readonly executing: number;
  readonly max_num_tries: number;
  readonly entries_with_exception: number;
  readonly num_postponed: number;
  readonly oldest_create_time: number | null;
  readonly last_exception: string;
  readonly last_exception_time: number | null;
}

/** The replication queue in its newest snapshot by table and entry type, most entries first (then by name and type), at most `limit`. */
export async function latestReplicationQueue(ctx: KindContext, req: DatabaseRef & { limit: number }): Promise<ReplicationQueue | null> {
  return (await latestReplicationQueueMany(ctx, [req], req.limit)).get(req.databaseId) ?? null;
}

export type ReplicationQueue = { ts: number; groups: ReplicationQueueGroup[] };

/** latestReplicationQueue for many databases at once (two queries), by database id; absent before the first snapshot. */
export async function latestReplicationQueueMany(ctx: KindContext, dbs: readonly DatabaseRef[], limit: number): Promise<Map<string, ReplicationQueue>> {
  const headers = await latestHeaders(ctx, CLICKHOUSE_REPLICATION_QUEUE, [], dbs);
  if (headers.size === 0) return new Map();
  const byDb = ofSnapshotRows(
    await ctx.client.select<Record<string, string | number> & { database_id: string; snapshot_ms: number | string }>(sql`
    SELECT ${snapshotKey(ctx)}, database, table, type, entries, executing, max_num_tries, entries_with_exception, num_postponed, oldest_create_time_ms, last_exception, last_exception_time_ms
    FROM clickhouse_replication_queue WHERE ${atSnapshots(dbs, headers)} AND present = 1
    ORDER BY entries DESC, database ASC, table ASC, type ASC
    LIMIT 1 BY database_id, ts, database, table, type`),
    headers,
  );
  return new Map([...headers].map(([id, snapshot]) => [id, queueOf(snapshot.ts, (byDb.get(id) ?? []).slice(0, limit))]));
}

function queueOf(ts: number, rows: readonly Record<string, string | number>[]): ReplicationQueue {
  return {
    ts,
    groups: rows.map((r) => ({
      database: String(r.database),
      table: String(r.table),
      type: String(r.type),
      entries: num(r.entries),
      executing: num(r.executing),
      max_num_tries: num(r.max_num_tries),
      entries_with_exception: num(r.entries_with_exception),
      num_postponed: num(r.num_postponed),
      oldest_create_time: msOrNull(r.oldest_create_time_ms),
      last_exception: String(r.last_exception),
      last_exception_time: msOrNull(r.last_exception_time_ms),
    })),
  };
}

export interface ReplicationLagSeries {
  readonly database: string;
  readonly table: string;
  /** Largest delay in the range. */
  readonly max_delay_s: number;
  /** Every bucket of the range, oldest first; null where no snapshot fell in it. */
  readonly points: readonly { readonly ts: number; readonly absolute_delay_s: number | null; readonly queue_size: number | null }[];
}

/** Replication lag per replicated table over [since, until) per `bucketMs`: the most delayed `limit` tables, then by name. */
export async function replicationLagSeries(
  ctx: KindContext,
  req: DatabaseRef & { since: number; until: number; bucketMs: number; limit: number },
): Promise<{ tables_total: number; tables: ReplicationLagSeries[] }> {
  const where = sql`${scope(req)} AND ${inRange(ctx, req.since, req.until)} AND present = 1`;
  const [total] = await ctx.client.select<{ n: number | string }>(sql`SELECT uniqExact(database, table) AS n FROM clickhouse_replicas WHERE ${where}`);
  const tables = await ctx.client.select<{ database: string; table: string; max_delay: number | string }>(sql`
    SELECT database, table, max(absolute_delay_s) AS max_delay
    FROM clickhouse_replicas WHERE ${where}
    GROUP BY database, table
    ORDER BY max_delay DESC, database ASC, table ASC
    LIMIT ${req.limit}`);
  if (tables.length === 0) return { tables_total: 0, tables: [] };
  const list = joinSql(tables.map((t) => sql`(${t.database}, ${t.table})`));
  const points = await ctx.client.select<{ database: string; table: string; bucket: number | string; delay: number | string; queue: number | string }>(sql`
    SELECT database, table, ${bucketStart(ctx, req.bucketMs)} AS bucket, max(absolute_delay_s) AS delay, max(queue_size) AS queue
    FROM clickhouse_replicas WHERE ${where} AND (database, table) IN (${list})
    GROUP BY database, table, bucket
    ORDER BY database, table, bucket`);
  const byTable = new Map<string, Map<number, { delay: number; queue: number }>>();
  for (const p of points) {
    const key = `${p.database}\0${p.table}`;
    const series = byTable.get(key) ?? new Map();
    series.set(num(p.bucket), { delay: num(p.delay), queue: num(p.queue) });
    byTable.set(key, series);
  }
  return {
    tables_total: num(total?.n),
    tables: tables.map((t) => {
      const series = byTable.get(`${t.database}\0${t.table}`);
      return {
        database: t.database,
        table: t.table,
        max_delay_s: num(t.max_delay),
        points: fillBuckets(req.since, req.until, req.bucketMs, (ts) => {
          const p = series?.get(ts);
          return { ts, absolute_delay_s: p ? p.delay : null, queue_size: p ? p.queue : null };
        }),
      };
    }),
  };
}
