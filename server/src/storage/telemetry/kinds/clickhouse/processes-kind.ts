import { sql } from '../../clickhouse-sql.js';
import type { KindContext } from '../../record-kind.js';
import { columnsOf, type DatabaseScope, recordKind, num, SNAPSHOT_COLUMNS, kindTable, wireSnapshotRows } from '../kind-table.js';
import { atSnapshots, latestHeaders, ofSnapshotRows, snapshotKey } from '../snapshots-many.js';
import { cut, nonNegative, counter, hashSource, integer, label, name, orFalse, MAX_TEXT } from '../wire-checks.js';

/** Queries running at one moment (system.processes), as snapshots (ClickHouseProcessesSnapshot). */

export const CLICKHOUSE_PROCESSES = kindTable({
  name: 'clickhouse_processes',
  columns: [
    ...SNAPSHOT_COLUMNS,
    /** Running queries the agent left out of this snapshot (it sends the longest-running 100). */
    ['queries_omitted', 'uint32'],
    ['query_id', 'string', name],
    ['user', 'tag', label],
    ['is_initial_query', 'flag', orFalse],
    ['query_hash', 'string', label],
    ['hash_source', 'uint32', hashSource],
    ['query_text', 'string', cut(MAX_TEXT)],
    ['elapsed_s', 'float', nonNegative],
    ['memory_bytes', 'int64', integer],
    ['peak_memory_bytes', 'int64', integer],
    ...columnsOf('counter', counter, ['read_rows', 'read_bytes', 'written_rows', 'written_bytes', 'total_rows_approx']),
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'query_id'],
});

export const clickHouseProcessesKind = recordKind({
  name: 'clickhouse_processes',
  version: 208,
  tables: [CLICKHOUSE_PROCESSES],
  fromBatch: (batch, at) =>
    wireSnapshotRows(CLICKHOUSE_PROCESSES, at, {
      records: batch.clickhouseProcesses,
      path: 'clickhouse_processes',
      list: 'queries',
      common: (snapshot, field) => ({ queries_omitted: counter(snapshot.queriesOmitted, `${field}.queries_omitted`) }),
    }),
});

// ---------------------------------------------------------------- reads

/** Queries running in the newest processes snapshot, longest-running first (then by id), at most `limit`; null before any snapshot. */
export async function latestClickHouseProcesses(
  ctx: KindContext,
  req: { orgId: string; databaseId: string; limit: number },
): Promise<ClickHouseProcesses | null> {
  return (await latestClickHouseProcessesMany(ctx, [req], req.limit)).get(req.databaseId) ?? null;
}

/** The newest processes snapshot: queries longest-running first. */
export type ClickHouseProcesses = { ts: number; queries: { query_id: string; user: string; elapsed_ms: number; query_text: string; read_rows: number; read_bytes: number; memory_bytes: number }[] };

/** latestClickHouseProcesses for many databases at once (two queries), by database id; absent before the first snapshot. */
export async function latestClickHouseProcessesMany(ctx: KindContext, dbs: readonly DatabaseScope[], limit: number): Promise<Map<string, ClickHouseProcesses>> {
  const headers = await latestHeaders(ctx, CLICKHOUSE_PROCESSES, [], dbs);
  if (headers.size === 0) return new Map();
  const byDb = ofSnapshotRows(
    await ctx.client.select<Record<string, string | number> & { database_id: string; snapshot_ms: number | string }>(sql`
    SELECT ${snapshotKey(ctx)}, query_id, user, elapsed_s, query_text, read_rows, read_bytes, memory_bytes
    FROM clickhouse_processes WHERE ${atSnapshots(dbs, headers)} AND present = 1
    ORDER BY elapsed_s DESC, query_id ASC
    LIMIT 1 BY database_id, ts, query_id`),
    headers,
  );
  return new Map([...headers].map(([id, snapshot]) => [id, processesOf(snapshot.ts, (byDb.get(id) ?? []).slice(0, limit))]));
}

function processesOf(ts: number, rows: readonly Record<string, string | number>[]): ClickHouseProcesses {
  return {
    ts,
    queries: rows.map((r) => ({
      query_id: String(r.query_id),
      user: String(r.user),
      elapsed_ms: num(r.elapsed_s) * 1000,
      query_text: String(r.query_text),
      read_rows: num(r.read_rows),
      read_bytes: num(r.read_bytes),
      memory_bytes: num(r.memory_bytes),
    })),
  };
}
