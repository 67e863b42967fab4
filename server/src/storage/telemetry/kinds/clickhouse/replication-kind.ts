import { joinSql, sql } from '../../clickhouse-sql.js';
import type { KindContext } from '../../record-kind.js';
import { atSnapshot, bucketStart, recordKind, fillBuckets, inRange, latestSnapshot, num, scope, identity, snapshotRows, SNAPSHOT_COLUMNS, type TableRow, kindTable } from '../kind-table.js';
import { counter, integer, items, label, name, text, timestamp, MAX_MESSAGE } from '../wire-checks.js';

/**
 * Replicated tables (system.replicas, ClickHouseReplicasSnapshot) and their replication queue by
 * entry type (system.replication_queue, ClickHouseReplicationQueueSnapshot): one kind, since both
 * describe the same tables' replication and are read together.
 */

export const CLICKHOUSE_REPLICAS = kindTable({
  name: 'clickhouse_replicas',
  columns: [
    ...SNAPSHOT_COLUMNS,
    ['database', 'tag'],
    ['table', 'string'],
    ['is_leader', 'flag'],
    ['is_readonly', 'flag'],
    ['is_session_expired', 'flag'],
    ['absolute_delay_s', 'counter'],
    ['queue_size', 'uint32'],
    ['inserts_in_queue', 'uint32'],
    ['merges_in_queue', 'uint32'],
    ['part_mutations_in_queue', 'uint32'],
    ['future_parts', 'uint32'],
    ['parts_to_check', 'uint32'],
    ['queue_oldest_time_ms', 'int64'],
    ['last_queue_update_ms', 'int64'],
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'database', 'table'],
});

export const CLICKHOUSE_REPLICATION_QUEUE = kindTable({
  name: 'clickhouse_replication_queue',
  columns: [
    ...SNAPSHOT_COLUMNS,
    ['database', 'tag'],
    ['table', 'string'],
    ['type', 'tag'],
    ['entries', 'uint32'],
    ['executing', 'uint32'],
    ['max_num_tries', 'uint32'],
    ['entries_with_exception', 'uint32'],
    ['num_postponed', 'counter'],
    ['oldest_create_time_ms', 'int64'],
    ['last_exception', 'string'],
    ['last_exception_time_ms', 'int64'],
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'database', 'table', 'type'],
});

export const clickHouseReplicationKind = recordKind({
  name: 'clickhouse_replication',
  version: 204,
  tables: [CLICKHOUSE_REPLICAS, CLICKHOUSE_REPLICATION_QUEUE],
  fromBatch(batch, at) {
    const rows: TableRow[] = [];
    items(batch.clickhouseReplicas, 'clickhouse_replicas').forEach((snapshot, i) => {
      const field = `clickhouse_replicas[${i}]`;
      const key = identity(at, timestamp(snapshot.tsMs, `${field}.ts_ms`, at));
      rows.push(
        ...snapshotRows(CLICKHOUSE_REPLICAS, key, {}, items(snapshot.replicas, `${field}.replicas`), (r, j) => {
          const item = `${field}.replicas[${j}]`;
          return {
            database: name(r.database, `${item}.database`),
            table: name(r.table, `${item}.table`),
            is_leader: r.isLeader ?? false,
            is_readonly: r.isReadonly ?? false,
            is_session_expired: r.isSessionExpired ?? false,
            absolute_delay_s: counter(r.absoluteDelayS, `${item}.absolute_delay_s`),
            queue_size: counter(r.queueSize, `${item}.queue_size`),
            inserts_in_queue: counter(r.insertsInQueue, `${item}.inserts_in_queue`),
            merges_in_queue: counter(r.mergesInQueue, `${item}.merges_in_queue`),
            part_mutations_in_queue: counter(r.partMutationsInQueue, `${item}.part_mutations_in_queue`),
            future_parts: counter(r.futureParts, `${item}.future_parts`),
            parts_to_check: counter(r.partsToCheck, `${item}.parts_to_check`),
            queue_oldest_time_ms: integer(r.queueOldestTimeMs, `${item}.queue_oldest_time_ms`),
            last_queue_update_ms: integer(r.lastQueueUpdateMs, `${item}.last_queue_update_ms`),
          };
        }),
      );
    });
    items(batch.clickhouseReplicationQueue, 'clickhouse_replication_queue').forEach((snapshot, i) => {
      const field = `clickhouse_replication_queue[${i}]`;
      const key = identity(at, timestamp(snapshot.tsMs, `${field}.ts_ms`, at));
      rows.push(
        ...snapshotRows(CLICKHOUSE_REPLICATION_QUEUE, key, {}, items(snapshot.groups, `${field}.groups`), (g, j) => {
          const item = `${field}.groups[${j}]`;
          return {
            database: name(g.database, `${item}.database`),
            table: name(g.table, `${item}.table`),
            type: label(g.type, `${item}.type`),
            entries: counter(g.entries, `${item}.entries`),
            executing: counter(g.executing, `${item}.executing`),
            max_num_tries: counter(g.maxNumTries, `${item}.max_num_tries`),
            entries_with_exception: counter(g.entriesWithException, `${item}.entries_with_exception`),
            num_postponed: counter(g.numPostponed, `${item}.num_postponed`),
            oldest_create_time_ms: integer(g.oldestCreateTimeMs, `${item}.oldest_create_time_ms`),
            last_exception: text(g.lastException, MAX_MESSAGE),
            last_exception_time_ms: integer(g.lastExceptionTimeMs, `${item}.last_exception_time_ms`),
          };
        }),
      );
    });
    return rows;
  },
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
export async function latestClickHouseReplicas(ctx: KindContext, req: DatabaseRef & { limit: number }): Promise<{ ts: number; replicas_total: number; replicas: ClickHouseReplica[] } | null> {
  const snapshot = await latestSnapshot(ctx, CLICKHOUSE_REPLICAS, req);
  if (snapshot === null) return null;
  const at = sql`${scope(req)} AND ${atSnapshot(ctx, snapshot)} AND present = 1`;
  const [total] = await ctx.client.select<{ n: number | string }>(sql`SELECT uniqExact(database, table) AS n FROM clickhouse_replicas WHERE ${at}`);
  const rows = await ctx.client.select<Record<string, string | number>>(sql`
    SELECT database, table, is_leader, is_readonly, is_session_expired, absolute_delay_s, queue_size, inserts_in_queue, merges_in_queue,
      part_mutations_in_queue, future_parts, parts_to_check, queue_oldest_time_ms, last_queue_update_ms
    FROM clickhouse_replicas WHERE ${at}
    ORDER BY absolute_delay_s DESC, database ASC, table ASC
    LIMIT 1 BY database, table
    LIMIT ${req.limit}`);
  return {
    ts: snapshot.ts,
    replicas_total: num(total?.n),
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
export async function latestReplicationQueue(ctx: KindContext, req: DatabaseRef & { limit: number }): Promise<{ ts: number; groups: ReplicationQueueGroup[] } | null> {
  const snapshot = await latestSnapshot(ctx, CLICKHOUSE_REPLICATION_QUEUE, req);
  if (snapshot === null) return null;
  const rows = await ctx.client.select<Record<string, string | number>>(sql`
    SELECT database, table, type, entries, executing, max_num_tries, entries_with_exception, num_postponed, oldest_create_time_ms, last_exception, last_exception_time_ms
    FROM clickhouse_replication_queue WHERE ${scope(req)} AND ${atSnapshot(ctx, snapshot)} AND present = 1
    ORDER BY entries DESC, database ASC, table ASC, type ASC
    LIMIT 1 BY database, table, type
    LIMIT ${req.limit}`);
  return {
    ts: snapshot.ts,
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
