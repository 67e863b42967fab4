import { AGENT_QUERY_MARKER, POSTGRES_VIEW_SINCE } from '@vigil/shared';
import type { IoRow } from '../../state/postgres-server-state.js';
import type { PgQueryClient } from './pg-query-client.js';
import type { ServerFacts } from './server-facts-collector.js';
import { num } from './pg-values.js';

/** pg_stat_io exists from PostgreSQL 16; 18 replaced op_bytes with per-operation byte counts. */
const IO_SQL = (opBytes: string): string => `${AGENT_QUERY_MARKER}
SELECT backend_type, object, context, reads, read_time, writes, write_time, writebacks, writeback_time,
       extends, extend_time, ${opBytes} AS op_bytes, hits, evictions, reuses, fsyncs, fsync_time,
       (extract(epoch FROM stats_reset) * 1000)::float8 AS stats_reset_ms
  FROM pg_stat_io
 ORDER BY backend_type, object, context`;

export const IO_VIEW_SINCE = POSTGRES_VIEW_SINCE.pg_stat_io;
const OP_BYTES_UNTIL = 180000;

/** Reads I/O counters by backend type, object and context; null before PostgreSQL 16, which has no pg_stat_io. */
export async function collectIo(client: PgQueryClient, facts: ServerFacts): Promise<IoRow[] | null> {
  if (facts.versionNum < IO_VIEW_SINCE) return null;
  const { rows } = await client.query(IO_SQL(facts.versionNum < OP_BYTES_UNTIL ? 'op_bytes' : 'NULL::bigint'));
  return rows.map((row) => ({
    backendType: String(row.backend_type),
    object: String(row.object),
    context: String(row.context),
    opBytes: num(row.op_bytes),
    statsResetMs: num(row.stats_reset_ms),
    counters: {
      reads: num(row.reads),
      readTimeMs: num(row.read_time),
      writes: num(row.writes),
      writeTimeMs: num(row.write_time),
      writebacks: num(row.writebacks),
      writebackTimeMs: num(row.writeback_time),
      extends: num(row.extends),
      extendTimeMs: num(row.extend_time),
      hits: num(row.hits),
      evictions: num(row.evictions),
      reuses: num(row.reuses),
      fsyncs: num(row.fsyncs),
      fsyncTimeMs: num(row.fsync_time),
    },
  }));
}
