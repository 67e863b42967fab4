import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Database } from '../../storage/meta/meta-store.js';
import { telemetryReads } from '../../storage/telemetry/reads/telemetry-reads.js';
import { route, type RouteSpec } from '../route.js';
import { DatabasePath, databaseFor } from './database-scope.js';
import { iso, isoOrNull, limitParam, textOrNull } from './route-support.js';

/** Basira's /active limit: 50 by default, at most 200. */
export const ActiveQuery = z.object({ limit: limitParam(50, 200) });

const BaseActive = z.object({
  query_text: z.string().describe('Literal values stripped by the agent'),
  state: z.string().nullable(),
  wait_event_type: z.string().nullable(),
  wait_event: z.string().nullable(),
  duration_ms: z.number().describe('How long the current (or, when idle in transaction, the last) query has run'),
  blocking_pids: z.array(z.number()).describe('Sessions this one waits for (lock waits only)'),
  ts: z.string().describe('When the snapshot was taken'),
});

const PgActive = BaseActive.extend({
  pid: z.number(),
  datname: z.string().nullable(),
  usename: z.string().nullable(),
  application_name: z.string().nullable(),
  client_addr: z.string().nullable(),
  backend_type: z.string().nullable(),
  query_start: z.string().nullable(),
  xact_start: z.string().nullable(),
  xact_duration_ms: z.number(),
  state_duration_ms: z.number().describe('Time in the current state: for idle in transaction, how long it has idled'),
  backend_xmin_age: z.number(),
  query_hash: z.string().nullable().describe('Matches /queries when the server computes query ids (PostgreSQL 14+)'),
});

const ChActive = BaseActive.extend({
  pid: z.null(),
  query_id: z.string(),
  user: z.string(),
  memory_usage: z.number().describe('Bytes'),
  read_bytes: z.number(),
  read_rows: z.number(),
});

const PgSummary = z.object({
  sessions_total: z.number().describe('Non-idle sessions at the snapshot, listed or not'),
  sessions_omitted: z.number().describe('Beyond the agent cap of 500, not listed'),
  state_counts: z.array(z.object({ state: z.string(), count: z.number() })).describe('Client backends by state'),
  longest_transaction_ms: z.number(),
  longest_transaction_pid: z.number().nullable(),
  longest_idle_in_transaction_ms: z.number(),
  longest_idle_in_transaction_pid: z.number().nullable(),
  waiting_on_locks: z.number(),
});

export const ActiveView = z.discriminatedUnion('engine', [
  z.object({
    database_id: z.string(),
    engine: z.literal('postgres'),
    ts: z.string().nullable().describe('The latest snapshot; null before the first'),
    summary: PgSummary.nullable(),
    queries: z.array(PgActive),
  }),
  z.object({ database_id: z.string(), engine: z.literal('clickhouse'), ts: z.string().nullable(), queries: z.array(ChActive) }),
]);
export type ActiveBody = z.infer<typeof ActiveView>;

/** The latest activity snapshot of `db` as /active answers it (and the stream sends it). */
export async function activeBody(ctx: AppContext, db: Database, limit: number): Promise<ActiveBody> {
  const reads = telemetryReads(ctx.telemetry);
  if (db.engine === 'clickhouse') {
    const latest = await reads.latest('clickhouse_processes', db, { limit });
    const ts = latest ? iso(latest.ts) : null;
    return {
      database_id: db.id,
      engine: 'clickhouse',
      ts,
      queries: (latest?.queries ?? []).map((q) => ({
        pid: null,
        query_id: q.query_id,
        user: q.user,
        query_text: q.query_text,
        state: 'running',
        wait_event_type: null,
        wait_event: null,
        duration_ms: q.elapsed_ms,
        blocking_pids: [],
        memory_usage: q.memory_bytes,
        read_bytes: q.read_bytes,
        read_rows: q.read_rows,
        ts: ts!,
      })),
    };
  }
  const snapshot = await reads.latest('pg_activity', db, { limit });
  if (!snapshot) return { database_id: db.id, engine: 'postgres', ts: null, summary: null, queries: [] };
  const ts = iso(snapshot.ts);
  return {
    database_id: db.id,
    engine: 'postgres',
    ts,
    summary: {
      sessions_total: snapshot.sessions_listed + snapshot.sessions_omitted,
      sessions_omitted: snapshot.sessions_omitted,
      state_counts: [...snapshot.state_counts],
      longest_transaction_ms: snapshot.longest_transaction_ms,
      longest_transaction_pid: snapshot.longest_transaction_pid || null,
      longest_idle_in_transaction_ms: snapshot.longest_idle_in_transaction_ms,
      longest_idle_in_transaction_pid: snapshot.longest_idle_in_transaction_pid || null,
      waiting_on_locks: snapshot.waiting_on_locks,
    },
    queries: snapshot.sessions.map((s) => ({
      pid: s.pid,
      query_text: s.query,
      state: textOrNull(s.state),
      wait_event_type: textOrNull(s.wait_event_type),
      wait_event: textOrNull(s.wait_event),
      duration_ms: s.query_duration_ms,
      blocking_pids: [...s.blocking_pids],
      ts,
      datname: textOrNull(s.datname),
      usename: textOrNull(s.usename),
      application_name: textOrNull(s.application_name),
      client_addr: textOrNull(s.client_addr),
      backend_type: textOrNull(s.backend_type),
      query_start: isoOrNull(s.query_start_ms),
      xact_start: isoOrNull(s.xact_start_ms),
      xact_duration_ms: s.xact_duration_ms,
      state_duration_ms: s.state_duration_ms,
      backend_xmin_age: s.backend_xmin_age,
      query_hash: textOrNull(s.query_hash),
    })),
  };
}

/** /databases/{id}/active: the latest snapshot of running queries, for both engines. */
export function activityRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/databases/{id}/active',
      summary: 'Queries running at the latest snapshot (PostgreSQL sessions not idle; ClickHouse processes), longest first',
      tag: 'activity',
      auth: 'read',
      params: DatabasePath,
      query: ActiveQuery,
      success: { status: 200, description: 'The latest snapshot', schema: ActiveView },
      async handler({ principal, params, query }) {
        const db = await databaseFor(ctx, principal.orgId, params.id);
        return { body: await activeBody(ctx, db, query.limit) };
      },
    }),
  ];
}
