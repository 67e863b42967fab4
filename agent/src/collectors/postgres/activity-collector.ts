import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { ActivitySession, ActivitySnapshot, LongestSession, StateCount } from '../../state/postgres-activity-state.js';
import type { PgQueryClient } from './pg-query-client.js';
import type { ServerFacts } from './server-facts-collector.js';
import { num, text } from './pg-values.js';

/** More would make one snapshot a large batch on a server with a connection storm; the total still counts them. */
export const MAX_SESSIONS = 500;

/**
 * Sessions that are not idle, minus the agent's own (this backend, and the agent's other
 * connections, recognised by the marker their queries start with). pg_blocking_pids() takes
 * every lock-manager partition lock, so it runs only for sessions that wait for a lock.
 * The text is cut before it leaves the server: track_activity_query_size may be large.
 * $1 is the marker.
 */
const SESSIONS_SQL = (queryId: string): string => `${AGENT_QUERY_MARKER}
SELECT a.pid, a.datname, a.usename, a.application_name, host(a.client_addr) AS client_addr, a.backend_type, a.state,
       a.wait_event_type, a.wait_event,
       (extract(epoch FROM a.query_start) * 1000)::float8 AS query_start_ms,
       (extract(epoch FROM n.now - a.query_start) * 1000)::float8 AS query_duration_ms,
       (extract(epoch FROM a.xact_start) * 1000)::float8 AS xact_start_ms,
       (extract(epoch FROM n.now - a.xact_start) * 1000)::float8 AS xact_duration_ms,
       (extract(epoch FROM n.now - a.state_change) * 1000)::float8 AS state_duration_ms,
       age(a.backend_xid) AS backend_xid_age, age(a.backend_xmin) AS backend_xmin_age,
       CASE WHEN a.wait_event_type = 'Lock' THEN pg_blocking_pids(a.pid) END AS blocking_pids,
       left(a.query, 8192) AS query, ${queryId} AS query_id,
       count(*) OVER () AS total
  FROM pg_stat_activity a CROSS JOIN (SELECT clock_timestamp() AS now) n
 WHERE a.pid <> pg_backend_pid() AND a.state <> 'idle' AND NOT starts_with(coalesce(a.query, ''), $1)
 ORDER BY a.xact_start NULLS LAST, a.query_start NULLS LAST, a.pid
 LIMIT ${MAX_SESSIONS}`;

/** Client backends per state, with each state's longest transaction and longest time in the state. */
const SUMMARY_SQL = `${AGENT_QUERY_MARKER}
WITH a AS (
  SELECT a.pid, coalesce(a.state, 'unknown') AS state, a.wait_event_type,
         extract(epoch FROM n.now - a.xact_start) * 1000 AS xact_ms,
         extract(epoch FROM n.now - a.state_change) * 1000 AS state_ms
    FROM pg_stat_activity a CROSS JOIN (SELECT clock_timestamp() AS now) n
   WHERE a.backend_type = 'client backend' AND a.pid <> pg_backend_pid()
)
SELECT state, count(*)::int AS sessions,
       count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS waiting_on_locks,
       max(xact_ms)::float8 AS longest_xact_ms,
       (array_agg(pid ORDER BY xact_ms DESC NULLS LAST))[1] AS longest_xact_pid,
       max(state_ms)::float8 AS longest_state_ms,
       (array_agg(pid ORDER BY state_ms DESC NULLS LAST))[1] AS longest_state_pid
  FROM a
 GROUP BY state
 ORDER BY state`;

/** pg_stat_activity.query_id arrived in PostgreSQL 14. */
const QUERY_ID_SINCE = 140000;

/** A duration from the server clock; a session that started after the clock was read would come out slightly negative. */
function duration(value: unknown): number | null {
  const ms = num(value);
  return ms === null ? null : Math.max(0, ms);
}

function toSession(row: Record<string, unknown>): ActivitySession {
  return {
    pid: Number(row.pid),
    datname: text(row.datname),
    usename: text(row.usename),
    applicationName: text(row.application_name),
    clientAddr: text(row.client_addr),
    backendType: text(row.backend_type),
    state: String(row.state),
    waitEventType: text(row.wait_event_type),
    waitEvent: text(row.wait_event),
    queryStartMs: num(row.query_start_ms),
    queryDurationMs: duration(row.query_duration_ms),
    xactStartMs: num(row.xact_start_ms),
    xactDurationMs: duration(row.xact_duration_ms),
    stateDurationMs: duration(row.state_duration_ms),
    backendXidAge: num(row.backend_xid_age),
    backendXminAge: num(row.backend_xmin_age),
    blockingPids: Array.isArray(row.blocking_pids) ? row.blocking_pids.map(Number) : [],
    query: text(row.query) ?? '',
    // query_id is 0 for utility statements when nothing computed one.
    queryId: row.query_id === null || row.query_id === undefined || String(row.query_id) === '0' ? null : String(row.query_id),
  };
}

/** The longest of the groups' candidates, or null when no group has one. */
function longest(rows: readonly Record<string, unknown>[], ms: string, pid: string): LongestSession | null {
  let best: LongestSession | null = null;
  for (const row of rows) {
    if (row[ms] === null || row[pid] === null) continue;
    const candidate = { pid: Number(row[pid]), durationMs: duration(row[ms])! };
    if (best === null || candidate.durationMs > best.durationMs) best = candidate;
  }
  return best;
}

/** Reads the non-idle sessions and the per-state summary of client backends. */
export async function collectActivity(client: PgQueryClient, facts: ServerFacts): Promise<ActivitySnapshot> {
  const queryId = facts.versionNum >= QUERY_ID_SINCE ? 'a.query_id::text' : 'NULL::text';
  const { rows: sessionRows } = await client.query(SESSIONS_SQL(queryId), [AGENT_QUERY_MARKER]);
  const { rows: summary } = await client.query(SUMMARY_SQL);
  const stateCounts: StateCount[] = summary.map((row) => ({ state: String(row.state), count: Number(row.sessions) }));
  const idleInTransaction = summary.filter((row) => String(row.state).startsWith('idle in transaction'));
  return {
    sessions: sessionRows.map(toSession),
    sessionsTotal: sessionRows.length === 0 ? 0 : Number(sessionRows[0]!.total),
    stateCounts,
    longestTransaction: longest(summary, 'longest_xact_ms', 'longest_xact_pid'),
    longestIdleInTransaction: longest(idleInTransaction, 'longest_state_ms', 'longest_state_pid'),
    waitingOnLocks: summary.reduce((sum, row) => sum + Number(row.waiting_on_locks), 0),
  };
}
