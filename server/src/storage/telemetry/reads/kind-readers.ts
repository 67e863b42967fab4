import type { KindContext } from '../record-kind.js';
import { latestClickHouseDisks, latestClickHouseDisksMany } from '../kinds/clickhouse/disks-kind.js';
import { clickHouseErrorsPanel } from '../kinds/clickhouse/errors-kind.js';
import { clickHouseMergesSeries, latestClickHouseMerges, latestClickHouseMergesMany } from '../kinds/clickhouse/merges-kind.js';
import { clickHouseMutationsByDatabase, latestClickHouseMutations, latestClickHouseMutationsMany } from '../kinds/clickhouse/mutations-kind.js';
import { clickHousePartitions, clickHousePartitionsMany, latestClickHouseParts, latestClickHousePartsMany, latestDetachedParts, latestDetachedPartsMany, partSizeClasses, type PartsOrder } from '../kinds/clickhouse/parts-kind.js';
import { latestClickHouseProcesses, latestClickHouseProcessesMany } from '../kinds/clickhouse/processes-kind.js';
import { clickHouseQuerySeen, clickHouseQuerySummary, clickHouseQueryTimeseries, failedClickHouseQueries, topClickHouseQueries, topClickHouseQueriesMany, type ClickHouseQuerySort } from '../kinds/clickhouse/queries-kind.js';
import { latestClickHouseReplicas, latestClickHouseReplicasMany, latestReplicationQueue, latestReplicationQueueMany, replicationLagSeries } from '../kinds/clickhouse/replication-kind.js';
import { clickHouseServerTotals, clickHouseServerTotalsMany, latestClickHouseServer, latestClickHouseServerMany } from '../kinds/clickhouse/server-kind.js';
import { latestTableSchemas } from '../kinds/clickhouse/table-schemas-kind.js';
import { explainPlans } from '../kinds/explain-plans-kind.js';
import { healthScoreIn, healthScoreInMany, healthScoreSeries, healthScoreSeriesMany, metricValueSeries } from '../kinds/health-scores-kind.js';
import { latestActivity, latestActivityMany, sessionsNear } from '../kinds/postgres/activity-kind.js';
import { latestLocks, latestLocksMany } from '../kinds/postgres/locks-kind.js';
import { findIndexes, findTables, indexHistory, INDEX_SORTS, latestSequences, latestSequencesMany, latestStatsResets, listIndexes, listIndexesMany, listTables, listTablesMany, tableHistory, TABLE_SORTS } from '../kinds/postgres/objects-kind.js';
import { lagHistory, latestReplication, latestReplicationMany, slotHistory } from '../kinds/postgres/replication-kind.js';
import { checkpointerSeries, checkpointerSeriesMany, ioSeries, latestDatabaseStats, latestDatabaseStatsMany, latestIo, latestSettings, latestSettingsMany, latestWal, walSeries } from '../kinds/postgres/server-kind.js';
import { waitBuckets } from '../kinds/postgres/wait-events-kind.js';
import { slowStatements, statementDetail } from '../kinds/statements/statements-kind.js';

/**
 * The registries behind TelemetryReads: for each name (the record kind, or the view of it when a
 * kind has several), the kind module's read function adapted to one shape per way of asking.
 * This file is the only place outside storage that knows which kind module holds which read; a new
 * read is one entry here, and its result type reaches every caller from the entry.
 */

/** One database of one organization: every read is scoped by both. */
export interface DatabaseRef {
  readonly orgId: string;
  readonly databaseId: string;
}

/** [since, until) in Unix ms. */
export interface TimeRange {
  readonly since: number;
  readonly until: number;
}

/** What the agents cap a snapshot at: a default limit reads the whole snapshot. */
const SESSIONS_CAP = 500;
const LOCKS_CAP = 1000;
const PEERS_CAP = 500;
const CLICKHOUSE_CAP = 1000;

type ObjectKey = Parameters<typeof findTables>[2];

/** The newest snapshot of a kind: null before the first. Every option has a default, so `snapshot()` can read any of them. */
export const LATEST = {
  pg_activity: (ctx: KindContext, at: DatabaseRef, o: { limit?: number } = {}) => latestActivity(ctx, { ...at, limit: o.limit ?? SESSIONS_CAP }),
  pg_locks: (ctx: KindContext, at: DatabaseRef, o: { limit?: number } = {}) => latestLocks(ctx, { ...at, limit: o.limit ?? LOCKS_CAP }),
  pg_replication: (ctx: KindContext, at: DatabaseRef, o: { limit?: number } = {}) => latestReplication(ctx, { ...at, limit: o.limit ?? PEERS_CAP }),
  pg_database_stats: (ctx: KindContext, at: DatabaseRef) => latestDatabaseStats(ctx, at),
  pg_wal: (ctx: KindContext, at: DatabaseRef) => latestWal(ctx, at),
  pg_io: (ctx: KindContext, at: DatabaseRef) => latestIo(ctx, at),
  pg_settings: (ctx: KindContext, at: DatabaseRef) => latestSettings(ctx, at),
  clickhouse_processes: (ctx: KindContext, at: DatabaseRef, o: { limit?: number } = {}) => latestClickHouseProcesses(ctx, { ...at, limit: o.limit ?? CLICKHOUSE_CAP }),
  clickhouse_merges: (ctx: KindContext, at: DatabaseRef, o: { limit?: number } = {}) => latestClickHouseMerges(ctx, { ...at, limit: o.limit ?? CLICKHOUSE_CAP }),
  clickhouse_mutations: (ctx: KindContext, at: DatabaseRef, o: { limit?: number } = {}) => latestClickHouseMutations(ctx, { ...at, limit: o.limit ?? CLICKHOUSE_CAP }),
  /** Per database of the server: mutations, parts remaining and stuck ones (empty before the first snapshot). */
  clickhouse_mutations_by_database: (ctx: KindContext, at: DatabaseRef) => clickHouseMutationsByDatabase(ctx, at),
  clickhouse_parts: (ctx: KindContext, at: DatabaseRef, o: { limit?: number; order?: PartsOrder } = {}) =>
    latestClickHouseParts(ctx, { ...at, limit: o.limit ?? CLICKHOUSE_CAP, order: o.order ?? 'parts' }),
  clickhouse_detached_parts: (ctx: KindContext, at: DatabaseRef, o: { limit?: number } = {}) => latestDetachedParts(ctx, { ...at, limit: o.limit ?? CLICKHOUSE_CAP }),
  clickhouse_replicas: (ctx: KindContext, at: DatabaseRef, o: { limit?: number } = {}) => latestClickHouseReplicas(ctx, { ...at, limit: o.limit ?? CLICKHOUSE_CAP }),
  clickhouse_replication_queue: (ctx: KindContext, at: DatabaseRef, o: { limit?: number } = {}) => latestReplicationQueue(ctx, { ...at, limit: o.limit ?? CLICKHOUSE_CAP }),
  clickhouse_disks: (ctx: KindContext, at: DatabaseRef, o: { limit?: number } = {}) => latestClickHouseDisks(ctx, { ...at, limit: o.limit ?? CLICKHOUSE_CAP }),
  clickhouse_server: (ctx: KindContext, at: DatabaseRef) => latestClickHouseServer(ctx, at),
  /** MergeTree table definitions (engine, keys, TTL, column types and codecs), hourly. */
  clickhouse_table_schemas: (ctx: KindContext, at: DatabaseRef, o: { limit?: number } = {}) => latestTableSchemas(ctx, { ...at, limit: o.limit ?? 10_000 }),
};

/** A series over a range in buckets of `bucketMs`, oldest first. */
export type SeriesScope = DatabaseRef & TimeRange & { readonly bucketMs: number };

export const SERIES = {
  pg_checkpointer: (ctx: KindContext, at: SeriesScope) => checkpointerSeries(ctx, at),
  pg_wal: (ctx: KindContext, at: SeriesScope) => walSeries(ctx, at),
  pg_io: (ctx: KindContext, at: SeriesScope, o: { limit: number }) => ioSeries(ctx, { ...at, ...o }),
  pg_wait_events: (ctx: KindContext, at: SeriesScope, o: { limit: number }) => waitBuckets(ctx, { ...at, ...o }),
  pg_replication_lag: (ctx: KindContext, at: SeriesScope) => lagHistory(ctx, at),
  pg_replication_slots: (ctx: KindContext, at: SeriesScope, o: { limit: number }) => slotHistory(ctx, { ...at, ...o }),
  pg_table: (ctx: KindContext, at: SeriesScope, key: ObjectKey & { readonly datname: string }) => tableHistory(ctx, at, key),
  pg_index: (ctx: KindContext, at: SeriesScope, key: ObjectKey & { readonly datname: string }) => indexHistory(ctx, at, key),
  clickhouse_merges: (ctx: KindContext, at: SeriesScope) => clickHouseMergesSeries(ctx, at),
  clickhouse_replication_lag: (ctx: KindContext, at: SeriesScope, o: { limit: number }) => replicationLagSeries(ctx, { ...at, ...o }),
  /** Error counts per bucket, and the errors of the range, most frequent first. */
  clickhouse_errors: (ctx: KindContext, at: SeriesScope, o: { limit: number }) => clickHouseErrorsPanel(ctx, { ...at, ...o }),
  /** One statement: its text, totals over the range, per-bucket sums, and when it ran first and last in everything stored; undefined when never seen. */
  pg_statement: (ctx: KindContext, at: SeriesScope, o: { queryHash: string }) => statementDetail(ctx, { ...at, queryHash: o.queryHash, bucketSeconds: at.bucketMs / 1000 }),
  /** One fingerprint's per-bucket figures (a 400 when the range holds too many buckets). */
  clickhouse_query: (ctx: KindContext, at: SeriesScope, o: { queryHash: string }) => clickHouseQueryTimeseries(ctx, { ...at, queryHash: o.queryHash, bucketSeconds: at.bucketMs / 1000 }),
  /** Stored health scores per bucket (mean, lowest, newest), buckets without an evaluation left out. */
  health_scores: (ctx: KindContext, at: SeriesScope) => healthScoreSeries(ctx, at),
  /** One catalogue metric's value as each health evaluation derived it, the newest per bucket (an alert's metric_history). */
  metric_values: (ctx: KindContext, at: SeriesScope, o: { metricKey: string }) => metricValueSeries(ctx, { ...at, ...o }),
};

/** Aggregates over a range: lists ranked over it, totals of counters, objects looked up in it. */
export type RangeScope = DatabaseRef & TimeRange;

export const OVER = {
  pg_tables: (ctx: KindContext, at: RangeScope, o: { sortBy: (typeof TABLE_SORTS)[number]; limit: number }) => listTables(ctx, { ...at, ...o }),
  pg_indexes: (ctx: KindContext, at: RangeScope, o: { sortBy: (typeof INDEX_SORTS)[number]; limit: number; unused?: { readonly minBytes: number }; invalid?: boolean }) => listIndexes(ctx, { ...at, ...o }),
  /** The current tables of that name (one per database of the server that has it). */
  pg_table: (ctx: KindContext, at: RangeScope, key: ObjectKey) => findTables(ctx, at, key),
  pg_index: (ctx: KindContext, at: RangeScope, key: ObjectKey) => findIndexes(ctx, at, key),
  /** Sequences as of each database's latest reading in the range, most used first. */
  pg_sequences: (ctx: KindContext, at: RangeScope, o: { limit: number }) => latestSequences(ctx, { ...at, ...o }),
  /** pg_stat_database.stats_reset per database of the server, as of its latest reading in the range (0: never reset, or unknown). */
  pg_stats_resets: (ctx: KindContext, at: RangeScope) => latestStatsResets(ctx, at),
  clickhouse_queries: (ctx: KindContext, at: RangeScope, o: { limit: number; offset?: number; textContains?: string; sortBy: ClickHouseQuerySort }) =>
    topClickHouseQueries(ctx, { ...at, ...o }),
  clickhouse_failed_queries: (ctx: KindContext, at: RangeScope, o: { limit: number; topQueries: number }) => failedClickHouseQueries(ctx, { ...at, ...o }),
  clickhouse_server_totals: (ctx: KindContext, at: RangeScope) => clickHouseServerTotals(ctx, at),
  /** The statements with the highest mean time, with their worst interval's mean. */
  pg_slow_statements: (ctx: KindContext, at: RangeScope, o: { limit: number }) => slowStatements(ctx, { ...at, ...o }),
  /** One fingerprint's totals over the range; null when it did not run in it. */
  clickhouse_query: (ctx: KindContext, at: RangeScope, o: { queryHash: string }) => clickHouseQuerySummary(ctx, { ...at, ...o }),
  /** When one fingerprint ran first and last over all stored data (the range is not applied); null when never. */
  clickhouse_query_seen: (ctx: KindContext, at: RangeScope, o: { queryHash: string }) => clickHouseQuerySeen(ctx, { orgId: at.orgId, databaseId: at.databaseId, ...o }),
  /** Stored plans of one statement, newest first, each with its summary. */
  explain_plans: (ctx: KindContext, at: RangeScope, o: { queryHash: string; limit: number }) => explainPlans(ctx, { ...at, ...o }),
  /** The newest stored health score in the range; null when none. */
  health_score: (ctx: KindContext, at: RangeScope) => healthScoreIn(ctx, at),
};

/** Details of one snapshot, at (or near) the `ts` a latest read returned. */
export type AtScope = DatabaseRef & { readonly ts: number };

export const AT = {
  /** Sessions of the activity snapshot within `toleranceMs` of ts, by pid. */
  pg_activity: (ctx: KindContext, at: AtScope, o: { toleranceMs: number; pids: readonly number[] }) => sessionsNear(ctx, { ...at, ...o }),
  /** The fullest partitions of each table, at most `perTable`, keyed by partsTableKey. */
  clickhouse_partitions: (ctx: KindContext, at: AtScope, o: { tables: readonly { database: string; table: string }[]; perTable: number }) =>
    clickHousePartitions(ctx, { ...at, ...o }),
  clickhouse_part_sizes: (ctx: KindContext, at: AtScope) => partSizeClasses(ctx, at),
};

// ------------------------------------------------------------ many databases at once

/**
 * Batch forms (issue 11's evaluation tick): the same reads for many databases in one query per
 * table, keyed by database id. A database with nothing to return is absent (its single read would
 * return null or an empty list). Only the reads an evaluation needs have one.
 */
export const LATEST_MANY_READERS = {
  pg_activity: (ctx: KindContext, dbs: readonly DatabaseRef[]) => latestActivityMany(ctx, dbs, SESSIONS_CAP),
  pg_locks: (ctx: KindContext, dbs: readonly DatabaseRef[]) => latestLocksMany(ctx, dbs, LOCKS_CAP),
  pg_replication: (ctx: KindContext, dbs: readonly DatabaseRef[]) => latestReplicationMany(ctx, dbs, PEERS_CAP),
  pg_database_stats: (ctx: KindContext, dbs: readonly DatabaseRef[]) => latestDatabaseStatsMany(ctx, dbs),
  pg_settings: (ctx: KindContext, dbs: readonly DatabaseRef[]) => latestSettingsMany(ctx, dbs),
  clickhouse_processes: (ctx: KindContext, dbs: readonly DatabaseRef[]) => latestClickHouseProcessesMany(ctx, dbs, CLICKHOUSE_CAP),
  clickhouse_merges: (ctx: KindContext, dbs: readonly DatabaseRef[]) => latestClickHouseMergesMany(ctx, dbs, CLICKHOUSE_CAP),
  clickhouse_mutations: (ctx: KindContext, dbs: readonly DatabaseRef[]) => latestClickHouseMutationsMany(ctx, dbs, CLICKHOUSE_CAP),
  clickhouse_parts: (ctx: KindContext, dbs: readonly DatabaseRef[]) => latestClickHousePartsMany(ctx, dbs, { limit: CLICKHOUSE_CAP, order: 'parts' }),
  clickhouse_detached_parts: (ctx: KindContext, dbs: readonly DatabaseRef[]) => latestDetachedPartsMany(ctx, dbs, CLICKHOUSE_CAP),
  clickhouse_replicas: (ctx: KindContext, dbs: readonly DatabaseRef[]) => latestClickHouseReplicasMany(ctx, dbs, CLICKHOUSE_CAP),
  clickhouse_replication_queue: (ctx: KindContext, dbs: readonly DatabaseRef[]) => latestReplicationQueueMany(ctx, dbs, CLICKHOUSE_CAP),
  clickhouse_disks: (ctx: KindContext, dbs: readonly DatabaseRef[]) => latestClickHouseDisksMany(ctx, dbs, CLICKHOUSE_CAP),
  clickhouse_server: (ctx: KindContext, dbs: readonly DatabaseRef[]) => latestClickHouseServerMany(ctx, dbs),
};

/** `OVER` for many databases over one range. */
export const OVER_MANY = {
  pg_tables: (ctx: KindContext, dbs: readonly DatabaseRef[], range: TimeRange, o: { sortBy: (typeof TABLE_SORTS)[number]; limit: number }) => listTablesMany(ctx, dbs, { ...range, ...o }),
  pg_indexes: (ctx: KindContext, dbs: readonly DatabaseRef[], range: TimeRange, o: { sortBy: (typeof INDEX_SORTS)[number]; limit: number; unused?: { readonly minBytes: number }; invalid?: boolean }) =>
    listIndexesMany(ctx, dbs, { ...range, ...o }),
  pg_sequences: (ctx: KindContext, dbs: readonly DatabaseRef[], range: TimeRange, o: { limit: number }) => latestSequencesMany(ctx, dbs, { ...range, ...o }),
  clickhouse_queries: (ctx: KindContext, dbs: readonly DatabaseRef[], range: TimeRange, o: { limit: number; sortBy: ClickHouseQuerySort }) => topClickHouseQueriesMany(ctx, dbs, { ...range, ...o }),
  /** Every database asked for has an entry (zero totals when it sent no reading). */
  clickhouse_server_totals: (ctx: KindContext, dbs: readonly DatabaseRef[], range: TimeRange) => clickHouseServerTotalsMany(ctx, dbs, range),
  health_score: (ctx: KindContext, dbs: readonly DatabaseRef[], range: TimeRange) => healthScoreInMany(ctx, dbs, range),
};

/** `SERIES` for many databases over one range. */
export const SERIES_MANY = {
  pg_checkpointer: (ctx: KindContext, dbs: readonly DatabaseRef[], range: TimeRange & { readonly bucketMs: number }) => checkpointerSeriesMany(ctx, dbs, range),
  /** Stored health scores per bucket for each database (the overview's sparklines). */
  health_scores: (ctx: KindContext, dbs: readonly DatabaseRef[], range: TimeRange & { readonly bucketMs: number }) => healthScoreSeriesMany(ctx, dbs, range),
};

/** `AT` for many databases, each at its own snapshot. */
export const AT_MANY = {
  /** Every database asked for has an entry. */
  clickhouse_partitions: (ctx: KindContext, ats: readonly (AtScope & { readonly tables: readonly { database: string; table: string }[] })[], o: { perTable: number }) =>
    clickHousePartitionsMany(ctx, ats, o.perTable),
};
