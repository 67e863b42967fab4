import type { SqlFragment } from './clickhouse-sql.js';

/**
 * What the telemetry store needs from a ClickHouse: the three calls below, nothing else. `chdb/`
 * implements it in-process, `clickhouse/` over HTTP; the schema, the SQL and the row mapping are
 * shared above this line, so both backends run the very same statements.
 */
export interface TelemetrySqlClient {
  /** Runs a statement that returns nothing (DDL, INSERT … VALUES). */
  command(statement: SqlFragment): Promise<void>;
  /** Runs a SELECT (without a FORMAT clause) and returns its rows. 64-bit integers may come back as strings. */
  select<T>(query: SqlFragment): Promise<T[]>;
  /** Inserts rows as JSONEachRow; returns once the server has written them. `table` is trusted code, never input. */
  insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void>;
  /**
   * Inserts rows already encoded in RowBinary (row-binary.ts) for `columns`, in that order; like
   * insert otherwise. Optional: a client without it gets JSONEachRow through insert.
   */
  insertRowBinary?(table: string, columns: readonly string[], data: Buffer): Promise<void>;
  close(): Promise<void>;
}
