import { sql } from '../../clickhouse-sql.js';
import type { KindContext } from '../../record-kind.js';
import { recordKind, inRange, num, scope, tableRow, kindTable, addedColumns, type RowOfTable, IDENTITY_COLUMNS } from '../kind-table.js';
import { byDatabase, scopeMany } from '../snapshots-many.js';
import { nonNegative, counter, integer, items, timestamp } from '../wire-checks.js';

/**
 * Server-wide essentials (system.metrics, asynchronous_metrics, events) per reading
 * (ClickHouseServerSnapshot). Gauges describe the moment; counters are deltas over the reading's
 * window, present only when has_deltas (not on the agent's first reading or after a server restart).
 */

/** Counter deltas summed over a range. */
export const SERVER_COUNTERS = [
  'queries',
  'select_queries',
  'insert_queries',
  'failed_queries',
  'failed_select_queries',
  'failed_insert_queries',
  'inserted_rows',
  'inserted_bytes',
  'delayed_inserts',
  'rejected_inserts',
] as const;
type ServerCounter = (typeof SERVER_COUNTERS)[number];

export const CLICKHOUSE_SERVER = kindTable({
  name: 'clickhouse_server',
  columns: [
    ...IDENTITY_COLUMNS,
    ['window_start_ms', 'int64'],
    ['uptime_s', 'float'],
    ['queries_running', 'uint32'],
    ['merges_running', 'uint32'],
    ['tcp_connections', 'uint32'],
    ['http_connections', 'uint32'],
    ['interserver_connections', 'uint32'],
    ['memory_tracking_bytes', 'int64'],
    ['memory_resident_bytes', 'gauge'],
    ['readonly_replicas', 'uint32'],
    ['max_parts_in_partition', 'gauge'],
    ['has_deltas', 'flag'],
    ...SERVER_COUNTERS.map((c) => [c, 'counter'] as const),
    /** 0: the release tells no limit (18.x), or the reading predates version 209. */
    ['memory_limit_bytes', 'gauge'],
  ],
  orderBy: ['org_id', 'database_id', 'ts'],
});
type ServerRow = RowOfTable<typeof CLICKHOUSE_SERVER>;

const WIRE_COUNTERS = {
  queries: 'queries',
  select_queries: 'selectQueries',
  insert_queries: 'insertQueries',
  failed_queries: 'failedQueries',
  failed_select_queries: 'failedSelectQueries',
  failed_insert_queries: 'failedInsertQueries',
  inserted_rows: 'insertedRows',
  inserted_bytes: 'insertedBytes',
  delayed_inserts: 'delayedInserts',
  rejected_inserts: 'rejectedInserts',
} as const satisfies Record<ServerCounter, string>;

export const clickHouseServerKind = recordKind({
  name: 'clickhouse_server',
  version: 207,
  tables: [CLICKHOUSE_SERVER],
  added: [addedColumns(209, 'clickhouse_server_memory_limit', CLICKHOUSE_SERVER, ['memory_limit_bytes'])],
  fromBatch(batch, at) {
    return items(batch.clickhouseServer, 'clickhouse_server').map((s, i) => {
      const field = `clickhouse_server[${i}]`;
      const hasDeltas = s.hasDeltas ?? false;
      const counters = Object.fromEntries(
        // Without deltas the counters mean nothing; stored as 0 so a sum over a range stays right.
        SERVER_COUNTERS.map((c) => [c, hasDeltas ? counter(s[WIRE_COUNTERS[c]], `${field}.${c}`) : 0]),
      ) as Record<ServerCounter, number>;
      return tableRow(CLICKHOUSE_SERVER, {
        org_id: at.org_id,
        database_id: at.database_id,
        batch_id: at.batch_id,
        ts: timestamp(s.tsMs, `${field}.ts_ms`, at),
        window_start_ms: integer(s.windowStartMs, `${field}.window_start_ms`),
        uptime_s: nonNegative(s.uptimeS, `${field}.uptime_s`),
        queries_running: counter(s.queriesRunning, `${field}.queries_running`),
        merges_running: counter(s.mergesRunning, `${field}.merges_running`),
        tcp_connections: counter(s.tcpConnections, `${field}.tcp_connections`),
        http_connections: counter(s.httpConnections, `${field}.http_connections`),
        interserver_connections: counter(s.interserverConnections, `${field}.interserver_connections`),
        memory_tracking_bytes: integer(s.memoryTrackingBytes, `${field}.memory_tracking_bytes`),
        memory_resident_bytes: counter(s.memoryResidentBytes, `${field}.memory_resident_bytes`),
        readonly_replicas: counter(s.readonlyReplicas, `${field}.readonly_replicas`),
        max_parts_in_partition: counter(s.maxPartsInPartition, `${field}.max_parts_in_partition`),
        has_deltas: hasDeltas,
        memory_limit_bytes: counter(s.memoryLimitBytes, `${field}.memory_limit_bytes`),
        ...counters,
      });
    });
  },
});

// ---------------------------------------------------------------- reads

/** A server reading's gauges (ts in Unix ms). */
export type ClickHouseServerReading = Omit<ServerRow, 'org_id' | 'database_id' | 'batch_id' | 'window_start_ms' | 'has_deltas' | ServerCounter>;

/** The newest server reading, or null before any. */
export async function latestClickHouseServer(ctx: KindContext, req: { orgId: string; databaseId: string }): Promise<ClickHouseServerReading | null> {
  return (await latestClickHouseServerMany(ctx, [req])).get(req.databaseId) ?? null;
}

/** latestClickHouseServer for many databases in one query, by database id; absent before any reading. */
export async function latestClickHouseServerMany(ctx: KindContext, dbs: readonly { orgId: string; databaseId: string }[]): Promise<Map<string, ClickHouseServerReading>> {
  if (dbs.length === 0) return new Map();
  const rows = await ctx.client.select<Record<string, string | number> & { database_id: string }>(sql`
    SELECT database_id, ${ctx.schema.time.toUnixMs(sql`ts`)} AS ts_ms, uptime_s, queries_running, merges_running, tcp_connections, http_connections, interserver_connections,
      memory_tracking_bytes, memory_resident_bytes, readonly_replicas, max_parts_in_partition, memory_limit_bytes
    FROM clickhouse_server WHERE ${scopeMany(dbs)}
    ORDER BY database_id ASC, ts DESC, batch_id ASC
    LIMIT 1 BY database_id`);
  return new Map(rows.map((r) => [r.database_id, serverReading(r)]));
}

function serverReading(r: Record<string, string | number>): ClickHouseServerReading {
  return {
    ts: num(r.ts_ms),
    uptime_s: num(r.uptime_s),
    queries_running: num(r.queries_running),
    merges_running: num(r.merges_running),
    tcp_connections: num(r.tcp_connections),
    http_connections: num(r.http_connections),
    interserver_connections: num(r.interserver_connections),
    memory_tracking_bytes: num(r.memory_tracking_bytes),
    memory_resident_bytes: num(r.memory_resident_bytes),
    readonly_replicas: num(r.readonly_replicas),
    max_parts_in_partition: num(r.max_parts_in_partition),
    memory_limit_bytes: num(r.memory_limit_bytes),
  };
}

/** Counter deltas summed over readings in [since, until), and how many readings carried deltas. */
export async function clickHouseServerTotals(
  ctx: KindContext,
  req: { orgId: string; databaseId: string; since: number; until: number },
): Promise<ServerTotals> {
  return (await clickHouseServerTotalsMany(ctx, [req], req)).get(req.databaseId)!;
}

export type ServerTotals = Record<ServerCounter, number> & { readings: number };

/** clickHouseServerTotals for many databases over one range in one query, by database id (every database asked for has an entry). */
export async function clickHouseServerTotalsMany(ctx: KindContext, dbs: readonly { orgId: string; databaseId: string }[], range: { since: number; until: number }): Promise<Map<string, ServerTotals>> {
  if (dbs.length === 0) return new Map();
  const rows = await ctx.client.select<Record<string, string | number> & { database_id: string }>(sql`
    SELECT database_id, countIf(has_deltas = 1) AS readings,
      sum(queries) AS queries, sum(select_queries) AS select_queries, sum(insert_queries) AS insert_queries,
      sum(failed_queries) AS failed_queries, sum(failed_select_queries) AS failed_select_queries, sum(failed_insert_queries) AS failed_insert_queries,
      sum(inserted_rows) AS inserted_rows, sum(inserted_bytes) AS inserted_bytes, sum(delayed_inserts) AS delayed_inserts, sum(rejected_inserts) AS rejected_inserts
    FROM clickhouse_server WHERE ${scopeMany(dbs)} AND ${inRange(ctx, range.since, range.until)}
    GROUP BY database_id`);
  const found = byDatabase(rows);
  return new Map(
    dbs.map((d) => {
      const r = found.get(d.databaseId)?.[0];
      return [d.databaseId, { readings: num(r?.readings), ...(Object.fromEntries(SERVER_COUNTERS.map((c) => [c, num(r?.[c])])) as Record<ServerCounter, number>) }];
    }),
  );
}
