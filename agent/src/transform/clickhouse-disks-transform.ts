import type { vigil } from '@vigil/proto';
import type { DiskRow } from '../state/clickhouse-disks-state.js';

/** Disks at `tsMs` → the wire record. */
export function disksToWire(disks: readonly DiskRow[], tsMs: number): vigil.v1.IClickHouseDisksSnapshot {
  return {
    tsMs,
    disks: disks.map((d) => ({
      name: d.name,
      path: d.path,
      type: d.type,
      freeBytes: d.freeBytes,
      totalBytes: d.totalBytes,
      unreservedBytes: d.unreservedBytes,
      keepFreeBytes: d.keepFreeBytes,
    })),
  };
}
