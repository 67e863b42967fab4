import type { vigil } from '@vigil/proto';
import type { DiffedErrors } from '../state/clickhouse-errors-state.js';

/** Errors raised within a window → the wire record. */
export function errorsToWire(d: DiffedErrors): vigil.v1.IClickHouseErrorsSnapshot {
  return {
    tsMs: d.collectedAtMs,
    windowStartMs: d.windowStartMs,
    errors: d.errors.map((e) => ({
      name: e.name,
      code: e.code,
      remote: e.remote,
      count: e.count,
      lastErrorTimeMs: e.lastErrorTimeMs,
      lastErrorMessage: e.lastErrorMessage,
    })),
  };
}
