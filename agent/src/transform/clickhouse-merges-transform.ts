import type { vigil } from '@vigil/proto';
import type { MergeRow } from '../state/clickhouse-merges-state.js';

/** Merges running at `tsMs` → the wire record. */
export function mergesToWire(merges: readonly MergeRow[], tsMs: number): vigil.v1.IClickHouseMergesSnapshot {
  return {
    tsMs,
    merges: merges.map((m) => ({
      database: m.database,
      table: m.table,
      partitionId: m.partitionId,
      resultPartName: m.resultPartName,
      elapsedS: m.elapsedS,
      progress: m.progress,
      numParts: m.numParts,
      totalSizeBytesCompressed: m.totalSizeBytesCompressed,
      rowsRead: m.rowsRead,
      rowsWritten: m.rowsWritten,
      bytesReadUncompressed: m.bytesReadUncompressed,
      bytesWrittenUncompressed: m.bytesWrittenUncompressed,
      memoryBytes: m.memoryBytes,
      isMutation: m.isMutation,
      mergeType: m.mergeType,
    })),
  };
}
