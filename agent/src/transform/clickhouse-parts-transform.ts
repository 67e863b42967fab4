import type { vigil } from '@vigil/proto';
import type { DetachedParts, PartitionParts, TableParts } from '../state/clickhouse-parts-state.js';

function partitionToWire(p: PartitionParts): vigil.v1.IClickHousePartition {
  return {
    partitionId: p.partitionId,
    partition: p.partition,
    activeParts: p.activeParts,
    rows: p.rows,
    bytesOnDisk: p.bytesOnDisk,
    dataCompressedBytes: p.dataCompressedBytes,
    dataUncompressedBytes: p.dataUncompressedBytes,
  };
}

/** Parts per table taken at `tsMs` → the wire record; `detached` null where the release cannot list detached parts. */
export function partsToWire(tables: readonly TableParts[], detached: readonly DetachedParts[] | null, tsMs: number): vigil.v1.IClickHousePartsSnapshot {
  return {
    tsMs,
    tables: tables.map((t) => ({
      database: t.database,
      table: t.table,
      partitions: t.partitions,
      activeParts: t.activeParts,
      maxPartsInPartition: t.maxPartsInPartition,
      rows: t.rows,
      bytesOnDisk: t.bytesOnDisk,
      dataCompressedBytes: t.dataCompressedBytes,
      dataUncompressedBytes: t.dataUncompressedBytes,
      partitionStats: t.partitionStats.map(partitionToWire),
    })),
    hasDetached: detached !== null,
    detached: (detached ?? []).map((d) => ({ database: d.database, table: d.table, reason: d.reason, parts: d.parts })),
  };
}
