import { AGENT_QUERY_MARKER, POSTGRES_VIEW_SINCE } from '@vigil/shared';
import type { CounterReading, WalCounters } from '../../state/postgres-server-state.js';
import type { PgQueryClient } from './pg-query-client.js';
import type { ServerFacts } from './server-facts-collector.js';
import { num } from './pg-values.js';

/** pg_stat_wal exists from PostgreSQL 14; 18 moved its write and sync counters to pg_stat_io. */
const WAL_SQL = (writeSync: boolean): string => `${AGENT_QUERY_MARKER}
SELECT wal_records, wal_fpi, wal_bytes, wal_buffers_full,
       ${writeSync ? 'wal_write, wal_sync, wal_write_time, wal_sync_time' : 'NULL::bigint AS wal_write, NULL::bigint AS wal_sync, NULL::float8 AS wal_write_time, NULL::float8 AS wal_sync_time'},
       (extract(epoch FROM stats_reset) * 1000)::float8 AS stats_reset_ms
  FROM pg_stat_wal`;

export const WAL_VIEW_SINCE = POSTGRES_VIEW_SINCE.pg_stat_wal;
const WRITE_SYNC_UNTIL = 180000;

/** Reads WAL generation counters; null before PostgreSQL 14, which has no pg_stat_wal. */
export async function collectWal(client: PgQueryClient, facts: ServerFacts): Promise<CounterReading<WalCounters> | null> {
  if (facts.versionNum < WAL_VIEW_SINCE) return null;
  const row = (await client.query(WAL_SQL(facts.versionNum < WRITE_SYNC_UNTIL))).rows[0] ?? {};
  return {
    statsResetMs: num(row.stats_reset_ms),
    counters: {
      walRecords: num(row.wal_records),
      walFpi: num(row.wal_fpi),
      walBytes: num(row.wal_bytes),
      walBuffersFull: num(row.wal_buffers_full),
      walWrite: num(row.wal_write),
      walSync: num(row.wal_sync),
      walWriteTimeMs: num(row.wal_write_time),
      walSyncTimeMs: num(row.wal_sync_time),
    },
  };
}
