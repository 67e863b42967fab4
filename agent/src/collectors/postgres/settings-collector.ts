import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { SettingRow } from '../../state/postgres-server-state.js';
import type { PgQueryClient } from './pg-query-client.js';

/**
 * The settings that explain what the other statistics show (memory, connections, checkpoints,
 * autovacuum, timeouts, parallelism, what is tracked). A name a version lacks is simply absent.
 */
export const KEY_SETTINGS = [
  'autovacuum',
  'autovacuum_analyze_scale_factor',
  'autovacuum_analyze_threshold',
  'autovacuum_freeze_max_age',
  'autovacuum_max_workers',
  'autovacuum_multixact_freeze_max_age',
  'autovacuum_naptime',
  'autovacuum_vacuum_cost_delay',
  'autovacuum_vacuum_cost_limit',
  'autovacuum_vacuum_insert_scale_factor',
  'autovacuum_vacuum_insert_threshold',
  'autovacuum_vacuum_scale_factor',
  'autovacuum_vacuum_threshold',
  'autovacuum_work_mem',
  'checkpoint_completion_target',
  'checkpoint_timeout',
  'compute_query_id',
  'default_statistics_target',
  'effective_cache_size',
  'effective_io_concurrency',
  'hot_standby_feedback',
  'huge_pages',
  'idle_in_transaction_session_timeout',
  'jit',
  'lock_timeout',
  'log_min_duration_statement',
  'maintenance_work_mem',
  'max_connections',
  'max_parallel_workers',
  'max_parallel_workers_per_gather',
  'max_replication_slots',
  'max_slot_wal_keep_size',
  'max_wal_senders',
  'max_wal_size',
  'max_worker_processes',
  'min_wal_size',
  'pg_stat_statements.max',
  'pg_stat_statements.track',
  'random_page_cost',
  'reserved_connections',
  'shared_buffers',
  'shared_preload_libraries',
  'statement_timeout',
  'superuser_reserved_connections',
  'synchronous_commit',
  'synchronous_standby_names',
  'temp_buffers',
  'track_activity_query_size',
  'track_io_timing',
  'track_wal_io_timing',
  'vacuum_cost_delay',
  'vacuum_cost_limit',
  'wal_buffers',
  'wal_compression',
  'wal_keep_size',
  'wal_level',
  'work_mem',
] as const;

/** $1 is the list of names. */
const SETTINGS_SQL = `${AGENT_QUERY_MARKER}
SELECT name, setting, unit, source, pending_restart FROM pg_settings WHERE name = ANY ($1::text[]) ORDER BY name`;

/** Reads the key settings as name, value, unit and where the value comes from. */
export async function collectSettings(client: PgQueryClient): Promise<SettingRow[]> {
  const { rows } = await client.query(SETTINGS_SQL, [KEY_SETTINGS]);
  return rows.map((row) => ({
    name: String(row.name),
    setting: String(row.setting),
    unit: typeof row.unit === 'string' ? row.unit : null,
    source: String(row.source),
    pendingRestart: row.pending_restart === true,
  }));
}
