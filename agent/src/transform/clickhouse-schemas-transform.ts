import type { vigil } from '@vigil/proto';
import type { TableSchema } from '../state/clickhouse-schemas-state.js';

/** Table definitions at `tsMs` → the wire record. */
export function tableSchemasToWire(tables: readonly TableSchema[], tsMs: number): vigil.v1.IClickHouseTableSchemasSnapshot {
  return {
    tsMs,
    tables: tables.map((t) => ({ database: t.database, name: t.name, engine: t.engine, partitionKey: t.partitionKey, sortingKey: t.sortingKey, hasTtl: t.hasTtl, columns: t.columns.map((c) => ({ name: c.name, type: c.type, codec: c.codec, distinctEstimate: c.distinct?.estimate ?? 0, sampledRows: c.distinct?.sampledRows ?? 0 })) })),
  };
}
