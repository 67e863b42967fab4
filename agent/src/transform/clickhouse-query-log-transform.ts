import { vigil } from '@vigil/proto';
import type { QueryGroup, QueryHashSource } from '../state/clickhouse-query-log-state.js';

/** Where a fingerprint came from, as the wire enum. */
export function hashSourceToWire(source: QueryHashSource): vigil.v1.ClickHouseQueryHashSource {
  return source === 'server' ? vigil.v1.ClickHouseQueryHashSource.CLICKHOUSE_QUERY_HASH_SOURCE_SERVER : vigil.v1.ClickHouseQueryHashSource.CLICKHOUSE_QUERY_HASH_SOURCE_AGENT;
}

/** Query-log groups (already per-window figures) → wire records, with the mean the server would otherwise derive. */
export function queryGroupsToWire(groups: readonly QueryGroup[]): vigil.v1.IClickHouseQueryStat[] {
  return groups.map((g) => ({
    minuteStartMs: g.minuteStartMs,
    queryHash: g.queryHash,
    hashSource: hashSourceToWire(g.hashSource),
    queryText: g.queryText,
    calls: g.calls,
    errors: g.errors,
    errorsByCode: Object.entries(g.errorsByCode).map(([code, count]) => ({ code: Number(code), count })),
    totalDurationMs: g.totalDurationMs,
    meanDurationMs: g.calls > 0 ? g.totalDurationMs / g.calls : 0,
    p50DurationMs: g.p50DurationMs,
    p95DurationMs: g.p95DurationMs,
    p99DurationMs: g.p99DurationMs,
    readRows: g.readRows,
    readBytes: g.readBytes,
    writtenRows: g.writtenRows,
    writtenBytes: g.writtenBytes,
    resultRows: g.resultRows,
    peakMemoryBytes: g.peakMemoryBytes,
    totalMemoryBytes: g.totalMemoryBytes,
  }));
}
