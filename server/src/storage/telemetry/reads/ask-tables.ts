import { RECORD_KINDS } from '../kinds/index.js';
import type { SchemaState } from '../telemetry-ddl.js';
import type { TelemetrySqlClient } from '../telemetry-sql-client.js';
import type { TelemetryStore } from '../telemetry-store.js';

/**
 * The telemetry tables as their record kinds declare them, for the ask views (server/src/ask/):
 * which kind owns each table, its retention class and its typed columns. The read layer is the one
 * seam to storage, so the ask feature learns the tables here rather than from the kind modules.
 */
export interface AskTable {
  readonly name: string;
  readonly kind: string;
  readonly retention: 'raw' | 'hourly' | 'daily' | 'kept';
  /** [name, role] in declaration order; roles are kind-table.ts's (tag, string, time, counter, …, *_array). */
  readonly columns: readonly (readonly [string, string])[];
}

/** Every declared telemetry table with its columns. */
export function askTables(): AskTable[] {
  return RECORD_KINDS.flatMap((kind) =>
    kind.tables
      .filter((table) => table.columns !== undefined)
      .map((table) => ({ name: table.name, kind: kind.name, retention: table.retention, columns: table.columns!.map(([name, role]) => [name, role] as const) })),
  );
}

/** What a guarded ask query runs on: the store's client and schema (time encoding), read-only use only. */
export function askQueryTarget(telemetry: TelemetryStore): { client: TelemetrySqlClient; schema: SchemaState } {
  const ctx = telemetry.kindContext();
  return { client: ctx.client, schema: ctx.schema };
}
