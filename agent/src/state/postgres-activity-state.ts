/** pg_stat_activity at one moment: the activity collector's output (lives for one run; nothing persists). */

export interface ActivitySession {
  readonly pid: number;
  readonly datname: string | null;
  readonly usename: string | null;
  readonly applicationName: string | null;
  readonly clientAddr: string | null;
  readonly backendType: string | null;
  readonly state: string;
  readonly waitEventType: string | null;
  readonly waitEvent: string | null;
  readonly queryStartMs: number | null;
  readonly queryDurationMs: number | null;
  readonly xactStartMs: number | null;
  readonly xactDurationMs: number | null;
  /** Time since the last state change: how long an idle-in-transaction session has idled. */
  readonly stateDurationMs: number | null;
  readonly backendXidAge: number | null;
  readonly backendXminAge: number | null;
  /** Sessions this one waits for; empty unless it waits for a heavyweight lock. */
  readonly blockingPids: readonly number[];
  /** Raw text (may hold literals: strip before it leaves the host), cut at 8 KiB. */
  readonly query: string;
  /** pg_stat_activity.query_id (PostgreSQL 14+, with compute_query_id); null otherwise. */
  readonly queryId: string | null;
}

export interface StateCount {
  readonly state: string;
  readonly count: number;
}

/** The session that has been in a condition longest, and for how long. */
export interface LongestSession {
  readonly pid: number;
  readonly durationMs: number;
}

export interface ActivitySnapshot {
  /** Non-idle sessions, longest transaction first, capped. */
  readonly sessions: readonly ActivitySession[];
  /** How many non-idle sessions there were in all (more than sessions.length when capped). */
  readonly sessionsTotal: number;
  /** Client backends by state; "unknown" for sessions whose state the role cannot see. */
  readonly stateCounts: readonly StateCount[];
  readonly longestTransaction: LongestSession | null;
  readonly longestIdleInTransaction: LongestSession | null;
  /** Client backends waiting for a heavyweight lock. */
  readonly waitingOnLocks: number;
}
