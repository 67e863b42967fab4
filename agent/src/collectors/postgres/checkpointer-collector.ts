import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { CheckpointerCounters, CounterReading } from '../../state/postgres-server-state.js';
import type { PgQueryClient } from './pg-query-client.js';
import type { ServerFacts } from './server-facts-collector.js';
import { num } from './pg-values.js';

/** Before PostgreSQL 17 one view held both the checkpointer's and the background writer's counters. */
const BGWRITER_SQL = `${AGENT_QUERY_MARKER}
SELECT checkpoints_timed, checkpoints_req AS checkpoints_requested,
       checkpoint_write_time, checkpoint_sync_time, buffers_checkpoint,
       buffers_clean, maxwritten_clean, buffers_alloc, buffers_backend, buffers_backend_fsync,
       NULL::bigint AS restartpoints_timed, NULL::bigint AS restartpoints_requested, NULL::bigint AS restartpoints_done,
       (extract(epoch FROM stats_reset) * 1000)::float8 AS stats_reset_ms
  FROM pg_stat_bgwriter`;

/**
 * PostgreSQL 17 moved the checkpointer's counters to pg_stat_checkpointer and backend writes to
 * pg_stat_io. Either view's reset invalidates the deltas, and a reset is always the latest of
 * the two times, so the later one stands for both.
 */
const CHECKPOINTER_SQL = `${AGENT_QUERY_MARKER}
SELECT c.num_timed AS checkpoints_timed, c.num_requested AS checkpoints_requested,
       c.write_time AS checkpoint_write_time, c.sync_time AS checkpoint_sync_time, c.buffers_written AS buffers_checkpoint,
       b.buffers_clean, b.maxwritten_clean, b.buffers_alloc, NULL::bigint AS buffers_backend, NULL::bigint AS buffers_backend_fsync,
       c.restartpoints_timed, c.restartpoints_req AS restartpoints_requested, c.restartpoints_done,
       (extract(epoch FROM greatest(c.stats_reset, b.stats_reset)) * 1000)::float8 AS stats_reset_ms
  FROM pg_stat_checkpointer c CROSS JOIN pg_stat_bgwriter b`;

const CHECKPOINTER_VIEW_SINCE = 170000;

/** Reads checkpoint and background-writer counters, from whichever views the version has. */
export async function collectCheckpointer(client: PgQueryClient, facts: ServerFacts): Promise<CounterReading<CheckpointerCounters>> {
  const sql = facts.versionNum >= CHECKPOINTER_VIEW_SINCE ? CHECKPOINTER_SQL : BGWRITER_SQL;
  const row = (await client.query(sql)).rows[0] ?? {};
  return {
    statsResetMs: num(row.stats_reset_ms),
    counters: {
      checkpointsTimed: num(row.checkpoints_timed),
      checkpointsRequested: num(row.checkpoints_requested),
      checkpointWriteTimeMs: num(row.checkpoint_write_time),
      checkpointSyncTimeMs: num(row.checkpoint_sync_time),
      buffersCheckpoint: num(row.buffers_checkpoint),
      buffersClean: num(row.buffers_clean),
      maxwrittenClean: num(row.maxwritten_clean),
      buffersAlloc: num(row.buffers_alloc),
      buffersBackend: num(row.buffers_backend),
      buffersBackendFsync: num(row.buffers_backend_fsync),
      restartpointsTimed: num(row.restartpoints_timed),
      restartpointsRequested: num(row.restartpoints_requested),
      restartpointsDone: num(row.restartpoints_done),
    },
  };
}
