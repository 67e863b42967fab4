import type { EngineName } from '@vigil/shared';

/**
 * The current telemetry facts of one monitored database: everything the catalogue derives its
 * metrics from, as plain data. The read layer (storage/telemetry/reads) fills it; each field names
 * the kind (and reader) that fills it, and its field names follow that reader's result so the
 * stored rows pass straight in (extra fields are fine: these are structural subsets).
 *
 * `null` means "no snapshot of that kind yet" (or its collector is disabled): the metrics reading it
 * are unavailable, never 0 or healthy. An empty list means the snapshot exists and holds nothing.
 */
export interface MetricInput {
  readonly engine: EngineName;
  /** When the metrics are evaluated, Unix ms (ages such as agent.disconnected_s count from here). */
  readonly now_ms: number;
  /** `databases.server_version` (metadata): "15.4", "18.16.1", … ; null when the agent has not said. */
  readonly server_version: string | null;
  /** `agents.last_seen_at` of the database's agent (metadata), Unix ms; null when never seen. */
  readonly agent_last_seen_ms: number | null;
  /**
   * Collector status codes of the agent's latest heartbeat for this database
   * (`shared/src/collector-statuses.ts`: `system_disks_not_on_release`, `pg_stat_io_unavailable`, …),
   * so a metric can say why its source is missing rather than "no data".
   */
  readonly collector_statuses: readonly string[];
  readonly pg?: PostgresInput | undefined;
  readonly ch?: ClickHouseInput | undefined;
}

// ------------------------------------------------------------------ PostgreSQL

export interface PostgresInput {
  /** latest('pg_activity'): ActivitySnapshot. */
  readonly activity: PgActivityInput | null;
  /** latest('pg_locks'): LockSnapshot. */
  readonly locks: { readonly locks: readonly PgLockInput[] } | null;
  /** latest('pg_database_stats'): one row per database of the server, counters as deltas of the last window. */
  readonly database_stats: { readonly databases: readonly PgDatabaseStatInput[] } | null;
  /** latest('pg_settings'): the key settings (max_connections, autovacuum_freeze_max_age, …). */
  readonly settings: { readonly settings: readonly { readonly name: string; readonly setting: string }[] } | null;
  /**
   * over('pg_tables', last hour, sortBy 'dead_tuples'): the tables with the most dead tuples (the
   * read layer's limit decides how many; 200 covers any ratio that matters).
   */
  readonly tables: readonly PgTableInput[] | null;
  /**
   * The invalid indexes of every database (over('pg_indexes') rows with is_valid false). The
   * reader lists by size; the wiring needs an `invalid` filter like `unused` so none is cut off.
   */
  readonly invalid_indexes: readonly PgIndexInput[] | null;
  /** latestSequences (objects-kind; not yet in kind-readers' registries): most used first. */
  readonly sequences: readonly PgSequenceInput[] | null;
  /** latest('pg_replication'): ReplicationStatus. */
  readonly replication: PgReplicationInput | null;
  /** series('pg_checkpointer', last hour) summed: checkpoints of each kind in that window. */
  readonly checkpoints: { readonly checkpoints_timed: number; readonly checkpoints_requested: number } | null;
}

export interface PgActivityInput {
  readonly ts: number;
  readonly sessions_listed: number;
  readonly sessions_omitted: number;
  readonly sessions: readonly PgSessionInput[];
}

export interface PgSessionInput {
  readonly pid: number;
  readonly datname: string;
  readonly usename: string;
  readonly application_name: string;
  readonly backend_type: string;
  readonly state: string;
  readonly query_duration_ms: number;
  readonly xact_duration_ms: number;
  readonly state_duration_ms: number;
  readonly wait_event_type: string;
  readonly wait_event: string;
  readonly blocking_pids: readonly number[];
  /** Literal-stripped by the agent. */
  readonly query: string;
}

export interface PgLockInput {
  readonly pid: number;
  readonly locktype: string;
  readonly mode: string;
  readonly granted: boolean;
  readonly datname: string;
  readonly relation: string;
  readonly blocking_pids: readonly number[];
  readonly wait_duration_ms: number;
}

export interface PgDatabaseStatInput {
  readonly datname: string;
  readonly numbackends: number;
  readonly xid_age: number;
  readonly blks_hit: number;
  readonly blks_read: number;
  /** False on the first reading after an agent start: counters carry no delta yet. */
  readonly has_deltas: boolean;
}

export interface PgTableInput {
  readonly datname: string;
  readonly schema_name: string;
  readonly table_name: string;
  readonly n_live_tup: number;
  readonly n_dead_tup: number;
  /** Unix ms, 0: never. */
  readonly last_autovacuum_ms: number;
}

export interface PgIndexInput {
  readonly datname: string;
  readonly schema_name: string;
  readonly table_name: string;
  readonly index_name: string;
  readonly is_valid: boolean;
  readonly index_def: string;
}

export interface PgSequenceInput {
  readonly datname: string;
  readonly schema_name: string;
  readonly sequence_name: string;
  readonly owned_by: string;
  /** last_value's share of the range, 0–1. */
  readonly used_fraction: number;
}

export interface PgReplicationInput {
  readonly in_recovery: boolean;
  readonly upstream_host: string;
  readonly receive_lag_bytes: number;
  readonly replay_lag_bytes: number;
  readonly replay_lag_ms: number;
  readonly standbys: readonly { readonly application_name: string; readonly client_addr: string; readonly replay_lag_bytes: number; readonly replay_lag_ms: number }[];
  readonly slots: readonly { readonly slot_name: string; readonly slot_type: string; readonly datname: string; readonly active: boolean; readonly retained_bytes: number }[];
}

// ------------------------------------------------------------------ ClickHouse

export interface ClickHouseInput {
  /** latest('clickhouse_server'): ClickHouseServerReading (gauges). */
  readonly server: ChServerInput | null;
  /** over('clickhouse_server_totals', the last `window_ms`): counter deltas summed; readings = readings with deltas. */
  readonly server_totals: ChServerTotalsInput | null;
  /**
   * The server's memory limit, bytes, from the latest server reading: max_server_memory_usage as
   * applied (23.x on), else 0.9 × the host's RAM (20.x–22.x). Null where the release tells neither
   * (18.x: the agent then reports system_server_settings_not_on_release) or the agent predates it.
   */
  readonly memory_limit_bytes: number | null;
  /** latest('clickhouse_parts') tables, each with its fullest partitions from at('clickhouse_partitions') when read. */
  readonly parts: { readonly tables: readonly ChTablePartsInput[] } | null;
  /** latest('clickhouse_detached_parts'); has_detached false: the release has no system.detached_parts. */
  readonly detached: { readonly has_detached: boolean; readonly tables: readonly ChDetachedInput[] } | null;
  /** latest('clickhouse_merges'). */
  readonly merges: { readonly merges: readonly ChMergeInput[] } | null;
  /** latest('clickhouse_mutations'). */
  readonly mutations: { readonly mutations: readonly ChMutationInput[] } | null;
  /** latest('clickhouse_replicas'): system.replicas (empty without replicated tables). */
  readonly replicas: { readonly replicas: readonly ChReplicaInput[] } | null;
  /** latest('clickhouse_replication_queue'): queue entries grouped by table and type. */
  readonly replication_queue: { readonly groups: readonly ChQueueGroupInput[] } | null;
  /** latest('clickhouse_disks'): null on releases without system.disks (18.16). */
  readonly disks: { readonly disks: readonly ChDiskInput[] } | null;
  /** latest('clickhouse_processes'): running queries. */
  readonly processes: { readonly queries: readonly ChProcessInput[] } | null;
  /** over('clickhouse_queries', last 15 min, sortBy total_time): per fingerprint, for the calls-weighted p99. */
  readonly query_stats: readonly ChQueryStatInput[] | null;
}

export interface ChServerInput {
  readonly uptime_s: number;
  readonly queries_running: number;
  readonly memory_tracking_bytes: number;
  readonly memory_resident_bytes: number;
  readonly readonly_replicas: number;
  readonly max_parts_in_partition: number;
}

export interface ChServerTotalsInput {
  readonly window_ms: number;
  readonly readings: number;
  readonly queries: number;
  readonly failed_queries: number;
  readonly delayed_inserts: number;
  readonly rejected_inserts: number;
}

export interface ChTablePartsInput {
  readonly database: string;
  readonly table: string;
  readonly active_parts: number;
  readonly max_parts_in_partition: number;
  /** The fullest partitions (partition_id, partition expression value, active parts), when read. */
  readonly partitions?: readonly { readonly partition_id: string; readonly partition: string; readonly active_parts: number }[] | undefined;
}

export interface ChDetachedInput {
  readonly database: string;
  readonly table: string;
  readonly detached_parts: number;
  readonly broken_parts: number;
  readonly reasons: readonly { readonly reason: string; readonly parts: number }[];
}

export interface ChMergeInput {
  readonly database: string;
  readonly table: string;
  readonly partition_id: string;
  readonly result_part_name: string;
  readonly elapsed_s: number;
  /** 0–1. */
  readonly progress: number;
  readonly is_mutation: boolean;
}

export interface ChMutationInput {
  readonly database: string;
  readonly table: string;
  readonly mutation_id: string;
  readonly command: string;
  readonly age_s: number;
  readonly parts_to_do: number;
  readonly is_killed: boolean;
  readonly latest_failed_part: string;
  readonly latest_fail_reason: string;
}

export interface ChReplicaInput {
  readonly database: string;
  readonly table: string;
  readonly is_readonly: boolean;
  readonly is_session_expired: boolean;
  readonly absolute_delay_s: number;
  readonly queue_size: number;
}

export interface ChQueueGroupInput {
  readonly database: string;
  readonly table: string;
  readonly type: string;
  readonly entries: number;
  readonly max_num_tries: number;
  readonly last_exception: string;
}

export interface ChDiskInput {
  readonly name: string;
  readonly path: string;
  readonly total_bytes: number;
  readonly free_bytes: number;
  readonly used_bytes: number;
  readonly usage_pct: number | null;
}

export interface ChProcessInput {
  readonly query_id: string;
  readonly user: string;
  readonly elapsed_ms: number;
  readonly query_text: string;
}

export interface ChQueryStatInput {
  readonly query_hash: string;
  readonly query_text: string;
  readonly total_calls: number;
  readonly p99_time_ms: number;
}
