import { maxOr, ratioOrNull, sumOf } from './ratio.js';

/**
 * Figures derived from stored PostgreSQL telemetry: pure functions over plain values, shared by the
 * API, the health score and the doctor so all three agree on what "cache hit ratio" means.
 */

/** blks_hit / (hit + read) over the windows with deltas (a first reading has none); null when nothing was read. */
export function cacheHitRatio(databases: readonly { readonly blks_hit: number; readonly blks_read: number; readonly has_deltas: boolean }[]): number | null {
  const counted = databases.filter((d) => d.has_deltas);
  const hit = sumOf(counted, (d) => d.blks_hit);
  return ratioOrNull(hit, hit + sumOf(counted, (d) => d.blks_read));
}

/** n_dead_tup / (live + dead) over the tables given; null when they hold no tuples. */
export function deadTupleRatio(tables: readonly { readonly n_live_tup: number; readonly n_dead_tup: number }[]): number | null {
  const dead = sumOf(tables, (t) => t.n_dead_tup);
  return ratioOrNull(dead, dead + sumOf(tables, (t) => t.n_live_tup));
}

/** The most recent autovacuum of any table (Unix ms), or null when none is known (stored 0 means never). */
export function lastAutovacuumMs(tables: readonly { readonly last_autovacuum_ms: number }[]): number | null {
  const last = maxOr(tables.map((t) => t.last_autovacuum_ms), 0);
  return last > 0 ? last : null;
}

/** A session as the activity figures need it. */
export interface SessionFacts {
  readonly state: string;
  readonly query_duration_ms: number;
  readonly blocking_pids: readonly number[];
}

/** Active sessions, the longest running query among them (0 with none) and the sessions waiting for a lock another holds. */
export function activityFigures(sessions: readonly SessionFacts[]): { active_queries: number; longest_query_ms: number; blocked_queries: number } {
  const active = sessions.filter((s) => s.state === 'active');
  return {
    active_queries: active.length,
    longest_query_ms: Math.max(0, ...active.map((s) => s.query_duration_ms)),
    blocked_queries: sessions.filter((s) => s.blocking_pids.length > 0).length,
  };
}

/** Sessions with at least one lock not granted. */
export function blockedSessions(locks: readonly { readonly pid: number; readonly granted: boolean }[]): number {
  return new Set(locks.filter((l) => !l.granted).map((l) => l.pid)).size;
}

/** What replication lag means for one server at one snapshot. */
export interface ReplicationFacts {
  readonly in_recovery: boolean;
  readonly receive_lag_bytes: number;
  readonly replay_lag_bytes: number;
  readonly replay_lag_ms: number;
  readonly standbys: readonly { readonly replay_lag_bytes: number; readonly replay_lag_ms: number }[];
}

/**
 * A replica: WAL not yet received plus not yet replayed, and its replay delay. A primary: its
 * furthest standby by bytes and the longest replay delay of any. null: no replication.
 */
export function replicationLag(r: ReplicationFacts): { bytes: number; seconds: number } | null {
  if (r.in_recovery) return { bytes: r.receive_lag_bytes + r.replay_lag_bytes, seconds: r.replay_lag_ms / 1000 };
  if (r.standbys.length === 0) return null;
  return { bytes: Math.max(...r.standbys.map((s) => s.replay_lag_bytes)), seconds: Math.max(...r.standbys.map((s) => s.replay_lag_ms)) / 1000 };
}

/** One bucket of lag history: as a replica (standby_* set) or as a primary (primary_* of its furthest standby, null with none). */
export function lagHistoryPoint(p: {
  readonly standby_lag_bytes: number | null;
  readonly standby_lag_ms: number | null;
  readonly primary_lag_bytes: number | null;
  readonly primary_lag_ms: number | null;
}): { is_replica: boolean; lag_bytes: number | null; lag_seconds: number | null } {
  if (p.standby_lag_bytes !== null) return { is_replica: true, lag_bytes: p.standby_lag_bytes, lag_seconds: p.standby_lag_ms! / 1000 };
  return { is_replica: false, lag_bytes: p.primary_lag_bytes, lag_seconds: p.primary_lag_ms === null ? null : p.primary_lag_ms / 1000 };
}

/** WAL bytes per second over a reading's window; 0 for an empty window. */
export function walBytesPerSecond(w: { readonly ts: number; readonly window_start: number; readonly wal_bytes: number }): number {
  const seconds = (w.ts - w.window_start) / 1000;
  return seconds > 0 ? w.wal_bytes / seconds : 0;
}

/** Share of a sequence's usable range consumed, in percent with two decimals (0.123456 → 12.35). */
export function sequenceUsedPct(usedFraction: number): number {
  return Math.round(usedFraction * 10_000) / 100;
}

/** Average sessions in a wait over a bucket: the time spent in it over the bucket length. */
export function averageSessions(totalDurationMs: number, bucketMs: number): number {
  return totalDurationMs / bucketMs;
}
