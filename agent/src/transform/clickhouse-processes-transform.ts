import type { vigil } from '@vigil/proto';
import type { RunningQuery } from '../state/clickhouse-processes-state.js';
import { hashSourceToWire } from './clickhouse-query-log-transform.js';

/** Queries running at `tsMs` → the wire record (texts were normalized by the collector). */
export function processesToWire(queries: readonly RunningQuery[], omitted: number, tsMs: number): vigil.v1.IClickHouseProcessesSnapshot {
  return {
    tsMs,
    queries: queries.map((q) => ({
      queryId: q.queryId,
      user: q.user,
      isInitialQuery: q.isInitialQuery,
      queryHash: q.queryHash,
      hashSource: hashSourceToWire(q.hashSource),
      queryText: q.queryText,
      elapsedS: q.elapsedS,
      memoryBytes: q.memoryBytes,
      peakMemoryBytes: q.peakMemoryBytes,
      readRows: q.readRows,
      readBytes: q.readBytes,
      writtenRows: q.writtenRows,
      writtenBytes: q.writtenBytes,
      totalRowsApprox: q.totalRowsApprox,
    })),
    queriesOmitted: omitted,
  };
}
