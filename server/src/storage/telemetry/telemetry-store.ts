import type { StatementRow, StatementTextRow } from './kinds/statements/statements-tables.js';
import type { KindContext, RecordKind } from './record-kind.js';

/**
 * Telemetry storage: every time series the agents send, in ClickHouse SQL. One interface, one
 * implementation (sql-telemetry-store.ts) over one client per backend folder: chdb/ (embedded,
 * in-process) and clickhouse/ (a server over HTTP, CLICKHOUSE_URL).
 */

// Declared with the statements kind from its column lists; the store's interface and its importers use them from here.
export type { StatementRow, StatementTextRow } from './kinds/statements/statements-tables.js';

/** Days each retention class keeps (ClusterSight's retention_raw_days, retention_hourly_days, retention_daily_days). */
export interface RetentionPolicy {
  readonly rawDays: number;
  readonly hourlyDays: number;
  readonly dailyDays: number;
}

/** A day partition that retention removed. */
export interface DroppedPartition {
  readonly table: string;
  /** The partition's day, YYYYMMDD (UTC). */
  readonly partition: string;
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
  /** Rows of the ranking to skip (paging); default 0. */
  readonly offset?: number;
  /** Only statements whose normalized text contains this, ignoring case. */
  readonly textContains?: string;
  /** Only calls made in this PostgreSQL database (datname). With `username`, read from raw rows only. */
  readonly datname?: string;
  /** Only calls made by this role. With `datname`, read from raw rows only. */
  readonly username?: string;
  readonly sortBy: QuerySort;
  /**
   * The range ends at the present (`until` is now or later): no row is newer, save one an agent
   * stamped ahead of this server's clock, so the newest day and hour are read whole from the rollups
   * (a 7-day ranking: a third less CPU than reading today's hours and minutes as edges).
   */
  readonly endsNow?: boolean;
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

/** What /queries?group_by= breaks statement calls down by: the PostgreSQL database or the role. */
export const QUERY_GROUPINGS = ['database', 'user'] as const;
export type QueryGrouping = (typeof QUERY_GROUPINGS)[number];

export interface QueryGroupsRequest extends Omit<TopQueriesRequest, 'now'> {
  readonly groupBy: QueryGrouping;
}

/** Calls of every statement (within the request's filters) summed per database or per role. */
export interface QueryGroup extends Omit<QueryStat, 'query_hash' | 'query_text'> {
  /** The database name or role; '' when the agent did not report it (rows stored before datname was). */
  readonly key: string;
  /** Distinct statements in the group. */
  readonly statements: number;
}

/** Which server the store talks to and what its schema is, for diagnostics and the contract tests. */
export interface TelemetrySchemaStatus {
  /** ClickHouse's version(), e.g. "18.16.1" for Debian's server or "26.7.2.1" for chDB. */
  readonly serverVersion: string;
  /** Applied schema migrations, ascending. */
  readonly migrations: readonly number[];
  /** Newer-server features the schema uses here (DateTime64, LowCardinality, codecs, fsync_after_insert). */
  readonly features: readonly string[];
}

export interface TelemetryStore {
  /** Creates or upgrades the schema (versioned migrations); safe on every start and from several processes. */
  migrate(): Promise<void>;
  /** The schema as migrate() left it; throws before migrate(). */
  schemaStatus(): Promise<TelemetrySchemaStatus>;
  close(): Promise<void>;
  /** A cheap round trip proving the store answers (readiness checks). */
  ping(): Promise<void>;
  /**
   * Writes rows durably: when this resolves, the rows survive a crash (on servers without the
   * fsync_after_insert setting, such as Debian's 18.16, a process crash but not a power loss).
   */
  insertStatements(rows: readonly StatementRow[]): Promise<void>;
  /** Stores statement texts (durably, like insertStatements); the newest text of a statement wins. */
  insertStatementTexts(texts: readonly StatementTextRow[]): Promise<void>;
  /**
   * Statements aggregated over [since, until). Ranges reaching up to 2 days back read raw rows; up to
   * 30 days, whole hours from the hourly rollup; beyond, whole days from the daily one. A range's
   * partial buckets at either end are read from the next finer table, so the sums are exact wherever
   * that finer data is still retained. A `datname` or `username` filter reads raw rows over the
   * whole range (the rollups are keyed by statement alone): callers bound such ranges by raw retention.
   */
  topQueries(request: TopQueriesRequest): Promise<QueryStat[]>;
  /** topQueries' sums per database or role instead of per statement, ranked the same way; always from raw rows. */
  queryGroups(request: QueryGroupsRequest): Promise<QueryGroup[]>;
  /** Writes one record kind's rows (from one or many batches), durably like insertStatements. */
  insertRecords<Row>(kind: RecordKind<Row>, rows: readonly Row[]): Promise<void>;
  /** What record kinds' read functions run against; throws before migrate(). */
  kindContext(): KindContext;
  /** Removes every row of one database (statements and every record kind); runs in the background on the server. */
  deleteDatabase(orgId: string, databaseId: string): Promise<void>;
  /**
   * Retention: drops every day partition lying wholly before `now` minus its table's retention
   * (statement tables and every record kind's, by retention class). Never deletes rows one by one.
   */
  dropExpiredPartitions(policy: RetentionPolicy, now?: number): Promise<DroppedPartition[]>;
}
