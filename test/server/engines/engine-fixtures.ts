import type { MetricInput, PgSessionInput } from '../../../server/src/engines/catalogue/index.js';

/** Plain, realistic telemetry of one PostgreSQL and one ClickHouse database, healthy unless a test changes it. */

export const NOW = Date.UTC(2025, 4, 1, 12, 0, 0);
const MB = 1024 * 1024;

export function session(over: Partial<PgSessionInput> & { pid: number }): PgSessionInput {
  return {
    datname: 'shop',
    usename: 'app',
    application_name: 'api',
    backend_type: 'client backend',
    state: 'active',
    query_duration_ms: 200,
    xact_duration_ms: 200,
    state_duration_ms: 200,
    wait_event_type: '',
    wait_event: '',
    blocking_pids: [],
    query: 'SELECT * FROM orders WHERE id = $1',
    ...over,
  };
}

export function pgInput(over: Partial<NonNullable<MetricInput['pg']>> = {}, top: Partial<MetricInput> = {}): MetricInput {
  return {
    engine: 'postgres',
    now_ms: NOW,
    server_version: '15.4',
    agent_last_seen_ms: NOW - 10_000,
    collector_statuses: [],
    pg: {
      activity: { ts: NOW, sessions_listed: 3, sessions_omitted: 0, sessions: [session({ pid: 101 }), session({ pid: 102, state: 'idle' }), session({ pid: 103, state: 'idle' })] },
      locks: { locks: [] },
      database_stats: {
        databases: [
          { datname: 'shop', numbackends: 30, xid_age: 200_000_000, blks_hit: 999_500, blks_read: 500, has_deltas: true },
          { datname: 'postgres', numbackends: 2, xid_age: 100_000_000, blks_hit: 1000, blks_read: 0, has_deltas: true },
        ],
      },
      settings: { settings: [{ name: 'max_connections', setting: '100' }, { name: 'autovacuum_freeze_max_age', setting: '200000000' }] },
      tables: [{ datname: 'shop', schema_name: 'public', table_name: 'orders', n_live_tup: 1_000_000, n_dead_tup: 20_000, last_autovacuum_ms: NOW - 3_600_000 }],
      invalid_indexes: [],
      sequences: [{ datname: 'shop', schema_name: 'public', sequence_name: 'orders_id_seq', owned_by: 'public.orders.id', used_fraction: 0.1 }],
      replication: {
        in_recovery: false,
        upstream_host: '',
        receive_lag_bytes: 0,
        replay_lag_bytes: 0,
        replay_lag_ms: 0,
        standbys: [{ application_name: 'replica1', client_addr: '10.0.0.2', replay_lag_bytes: 1 * MB, replay_lag_ms: 300 }],
        slots: [{ slot_name: 'replica1', slot_type: 'physical', datname: '', active: true, retained_bytes: 1 * MB }],
      },
      checkpoints: { checkpoints_timed: 12, checkpoints_requested: 1 },
      ...over,
    },
    ...top,
  };
}

export function chInput(over: Partial<NonNullable<MetricInput['ch']>> = {}, top: Partial<MetricInput> = {}): MetricInput {
  return {
    engine: 'clickhouse',
    now_ms: NOW,
    server_version: '24.3.2.23',
    agent_last_seen_ms: NOW - 5_000,
    collector_statuses: [],
    ch: {
      server: { uptime_s: 86_400, queries_running: 3, memory_tracking_bytes: 4 * 2 ** 30, memory_resident_bytes: 5 * 2 ** 30, readonly_replicas: 0, max_parts_in_partition: 12 },
      server_totals: { window_ms: 300_000, readings: 5, queries: 6000, failed_queries: 2, delayed_inserts: 0, rejected_inserts: 0 },
      memory_limit_bytes: 16 * 2 ** 30,
      parts: {
        tables: [
          { database: 'analytics', table: 'events', active_parts: 80, max_parts_in_partition: 12, partitions: [{ partition_id: '202405', partition: '202405', active_parts: 12 }] },
          { database: 'analytics', table: 'sessions', active_parts: 20, max_parts_in_partition: 6 },
        ],
      },
      detached: { has_detached: true, tables: [] },
      merges: { merges: [{ database: 'analytics', table: 'events', partition_id: '202405', result_part_name: '202405_1_80_3', elapsed_s: 12, progress: 0.4, is_mutation: false }] },
      mutations: { mutations: [] },
      replicas: { replicas: [{ database: 'analytics', table: 'events', is_readonly: false, is_session_expired: false, absolute_delay_s: 0, queue_size: 2 }] },
      replication_queue: { groups: [{ database: 'analytics', table: 'events', type: 'GET_PART', entries: 2, max_num_tries: 1, last_exception: '' }] },
      disks: { disks: [{ name: 'default', path: '/var/lib/clickhouse/', total_bytes: 1000 * 2 ** 30, free_bytes: 600 * 2 ** 30, used_bytes: 400 * 2 ** 30, usage_pct: 40 }] },
      processes: { queries: [{ query_id: 'q-1', user: 'default', elapsed_ms: 1500, query_text: 'SELECT count() FROM analytics.events' }] },
      query_stats: [
        { query_hash: 'a1', query_text: 'SELECT count() FROM analytics.events WHERE day = ?', total_calls: 900, p99_time_ms: 120 },
        { query_hash: 'b2', query_text: 'SELECT * FROM analytics.sessions ORDER BY ts DESC LIMIT ?', total_calls: 100, p99_time_ms: 900 },
      ],
      ...over,
    },
    ...top,
  };
}
