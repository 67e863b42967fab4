import { AGENT_QUERY_MARKER } from '@vigil/shared';
import type { WaitSample } from '../../state/postgres-waits-state.js';
import type { PgQueryClient } from './pg-query-client.js';

/** Stands for an active session with no wait event: running on CPU (or in code not instrumented with one). */
export const CPU_WAIT = 'CPU';

/**
 * Sessions per wait event right now. Counted: active sessions, and background processes
 * (state is null for them) unless they idle in their main loop (wait type Activity). Idle client
 * sessions are left out: they "wait" for the client (ClientRead), which is not load. The agent's
 * own backend and statements are left out too. $1 is the marker.
 */
const WAIT_SAMPLE_SQL = `${AGENT_QUERY_MARKER}
SELECT coalesce(wait_event_type, '${CPU_WAIT}') AS wait_event_type, coalesce(wait_event, '${CPU_WAIT}') AS wait_event, count(*)::int AS sessions
  FROM pg_stat_activity
 WHERE pid <> pg_backend_pid()
   AND (state = 'active' OR state IS NULL)
   AND wait_event_type IS DISTINCT FROM 'Activity'
   AND NOT starts_with(coalesce(query, ''), $1)
 GROUP BY 1, 2
 ORDER BY 1, 2`;

/** Takes one sample of what sessions are waiting for. */
export async function collectWaitSample(client: PgQueryClient): Promise<WaitSample> {
  const { rows } = await client.query(WAIT_SAMPLE_SQL, [AGENT_QUERY_MARKER]);
  return {
    events: rows.map((row) => ({ waitEventType: String(row.wait_event_type), waitEvent: String(row.wait_event), count: Number(row.sessions) })),
  };
}
