/**
 * Telemetry storage: every time series the agents send, in ClickHouse SQL. One interface,
 * one implementation per backend folder (chdb/ embedded now, clickhouse/ server next).
 */

/** One statement's counters over one batch window, as stored. */
export interface StatementRow {
  readonly org_id: string;
  readonly database_id: string;
  readonly batch_id: string;
  /** Window end, Unix ms: the row's point in time. */
  readonly ts: number;
  readonly window_start: number;
  readonly query_hash: string;
  readonly query_text: string;
  readonly dbid: number;
  readonly userid: number;
  readonly username: string;
  readonly toplevel: boolean;
  readonly calls: number;
  readonly total_time_ms: number;
  readonly rows: number;
  readonly shared_blks_hit: number;
  readonly shared_blks_read: number;
  readonly shared_blks_dirtied: number;
  readonly shared_blks_written: number;
  readonly temp_blks_read: number;
  readonly temp_blks_written: number;
  readonly blk_read_time_ms: number;
  readonly blk_write_time_ms: number;
  readonly total_plan_time_ms: number;
}

export const QUERY_SORTS = ['total_time', 'calls', 'mean_time', 'rows'] as const;
export type QuerySort = (typeof QUERY_SORTS)[number];

export interface TopQueriesRequest {
  readonly orgId: string;
  readonly databaseId: string;
  /** Unix ms, inclusive. */
  readonly since: number;
  /** Unix ms, exclusive. */
  readonly until: number;
  readonly limit: number;
  readonly sortBy: QuerySort;
}

/** A statement aggregated over a time range (Basira's /queries fields). */
export interface QueryStat {
  readonly query_hash: string;
  readonly query_text: string;
  readonly total_calls: number;
  readonly total_time_ms: number;
  readonly mean_time_ms: number;
  readonly total_rows: number;
  readonly shared_blks_hit: number;
  readonly shared_blks_read: number;
  /** hit / (hit + read); null when the statement touched no shared blocks. */
  readonly cache_hit_ratio: number | null;
}

export interface TelemetryStore {
  /** Creates or upgrades the schema; safe on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Writes rows durably: when this resolves, the rows survive a crash. */
  insertStatements(rows: readonly StatementRow[]): Promise<void>;
  topQueries(request: TopQueriesRequest): Promise<QueryStat[]>;
}
