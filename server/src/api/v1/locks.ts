import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { blockedSessions } from '../../engines/figures/postgres-figures.js';
import { telemetryReads } from '../../storage/telemetry/reads/telemetry-reads.js';
import { route, type RouteSpec } from '../route.js';
import { DatabasePath } from './database-scope.js';
import { iso, limitParam, postgresDatabase, textOrNull } from './route-support.js';

/** Activity snapshots run on their own schedule (10 s by default): one this close describes the same sessions. */
const ACTIVITY_TOLERANCE_MS = 60_000;

const LockView = z.object({
  pid: z.number(),
  lock_type: z.string().describe('relation, transactionid, tuple, advisory, …'),
  mode: z.string(),
  relation_name: z.string().nullable().describe('schema.name, for relations of the agent\'s database or shared catalogs'),
  granted: z.boolean(),
  blocked_by_pid: z.number().nullable().describe('The first session this lock waits for'),
  blocking_pids: z.array(z.number()),
  duration_ms: z
    .number()
    .nullable()
    .describe("Waiting locks: how long they have waited (PostgreSQL 14+). Granted locks: how long the holder's transaction has been open. null when unknown"),
  query_text: z.string().nullable().describe("The session's query from the activity snapshot nearest the lock snapshot"),
  ts: z.string(),
  datname: z.string().nullable(),
  transactionid: z.string().nullable(),
  virtualxid: z.string().nullable(),
  page: z.number().nullable(),
  tuple: z.number().nullable(),
  fastpath: z.boolean(),
});

const LocksView = z.object({
  database_id: z.string(),
  ts: z.string().nullable().describe('The latest lock snapshot; null before the first'),
  blocked_sessions: z.number().describe('Sessions with a lock not granted'),
  locks_omitted: z.number().describe('Waiting or holding locks beyond the agent cap of 1000, not listed'),
  counts: z.array(z.object({ lock_type: z.string(), mode: z.string(), granted: z.boolean(), count: z.number() })).describe('Every lock at the snapshot by type, mode and grant'),
  locks: z.array(LockView).describe('Waiting locks first (longest wait first), then the locks they wait for'),
});

/** /databases/{id}/locks: who waits for whom at the latest lock snapshot (PostgreSQL). */
export function lockRoutes(ctx: AppContext): RouteSpec[] {
  const reads = telemetryReads(ctx.telemetry);
  return [
    route({
      method: 'get',
      path: '/databases/{id}/locks',
      summary: 'Lock waits and their holders at the latest snapshot (PostgreSQL)',
      tag: 'activity',
      auth: 'read',
      errors: ['ENGINE_MISMATCH'],
      params: DatabasePath,
      query: z.object({ limit: limitParam(100, 500) }),
      success: { status: 200, description: 'The latest lock snapshot', schema: LocksView },
      async handler({ principal, params, query }) {
        const db = await postgresDatabase(ctx, principal.orgId, params.id);
        const snapshot = await reads.latest('pg_locks', db, { limit: query.limit });
        if (!snapshot) return { body: { database_id: db.id, ts: null, blocked_sessions: 0, locks_omitted: 0, counts: [], locks: [] } };
        const pids = [...new Set(snapshot.locks.map((l) => l.pid))];
        const sessions = await reads.at('pg_activity', db, snapshot.ts, { toleranceMs: ACTIVITY_TOLERANCE_MS, pids });
        const ts = iso(snapshot.ts);
        return {
          body: {
            database_id: db.id,
            ts,
            blocked_sessions: blockedSessions(snapshot.locks),
            locks_omitted: snapshot.locks_omitted,
            counts: snapshot.counts.map((c) => ({ lock_type: c.locktype, mode: c.mode, granted: c.granted, count: c.count })),
            locks: snapshot.locks.map((l) => {
              const session = sessions.get(l.pid);
              return {
                pid: l.pid,
                lock_type: l.locktype,
                mode: l.mode,
                relation_name: textOrNull(l.relation),
                granted: l.granted,
                blocked_by_pid: l.blocking_pids[0] ?? null,
                blocking_pids: [...l.blocking_pids],
                duration_ms: l.granted ? (session ? session.xact_duration_ms : null) : l.wait_duration_ms || null,
                query_text: session ? session.query : null,
                ts,
                datname: textOrNull(l.datname),
                transactionid: textOrNull(l.transactionid),
                virtualxid: textOrNull(l.virtualxid),
                page: l.locktype === 'page' || l.locktype === 'tuple' ? l.page : null,
                tuple: l.locktype === 'tuple' ? l.tuple : null,
                fastpath: l.fastpath,
              };
            }),
          },
        };
      },
    }),
  ];
}
