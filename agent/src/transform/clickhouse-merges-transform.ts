import type { vigil } from '@vigil/proto';
import type { MergeRow } from '../state/clickhouse-merges-state.js';
import { wireFields } from './wire-fields.js';

const mergeFields = wireFields<vigil.v1.IClickHouseMerge>();

/** Merges running at `tsMs` → the wire record. */
export function mergesToWire(merges: readonly MergeRow[], tsMs: number): vigil.v1.IClickHouseMergesSnapshot {
  return {
    tsMs,
    merges: merges.map((m) => mergeFields(m)),
  };
}
