import type { vigil } from '@vigil/proto';
import type { MutationRow } from '../state/clickhouse-mutations-state.js';

/** Mutations not done at `tsMs` → the wire record (texts were made safe by the collector). */
export function mutationsToWire(mutations: readonly MutationRow[], tsMs: number): vigil.v1.IClickHouseMutationsSnapshot {
  return {
    tsMs,
    mutations: mutations.map((m) => ({
      database: m.database,
      table: m.table,
      mutationId: m.mutationId,
      command: m.command,
      createTimeMs: m.createTimeMs,
      ageS: m.ageS,
      partsToDo: m.partsToDo,
      isKilled: m.isKilled,
      latestFailedPart: m.latestFailedPart,
      latestFailTimeMs: m.latestFailTimeMs,
      latestFailReason: m.latestFailReason,
    })),
  };
}
