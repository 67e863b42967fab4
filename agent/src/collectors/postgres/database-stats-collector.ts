import { AGENT_QUERY_MARKER } from '@vigil/shared';
import { DATABASE_COUNTER_COLUMNS, type DatabaseStatRow } from '../../state/postgres-server-state.js';
import type { PgQueryClient } from './pg-query-client.js';
import type { ServerFacts } from './server-facts-collector.js';
import { num, numbers } from './pg-values.js';

/**
 * pg_stat_database for every database of the server, with its size and wraparound distance, and
 * pg_stat_database_conflicts: the queries a standby cancelled, by cause (always 0 on a primary).
 * pg_database_size() fails without CONNECT on the database unless the role has
 * pg_read_all_stats, so it is only called where it may be. The row for shared catalogs
 * (datid 0) is left out: it has no database to attribute to.
 */
const DATABASE_STATS_SQL = (v: VersionColumns): string => `${AGENT_QUERY_MARKER}
SELECT d.datname,
       CASE WHEN has_database_privilege(d.oid, 'CONNECT') OR pg_has_role(current_user, 'pg_read_all_stats', 'USAGE')
            THEN pg_database_size(d.oid) END AS size_bytes,
       coalesce(s.numbackends, 0) AS numbackends, age(d.datfrozenxid) AS xid_age, mxid_age(d.datminmxid) AS mxid_age,
       (extract(epoch FROM s.stats_reset) * 1000)::float8 AS stats_reset_ms,
       s.xact_commit, s.xact_rollback, s.blks_read, s.blks_hit, s.tup_returned, s.tup_fetched,
       s.tup_inserted, s.tup_updated, s.tup_deleted, s.conflicts, s.temp_files, s.temp_bytes, s.deadlocks,
       s.checksum_failures, s.blk_read_time AS blk_read_time_ms, s.blk_write_time AS blk_write_time_ms,
       ${v.sessionTime} AS session_time_ms, ${v.activeTime} AS active_time_ms, ${v.idleInTransactionTime} AS idle_in_transaction_time_ms,
       ${v.sessions} AS sessions, ${v.sessionsAbandoned} AS sessions_abandoned, ${v.sessionsFatal} AS sessions_fatal,
       ${v.sessionsKilled} AS sessions_killed,
       c.confl_tablespace, c.confl_lock, c.confl_snapshot, c.confl_bufferpin, c.confl_deadlock
  FROM pg_database d
  LEFT JOIN pg_stat_database s ON s.datid = d.oid
  LEFT JOIN pg_stat_database_conflicts c ON c.datid = d.oid
 ORDER BY d.datname`;

interface VersionColumns {
  readonly sessionTime: string;
  readonly activeTime: string;
  readonly idleInTransactionTime: string;
  readonly sessions: string;
  readonly sessionsAbandoned: string;
  readonly sessionsFatal: string;
  readonly sessionsKilled: string;
}

/** The session statistics arrived in PostgreSQL 14. */
function versionColumns(versionNum: number): VersionColumns {
  const has = versionNum >= 140000;
  const column = (name: string): string => (has ? `s.${name}` : 'NULL::float8');
  return {
    sessionTime: column('session_time'),
    activeTime: column('active_time'),
    idleInTransactionTime: column('idle_in_transaction_time'),
    sessions: column('sessions'),
    sessionsAbandoned: column('sessions_abandoned'),
    sessionsFatal: column('sessions_fatal'),
    sessionsKilled: column('sessions_killed'),
  };
}

/** Reads every database's statistics counters, size, backends and XID age. */
export async function collectDatabaseStats(client: PgQueryClient, facts: ServerFacts): Promise<DatabaseStatRow[]> {
  const { rows } = await client.query(DATABASE_STATS_SQL(versionColumns(facts.versionNum)));
  return rows.map((row) => ({
    datname: String(row.datname),
    sizeBytes: num(row.size_bytes),
    numbackends: Number(row.numbackends),
    xidAge: Number(row.xid_age),
    mxidAge: Number(row.mxid_age),
    statsResetMs: num(row.stats_reset_ms),
    counters: numbers(row, DATABASE_COUNTER_COLUMNS),
  }));
}
