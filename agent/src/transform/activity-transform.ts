import type { vigil } from '@vigil/proto';
import { stripLiterals } from '@vigil/shared';
import type { ActivitySnapshot } from '../state/postgres-activity-state.js';

/** Longest query text sent per session, after literals are stripped. */
export const MAX_SESSION_QUERY_CHARS = 2048;

/** An activity snapshot taken at `tsMs` → its wire record. Query texts leave only with literals stripped. */
export function activityToWire(snapshot: ActivitySnapshot, tsMs: number): vigil.v1.IPgActivitySnapshot {
  return {
    tsMs,
    sessions: snapshot.sessions.map((s) => ({
      pid: s.pid,
      datname: s.datname,
      usename: s.usename,
      applicationName: s.applicationName,
      clientAddr: s.clientAddr,
      backendType: s.backendType,
      state: s.state,
      waitEventType: s.waitEventType,
      waitEvent: s.waitEvent,
      queryStartMs: s.queryStartMs === null ? null : Math.round(s.queryStartMs),
      queryDurationMs: s.queryDurationMs,
      xactStartMs: s.xactStartMs === null ? null : Math.round(s.xactStartMs),
      xactDurationMs: s.xactDurationMs,
      stateDurationMs: s.stateDurationMs,
      backendXidAge: s.backendXidAge,
      backendXminAge: s.backendXminAge,
      blockingPids: [...s.blockingPids],
      query: stripLiterals(s.query).slice(0, MAX_SESSION_QUERY_CHARS),
      queryHash: s.queryId,
    })),
    sessionsOmitted: Math.max(0, snapshot.sessionsTotal - snapshot.sessions.length),
    stateCounts: snapshot.stateCounts.map((c) => ({ state: c.state, count: c.count })),
    longestTransactionMs: snapshot.longestTransaction?.durationMs ?? null,
    longestTransactionPid: snapshot.longestTransaction?.pid ?? null,
    longestIdleInTransactionMs: snapshot.longestIdleInTransaction?.durationMs ?? null,
    longestIdleInTransactionPid: snapshot.longestIdleInTransaction?.pid ?? null,
    waitingOnLocks: snapshot.waitingOnLocks,
  };
}
