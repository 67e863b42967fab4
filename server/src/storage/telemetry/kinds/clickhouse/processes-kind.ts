import { sql } from '../../clickhouse-sql.js';
import type { KindContext } from '../../record-kind.js';
import { atSnapshot, recordKind, latestSnapshot, num, scope, identity, snapshotRows, SNAPSHOT_COLUMNS, type TableRow, kindTable } from '../kind-table.js';
import { nonNegative, counter, hashSource, integer, items, label, name, text, timestamp, MAX_TEXT } from '../wire-checks.js';

/** Queries running at one moment (system.processes), as snapshots (ClickHouseProcessesSnapshot). */

export const CLICKHOUSE_PROCESSES = kindTable({
  name: 'clickhouse_processes',
  columns: [
    ...SNAPSHOT_COLUMNS,
    /** Running queries the agent left out of this snapshot (it sends the longest-running 100). */
    ['queries_omitted', 'uint32'],
    ['query_id', 'string'],
    ['user', 'tag'],
    ['is_initial_query', 'flag'],
    ['query_hash', 'string'],
    ['hash_source', 'uint32'],
    ['query_text', 'string'],
    ['elapsed_s', 'float'],
    ['memory_bytes', 'int64'],
    ['peak_memory_bytes', 'int64'],
    ['read_rows', 'counter'],
    ['read_bytes', 'counter'],
    ['written_rows', 'counter'],
    ['written_bytes', 'counter'],
    ['total_rows_approx', 'counter'],
  ],
  orderBy: ['org_id', 'database_id', 'ts', 'query_id'],
});

export const clickHouseProcessesKind = recordKind({
  name: 'clickhouse_processes',
  version: 208,
  tables: [CLICKHOUSE_PROCESSES],
  fromBatch(batch, at) {
    const rows: TableRow[] = [];
    items(batch.clickhouseProcesses, 'clickhouse_processes').forEach((snapshot, i) => {
      const field = `clickhouse_processes[${i}]`;
      const key = identity(at, timestamp(snapshot.tsMs, `${field}.ts_ms`, at));
      const common = { queries_omitted: counter(snapshot.queriesOmitted, `${field}.queries_omitted`) };
      rows.push(
        ...snapshotRows(CLICKHOUSE_PROCESSES, key, common, items(snapshot.queries, `${field}.queries`), (q, j) => {
          const item = `${field}.queries[${j}]`;
          return {
            query_id: name(q.queryId, `${item}.query_id`),
            user: label(q.user, `${item}.user`),
            is_initial_query: q.isInitialQuery ?? false,
            query_hash: label(q.queryHash, `${item}.query_hash`),
            hash_source: hashSource(q.hashSource, `${item}.hash_source`),
            query_text: text(q.queryText, MAX_TEXT),
            elapsed_s: nonNegative(q.elapsedS, `${item}.elapsed_s`),
            memory_bytes: integer(q.memoryBytes, `${item}.memory_bytes`),
            peak_memory_bytes: integer(q.peakMemoryBytes, `${item}.peak_memory_bytes`),
            read_rows: counter(q.readRows, `${item}.read_rows`),
            read_bytes: counter(q.readBytes, `${item}.read_bytes`),
            written_rows: counter(q.writtenRows, `${item}.written_rows`),
            written_bytes: counter(q.writtenBytes, `${item}.written_bytes`),
            total_rows_approx: counter(q.totalRowsApprox, `${item}.total_rows_approx`),
          };
        }),
      );
    });
    return rows;
  },
});

// ---------------------------------------------------------------- reads

/** Queries running in the newest processes snapshot, longest-running first (then by id), at most `limit`; null before any snapshot. */
export async function latestClickHouseProcesses(
  ctx: KindContext,
  req: { orgId: string; databaseId: string; limit: number },
): Promise<{ ts: number; queries: { query_id: string; user: string; elapsed_ms: number; query_text: string; read_rows: number; read_bytes: number; memory_bytes: number }[] } | null> {
  const snapshot = await latestSnapshot(ctx, CLICKHOUSE_PROCESSES, req);
  if (snapshot === null) return null;
  const rows = await ctx.client.select<Record<string, string | number>>(sql`
    SELECT query_id, user, elapsed_s, query_text, read_rows, read_bytes, memory_bytes
    FROM clickhouse_processes WHERE ${scope(req)} AND ${atSnapshot(ctx, snapshot)} AND present = 1
    ORDER BY elapsed_s DESC, query_id ASC
    LIMIT 1 BY query_id
    LIMIT ${req.limit}`);
  return {
    ts: snapshot.ts,
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
