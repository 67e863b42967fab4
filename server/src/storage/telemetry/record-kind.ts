import type { vigil } from '@vigil/proto';
import type { SchemaState, TelemetryMigration } from './telemetry-ddl.js';
import type { TelemetrySqlClient } from './telemetry-sql-client.js';

/**
 * A record kind (statements, activity, locks, tables, parts, …): its tables, how its
 * wire records become rows, and how they are written. The pipeline adds a kind in one place —
 * a module under kinds/postgres/ or kinds/clickhouse/ listed in that folder's index — and the
 * validator, the ingest queue, migrations, retention and database deletion pick it up from
 * RECORD_KINDS. Reads are plain functions of the kind module taking a KindContext.
 */

/** Where a batch's rows come from: stamped on every row of every kind. */
export interface BatchIdentity {
  readonly org_id: string;
  readonly database_id: string;
  readonly batch_id: string;
  /** Unix ms. */
  readonly window_start: number;
  readonly window_end: number;
}

/** What a kind's insert and read functions run against: one backend's client and the schema it has. */
export interface KindContext {
  readonly client: TelemetrySqlClient;
  readonly schema: SchemaState;
}

export interface RecordKind<Row = unknown> {
  /** Unique, snake_case; also the label in ingest metrics. */
  readonly name: string;
  /**
   * Tables holding this kind. Each has `org_id` and `database_id` columns (database deletion) and is
   * partitioned by day of its time column with toYYYYMMDD (retention drops whole partitions), or
   * is `kept` (no partitions, never dropped by retention).
   */
  readonly tables: readonly TelemetryTable[];
  /** Versioned DDL, in this kind's own version range (see telemetry-ddl.ts). */
  readonly migrations: readonly TelemetryMigration[];
  /**
   * This kind's records in a decoded batch as rows. Throws INGEST_BAD_BATCH naming the first bad
   * field by its wire path (e.g. `pg_activity[0].sessions[3].pid`) so a bad batch is refused whole.
   */
  fromBatch(batch: vigil.v1.IBatch, at: BatchIdentity): Row[];
  /** Writes rows durably (see TelemetryStore.insertStatements); rows from many batches arrive together. */
  insert(ctx: KindContext, rows: readonly Row[]): Promise<void>;
  /**
   * The table a row is written to when that table keeps its batch id, so a resumed write can see it
   * is already there (batch-writes.ts); undefined (or no method) for a row whose table collapses a
   * second copy itself (texts in a ReplacingMergeTree), which is simply written again.
   */
  rowTable?(row: Row): string | undefined;
}

/** A telemetry table and how long its data is kept. */
export interface TelemetryTable {
  readonly name: string;
  /**
   * Which retention setting governs it: raw per-interval data, or a rollup; `kept` for a table
   * without day partitions that retention never drops (statement texts).
   */
  readonly retention: 'raw' | 'hourly' | 'daily' | 'kept';
  /** Its declared columns, [name, role, …] (kinds/kind-table.ts): what the ask views (ask/) describe and select. */
  readonly columns?: readonly (readonly [string, string, ...unknown[]])[];
}

/** A kind's rows within one validated batch. */
export interface KindRows {
  readonly kind: RecordKind;
  readonly rows: readonly unknown[];
}
