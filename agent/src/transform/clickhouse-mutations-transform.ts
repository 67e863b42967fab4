import type { vigil } from '@vigil/proto';
import type { MutationRow } from '../state/clickhouse-mutations-state.js';
import { wireFields } from './wire-fields.js';

const mutationFields = wireFields<vigil.v1.IClickHouseMutation>();

/** Mutations not done at `tsMs` → the wire record (texts were made safe by the collector). */
export function mutationsToWire(mutations: readonly MutationRow[], tsMs: number): vigil.v1.IClickHouseMutationsSnapshot {
  return {
    tsMs,
    mutations: mutations.map((m) => mutationFields(m)),
  };
}
